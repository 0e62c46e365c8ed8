import type { AppContext } from '../../context.js';
import { inTransaction } from '../../context.js';
import type { Kdb } from '../../db/connection.js';
import type { Actor } from '../../access/actor.js';
import { Rng } from '../../demo/random.js';
import { todayInShanghai } from '../../../shared/dates.js';
import { addDays, daysBetween, periodOf, type Period, type ReportCycle } from '../../../shared/reform/periods.js';
import { audit } from '../audit/audit.service.js';
import { refreshStatus } from './reform-tasks.service.js';
import { DEMO_MILESTONES, DEMO_REPORT_TEXTS, DEMO_TASKS, type DemoTask } from './reform-tasks.demo-data.js';

interface Unit { id: number; name: string }

/** The task the bureau demo user (人社局) finds overdue and under supervision, waiting for its report. */
export const DEMO_SUPERVISED_TITLE = '推进企业工资集体协商';

type Scenario = 'done' | 'late_done' | 'overdue' | 'active';

const nextPeriod = (p: Period) => periodOf(addDays(p.end, 1), p.cycle);

/**
 * Last year's and this year's reform plans: 80 tasks this year over the 16 bureaus and 20
 * towns/streets, with milestones, indicators, monthly (some quarterly) official reports and
 * co-unit reports, a few overdue tasks under supervision (some replied). Dates are relative to
 * today so the mix stays realistic; everything else comes from one seeded Rng. Skipped when
 * plans already exist.
 */
