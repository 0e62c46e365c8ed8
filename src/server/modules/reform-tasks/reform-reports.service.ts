/**
 * Progress reports and supervision notices (督办). Units report on the tasks they lead or
 * co-lead; the lead unit's report is the official one and drives the task's status and
 * indicator actuals. District staff issue supervision on overdue or at-risk tasks; the lead
 * unit replies.
 */
import { inTransaction, type AppContext } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { Errors, type ErrorDetail } from '../../http/errors.js';
import { isValidYmd } from '../../../shared/dates.js';
import { openPeriods, parsePeriodKey, type ReportCycle } from '../../../shared/reform/periods.js';
import { audit } from '../audit/audit.service.js';
import { linkAttachments, registerAttachmentOwner } from '../attachments/attachments.service.js';
import * as repo from './reform-tasks.repo.js';
import { canReadTask, loadVisibleTask, refreshStatus, today } from './reform-tasks.service.js';
import { getTask } from './reform-task-detail.js';

// Evidence files are readable by whoever may read the task they belong to.
registerAttachmentOwner('reform_report', {
  canRead: async (ctx, actor, reportId) => {
    const r = await ctx.db.selectFrom('reform_progress_reports').select('task_id').where('id', '=', reportId).executeTakeFirst();
    return !!r && canReadTask(ctx.db, actor, r.task_id);
  },
});
registerAttachmentOwner('reform_supervision', {
  canRead: async (ctx, actor, supervisionId) => {
    const s = await repo.findSupervision(ctx.db, supervisionId);
    return !!s && canReadTask(ctx.db, actor, s.task_id);
  },
});

export interface ReportInput {
  periodKey: string;
  content: string;
  percent: number;
  indicatorValues?: { indicatorId: number; value: number }[];
  /** official reports only: milestones the lead unit reports as done today */
  milestonesDone?: number[];
  attachmentIds?: number[];
}

/**
 * File (or, for a period still open, revise) the actor's unit's report on a task.
 * One report per task, unit and period: filing again for the same open period replaces the
 * text, percent and figures and adds the new attachments; `revision` counts the versions and
 * the audit log keeps each one. Closed periods cannot change.
 */
