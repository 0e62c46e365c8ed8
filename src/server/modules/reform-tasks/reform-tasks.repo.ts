/** All SQL of the reform-tasks module. Every query returning tasks applies `taskVisible`. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { scopePrefix } from '../../access/scope.js';
import type { TaskStatus } from '../../../shared/reform/status.js';

/** Org types that can lead or co-lead reform tasks: bureaus, towns/streets/parks, the district itself. */
export const UNIT_TYPES = ['member_unit', 'town', 'park', 'district'] as const;

/**
 * Who reads which task. District staff and auditors (whole-district scope) read all; everyone
 * else reads the tasks their own unit leads or co-leads — a town admin's subtree does not
 * matter here, only the unit the account belongs to.
 */
export function taskVisible(actor: Actor, idCol = 't.id', leadCol = 't.lead_org_id'): Expression<SqlBool> {
  if (scopePrefix(actor) === null && actor.role !== 'member') return sql<SqlBool>`true`;
  if (actor.orgId == null) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.ref(leadCol)} = ${actor.orgId} or exists (select 1 from reform_task_co_units cu where cu.task_id = ${sql.ref(idCol)} and cu.org_id = ${actor.orgId}))`;
}

// ---- plans ----

export function findPlan(db: Kdb, id: number) {
  return db.selectFrom('reform_plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listPlans(db: Kdb, actor: Actor) {
  return db
    .selectFrom('reform_plans as p')
    .innerJoin('orgs as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.year', 'p.title', 'p.status', 'p.created_at', 'o.name as org_name'])
    .select((eb) => [
      eb.selectFrom('reform_tasks as t').select(sql<number>`count(*)::int`.as('n')).whereRef('t.plan_id', '=', 'p.id').where(taskVisible(actor)).as('task_count'),
    ])
    .orderBy('p.year', 'desc')
    .orderBy('p.id')
    .execute();
}

// ---- tasks ----

export interface TaskFilter {
  planId?: number;
  status?: TaskStatus;
  /** lead unit */
  leadOrgId?: number;
  /** lead or co-unit */
  unitId?: number;
  category?: string;
  q?: string;
  supervised?: boolean;
  late?: boolean;
}

export function filteredTasks(db: Kdb, actor: Actor, f: TaskFilter) {
  let q = db.selectFrom('reform_tasks as t').where(taskVisible(actor));
  if (f.planId) q = q.where('t.plan_id', '=', f.planId);
  if (f.status) q = q.where('t.status', '=', f.status);
  if (f.leadOrgId) q = q.where('t.lead_org_id', '=', f.leadOrgId);
  if (f.unitId) {
    const u = f.unitId;
    q = q.where((eb) => eb.or([eb('t.lead_org_id', '=', u), eb.exists(eb.selectFrom('reform_task_co_units as c').select('c.task_id').whereRef('c.task_id', '=', 't.id').where('c.org_id', '=', u))]));
  }
  if (f.category) q = q.where('t.category', '=', f.category);
  if (f.q) q = q.where((eb) => eb.or([eb('t.title', 'like', `%${f.q}%`), eb('t.code', 'like', `%${f.q}%`)]));
  if (f.supervised) q = q.where((eb) => eb.exists(eb.selectFrom('reform_supervisions as s').select('s.id').whereRef('s.task_id', '=', 't.id').where('s.closed_at', 'is', null)));
  if (f.late) q = q.where('t.status_late', '=', true);
  return q;
}

const TASK_COLUMNS = [
  't.id', 't.plan_id', 't.code', 't.title', 't.description', 't.category', 't.lead_org_id', 't.start_on', 't.deadline', 't.report_cycle',
  't.source', 't.completed_on', 't.status', 't.status_late', 't.status_reasons', 't.done_on', 't.official_percent', 't.last_official_report_on',
  't.report_count', 't.created_at', 't.updated_at',
] as const;

function withNames<T extends ReturnType<typeof filteredTasks>>(q: T) {
  return q.select(TASK_COLUMNS).select([
    sql<string>`(select o.name from orgs o where o.id = t.lead_org_id)`.as('lead_org_name'),
    sql<string[]>`array(select o.name from reform_task_co_units c join orgs o on o.id = c.org_id where c.task_id = t.id order by o.name)`.as('co_org_names'),
    sql<number>`(select count(*)::int from reform_supervisions s where s.task_id = t.id and s.closed_at is null)`.as('open_supervisions'),
  ]);
}

export type TaskRow = Awaited<ReturnType<typeof listTasks>>['items'][number];

export async function listTasks(db: Kdb, actor: Actor, f: TaskFilter, page: number, pageSize: number) {
  const base = filteredTasks(db, actor, f);
  const [items, total] = await Promise.all([
    withNames(base).orderBy('t.plan_id', 'desc').orderBy('t.code').orderBy('t.id').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

/** Batches of the filtered board, for the .xlsx export. */
export async function* iterateTasks(db: Kdb, actor: Actor, f: TaskFilter, batch = 500) {
  let lastId = 0;
  for (;;) {
    const rows = await withNames(filteredTasks(db, actor, f)).where('t.id', '>', lastId).orderBy('t.id').limit(batch).execute();
    if (!rows.length) return;
    yield rows;
    lastId = rows[rows.length - 1].id;
  }
}

export function findTask(db: Kdb, id: number) {
  return withNames(db.selectFrom('reform_tasks as t')).where('t.id', '=', id).executeTakeFirst();
}

export function coUnits(db: Kdb, taskId: number) {
  return db.selectFrom('reform_task_co_units as c').innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['o.id', 'o.name']).where('c.task_id', '=', taskId).orderBy('o.name').execute();
}

export async function nextTaskNumber(db: Kdb, planId: number, prefix: string): Promise<number> {
  const r = await db.selectFrom('reform_tasks').select(sql<number>`coalesce(max(nullif(substring(code from ${`^${prefix}-(\\d+)$`}), '')::int), 0)`.as('n'))
    .where('plan_id', '=', planId).executeTakeFirstOrThrow();
  return r.n + 1;
}

export function milestones(db: Kdb, taskId: number) {
  return db.selectFrom('reform_milestones').selectAll().where('task_id', '=', taskId).orderBy('due_on').orderBy('id').execute();
}

export function indicators(db: Kdb, taskId: number) {
  return db.selectFrom('reform_indicators').selectAll().where('task_id', '=', taskId).orderBy('sort').orderBy('id').execute();
}

/** Eligible units (by type), for pickers and import name matching. */
export function units(db: Kdb) {
  return db.selectFrom('orgs').select(['id', 'name', 'short_name', 'type', 'path']).where('type', 'in', UNIT_TYPES).where('status', '=', 'active').orderBy('type').orderBy('name').execute();
}

// ---- reports ----

export function reports(db: Kdb, taskId: number) {
  return db.selectFrom('reform_progress_reports as r').innerJoin('orgs as o', 'o.id', 'r.org_id')
    .leftJoin('users as u', 'u.id', 'r.submitted_by')
    .select(['r.id', 'r.org_id', 'o.name as org_name', 'r.period_key', 'r.content', 'r.percent', 'r.is_official', 'r.submitted_at', 'r.revision', 'u.display_name', 'u.username'])
    .where('r.task_id', '=', taskId).orderBy('r.period_key', 'desc').orderBy('r.is_official', 'desc').orderBy('r.submitted_at', 'desc').execute();
}

export function reportValues(db: Kdb, reportIds: number[]) {
  if (!reportIds.length) return Promise.resolve([]);
  return db.selectFrom('reform_report_indicator_values').selectAll().where('report_id', 'in', reportIds).execute();
}

/** The official figures a task's status is computed from. */
export async function officialFigures(db: Kdb, taskId: number) {
  const latest = await db.selectFrom('reform_progress_reports').select('percent')
    .where('task_id', '=', taskId).where('is_official', '=', true)
    .orderBy('period_key', 'desc').orderBy('submitted_at', 'desc').limit(1).executeTakeFirst();
  const agg = await db.selectFrom('reform_progress_reports')
    .select([
      sql<string | null>`to_char(min(submitted_at::date) filter (where is_official and percent = 100), 'YYYY-MM-DD')`.as('done_on'),
      sql<string | null>`to_char(max(submitted_at::date) filter (where is_official), 'YYYY-MM-DD')`.as('last_on'),
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('task_id', '=', taskId).executeTakeFirstOrThrow();
  return { percent: latest?.percent ?? null, doneOn: agg.done_on, lastOn: agg.last_on, count: agg.n };
}

// ---- supervision ----

export function supervisionsOf(db: Kdb, taskId: number) {
  return db.selectFrom('reform_supervisions as s')
    .leftJoin('users as i', 'i.id', 's.issued_by')
    .leftJoin('users as r', 'r.id', 's.replied_by')
    .select(['s.id', 's.task_id', 's.issued_at', 's.reason', 's.reply_due', 's.reply_text', 's.replied_at', 's.closed_at', 's.close_note',
      'i.display_name as issued_by_name', 'r.display_name as replied_by_name'])
    .where('s.task_id', '=', taskId).orderBy('s.issued_at', 'desc').execute();
}

export function findSupervision(db: Kdb, id: number) {
  return db.selectFrom('reform_supervisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export type SupervisionState = 'awaiting' | 'reply_overdue' | 'replied' | 'closed';

export function supervisionState(state: SupervisionState | undefined, today: string) {
  return (eb: import('kysely').ExpressionBuilder<import('../../db/schema.js').DB & { s: import('../../db/tables/reform-tasks.js').ReformSupervisionsTable }, 's'>) => {
    switch (state) {
      case 'closed': return eb('s.closed_at', 'is not', null);
      case 'replied': return eb.and([eb('s.closed_at', 'is', null), eb('s.replied_at', 'is not', null)]);
      case 'awaiting': return eb.and([eb('s.closed_at', 'is', null), eb('s.replied_at', 'is', null), eb('s.reply_due', '>=', today)]);
      case 'reply_overdue': return eb.and([eb('s.closed_at', 'is', null), eb('s.replied_at', 'is', null), eb('s.reply_due', '<', today)]);
      default: return sql<SqlBool>`true`;
    }
  };
}

export async function listSupervisions(db: Kdb, actor: Actor, f: { state?: SupervisionState; planId?: number }, today: string, page: number, pageSize: number) {
  let base = db.selectFrom('reform_supervisions as s').innerJoin('reform_tasks as t', 't.id', 's.task_id').where(taskVisible(actor)).where(supervisionState(f.state, today));
  if (f.planId) base = base.where('t.plan_id', '=', f.planId);
  const [items, total] = await Promise.all([
    base.select(['s.id', 's.task_id', 't.code', 't.title', 's.issued_at', 's.reason', 's.reply_due', 's.reply_text', 's.replied_at', 's.closed_at', 't.lead_org_id',
      sql<string>`(select o.name from orgs o where o.id = t.lead_org_id)`.as('lead_org_name')])
      .orderBy('s.issued_at', 'desc').limit(pageSize).offset((page - 1) * pageSize).execute(),
    base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

// ---- figures ----

export async function figures(db: Kdb, actor: Actor, planId: number | undefined, today: string) {
  const base = () => filteredTasks(db, actor, { planId });
  const [byStatus, byUnit, byCategory, overdue, sup] = await Promise.all([
    base().select(['t.status', sql<number>`count(*)::int`.as('n')]).groupBy('t.status').execute(),
    base().innerJoin('orgs as o', 'o.id', 't.lead_org_id')
      .select(['t.lead_org_id', 'o.name', 'o.type', 't.status', sql<number>`count(*)::int`.as('n')])
      .groupBy(['t.lead_org_id', 'o.name', 'o.type', 't.status']).execute(),
    base().select(['t.category', 't.status', sql<number>`count(*)::int`.as('n')]).groupBy(['t.category', 't.status']).execute(),
    withNames(base()).where('t.status', '=', 'overdue').orderBy('t.deadline').orderBy('t.code').limit(50).execute(),
    db.selectFrom('reform_supervisions as s').innerJoin('reform_tasks as t', 't.id', 's.task_id').where(taskVisible(actor))
      .$if(!!planId, (q) => q.where('t.plan_id', '=', planId!))
      .select([
        sql<number>`count(*) filter (where s.closed_at is null and s.replied_at is null and s.reply_due >= ${today})::int`.as('awaiting'),
        sql<number>`count(*) filter (where s.closed_at is null and s.replied_at is null and s.reply_due < ${today})::int`.as('reply_overdue'),
        sql<number>`count(*) filter (where s.closed_at is null and s.replied_at is not null)::int`.as('replied'),
        sql<number>`count(*) filter (where s.closed_at is not null)::int`.as('closed'),
      ]).executeTakeFirstOrThrow(),
  ]);
  return { byStatus, byUnit, byCategory, overdue, supervision: sup };
}

/** Upcoming deadlines and milestones of the visible, unfinished tasks. */
export async function dueNext(db: Kdb, actor: Actor, planId: number | undefined, today: string, until: string) {
  const tasks = await withNames(filteredTasks(db, actor, { planId })).where('t.status', '<>', 'done')
    .where('t.deadline', '>=', today).where('t.deadline', '<=', until).orderBy('t.deadline').limit(20).execute();
  const ms = await db.selectFrom('reform_milestones as m').innerJoin('reform_tasks as t', 't.id', 'm.task_id')
    .where(taskVisible(actor)).$if(!!planId, (q) => q.where('t.plan_id', '=', planId!))
    .where('m.done_on', 'is', null).where('m.due_on', '>=', today).where('m.due_on', '<=', until)
    .select(['m.id', 'm.title', 'm.due_on', 't.id as task_id', 't.code', 't.title as task_title']).orderBy('m.due_on').limit(20).execute();
  return { tasks, milestones: ms };
}
