/** Kysely table types: Reform groups, documents, meetings, budget, activities. Add one property per table (name → row type). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReformWorkTables {}
