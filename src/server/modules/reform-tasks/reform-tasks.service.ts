/**
 * Reform plans and tasks: creation and editing (district staff), reading by the units that
 * lead or co-lead a task, and the stored computed status (see src/shared/reform/status.ts).
 */
import type { Kdb } from '../../db/connection.js';
import { inTransaction, type AppContext } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { Errors, type ErrorDetail } from '../../http/errors.js';
import { isValidYmd, todayInShanghai } from '../../../shared/dates.js';
import { computeTaskStatus, type TaskStatus } from '../../../shared/reform/status.js';
import { categoryName, isCategory } from '../../../shared/reform/categories.js';
import { REPORT_CYCLES, type ReportCycle } from '../../../shared/reform/periods.js';
import { audit } from '../audit/audit.service.js';
import * as repo from './reform-tasks.repo.js';
// The detail view imports this module too; the cycle is only between functions called at run time.
import { getTask } from './reform-task-detail.js';

export { getTask };

export const today = () => todayInShanghai();

// ---------------------------------------------------------------- status

/** Recompute and store one task's status from its dates, milestones and official reports. */
export async function refreshStatus(db: Kdb, taskId: number, on = today()): Promise<TaskStatus> {
  const t = await db.selectFrom('reform_tasks').select(['id', 'start_on', 'deadline', 'completed_on']).where('id', '=', taskId).executeTakeFirstOrThrow();
  const [ms, fig] = await Promise.all([repo.milestones(db, taskId), repo.officialFigures(db, taskId)]);
  const r = computeTaskStatus({
    startOn: t.start_on, deadline: t.deadline, completedOn: t.completed_on, officialDoneOn: fig.doneOn,
    officialPercent: fig.percent, lastOfficialReportOn: fig.lastOn, milestones: ms.map((m) => ({ dueOn: m.due_on, doneOn: m.done_on })),
  }, on);
  await db.updateTable('reform_tasks').set({
    status: r.status, status_late: r.late, status_reasons: r.reasons, status_recheck_on: r.recheckOn, done_on: r.doneOn,
    official_percent: fig.percent, official_done_on: fig.doneOn, last_official_report_on: fig.lastOn, report_count: fig.count,
  }).where('id', '=', taskId).execute();
  return r.status;
}

/**
 * Time alone moves statuses (a deadline passes, a milestone falls due). Each stored status
 * carries the day it may next change; reads first recompute those whose day has come, so
 * lists, figures and exports filter on a current status without a scheduler.
 */
export async function refreshDueStatuses(ctx: AppContext, on = today()): Promise<number> {
  const due = await ctx.db.selectFrom('reform_tasks').select('id').where('status_recheck_on', '<=', on).execute();
  if (!due.length) return 0;
  await inTransaction(ctx, async (tx) => {
    for (const { id } of due) await refreshStatus(tx, id, on);
  });
  return due.length;
}

// ---------------------------------------------------------------- plans

export function presentPlan(p: { id: number; org_id: number; year: number; title: string; status: string; org_name?: string; task_count?: number | null }) {
  return { id: p.id, orgId: p.org_id, orgName: p.org_name ?? null, year: p.year, title: p.title, status: p.status, taskCount: p.task_count ?? undefined };
}

export async function listPlans(ctx: AppContext, actor: Actor) {
  need(actor, 'reform.read');
  const rows = await repo.listPlans(ctx.db, actor);
  return { items: rows.map(presentPlan), total: rows.length };
}

export async function getPlan(ctx: AppContext, actor: Actor, id: number) {
  need(actor, 'reform.read');
  const p = (await repo.listPlans(ctx.db, actor)).find((x) => x.id === id);
  if (!p) throw Errors.notFound('工作计划', 'Plan');
  return presentPlan(p);
}

/** The plan figures open on by default: this year's published plan, else the latest one. */
export async function currentPlanId(db: Kdb): Promise<number | undefined> {
  const year = Number(today().slice(0, 4));
  const p = await db.selectFrom('reform_plans').select('id')
    .orderBy((eb) => eb.case().when('year', '=', year).then(0).else(1).end())
    .orderBy((eb) => eb.case().when('status', '=', 'published').then(0).else(1).end())
    .orderBy('year', 'desc').limit(1).executeTakeFirst();
  return p?.id;
}

