import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope } from '../../access/scope.js';
import type { HardshipRecordsTable } from '../../db/tables/hardship.js';
import type { Insertable, Updateable } from 'kysely';

// All SQL of the hardship module. Lists and figures are scoped in SQL (orgIdInScope).

export function listThresholds(db: Kdb) {
  return db.selectFrom('hardship_thresholds as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .select(['t.year', 't.dibao_fen', 't.deep_pct', 't.relative_pct', 't.accident_pct', 't.accident_cost_pct', 't.note', 't.updated_at', 'u.username as updated_by_name'])
    .orderBy('t.year', 'desc')
    .execute();
}

export function findThresholds(db: Kdb, year: number) {
  return db.selectFrom('hardship_thresholds').selectAll().where('year', '=', year).executeTakeFirst();
}

export async function upsertThresholds(db: Kdb, v: { year: number; dibao_fen: number; deep_pct: number; relative_pct: number; accident_pct: number | null; accident_cost_pct: number; note: string | null; updated_by: number | null }) {
  const { year: _year, ...rest } = v;
  await db.insertInto('hardship_thresholds').values({ ...v, updated_at: new Date() })
    .onConflict((oc) => oc.column('year').doUpdateSet({ ...rest, updated_at: new Date() }))
    .execute();
}

export function findPerson(db: Kdb, personId: number) {
  return db.selectFrom('persons').select(['id', 'name', 'gender', 'birth_date', 'id_masked', 'phone', 'employer_name']).where('id', '=', personId).executeTakeFirst();
}

export function findRecord(db: Kdb, id: number, forUpdate = false) {
  let q = db.selectFrom('hardship_records as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .innerJoin('orgs as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['p.name as person_name', 'p.gender', 'p.birth_date as person_birth_date', 'p.id_masked', 'p.employer_name', 'o.name as org_name', 'o.path as org_path',
      sql<string | null>`(select username from users where id = r.created_by)`.as('created_by_name'),
      sql<string | null>`(select username from users where id = r.verified_by)`.as('verified_by_name'),
      sql<string | null>`(select username from users where id = r.exited_by)`.as('exited_by_name')])
    .where('r.id', '=', id);
  if (forUpdate) q = q.forUpdate('r');
  return q.executeTakeFirst();
}

export type RecordRow = NonNullable<Awaited<ReturnType<typeof findRecord>>>;

export function openRecordOf(db: Kdb, personId: number) {
  return db.selectFrom('hardship_records').selectAll().where('person_id', '=', personId).where('status', '=', 'open').executeTakeFirst();
}

export async function insertRecord(db: Kdb, values: Insertable<HardshipRecordsTable>): Promise<number> {
  const r = await db.insertInto('hardship_records').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateRecord(db: Kdb, id: number, set: Updateable<HardshipRecordsTable>): Promise<void> {
  await db.updateTable('hardship_records').set({ ...set, updated_at: new Date() }).where('id', '=', id).execute();
}

/** The roster flag 困难职工 follows whether the person has an open file with a hardship tier. */
export async function syncPersonFlag(db: Kdb, personId: number): Promise<void> {
  await sql`update persons set is_hardship = exists (
      select 1 from hardship_records r where r.person_id = ${personId} and r.status = 'open' and r.tier <> 'none')
    where id = ${personId}`.execute(db);
}

export async function insertEvent(db: Kdb, e: { record_id: number; action: string; tier: string; tier_year: number; per_capita_fen: number; household_size: number; annual_income_fen: number; annual_expense_fen: number; comment: string | null; actor_user_id: number | null; actor_name: string }) {
  await db.insertInto('hardship_record_events').values(e).execute();
}

export function recordEvents(db: Kdb, recordId: number) {
  return db.selectFrom('hardship_record_events').selectAll().where('record_id', '=', recordId).orderBy('id').execute();
}

export interface RecordQuery {
  status?: 'open' | 'exited';
  tier?: string;
  cause?: string;
  orgPath?: string;
  q?: string;
  verified?: boolean;
  /** open records last reviewed on or before this date (yearly review due) */
  reviewedOnOrBefore?: string;
  page: number;
  pageSize: number;
}

function filtered(db: Kdb, actor: Actor, q: Omit<RecordQuery, 'page' | 'pageSize'>) {
  let base = db.selectFrom('hardship_records as r')
    .innerJoin('persons as p', 'p.id', 'r.person_id')
    .where(orgIdInScope(actor, 'r.org_id'));
  if (q.status) base = base.where('r.status', '=', q.status);
  if (q.tier) base = base.where('r.tier', '=', q.tier);
  if (q.cause) base = base.where(sql<boolean>`${q.cause} = any(r.causes)`);
  if (q.orgPath) base = base.where('r.org_id', 'in', (eb) => eb.selectFrom('orgs').select('id').where('path', 'like', `${q.orgPath}%`));
  if (q.q) base = base.where('p.name', 'like', `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  if (q.verified !== undefined) base = base.where('r.verified_at', q.verified ? 'is not' : 'is', null);
  if (q.reviewedOnOrBefore) base = base.where('r.status', '=', 'open').where('r.last_reviewed_on', '<=', q.reviewedOnOrBefore);
  return base;
}

export async function listRecords(db: Kdb, actor: Actor, q: RecordQuery, order: 'newest' | 'review' = 'newest') {
  const base = filtered(db, actor, q);
  let page = base.select([
    'r.id', 'r.person_id', 'p.name as person_name', 'p.id_masked', 'r.org_id', 'r.status', 'r.tier', 'r.tier_year', 'r.main_cause', 'r.causes',
    'r.per_capita_fen', 'r.household_size', 'r.verified_at', 'r.last_reviewed_on', 'r.health_recorded', 'r.created_at', 'r.exited_at', 'r.exit_reason',
    sql<string>`(select o.name from orgs o where o.id = r.org_id)`.as('org_name'),
  ]);
  page = order === 'review' ? page.orderBy('r.last_reviewed_on').orderBy('r.id') : page.orderBy('r.id', 'desc');
  const [items, total] = await Promise.all([
    page.limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n),
  ]);
  return { items, total };
}

/** Counts by tier, by cause and by the organisation one level below the caller's scope root. */
export async function figures(db: Kdb, actor: Actor, q: Omit<RecordQuery, 'page' | 'pageSize'>, groupDepth: number) {
  const base = filtered(db, actor, q);
  const [byTier, byCause, byGroup] = await Promise.all([
    base.select(['r.tier', sql<number>`count(*)::int`.as('n')]).groupBy('r.tier').execute(),
    base.select([sql<string>`unnest(r.causes)`.as('cause'), sql<number>`count(*)::int`.as('n')]).groupBy(sql`1`).execute(),
    // '/1/7/12/' split on '/' gives ['', '1', '7', '12', '']: part (depth + 2) is the org at that depth.
    base.innerJoin('orgs as o', 'o.id', 'r.org_id')
      .select([sql<string>`split_part(o.path, '/', ${sql.lit(groupDepth + 2)})`.as('group_id'), sql<number>`count(*)::int`.as('n')])
      .groupBy(sql`1`).execute(),
  ]);
  return { byTier, byCause, byGroup };
}

export function orgNames(db: Kdb, ids: number[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('orgs').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** The newest file of a person (open first), for the member's own view and for other modules. */
export function latestRecordOf(db: Kdb, personId: number) {
  return db.selectFrom('hardship_records').selectAll()
    .where('person_id', '=', personId)
    .orderBy(sql`status = 'open'`, 'desc').orderBy('id', 'desc')
    .limit(1).executeTakeFirst();
}
