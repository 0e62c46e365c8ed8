/** Kysely table types: Reform plans, tasks, progress, supervision. Add one property per table (name → row type). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReformTaskTables {}