export async function submitReport(ctx: AppContext, actor: Actor, taskId: number, input: ReportInput) {
  need(actor, 'reform.report');
  const task = await loadVisibleTask(ctx.db, actor, taskId);
  const co = await repo.coUnits(ctx.db, taskId);
  const isLead = actor.orgId === task.lead_org_id;
  if (!isLead && !co.some((c) => c.id === actor.orgId)) {
    throw Errors.forbidden('只有牵头单位和配合单位可以报送该任务的进展', 'Only the lead unit and co-units report on this task');
  }
  const on = today();
  const details: ErrorDetail[] = [];
  const period = parsePeriodKey(input.periodKey);
  const open = openPeriods(on, task.report_cycle as ReportCycle).map((p) => p.key);
  if (!period || period.cycle !== task.report_cycle) {
    details.push({ field: 'periodKey', code: 'PERIOD_FORMAT', message: task.report_cycle === 'monthly' ? '报送期应为月份（如 2026-03）' : '报送期应为季度（如 2026Q1）', messageEn: 'Period must match the task\'s report cycle' });
  } else if (!open.includes(input.periodKey)) {
    details.push({ field: 'periodKey', code: 'PERIOD_CLOSED', message: `当前只能报送 ${open.join('、')} 的进展`, messageEn: `Only ${open.join(', ')} can be reported now` });
  }
  if (!input.content?.trim()) details.push({ field: 'content', code: 'REQUIRED', message: '请填写进展情况', messageEn: 'Progress text is required' });
  else if (input.content.length > 4000) details.push({ field: 'content', code: 'TOO_LONG', message: '进展情况不超过4000字', messageEn: 'At most 4000 characters' });
  if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) details.push({ field: 'percent', code: 'RANGE', message: '完成进度应为0–100的整数', messageEn: 'Percent must be an integer 0–100' });
  const ind = await repo.indicators(ctx.db, taskId);
  (input.indicatorValues ?? []).forEach((v, i) => {
    if (!ind.some((x) => x.id === v.indicatorId)) details.push({ field: `indicatorValues.${i}.indicatorId`, code: 'UNKNOWN_INDICATOR', message: '指标不属于该任务', messageEn: 'Indicator is not on this task' });
    if (!Number.isFinite(v.value) || v.value < 0) details.push({ field: `indicatorValues.${i}.value`, code: 'NUMBER', message: '指标完成值应为不小于0的数字', messageEn: 'Value must be a number ≥ 0' });
  });
  if (input.milestonesDone?.length && !isLead) details.push({ field: 'milestonesDone', code: 'LEAD_ONLY', message: '只有牵头单位可以确认节点完成', messageEn: 'Only the lead unit confirms milestones' });
  const ms = await repo.milestones(ctx.db, taskId);
  (input.milestonesDone ?? []).forEach((id, i) => {
    if (!ms.some((m) => m.id === id)) details.push({ field: `milestonesDone.${i}`, code: 'UNKNOWN_MILESTONE', message: '节点不属于该任务', messageEn: 'Milestone is not on this task' });
  });
  if (details.length) throw Errors.validation(details);

  const reportId = await inTransaction(ctx, async (tx) => {
    const existing = await tx.selectFrom('reform_progress_reports').selectAll().where('task_id', '=', taskId).where('org_id', '=', actor.orgId!).where('period_key', '=', input.periodKey).forUpdate().executeTakeFirst();
    const values = { content: input.content.trim(), percent: input.percent, is_official: isLead, submitted_by: actor.userId || null, submitted_at: new Date() };
    let id: number;
    if (existing) {
      await tx.updateTable('reform_progress_reports').set({ ...values, revision: existing.revision + 1 }).where('id', '=', existing.id).execute();
      await tx.deleteFrom('reform_report_indicator_values').where('report_id', '=', existing.id).execute();
      id = existing.id;
    } else {
      id = (await tx.insertInto('reform_progress_reports').values({ ...values, task_id: taskId, org_id: actor.orgId!, period_key: input.periodKey }).returning('id').executeTakeFirstOrThrow()).id;
    }
    const iv = input.indicatorValues ?? [];
    if (iv.length) await tx.insertInto('reform_report_indicator_values').values(iv.map((v) => ({ report_id: id, indicator_id: v.indicatorId, value: v.value }))).execute();
    if (isLead) {
      // The official report's figures are the task's actuals.
      for (const v of iv) await tx.updateTable('reform_indicators').set({ actual: v.value }).where('id', '=', v.indicatorId).execute();
      if (input.milestonesDone?.length) await tx.updateTable('reform_milestones').set({ done_on: on }).where('task_id', '=', taskId).where('id', 'in', input.milestonesDone).where('done_on', 'is', null).execute();
    }
    if (input.attachmentIds?.length) await linkAttachments(tx, actor, input.attachmentIds, { type: 'reform_report', id });
    const status = await refreshStatus(tx, taskId, on);
    await audit(tx, actor, {
      action: existing ? 'reform.report.revise' : 'reform.report.submit', entity: 'reform_report', entityId: id, orgId: actor.orgId,
      before: existing ? { content: existing.content, percent: existing.percent, revision: existing.revision } : undefined,
      after: { taskId, periodKey: input.periodKey, percent: input.percent, official: isLead, content: values.content, indicatorValues: iv, milestonesDone: input.milestonesDone ?? [], attachmentIds: input.attachmentIds ?? [], taskStatus: status },
    });
    return id;
  });
  return { id: reportId, task: await getTask(ctx, actor, taskId) };
}

// ---------------------------------------------------------------- supervision

export async function issueSupervision(ctx: AppContext, actor: Actor, taskId: number, input: { reason: string; replyDue: string }) {
  need(actor, 'reform.manage');
  const task = await loadVisibleTask(ctx.db, actor, taskId);
  const on = today();
  const details: ErrorDetail[] = [];
  if (!input.reason?.trim()) details.push({ field: 'reason', code: 'REQUIRED', message: '请填写督办事由', messageEn: 'Reason is required' });
  if (!input.replyDue || !isValidYmd(input.replyDue)) details.push({ field: 'replyDue', code: 'DATE_FORMAT', message: '请填写有效的回复期限', messageEn: 'Reply due date is required' });
  else if (input.replyDue < on) details.push({ field: 'replyDue', code: 'IN_PAST', message: '回复期限不能早于今天', messageEn: 'Reply due date is in the past' });
  if (details.length) throw Errors.validation(details);
  if (task.status !== 'overdue' && task.status !== 'at_risk') {
    throw Errors.conflict('TASK_NOT_LATE', '只能对已逾期或存在风险的任务发起督办', 'Only overdue or at-risk tasks can be supervised');
  }
  const id = await inTransaction(ctx, async (tx) => {
    const open = await tx.selectFrom('reform_supervisions').select('id').where('task_id', '=', taskId).where('closed_at', 'is', null).where('replied_at', 'is', null).executeTakeFirst();
    if (open) throw Errors.conflict('SUPERVISION_OPEN', '该任务已有待回复的督办通知', 'This task already has a supervision notice awaiting reply');
    const s = await tx.insertInto('reform_supervisions').values({ task_id: taskId, issued_by: actor.userId || null, reason: input.reason.trim(), reply_due: input.replyDue, reply_text: null, replied_by: null, replied_at: null, closed_at: null, closed_by: null, close_note: null })
      .returning('id').executeTakeFirstOrThrow();
    await audit(tx, actor, { action: 'reform.supervision.issue', entity: 'reform_supervision', entityId: s.id, orgId: task.lead_org_id, after: { taskId, reason: input.reason.trim(), replyDue: input.replyDue, taskStatus: task.status } });
    return s.id;
  });
  return { id, task: await getTask(ctx, actor, taskId) };
}