export async function seedReformTasksDemo(ctx: AppContext, actor: Actor): Promise<void> {
  if (await ctx.db.selectFrom('reform_plans').select('id').limit(1).executeTakeFirst()) return;
  const orgs = await ctx.db.selectFrom('orgs').select(['id', 'name', 'type', 'parent_id']).where('status', '=', 'active').where('depth', '<=', 1).orderBy('id').execute();
  const district = orgs.find((o) => o.parent_id === null);
  const bureaus: Unit[] = orgs.filter((o) => o.type === 'member_unit');
  const towns: Unit[] = orgs.filter((o) => o.type === 'town' && /(镇|街道|地区)(总工会)?$/.test(o.name));
  if (!district || !bureaus.length || !towns.length) return;
  const hr = bureaus.find((b) => b.name.includes('人力资源')) ?? bureaus[0];
  const staff = await ctx.db.selectFrom('users').select(['id', 'org_id']).where('role', 'in', ['unit_staff', 'org_admin']).execute();
  const userOf = (orgId: number) => staff.find((u) => u.org_id === orgId)?.id ?? null;
  const today = todayInShanghai();
  const year = Number(today.slice(0, 4));
  const rng = new Rng('reform-tasks-demo');
  let townTurn = 0;
  const leadFor = (d: DemoTask): Unit => (d.lead === 'town' ? towns[townTurn++ % towns.length] : bureaus.find((b) => b.name.includes(d.lead)) ?? rng.pick(bureaus));

  await inTransaction(ctx, async (tx) => {
    const taskIds: number[] = [];
    for (const y of [year - 1, year]) {
      const plan = await tx.insertInto('reform_plans').values({ org_id: district.id, year: y, title: `密云区${y}年产业工人队伍建设改革工作计划`, status: 'published', created_by: actor.userId || null, updated_at: new Date() })
        .returning('id').executeTakeFirstOrThrow();
      const list = y === year ? DEMO_TASKS : rng.shuffled(DEMO_TASKS).slice(0, 40);
      for (const [i, d] of list.entries()) {
        const lead = leadFor(d);
        const pool = [...bureaus, ...towns].filter((u) => u.id !== lead.id);
        const co = new Set(rng.shuffled(pool).slice(0, rng.int(1, 3)).map((u) => u.id));
        // 人社局 co-leads most skills and pay tasks it does not lead (the demo bureau user sees both kinds).
        if (lead.id !== hr.id && (d.category === 'skills' || d.category === 'status') && rng.chance(0.35)) co.add(hr.id);
        co.delete(lead.id);
        const supervised = y === year && d.title === DEMO_SUPERVISED_TITLE;
        const cycle: ReportCycle = rng.chance(0.15) ? 'quarterly' : 'monthly';
        const startOn = addDays(`${y}-01-01`, rng.int(0, 45));
        let deadline = y < year ? `${y}-${String(rng.int(6, 12)).padStart(2, '0')}-${rng.pick(['15', '28', '30'])}` : `${y}-${String(rng.weightedPick([[4, 1], [6, 3], [9, 3], [10, 2], [11, 2], [12, 6]] as const)).padStart(2, '0')}-${rng.pick(['15', '28', '30'])}`;
        if (y === year && rng.chance(0.08)) deadline = `${y + 1}-0${rng.int(3, 6)}-30`;
        if (supervised) deadline = addDays(today, -25);
        if (deadline < startOn) deadline = addDays(startOn, 120);
        const past = deadline < today;
        const scenario: Scenario = supervised ? 'overdue' : !past ? 'active' : rng.weightedPick([['done', 78], ['late_done', 10], ['overdue', y === year ? 12 : 0]] as const);
        const task = await tx.insertInto('reform_tasks').values({
          plan_id: plan.id, code: `${y}-${String(i + 1).padStart(2, '0')}`, title: d.title, category: d.category, lead_org_id: lead.id,
          description: `围绕${d.title.replace(/^(开展|推进|加强|建立|落实|实施|组织|建设|深化|推行|提高|健全|将|选树|规范|完善|举办)/, '')}，明确责任分工和工作措施，按期报送进展。`,
          start_on: startOn, deadline, report_cycle: cycle, source: i % 9 === 0 ? `区产改工作领导小组${y}年第${1 + (i % 3)}次会议决定` : `密云区${y}年产改工作要点`,
          completed_on: null, completed_by: null, status_recheck_on: null, done_on: null, official_percent: null, official_done_on: null, last_official_report_on: null,
          created_by: actor.userId || null, created_at: new Date(`${y}-01-05T09:00:00+08:00`), updated_at: new Date(),
        }).returning('id').executeTakeFirstOrThrow();
        taskIds.push(task.id);
        if (co.size) await tx.insertInto('reform_task_co_units').values([...co].map((org_id) => ({ task_id: task.id, org_id }))).execute();

        // The finishing day and the final official percent of each scenario.
        const span = daysBetween(startOn, deadline);
        const doneOn = scenario === 'done' ? addDays(deadline, -rng.int(0, Math.min(40, span))) : scenario === 'late_done' ? [addDays(deadline, rng.int(3, 25)), today].sort()[0] : null;
        const lastDay = doneOn ?? today;
        const expected = Math.min(100, Math.round((daysBetween(startOn, lastDay) / Math.max(span, 1)) * 100));
        const finalPercent = doneOn ? 100 : scenario === 'overdue' ? rng.int(55, 85) : Math.max(5, Math.min(95, expected + rng.int(-30, 12)));

        await seedReports(tx, rng, { taskId: task.id, leadId: lead.id, coIds: [...co], cycle, startOn, lastDay, doneOn, finalPercent, userOf });
        for (const [k, [title, frac]] of DEMO_MILESTONES.entries()) {
          const dueOn = addDays(startOn, Math.round(span * frac));
          // Reached when the official percent got past the milestone's share in time; the slow ones leave it open.
          const reached = doneOn !== null || (finalPercent >= frac * 100 + 10 && dueOn <= today) || (k === 0 && finalPercent >= 20);
          await tx.insertInto('reform_milestones').values({ task_id: task.id, title, due_on: dueOn, done_on: reached ? [dueOn, lastDay].sort()[0] : null, sort: k }).execute();
        }
        if (d.indicator) {
          const [name, unit, target] = d.indicator;
          await tx.insertInto('reform_indicators').values({ task_id: task.id, name, unit, target, actual: Math.round((target * finalPercent) / 100 * (doneOn ? 1 + rng.int(0, 15) / 100 : 1)), sort: 0 }).execute();
        }
      }
    }
    for (const id of taskIds) await refreshStatus(tx, id, today);
    await seedSupervision(tx, rng, actor, today, year, userOf);
    await audit(tx, actor, { action: 'reform.demo.seed', entity: 'reform_plan', detail: { plans: 2, tasks: taskIds.length } });
  });
}