export interface PlanInput { year?: number; title?: string; orgId?: number; status?: 'draft' | 'published' }

export async function createPlan(ctx: AppContext, actor: Actor, input: PlanInput) {
  need(actor, 'reform.manage');
  const details: ErrorDetail[] = [];
  if (!input.year || input.year < 2000 || input.year > 2100) details.push({ field: 'year', code: 'REQUIRED', message: '请填写计划年度（2000–2100）', messageEn: 'Year (2000–2100) is required' });
  if (!input.title?.trim()) details.push({ field: 'title', code: 'REQUIRED', message: '请填写计划名称', messageEn: 'Title is required' });
  if (details.length) throw Errors.validation(details);
  // A plan belongs to an organisation; the district's own plan unless another is named.
  const orgId = input.orgId ?? (await ctx.db.selectFrom('orgs').select('id').where('parent_id', 'is', null).orderBy('id').executeTakeFirstOrThrow()).id;
  const org = await ctx.db.selectFrom('orgs').select(['id', 'type']).where('id', '=', orgId).executeTakeFirst();
  if (!org) throw Errors.validation([{ field: 'orgId', code: 'NOT_FOUND', message: '组织不存在', messageEn: 'Organisation not found' }]);
  return inTransaction(ctx, async (tx) => {
    const clash = await tx.selectFrom('reform_plans').select('id').where('org_id', '=', orgId).where('year', '=', input.year!).executeTakeFirst();
    if (clash) throw Errors.conflict('PLAN_EXISTS', `${input.year}年度的工作计划已存在`, `A plan for ${input.year} already exists`, [{ field: 'year', code: 'PLAN_EXISTS', message: '该年度计划已存在', messageEn: 'Plan exists for this year' }]);
    const p = await tx.insertInto('reform_plans').values({ org_id: orgId, year: input.year!, title: input.title!.trim(), status: input.status ?? 'draft', created_by: actor.userId || null, updated_at: new Date() })
      .returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'reform.plan.create', entity: 'reform_plan', entityId: p.id, orgId, after: presentPlan(p) });
    return presentPlan(p);
  });
}

export async function updatePlan(ctx: AppContext, actor: Actor, id: number, input: PlanInput) {
  need(actor, 'reform.manage');
  if (input.title !== undefined && !input.title.trim()) throw Errors.validation([{ field: 'title', code: 'REQUIRED', message: '请填写计划名称', messageEn: 'Title is required' }]);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findPlan(tx, id);
    if (!before) throw Errors.notFound('工作计划', 'Plan');
    const p = await tx.updateTable('reform_plans').set({ title: input.title?.trim() ?? before.title, status: input.status ?? before.status, updated_at: new Date() })
      .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'reform.plan.update', entity: 'reform_plan', entityId: id, orgId: p.org_id, before: presentPlan(before), after: presentPlan(p) });
    return presentPlan(p);
  });
}

// ---------------------------------------------------------------- tasks: validation

export interface MilestoneInput { id?: number; title: string; dueOn: string; doneOn?: string | null }
export interface IndicatorInput { id?: number; name: string; unit?: string; target: number }

export interface TaskInput {
  planId: number;
  code?: string;
  title: string;
  category: string;
  leadOrgId: number;
  coOrgIds?: number[];
  deadline: string;
  startOn?: string;
  reportCycle?: ReportCycle;
  description?: string | null;
  source?: string | null;
  milestones?: MilestoneInput[];
  indicators?: IndicatorInput[];
}

const req = (field: string, zh: string, en: string): ErrorDetail => ({ field, code: 'REQUIRED', message: zh, messageEn: en });
const bad = (field: string, code: string, zh: string, en: string): ErrorDetail => ({ field, code, message: zh, messageEn: en });