async function loadSupervision(ctx: AppContext, actor: Actor, id: number) {
  const s = await repo.findSupervision(ctx.db, id);
  if (!s) throw Errors.notFound('督办通知', 'Supervision notice');
  const task = await loadVisibleTask(ctx.db, actor, s.task_id);
  return { s, task };
}

/** The lead unit's reply; one reply per notice (a reply after the due date is kept and shown as late). */
export async function replySupervision(ctx: AppContext, actor: Actor, id: number, input: { text: string; attachmentIds?: number[] }) {
  need(actor, 'reform.report');
  const { s, task } = await loadSupervision(ctx, actor, id);
  if (actor.orgId !== task.lead_org_id) throw Errors.forbidden('督办通知由牵头单位回复', 'The lead unit replies to supervision notices');
  if (!input.text?.trim()) throw Errors.validation([{ field: 'text', code: 'REQUIRED', message: '请填写回复内容', messageEn: 'Reply text is required' }]);
  if (input.text.length > 4000) throw Errors.validation([{ field: 'text', code: 'TOO_LONG', message: '回复内容不超过4000字', messageEn: 'At most 4000 characters' }]);
  await inTransaction(ctx, async (tx) => {
    const cur = await tx.selectFrom('reform_supervisions').select(['replied_at', 'closed_at']).where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (cur.closed_at) throw Errors.conflict('SUPERVISION_CLOSED', '督办通知已办结', 'The notice is closed');
    if (cur.replied_at) throw Errors.conflict('ALREADY_REPLIED', '督办通知已回复', 'The notice has already been answered');
    await tx.updateTable('reform_supervisions').set({ reply_text: input.text.trim(), replied_by: actor.userId || null, replied_at: new Date() }).where('id', '=', id).execute();
    if (input.attachmentIds?.length) await linkAttachments(tx, actor, input.attachmentIds, { type: 'reform_supervision', id });
    await audit(tx, actor, { action: 'reform.supervision.reply', entity: 'reform_supervision', entityId: id, orgId: task.lead_org_id, after: { taskId: s.task_id, text: input.text.trim(), late: today() > s.reply_due, attachmentIds: input.attachmentIds ?? [] } });
  });
  return getTask(ctx, actor, s.task_id);
}

export async function closeSupervision(ctx: AppContext, actor: Actor, id: number, input: { note?: string }) {
  need(actor, 'reform.manage');
  const { s, task } = await loadSupervision(ctx, actor, id);
  if (s.closed_at) throw Errors.conflict('SUPERVISION_CLOSED', '督办通知已办结', 'The notice is closed');
  await inTransaction(ctx, async (tx) => {
    await tx.updateTable('reform_supervisions').set({ closed_at: new Date(), closed_by: actor.userId || null, close_note: input.note?.trim() || null }).where('id', '=', id).execute();
    await audit(tx, actor, { action: 'reform.supervision.close', entity: 'reform_supervision', entityId: id, orgId: task.lead_org_id, after: { taskId: s.task_id, note: input.note ?? null, replied: !!s.replied_at } });
  });
  return getTask(ctx, actor, s.task_id);
}

export async function listSupervisions(ctx: AppContext, actor: Actor, q: { state?: repo.SupervisionState; planId?: number; page: number; pageSize: number }) {
  need(actor, 'reform.read');
  const on = today();
  const { items, total } = await repo.listSupervisions(ctx.db, actor, q, on, q.page, q.pageSize);
  return {
    total,
    items: items.map((s) => ({
      id: s.id, taskId: s.task_id, code: s.code, title: s.title, leadOrgName: s.lead_org_name, reason: s.reason, replyDue: s.reply_due,
      issuedAt: new Date(s.issued_at).toISOString(), repliedAt: s.replied_at ? new Date(s.replied_at).toISOString() : null,
      state: s.closed_at ? 'closed' : s.replied_at ? 'replied' : s.reply_due < on ? 'reply_overdue' : 'awaiting',
    })),
  };
}