async function seedReports(tx: Kdb, rng: Rng, t: {
  taskId: number; leadId: number; coIds: number[]; cycle: ReportCycle; startOn: string; lastDay: string; doneOn: string | null; finalPercent: number;
  userOf: (orgId: number) => number | null;
}) {
  const periods: Period[] = [];
  for (let p = periodOf(t.startOn, t.cycle); p.start <= t.lastDay; p = nextPeriod(p)) periods.push(p);
  const rows: { task_id: number; org_id: number; period_key: string; content: string; percent: number; is_official: boolean; submitted_by: number | null; submitted_at: Date }[] = [];
  periods.forEach((p, k) => {
    const last = k === periods.length - 1;
    // Reports arrive near the end of their period; the finishing report on the day it finished.
    const day = last && t.doneOn ? t.doneOn : [addDays(p.end, -rng.int(0, 6)), t.lastDay].sort()[0];
    if (day < t.startOn || (!t.doneOn && last && rng.chance(0.25))) return; // some units have not reported this period yet
    const percent = last ? t.finalPercent : Math.min(t.finalPercent, Math.round((t.finalPercent * (k + 1)) / periods.length));
    rows.push({ task_id: t.taskId, org_id: t.leadId, period_key: p.key, content: last && t.doneOn ? '各项工作已全部完成，指标全部达成，总结材料已报送。' : rng.pick(DEMO_REPORT_TEXTS), percent, is_official: true, submitted_by: t.userOf(t.leadId), submitted_at: new Date(`${day}T${10 + rng.int(0, 7)}:${rng.int(10, 59)}:00+08:00`) });
    for (const co of t.coIds) {
      if (!rng.chance(0.2)) continue;
      rows.push({ task_id: t.taskId, org_id: co, period_key: p.key, content: '配合牵头单位完成本期工作，相关情况已同步报送。', percent: Math.max(0, Math.min(100, percent + rng.int(-10, 10))), is_official: false, submitted_by: t.userOf(co), submitted_at: new Date(`${day}T16:30:00+08:00`) });
    }
  });
  if (rows.length) await tx.insertInto('reform_progress_reports').values(rows).execute();
}

/** Overdue tasks of this year get 督办 notices: about half replied, some closed; the 人社局 one awaits its reply. */
async function seedSupervision(tx: Kdb, rng: Rng, actor: Actor, today: string, year: number, userOf: (orgId: number) => number | null) {
  const late = await tx.selectFrom('reform_tasks as t').innerJoin('reform_plans as p', 'p.id', 't.plan_id')
    .select(['t.id', 't.title', 't.deadline', 't.lead_org_id', 't.status']).where('p.year', '=', year).where('t.status', 'in', ['overdue', 'at_risk']).orderBy('t.id').execute();
  const chosen = [...late.filter((t) => t.status === 'overdue'), ...late.filter((t) => t.status === 'at_risk').slice(0, 2)];
  for (const [k, t] of chosen.entries()) {
    const issued = [addDays(t.deadline < today ? t.deadline : today, t.deadline < today ? 3 : -2), today].sort()[0];
    const replyDue = addDays(issued, 10);
    const answered = t.title !== DEMO_SUPERVISED_TITLE && k % 2 === 0;
    const repliedOn = answered ? [addDays(issued, rng.int(2, 12)), today].sort()[0] : null;
    await tx.insertInto('reform_supervisions').values({
      task_id: t.id, issued_by: actor.userId || null, issued_at: new Date(`${issued}T09:30:00+08:00`),
      reason: t.status === 'overdue' ? `“${t.title}”已超过完成时限仍未完成，请说明原因、提出整改措施和完成时间。` : `“${t.title}”进度滞后，请加快推进并报告整改措施。`,
      reply_due: t.title === DEMO_SUPERVISED_TITLE ? addDays(today, 5) : replyDue,
      reply_text: answered ? '已召开专题会议分析原因，制定整改方案，明确专人负责，预计本月底前完成。' : null,
      replied_by: answered ? userOf(t.lead_org_id) : null, replied_at: repliedOn ? new Date(`${repliedOn}T15:00:00+08:00`) : null,
      closed_at: answered && k % 4 === 0 && repliedOn ? new Date(`${repliedOn}T17:00:00+08:00`) : null, closed_by: null,
      close_note: answered && k % 4 === 0 ? '整改措施明确，予以办结。' : null,
    }).execute();
  }
}