/** Every field's problem at once (the UI shows each beside its field). */
export async function checkTask(db: Kdb, input: Partial<TaskInput>, creating: boolean, plan?: { id: number; year: number }): Promise<ErrorDetail[]> {
  const d: ErrorDetail[] = [];
  if (creating || input.title !== undefined) {
    if (!input.title?.trim()) d.push(req('title', '请填写任务名称', 'Title is required'));
    else if (input.title.trim().length > 200) d.push(bad('title', 'TOO_LONG', '任务名称不超过200字', 'Title is at most 200 characters'));
  }
  if (input.code !== undefined && input.code !== '' && !/^[\w\-—.（）()]{1,20}$/u.test(input.code)) d.push(bad('code', 'CODE_FORMAT', '任务编号为1–20位字母、数字或“-”（如 2026-01）', 'Code: 1–20 letters, digits or dashes (e.g. 2026-01)'));
  if (creating || input.category !== undefined) {
    if (!input.category) d.push(req('category', '请选择任务类别', 'Category is required'));
    else if (!isCategory(input.category)) d.push(bad('category', 'UNKNOWN_CATEGORY', '任务类别不在代码表中', 'Unknown category'));
  }
  if (creating || input.deadline !== undefined) {
    if (!input.deadline) d.push(req('deadline', '请填写完成时限', 'Deadline is required'));
    else if (!isValidYmd(input.deadline)) d.push(bad('deadline', 'DATE_FORMAT', '完成时限不是有效日期（示例：2026-12-31）', 'Deadline is not a valid date'));
  }
  if (input.startOn && !isValidYmd(input.startOn)) d.push(bad('startOn', 'DATE_FORMAT', '开始日期不是有效日期', 'Start date is not a valid date'));
  else if (input.startOn && input.deadline && isValidYmd(input.deadline) && input.startOn > input.deadline) d.push(bad('startOn', 'AFTER_DEADLINE', '开始日期不能晚于完成时限', 'Start is after the deadline'));
  if (plan && input.deadline && isValidYmd(input.deadline) && Number(input.deadline.slice(0, 4)) < plan.year) d.push(bad('deadline', 'BEFORE_PLAN_YEAR', `完成时限不能早于计划年度（${plan.year}年）`, `Deadline is before the plan year ${plan.year}`));
  if (input.reportCycle && !REPORT_CYCLES.includes(input.reportCycle)) d.push(bad('reportCycle', 'INVALID', '报送周期应为按月或按季度', 'Report cycle: monthly or quarterly'));
  if (input.description && input.description.length > 2000) d.push(bad('description', 'TOO_LONG', '任务描述不超过2000字', 'Description is at most 2000 characters'));
  if (input.source && input.source.length > 500) d.push(bad('source', 'TOO_LONG', '任务来源不超过500字', 'Source is at most 500 characters'));

  const unitIds = [...(input.leadOrgId ? [input.leadOrgId] : []), ...(input.coOrgIds ?? [])];
  const found = unitIds.length
    ? await db.selectFrom('orgs').select(['id', 'type', 'status']).where('id', 'in', unitIds).execute()
    : [];
  const eligible = (id: number) => found.some((o) => o.id === id && o.status === 'active' && (repo.UNIT_TYPES as readonly string[]).includes(o.type));
  if (creating || input.leadOrgId !== undefined) {
    if (!input.leadOrgId) d.push(req('leadOrgId', '请选择牵头单位', 'Lead unit is required'));
    else if (!eligible(input.leadOrgId)) d.push(bad('leadOrgId', 'NOT_A_UNIT', '牵头单位应为成员单位、镇街、园区或区总工会', 'The lead unit must be a member unit, town, park or the district'));
  }
  (input.coOrgIds ?? []).forEach((id, i) => {
    if (!eligible(id)) d.push(bad(`coOrgIds.${i}`, 'NOT_A_UNIT', '配合单位应为成员单位、镇街、园区或区总工会', 'A co-unit must be a member unit, town, park or the district'));
    else if (id === input.leadOrgId) d.push(bad(`coOrgIds.${i}`, 'LEAD_AS_CO', '牵头单位不必再列为配合单位', 'The lead unit is not also a co-unit'));
  });
  (input.milestones ?? []).forEach((m, i) => {
    if (!m.title?.trim()) d.push(req(`milestones.${i}.title`, '请填写节点名称', 'Milestone title is required'));
    if (!m.dueOn || !isValidYmd(m.dueOn)) d.push(bad(`milestones.${i}.dueOn`, 'DATE_FORMAT', '请填写有效的节点日期', 'Milestone due date is required'));
    if (m.doneOn && !isValidYmd(m.doneOn)) d.push(bad(`milestones.${i}.doneOn`, 'DATE_FORMAT', '完成日期不是有效日期', 'Done date is not valid'));
  });
  (input.indicators ?? []).forEach((m, i) => {
    if (!m.name?.trim()) d.push(req(`indicators.${i}.name`, '请填写指标名称', 'Indicator name is required'));
    if (!Number.isFinite(m.target) || m.target < 0) d.push(bad(`indicators.${i}.target`, 'NUMBER', '目标值应为不小于0的数字', 'Target must be a number ≥ 0'));
  });
  return d;
}

