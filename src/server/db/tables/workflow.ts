/** Kysely table types: Attachments, notifications, applications (review workflow). Add one property per table (name → row type). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WorkflowTables {}
