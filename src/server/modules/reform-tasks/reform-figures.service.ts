/** Figures of the reform task board: by status, lead unit and category; overdue list; supervision; what is due next. */
import type { AppContext } from '../../context.js';
import { require as need, type Actor } from '../../access/actor.js';
import { TASK_CATEGORIES } from '../../../shared/reform/categories.js';
import { addDays } from '../../../shared/reform/periods.js';
import { TASK_STATUSES, type TaskStatus } from '../../../shared/reform/status.js';
import * as repo from './reform-tasks.repo.js';
import { currentPlanId, presentTask, refreshDueStatuses, today } from './reform-tasks.service.js';

type Counts = Record<TaskStatus, number> & { total: number };
const zero = (): Counts => ({ total: 0, on_track: 0, at_risk: 0, overdue: 0, done: 0 });

/** Days ahead the "due next" list looks. */
export const DUE_NEXT_DAYS = 60;

export async function taskFigures(ctx: AppContext, actor: Actor, planId?: number, en = false) {
  need(actor, 'reform.read');
  await refreshDueStatuses(ctx);
  const pid = planId ?? (await currentPlanId(ctx.db));
  const on = today();
  const [raw, due] = await Promise.all([
    repo.figures(ctx.db, actor, pid, on),
    repo.dueNext(ctx.db, actor, pid, on, addDays(on, DUE_NEXT_DAYS)),
  ]);
  const totals = zero();
  for (const r of raw.byStatus) {
    totals[r.status] += r.n;
    totals.total += r.n;
  }
  const units = new Map<number, Counts & { orgId: number; name: string; type: string }>();
  for (const r of raw.byUnit) {
    const u = units.get(r.lead_org_id) ?? { ...zero(), orgId: r.lead_org_id, name: r.name, type: r.type };
    u[r.status] += r.n;
    u.total += r.n;
    units.set(r.lead_org_id, u);
  }
  const cats = new Map<string, Counts & { code: string; name: string }>();
  for (const r of raw.byCategory) {
    const name = TASK_CATEGORIES.find((c) => c.code === r.category);
    const c = cats.get(r.category) ?? { ...zero(), code: r.category, name: (en ? name?.nameEn : name?.name) ?? r.category };
    c[r.status] += r.n;
    c.total += r.n;
    cats.set(r.category, c);
  }
  const order = (c: { code: string }) => TASK_CATEGORIES.findIndex((x) => x.code === c.code);
  return {
    planId: pid ?? null,
    today: on,
    statuses: TASK_STATUSES,
    totals,
    byUnit: [...units.values()].sort((a, b) => b.total - a.total || a.name.localeCompare(b.name, 'zh-CN')),
    byCategory: [...cats.values()].sort((a, b) => order(a) - order(b)),
    overdue: raw.overdue.map((t) => presentTask(t, en)),
    supervision: raw.supervision,
    dueNext: {
      tasks: due.tasks.map((t) => presentTask(t, en)),
      milestones: due.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: m.due_on, taskId: m.task_id, code: m.code, taskTitle: m.task_title })),
    },
  };
}