// ---------------------------------------------------------------- tasks: writes

async function loadPlanForWrite(db: Kdb, planId: number) {
  const plan = await repo.findPlan(db, planId);
  if (!plan) throw Errors.validation([bad('planId', 'NOT_FOUND', '工作计划不存在', 'Plan not found')]);
  return plan;
}

function defaultStart(planYear: number, deadline: string): string {
  // The schedule line starts at the plan year's first day, or today when the task arrives later.
  const start = [`${planYear}-01-01`, today()].sort()[1];
  return start > deadline ? deadline : start;
}

async function writeChildren(tx: Kdb, taskId: number, input: Partial<TaskInput>) {
  if (input.coOrgIds) {
    await tx.deleteFrom('reform_task_co_units').where('task_id', '=', taskId).execute();
    const ids = [...new Set(input.coOrgIds)];
    if (ids.length) await tx.insertInto('reform_task_co_units').values(ids.map((org_id) => ({ task_id: taskId, org_id }))).execute();
  }
  if (input.milestones) {
    const keep = input.milestones.filter((m) => m.id).map((m) => m.id!);
    let del = tx.deleteFrom('reform_milestones').where('task_id', '=', taskId);
    if (keep.length) del = del.where('id', 'not in', keep);
    await del.execute();
    for (const [i, m] of input.milestones.entries()) {
      const values = { title: m.title.trim(), due_on: m.dueOn, done_on: m.doneOn ?? null, sort: i };
      if (m.id) await tx.updateTable('reform_milestones').set(values).where('id', '=', m.id).where('task_id', '=', taskId).execute();
      else await tx.insertInto('reform_milestones').values({ ...values, task_id: taskId }).execute();
    }
  }
  if (input.indicators) {
    const keep = input.indicators.filter((m) => m.id).map((m) => m.id!);
    let del = tx.deleteFrom('reform_indicators').where('task_id', '=', taskId);
    if (keep.length) del = del.where('id', 'not in', keep);
    await del.execute();
    for (const [i, m] of input.indicators.entries()) {
      const values = { name: m.name.trim(), unit: m.unit?.trim() ?? '', target: m.target, sort: i };
      if (m.id) await tx.updateTable('reform_indicators').set(values).where('id', '=', m.id).where('task_id', '=', taskId).execute();
      else await tx.insertInto('reform_indicators').values({ ...values, task_id: taskId }).execute();
    }
  }
}

async function snapshot(db: Kdb, taskId: number) {
  const [t, co, ms, ind] = await Promise.all([repo.findTask(db, taskId), repo.coUnits(db, taskId), repo.milestones(db, taskId), repo.indicators(db, taskId)]);
  return t && {
    code: t.code, title: t.title, category: t.category, leadOrgId: t.lead_org_id, coOrgIds: co.map((c) => c.id), deadline: t.deadline, startOn: t.start_on,
    reportCycle: t.report_cycle, description: t.description, source: t.source, completedOn: t.completed_on, status: t.status,
    milestones: ms.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneOn: m.done_on })),
    indicators: ind.map((m) => ({ id: m.id, name: m.name, unit: m.unit, target: m.target })),
  };
}

