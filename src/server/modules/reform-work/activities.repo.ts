import { sql } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { visibleOrganiser } from './access.js';

export interface ActivityFilter {
  type?: string;
  from?: string;
  to?: string;
  /** organiser inside this org's subtree (path prefix) */
  orgPath?: string;
  /** exactly this organiser (figures by organiser open their records with it) */
  organiserId?: number;
  taskId?: number;
  sourceModule?: string;
  q?: string;
}

export function filtered(db: Kdb, actor: Actor, f: ActivityFilter) {
  let q = db.selectFrom('activities as a').innerJoin('orgs as o', 'o.id', 'a.org_id').where(visibleOrganiser(actor, 'a.org_id'));
  if (f.type) q = q.where('a.type', '=', f.type);
  if (f.from) q = q.where('a.held_on', '>=', f.from);
  if (f.to) q = q.where('a.held_on', '<=', f.to);
  if (f.orgPath) q = q.where('o.path', 'like', `${f.orgPath}%`);
  if (f.organiserId) q = q.where('a.org_id', '=', f.organiserId);
  if (f.taskId) q = q.where('a.task_id', '=', f.taskId);
  if (f.sourceModule) q = q.where('a.source_module', '=', f.sourceModule);
  if (f.q) q = q.where((eb) => eb.or([eb('a.title', 'like', `%${f.q}%`), eb('a.place', 'like', `%${f.q}%`)]));
  return q;
}

export async function listActivities(db: Kdb, actor: Actor, f: ActivityFilter, page: number, pageSize: number) {
  const base = filtered(db, actor, f);
  const [items, total] = await Promise.all([
    base.selectAll('a').select(['o.name as org_name', sql<number>`(select count(*)::int from attachments t where t.owner_type = 'activity' and t.owner_id = a.id)`.as('photos')])
      .orderBy('a.held_on', 'desc').orderBy('a.id', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select([sql<number>`count(*)::int`.as('n'), sql<number>`coalesce(sum(a.participant_count), 0)::int`.as('people')]).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n, participants: total.people };
}

export function findActivity(db: Kdb, id: number) {
  return db.selectFrom('activities as a').innerJoin('orgs as o', 'o.id', 'a.org_id').selectAll('a').select(['o.name as org_name', 'o.path as org_path', 'o.parent_id as org_parent_id'])
    .where('a.id', '=', id).executeTakeFirst();
}

export function participants(db: Kdb, activityId: number) {
  return db.selectFrom('activity_participants').select(['name', 'org_name']).where('activity_id', '=', activityId).orderBy('id').execute();
}

export type Period = 'year' | 'quarter' | 'month';

const PERIOD_SQL: Record<Period, ReturnType<typeof sql<string>>> = {
  year: sql<string>`to_char(a.held_on, 'YYYY')`,
  quarter: sql<string>`to_char(a.held_on, 'YYYY') || '-Q' || to_char(a.held_on, 'Q')`,
  month: sql<string>`to_char(a.held_on, 'YYYY-MM')`,
};

export async function figures(db: Kdb, actor: Actor, f: ActivityFilter, period: Period) {
  const base = () => filtered(db, actor, f);
  const count = sql<number>`count(*)::int`;
  const people = sql<number>`coalesce(sum(a.participant_count), 0)::int`;
  const [byType, byPeriod, byOrganiser, total] = await Promise.all([
    base().select(['a.type', count.as('count'), people.as('participants')]).groupBy('a.type').orderBy('count', 'desc').execute(),
    base().select([PERIOD_SQL[period].as('period'), count.as('count'), people.as('participants')]).groupBy(PERIOD_SQL[period]).orderBy(PERIOD_SQL[period]).execute(),
    base().select(['a.org_id', 'o.name', count.as('count'), people.as('participants')]).groupBy(['a.org_id', 'o.name']).orderBy('count', 'desc').orderBy('a.org_id').limit(50).execute(),
    base().select([count.as('count'), people.as('participants')]).executeTakeFirstOrThrow(),
  ]);
  return { byType, byPeriod, byOrganiser, total };
}
