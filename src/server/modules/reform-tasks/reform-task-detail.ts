/** One task as its detail page shows it, with what the reader may do with it. */
import type { AppContext } from '../../context.js';
import { can, type Actor } from '../../access/actor.js';
import { openPeriods, type ReportCycle } from '../../../shared/reform/periods.js';
import { listAttachments } from '../attachments/attachments.service.js';
import * as repo from './reform-tasks.repo.js';
import { loadVisibleTask, presentTask, refreshDueStatuses, today } from './reform-tasks.service.js';

export function supervisionStateOf(s: { closed_at: Date | null; replied_at: Date | null; reply_due: string }, on: string) {
  if (s.closed_at) return 'closed' as const;
  if (s.replied_at) return 'replied' as const;
  return s.reply_due < on ? ('reply_overdue' as const) : ('awaiting' as const);
}

export async function getTask(ctx: AppContext, actor: Actor, id: number, en = false) {
  await refreshDueStatuses(ctx);
  const t = await loadVisibleTask(ctx.db, actor, id);
  const on = today();
  const [plan, co, ms, ind, reps, sups] = await Promise.all([
    repo.findPlan(ctx.db, t.plan_id), repo.coUnits(ctx.db, id), repo.milestones(ctx.db, id), repo.indicators(ctx.db, id),
    repo.reports(ctx.db, id), repo.supervisionsOf(ctx.db, id),
  ]);
  const values = await repo.reportValues(ctx.db, reps.map((r) => r.id));
  const isLead = actor.orgId === t.lead_org_id;
  const isCo = co.some((c) => c.id === actor.orgId);
  return {
    ...presentTask(t, en),
    planTitle: plan?.title ?? null,
    planYear: plan?.year ?? null,
    coUnits: co.map((c) => ({ id: c.id, name: c.name })),
    milestones: ms.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, doneOn: m.done_on, missed: !m.done_on && m.due_on < on })),
    indicators: ind.map((m) => ({ id: m.id, name: m.name, unit: m.unit, target: m.target, actual: m.actual })),
    reports: await Promise.all(reps.map(async (r) => ({
      id: r.id, orgId: r.org_id, orgName: r.org_name, periodKey: r.period_key, content: r.content, percent: r.percent, official: r.is_official,
      submittedAt: new Date(r.submitted_at).toISOString(), submittedBy: r.display_name ?? r.username, revision: r.revision,
      indicatorValues: values.filter((v) => v.report_id === r.id).map((v) => ({ indicatorId: v.indicator_id, value: v.value })),
      attachments: await listAttachments(ctx.db, { type: 'reform_report', id: r.id }),
    }))),
    supervisions: await Promise.all(sups.map(async (s) => ({
      id: s.id, issuedAt: new Date(s.issued_at).toISOString(), issuedBy: s.issued_by_name, reason: s.reason, replyDue: s.reply_due,
      replyText: s.reply_text, repliedAt: s.replied_at ? new Date(s.replied_at).toISOString() : null, repliedBy: s.replied_by_name,
      closedAt: s.closed_at ? new Date(s.closed_at).toISOString() : null, closeNote: s.close_note,
      state: supervisionStateOf(s, on), repliedLate: !!s.replied_at && new Date(s.replied_at).toISOString().slice(0, 10) > s.reply_due,
      attachments: await listAttachments(ctx.db, { type: 'reform_supervision', id: s.id }),
    }))),
    you: {
      isLead,
      isCoUnit: isCo,
      canReport: can(actor, 'reform.report') && (isLead || isCo),
      canManage: can(actor, 'reform.manage'),
      canReply: can(actor, 'reform.report') && isLead,
      openPeriods: openPeriods(on, t.report_cycle as ReportCycle).map((p) => p.key),
    },
  };
}