/**
 * Create a task inside the caller's transaction (also used by the meetings module when a
 * decision becomes a task): validates every field, writes the task, its co-units, milestones
 * and indicators, computes its status and audits — or throws and writes nothing.
 */
export async function createTaskInTx(tx: Kdb, actor: Actor, input: TaskInput): Promise<{ id: number }> {
  need(actor, 'reform.manage');
  const plan = await loadPlanForWrite(tx, input.planId);
  const details = await checkTask(tx, input, true, plan);
  if (details.length) throw Errors.validation(details);
  let code = input.code?.trim();
  if (!code) code = `${plan.year}-${String(await repo.nextTaskNumber(tx, plan.id, String(plan.year))).padStart(2, '0')}`;
  const clash = await tx.selectFrom('reform_tasks').select('id').where('plan_id', '=', plan.id).where('code', '=', code).executeTakeFirst();
  if (clash) throw Errors.validation([bad('code', 'CODE_TAKEN', `任务编号 ${code} 在本计划中已存在`, `Code ${code} already exists in this plan`)]);
  const t = await tx.insertInto('reform_tasks').values({
    plan_id: plan.id, code, title: input.title.trim(), description: input.description?.trim() || null, category: input.category,
    lead_org_id: input.leadOrgId, start_on: input.startOn ?? defaultStart(plan.year, input.deadline), deadline: input.deadline,
    report_cycle: input.reportCycle ?? 'monthly', source: input.source?.trim() || null, completed_on: null, completed_by: null,
    status_recheck_on: null, done_on: null, official_percent: null, official_done_on: null, last_official_report_on: null,
    created_by: actor.userId || null, updated_at: new Date(),
  }).returning('id').executeTakeFirstOrThrow();
  await writeChildren(tx, t.id, input);
  await refreshStatus(tx, t.id);
  await audit(tx, actor, { action: 'reform.task.create', entity: 'reform_task', entityId: t.id, orgId: input.leadOrgId, after: await snapshot(tx, t.id) });
  return { id: t.id };
}

export async function createTask(ctx: AppContext, actor: Actor, input: TaskInput) {
  need(actor, 'reform.manage');
  const { id } = await inTransaction(ctx, (tx) => createTaskInTx(tx, actor, input));
  return getTask(ctx, actor, id);
}

export async function updateTask(ctx: AppContext, actor: Actor, id: number, input: Partial<Omit<TaskInput, 'planId'>>) {
  need(actor, 'reform.manage');
  await inTransaction(ctx, async (tx) => {
    const before = await snapshot(tx, id);
    if (!before) throw Errors.notFound('任务', 'Task');
    const row = await tx.selectFrom('reform_tasks').select(['plan_id']).where('id', '=', id).executeTakeFirstOrThrow();
    const plan = await loadPlanForWrite(tx, row.plan_id);
    const merged = { ...input, leadOrgId: input.leadOrgId ?? before.leadOrgId, deadline: input.deadline ?? before.deadline, startOn: input.startOn ?? before.startOn };
    const details = await checkTask(tx, { ...merged, coOrgIds: input.coOrgIds }, false, plan);
    if (input.coOrgIds === undefined && input.leadOrgId && before.coOrgIds.includes(input.leadOrgId)) details.push(bad('leadOrgId', 'LEAD_AS_CO', '该单位已是配合单位，请先从配合单位中移除', 'That unit is a co-unit; remove it there first'));
    if (input.code !== undefined) {
      if (!input.code.trim()) details.push(req('code', '请填写任务编号', 'Code is required'));
      else if (await tx.selectFrom('reform_tasks').select('id').where('plan_id', '=', row.plan_id).where('code', '=', input.code.trim()).where('id', '<>', id).executeTakeFirst()) {
        details.push(bad('code', 'CODE_TAKEN', `任务编号 ${input.code} 在本计划中已存在`, `Code ${input.code} already exists in this plan`));
      }
    }
    if (details.length) throw Errors.validation(details);
    await tx.updateTable('reform_tasks').set({
      ...(input.code !== undefined && { code: input.code.trim() }),
      ...(input.title !== undefined && { title: input.title.trim() }),
      ...(input.category !== undefined && { category: input.category }),
      ...(input.leadOrgId !== undefined && { lead_org_id: input.leadOrgId }),
      ...(input.deadline !== undefined && { deadline: input.deadline }),
      ...(input.startOn !== undefined && { start_on: input.startOn }),
      ...(input.reportCycle !== undefined && { report_cycle: input.reportCycle }),
      ...(input.description !== undefined && { description: input.description?.trim() || null }),
      ...(input.source !== undefined && { source: input.source?.trim() || null }),
      updated_at: new Date(),
    }).where('id', '=', id).execute();
    await writeChildren(tx, id, input);
    await refreshStatus(tx, id);
    const after = await snapshot(tx, id);
    await audit(tx, actor, { action: 'reform.task.update', entity: 'reform_task', entityId: id, orgId: after!.leadOrgId, before, after });
  });
  return getTask(ctx, actor, id);
}

