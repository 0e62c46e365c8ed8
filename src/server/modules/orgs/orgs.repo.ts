import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Org } from '../../db/schema.js';
import type { Actor } from '../../access/actor.js';
import { orgIdInScope } from '../../access/scope.js';

export function findOrg(db: Kdb, id: number): Promise<Org | undefined> {
  return db.selectFrom('orgs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrgsByIds(db: Kdb, ids: number[]): Promise<Org[]> {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('orgs').selectAll().where('id', 'in', ids).execute();
}

/** Resolve an org reference as users type it: an id, a credit code, or an exact name. */
export async function resolveOrgRef(db: Kdb, ref: string): Promise<Org[]> {
  const t = ref.trim();
  if (/^\d+$/.test(t) && t.length < 10) {
    const o = await findOrg(db, Number(t));
    return o ? [o] : [];
  }
  return db
    .selectFrom('orgs')
    .selectAll()
    .where((eb) => eb.or([eb('credit_code', '=', t.toUpperCase()), eb('name', '=', t)]))
    .where('status', '=', 'active')
    .execute();
}

export interface OrgListQuery {
  q?: string;
  parentId?: number;
  type?: string;
  status?: string;
  page: number;
  pageSize: number;
}

export async function listOrgs(db: Kdb, actor: Actor, q: OrgListQuery) {
  let base = db.selectFrom('orgs').where(orgIdInScope(actor, 'orgs.id'));
  if (q.q) base = base.where((eb) => eb.or([eb('name', 'like', `%${q.q}%`), eb('credit_code', '=', q.q!.toUpperCase())]));
  if (q.parentId) base = base.where('parent_id', '=', q.parentId);
  if (q.type) base = base.where('type', '=', q.type);
  if (q.status) base = base.where('status', '=', q.status);
  const [items, total] = await Promise.all([
    base.selectAll().orderBy('path').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** The whole visible tree as a flat list in path order (a district has a few thousand orgs). */
export function listTree(db: Kdb, actor: Actor, includeClosed: boolean) {
  let q = db
    .selectFrom('orgs')
    .leftJoin('org_member_counts as c', 'c.org_id', 'orgs.id')
    .select(['orgs.id', 'orgs.parent_id', 'orgs.name', 'orgs.type', 'orgs.status', 'orgs.depth', 'orgs.path', sql<number>`coalesce(c.members, 0)`.as('members')])
    .where(orgIdInScope(actor, 'orgs.id'));
  if (!includeClosed) q = q.where('orgs.status', '=', 'active');
  return q.orderBy('orgs.path').execute();
}

export async function insertOrg(db: Kdb, values: Omit<Org, 'id' | 'path' | 'depth' | 'created_at' | 'updated_at' | 'status' | 'closed_on' | 'close_reason'>, parent: Org | null): Promise<Org> {
  const { id } = await sql<{ id: number }>`select nextval(pg_get_serial_sequence('orgs', 'id'))::int as id`.execute(db).then((r) => r.rows[0]);
  return db
    .insertInto('orgs')
    .values({ ...values, id, path: `${parent ? parent.path : '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Re-root a subtree: every descendant's path and depth follow in one statement. */
export async function moveSubtree(db: Kdb, org: Org, newParent: Org): Promise<void> {
  const newPath = `${newParent.path}${org.id}/`;
  const depthDelta = newParent.depth + 1 - org.depth;
  await db
    .updateTable('orgs')
    .set({
      path: sql`${newPath} || substr(path, ${org.path.length + 1})`,
      depth: sql`depth + ${depthDelta}`,
      updated_at: new Date(),
    })
    .where('path', 'like', `${org.path}%`)
    .execute();
  await db.updateTable('orgs').set({ parent_id: newParent.id }).where('id', '=', org.id).execute();
}

export async function subtreeStats(db: Kdb, path: string) {
  const like = `${path}%`;
  const ent = await db
    .selectFrom('enterprises as e')
    .innerJoin('orgs as o', 'o.id', 'e.org_id')
    .where('o.path', 'like', like)
    .select([
      sql<number>`count(*)::int`.as('enterprises'),
      sql<number>`count(*) filter (where e.union_established)::int`.as('enterprisesWithUnion'),
      sql<number>`count(*) filter (where e.employees >= 100)::int`.as('enterprises100'),
      sql<number>`count(*) filter (where e.employees >= 100 and e.union_established)::int`.as('enterprises100WithUnion'),
      sql<number>`coalesce(sum(e.employees), 0)::int`.as('employees'),
    ])
    .executeTakeFirstOrThrow();
  const mem = await db
    .selectFrom('org_member_counts as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .where('o.path', 'like', like)
    .select([
      sql<number>`coalesce(sum(c.members), 0)::int`.as('members'),
      sql<number>`coalesce(sum(c.industrial), 0)::int`.as('industrialMembers'),
      sql<number>`coalesce(sum(c.migrant), 0)::int`.as('migrantMembers'),
      sql<number>`coalesce(sum(c.retained), 0)::int`.as('retainedMembers'),
    ])
    .executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom('orgs')
    .where('path', 'like', like)
    .where('status', '=', 'active')
    .where('type', '<>', 'member_unit')
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return { ...ent, ...mem, unions: orgs.n };
}

/** Members per direct child subtree: the "members by town/street" chart. */
export function childMemberCounts(db: Kdb, org: Org) {
  return db
    .selectFrom('orgs as ch')
    .leftJoin('orgs as d', (j) => j.on('d.path', 'like', sql<string>`ch.path || '%'`))
    .leftJoin('org_member_counts as c', 'c.org_id', 'd.id')
    .where('ch.parent_id', '=', org.id)
    .where('ch.status', '=', 'active')
    .where('ch.type', '<>', 'member_unit')
    .groupBy(['ch.id', 'ch.name', 'ch.type', 'ch.path'])
    .select([
      'ch.id', 'ch.name', 'ch.type',
      sql<number>`coalesce(sum(c.members), 0)::int`.as('members'),
      sql<number>`coalesce(sum(c.industrial), 0)::int`.as('industrialMembers'),
      sql<number>`coalesce(sum(c.migrant), 0)::int`.as('migrantMembers'),
    ])
    .orderBy('ch.path')
    .execute();
}

export async function hasActiveChildren(db: Kdb, id: number): Promise<boolean> {
  const r = await db.selectFrom('orgs').select('id').where('parent_id', '=', id).where('status', '=', 'active').limit(1).executeTakeFirst();
  return !!r;
}

export async function currentMemberCount(db: Kdb, id: number): Promise<number> {
  const r = await db.selectFrom('org_member_counts').select(['members', 'retained']).where('org_id', '=', id).executeTakeFirst();
  return r ? r.members + r.retained : 0;
}
