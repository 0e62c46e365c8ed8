/** Kysely table types: Mutual-aid plans, enrolments, claims. Add one property per table (name → row type). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MutualAidTables {}
