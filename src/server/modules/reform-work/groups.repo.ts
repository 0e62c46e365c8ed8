import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';

export function listGroups(db: Kdb) {
  return db
    .selectFrom('reform_groups as g')
    .selectAll('g')
    .select(sql<number>`(select count(*)::int from reform_group_members m where m.group_id = g.id and m.ended_on is null)`.as('current_members'))
    .orderBy('g.kind')
    .orderBy('g.term_no', 'desc')
    .execute();
}

export function findGroup(db: Kdb, id: number) {
  return db.selectFrom('reform_groups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMember(db: Kdb, id: number) {
  return db.selectFrom('reform_group_members').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface MemberQuery {
  history: boolean;
  role?: string;
  q?: string;
  page: number;
  pageSize: number;
}

const ROLE_ORDER = sql<number>`case m.role when 'leader' then 0 when 'deputy' then 1 when 'member' then 2 else 3 end`;

export async function listMembers(db: Kdb, groupId: number, q: MemberQuery) {
  let base = db.selectFrom('reform_group_members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').where('m.group_id', '=', groupId);
  if (!q.history) base = base.where('m.ended_on', 'is', null);
  if (q.role) base = base.where('m.role', '=', q.role);
  if (q.q) base = base.where((eb) => eb.or([eb('m.name', 'like', `%${q.q}%`), eb('o.name', 'like', `%${q.q}%`)]));
  const [items, total] = await Promise.all([
    base
      .selectAll('m')
      .select(['o.name as org_name', 'o.type as org_type'])
      .orderBy(ROLE_ORDER)
      .orderBy('o.type')
      .orderBy('o.path')
      .orderBy('m.started_on', 'desc')
      .orderBy('m.id')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** The seat's whole chain: this row, its predecessors and successors, oldest first. */
export async function memberChain(db: Kdb, id: number) {
  const r = await sql<{ id: number }>`
    with recursive back as (
      select id, previous_id from reform_group_members where id = ${id}
      union all select m.id, m.previous_id from reform_group_members m join back b on m.id = b.previous_id
    ), fwd as (
      select id from reform_group_members where id = ${id}
      union all select m.id from reform_group_members m join fwd f on m.previous_id = f.id
    )
    select id from back union select id from fwd`.execute(db);
  const ids = r.rows.map((x) => Number(x.id));
  return db
    .selectFrom('reform_group_members as m')
    .innerJoin('orgs as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select(['o.name as org_name', 'o.type as org_type'])
    .where('m.id', 'in', ids)
    .orderBy('m.started_on')
    .orderBy('m.id')
    .execute();
}