/** The district's completed mark (or its withdrawal); status follows. */
export async function markCompleted(ctx: AppContext, actor: Actor, id: number, completed: boolean, note?: string) {
  need(actor, 'reform.manage');
  await inTransaction(ctx, async (tx) => {
    const t = await tx.selectFrom('reform_tasks').select(['id', 'completed_on', 'lead_org_id', 'status']).where('id', '=', id).executeTakeFirst();
    if (!t) throw Errors.notFound('任务', 'Task');
    await tx.updateTable('reform_tasks').set({ completed_on: completed ? today() : null, completed_by: completed ? actor.userId || null : null, updated_at: new Date() }).where('id', '=', id).execute();
    const status = await refreshStatus(tx, id);
    await audit(tx, actor, { action: completed ? 'reform.task.complete' : 'reform.task.reopen', entity: 'reform_task', entityId: id, orgId: t.lead_org_id, before: { completedOn: t.completed_on, status: t.status }, after: { completedOn: completed ? today() : null, status }, detail: note ? { note } : undefined });
  });
  return getTask(ctx, actor, id);
}

// ---------------------------------------------------------------- tasks: reads

export function presentTask(t: repo.TaskRow, en = false) {
  return {
    id: t.id, planId: t.plan_id, code: t.code, title: t.title, description: t.description, category: t.category, categoryName: categoryName(t.category, en),
    leadOrgId: t.lead_org_id, leadOrgName: t.lead_org_name, coOrgNames: t.co_org_names, startOn: t.start_on, deadline: t.deadline, reportCycle: t.report_cycle,
    source: t.source, completedOn: t.completed_on, status: t.status, late: t.status_late, statusReasons: t.status_reasons, doneOn: t.done_on,
    percent: t.official_percent, lastOfficialReportOn: t.last_official_report_on, reportCount: t.report_count, openSupervisions: t.open_supervisions,
  };
}

/** Load a task the actor may read: 404 when it does not exist, 403 OUT_OF_SCOPE when it is another unit's. */
export async function loadVisibleTask(db: Kdb, actor: Actor, id: number) {
  need(actor, 'reform.read');
  const t = await repo.findTask(db, id);
  if (!t) throw Errors.notFound('任务', 'Task');
  const visible = await db.selectFrom('reform_tasks as t').select('t.id').where('t.id', '=', id).where(repo.taskVisible(actor)).executeTakeFirst();
  if (!visible) throw Errors.outOfScope();
  return t;
}

export async function canReadTask(db: Kdb, actor: Actor, id: number): Promise<boolean> {
  if (!actor.permissions.has('reform.read')) return false;
  return !!(await db.selectFrom('reform_tasks as t').select('t.id').where('t.id', '=', id).where(repo.taskVisible(actor)).executeTakeFirst());
}

export type TaskListInput = repo.TaskFilter & { page: number; pageSize: number };

export async function listTasks(ctx: AppContext, actor: Actor, q: TaskListInput) {
  need(actor, 'reform.read');
  await refreshDueStatuses(ctx);
  const { page, pageSize, ...f } = q;
  const { items, total } = await repo.listTasks(ctx.db, actor, f, page, pageSize);
  return { items: items.map((t) => presentTask(t)), total, page, pageSize };
}
