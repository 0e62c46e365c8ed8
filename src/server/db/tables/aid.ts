/** Kysely table types: Aid applications, payment batches, campaigns. Add one property per table (name → row type). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AidTables {}
