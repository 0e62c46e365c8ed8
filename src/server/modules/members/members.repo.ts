import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope, scopePrefix } from '../../access/scope.js';
import { queryGrams } from '../../../shared/member-input.js';

export interface MemberQuery {
  q?: string;
  /** blind index of an ID number typed into the search box */
  idHash?: string;
  phone?: string;
  orgPath?: string;
  status?: 'active' | 'transferring' | 'retained' | 'left' | 'current';
  enterpriseId?: number;
  isIndustrial?: boolean;
  isMigrant?: boolean;
  page: number;
  pageSize: number;
}

const LIST_COLUMNS = [
  'p.id', 'p.name', 'p.gender', 'p.birth_date', 'p.id_masked', 'p.phone', 'p.employer_name', 'p.is_industrial', 'p.is_migrant',
  'p.is_new_employment', 'p.is_model_worker', 'm.id as membership_id', 'm.org_id', 'm.status', 'm.joined_on', 'm.card_no',
  // A scalar subquery runs for the page's rows only; joining orgs let the planner, misjudging a
  // name search at 3 rows, loop every org against thousands of matches.
  sql<string>`(select o.name from orgs o where o.id = m.org_id)`.as('org_name'),
] as const;

function filtered(db: Kdb, actor: Actor, q: MemberQuery) {
  let base = db
    .selectFrom('memberships as m')
    .innerJoin('persons as p', 'p.id', 'm.person_id');
  // A member sees their own record only; everyone else their organisation subtree.
  base = actor.role === 'member' ? base.where('p.id', '=', actor.personId ?? -1) : base.where(orgIdInScope(actor, 'm.org_id'));
  if (!q.status || q.status === 'current') base = base.where('m.status', '<>', 'left');
  else base = base.where('m.status', '=', q.status);
  if (q.orgPath) base = base.where('m.org_id', 'in', (eb) => eb.selectFrom('orgs').select('id').where('path', 'like', `${q.orgPath}%`));
  if (q.idHash) base = base.where('p.id_hash', '=', q.idHash);
  if (q.phone) base = base.where('p.phone', '=', q.phone);
  if (q.q) {
    const grams = queryGrams(q.q);
    base = base.where(sql<boolean>`p.name_grams @> ${sql.val(grams)}::text[]`).where('p.name', 'like', `%${q.q}%`);
  }
  if (q.enterpriseId) base = base.where('m.enterprise_id', '=', q.enterpriseId);
  if (q.isIndustrial !== undefined) base = base.where('p.is_industrial', '=', q.isIndustrial);
  if (q.isMigrant !== undefined) base = base.where('p.is_migrant', '=', q.isMigrant);
  return base;
}

/** Past this many index entries to read, the plain sorted query is cheaper than the per-org merge. */
const PER_ORG_BUDGET = 200_000;

/**
 * The newest-first page of a subtree roster, as membership ids, merged from each org's own
 * index (org_id, id): a town's page reads ~20 rows per org instead of scanning the whole
 * table backwards past other towns' members (ids follow import order, so they cluster by org).
 * Returns null when the plain query is the better plan (no subtree, text search, deep pages).
 */
