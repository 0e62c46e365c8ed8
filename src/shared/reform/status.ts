/**
 * The status of a reform task is computed, never typed in. One pure function decides it,
 * used by the server (which stores the result for paging and filtering) and by the web UI.
 *
 * Rule, evaluated on `today` (Asia/Shanghai):
 *  1. done      — the district marked it complete, or the lead unit's (official) report says 100 %.
 *                 Done after the deadline is still done, flagged `late`.
 *  2. overdue   — not done and today is after the deadline (the deadline day itself is not overdue).
 *  3. at_risk   — not done, not overdue, and any of:
 *                 a. a milestone's due date has passed and it is not done;
 *                 b. the deadline is within NEAR_DEADLINE_DAYS and the lead unit has not reported
 *                    within the last STALE_REPORT_DAYS (or never);
 *                 c. the official percent is more than SCHEDULE_MARGIN points behind a straight
 *                    line from the task's start (0 %) to its deadline (100 %).
 *  4. on_track  — otherwise.
 *
 * `recheckOn` is the first later day on which the passing of time alone could change the
 * result; the server re-evaluates stored statuses whose recheck day has come.
 */
import { addDays, daysBetween } from './periods.js';

export type TaskStatus = 'on_track' | 'at_risk' | 'overdue' | 'done';
export const TASK_STATUSES: readonly TaskStatus[] = ['on_track', 'at_risk', 'overdue', 'done'];

export const NEAR_DEADLINE_DAYS = 30;
export const STALE_REPORT_DAYS = 31;
export const SCHEDULE_MARGIN = 25;

export const STATUS_NAMES: Record<TaskStatus, { zh: string; en: string; color: string }> = {
  on_track: { zh: '正常推进', en: 'On track', color: 'green' },
  at_risk: { zh: '存在风险', en: 'At risk', color: 'orange' },
  overdue: { zh: '已逾期', en: 'Overdue', color: 'red' },
  done: { zh: '已完成', en: 'Done', color: 'blue' },
};

export type StatusReason = 'milestone_missed' | 'no_recent_report' | 'behind_schedule';
export const REASON_NAMES: Record<StatusReason, { zh: string; en: string }> = {
  milestone_missed: { zh: '有节点逾期未完成', en: 'A milestone is past due' },
  no_recent_report: { zh: `临近完成时限且牵头单位${STALE_REPORT_DAYS}天内未报送进展`, en: `Deadline near and no lead-unit report in ${STALE_REPORT_DAYS} days` },
  behind_schedule: { zh: `完成进度落后时间进度超过${SCHEDULE_MARGIN}个百分点`, en: `More than ${SCHEDULE_MARGIN} points behind schedule` },
};

export interface StatusInput {
  /** day the schedule line starts at 0 % */
  startOn: string;
  deadline: string;
  /** the district's completed mark */
  completedOn: string | null;
  /** day of the first official report at 100 % */
  officialDoneOn: string | null;
  /** latest official percent (null: never reported) */
  officialPercent: number | null;
  lastOfficialReportOn: string | null;
  milestones: readonly { dueOn: string; doneOn: string | null }[];
}

export interface StatusResult {
  status: TaskStatus;
  /** done after the deadline */
  late: boolean;
  doneOn: string | null;
  reasons: StatusReason[];
  recheckOn: string | null;
}

/** Percent a task should have reached on `today` if it progressed evenly. */
export function expectedPercent(startOn: string, deadline: string, today: string): number {
  const total = daysBetween(startOn, deadline);
  if (total <= 0) return today >= deadline ? 100 : 0;
  const elapsed = Math.min(Math.max(daysBetween(startOn, today), 0), total);
  return Math.round((elapsed / total) * 100);
}

function earliest(dates: (string | null)[], after: string): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && d > after && (!best || d < best)) best = d;
  return best;
}

export function computeTaskStatus(t: StatusInput, today: string): StatusResult {
  const doneOn = earliest([t.completedOn, t.officialDoneOn], '0000-00-00');
  if (doneOn) return { status: 'done', late: doneOn > t.deadline, doneOn, reasons: [], recheckOn: null };
  if (today > t.deadline) return { status: 'overdue', late: false, doneOn: null, reasons: [], recheckOn: null };

  const reasons: StatusReason[] = [];
  const pending = t.milestones.filter((m) => !m.doneOn);
  if (pending.some((m) => m.dueOn < today)) reasons.push('milestone_missed');

  const near = daysBetween(today, t.deadline) <= NEAR_DEADLINE_DAYS;
  const stale = !t.lastOfficialReportOn || daysBetween(t.lastOfficialReportOn, today) > STALE_REPORT_DAYS;
  if (near && stale) reasons.push('no_recent_report');

  const percent = t.officialPercent ?? 0;
  const total = daysBetween(t.startOn, t.deadline);
  if (total > 0 && expectedPercent(t.startOn, t.deadline, today) - percent > SCHEDULE_MARGIN) reasons.push('behind_schedule');

  // When could time alone flip a condition? (An early recheck only costs a recomputation.)
  const candidates: (string | null)[] = [
    addDays(t.deadline, 1),
    addDays(t.deadline, -NEAR_DEADLINE_DAYS),
    t.lastOfficialReportOn ? addDays(t.lastOfficialReportOn, STALE_REPORT_DAYS + 1) : null,
    ...pending.map((m) => addDays(m.dueOn, 1)),
  ];
  if (total > 0 && !reasons.includes('behind_schedule')) {
    // The first day the straight-line schedule gets more than the margin ahead of the percent
    // (expected only grows, so once behind a task stays behind until a new report).
    const from = Math.max(Math.floor(((percent + SCHEDULE_MARGIN) * total) / 100), daysBetween(t.startOn, today) + 1);
    for (let d = from; d <= total; d++) {
      const day = addDays(t.startOn, d);
      if (expectedPercent(t.startOn, t.deadline, day) - percent > SCHEDULE_MARGIN) {
        candidates.push(day);
        break;
      }
    }
  }
  return { status: reasons.length ? 'at_risk' : 'on_track', late: false, doneOn: null, reasons, recheckOn: earliest(candidates, today) };
}