async function pageIdsPerOrg(db: Kdb, actor: Actor, q: MemberQuery): Promise<number[] | null> {
  if (actor.role === 'member' || q.q || q.idHash || q.phone || q.enterpriseId || q.isIndustrial !== undefined || q.isMigrant !== undefined) return null;
  if (q.status === 'left') return null;
  const prefix = q.orgPath ?? scopePrefix(actor);
  if (!prefix) return null;
  const depth = q.page * q.pageSize;
  const orgIds = (await db.selectFrom('orgs').select('id').where('path', 'like', `${prefix}%`).execute()).map((o) => o.id);
  if (orgIds.length * depth > PER_ORG_BUDGET) return null;
  const status = q.status && q.status !== 'current' ? sql`and m.status = ${q.status}` : sql``;
  const r = await sql<{ id: number }>`
    select x.id from unnest(${orgIds}::int[]) as s(oid)
    cross join lateral (
      select m.id from memberships m where m.org_id = s.oid and m.status <> 'left' ${status} order by m.id desc limit ${depth}
    ) x
    order by x.id desc limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  return r.rows.map((x) => x.id);
}

/** Unfiltered subtree lists take their total from the maintained counts, not a count over 1M rows. */
function countFromCounters(q: MemberQuery): boolean {
  return !q.q && !q.idHash && !q.phone && !q.enterpriseId && q.isIndustrial === undefined && q.isMigrant === undefined && (!q.status || q.status === 'current');
}

export async function listMembers(db: Kdb, actor: Actor, q: MemberQuery) {
  const base = filtered(db, actor, q);
  const itemsP = pageIdsPerOrg(db, actor, q).then((ids) => {
    let page = base.select(LIST_COLUMNS).orderBy('m.id', 'desc');
    page = ids ? page.where('m.id', 'in', ids.length ? ids : [-1]) : page.limit(q.pageSize).offset((q.page - 1) * q.pageSize);
    return page.execute();
  });
  let totalP: Promise<number>;
  if (countFromCounters(q) && actor.role !== 'member') {
    let c = db.selectFrom('org_member_counts as c').innerJoin('orgs as o', 'o.id', 'c.org_id').where(orgIdInScope(actor, 'c.org_id'));
    if (q.orgPath) c = c.where('o.path', 'like', `${q.orgPath}%`);
    totalP = c.select(sql<number>`coalesce(sum(c.members + c.retained), 0)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n);
  } else {
    totalP = base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow().then((r) => r.n);
  }
  const [items, total] = await Promise.all([itemsP, totalP]);
  return { items, total };
}

/** Streams every row of a filtered roster in id order, in keyset pages, for exports. */
export async function* iterateMembers(db: Kdb, actor: Actor, q: Omit<MemberQuery, 'page' | 'pageSize'>, batch = 2000) {
  // memberships.id is an int4: a bound larger than 2^31-1 is an SQL error, so the first page has no bound.
  let after: number | null = null;
  for (;;) {
    let page = filtered(db, actor, { ...q, page: 1, pageSize: batch })
      .select([...LIST_COLUMNS, 'p.id_enc', 'p.ethnicity', 'p.education', 'p.political', 'p.household_type', 'p.employment_status', 'p.skill_level', 'p.occupation', 'm.join_method']);
    if (after !== null) page = page.where('m.id', '<', after);
    const rows = await page
      .orderBy('m.id', 'desc')
      .limit(batch)
      .execute();
    if (!rows.length) return;
    yield rows;
    after = rows[rows.length - 1].membership_id;
    if (rows.length < batch) return;
  }
}

export function findPersonById(db: Kdb, id: number) {
  return db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findPersonByHash(db: Kdb, idHash: string) {
  return db.selectFrom('persons').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/** The current (not 退会) membership of a person, with its org. */
export function currentMembership(db: Kdb, personId: number) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select(['o.name as org_name', 'o.path as org_path'])
    .where('m.person_id', '=', personId)
    .where('m.status', '<>', 'left')
    .executeTakeFirst();
}

/** Current memberships of many people at once (import dedupe). */
export function currentByHashes(db: Kdb, hashes: string[]) {
  return db
    .selectFrom('persons as p')
    .leftJoin('memberships as m', (j) => j.onRef('m.person_id', '=', 'p.id').on('m.status', '<>', 'left'))
    .leftJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['p.id', 'p.id_hash', 'm.org_id', 'm.import_id', 'm.import_row', 'o.name as org_name', 'o.path as org_path'])
    .where('p.id_hash', 'in', hashes)
    .execute();
}

export function membershipHistory(db: Kdb, personId: number) {
  return Promise.all([
    db
      .selectFrom('memberships as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .select(['m.id', 'm.org_id', 'o.name as org_name', 'o.path as org_path', 'm.status', 'm.joined_on', 'm.ended_on', 'm.status_reason', 'm.created_at'])
      .where('m.person_id', '=', personId)
      .orderBy('m.id')
      .execute(),
    db
      .selectFrom('membership_events as e')
      .leftJoin('orgs as f', 'f.id', 'e.from_org_id')
      .leftJoin('orgs as t', 't.id', 'e.to_org_id')
      .select(['e.id', 'e.event', 'e.from_org_id', 'f.name as from_org_name', 'f.path as from_org_path', 'e.to_org_id', 't.name as to_org_name', 't.path as to_org_path', 'e.reason', 'e.at'])
      .where('e.person_id', '=', personId)
      .orderBy('e.id')
      .execute(),
  ]);
}
