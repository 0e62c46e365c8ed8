/**
 * Reporting periods of progress reports. A task reports monthly ('2026-03') or
 * quarterly ('2026Q1'). Dates are 'YYYY-MM-DD' strings in Asia/Shanghai.
 */
export type ReportCycle = 'monthly' | 'quarterly';
export const REPORT_CYCLES: readonly ReportCycle[] = ['monthly', 'quarterly'];

/** Days after a period's end during which its report may still be filed or revised. */
export const REPORT_GRACE_DAYS = 10;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER_KEY = /^(\d{4})Q([1-4])$/;

export interface Period {
  key: string;
  cycle: ReportCycle;
  /** first day, inclusive */
  start: string;
  /** last day, inclusive */
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function lastDay(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

export function parsePeriodKey(key: string): Period | null {
  let m = MONTH_KEY.exec(key);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    return { key, cycle: 'monthly', start: `${y}-${pad(mo)}-01`, end: lastDay(y, mo) };
  }
  m = QUARTER_KEY.exec(key);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { key, cycle: 'quarterly', start: `${y}-${pad(q * 3 - 2)}-01`, end: lastDay(y, q * 3) };
  }
  return null;
}

/** The period of `cycle` that contains `date`. */
export function periodOf(date: string, cycle: ReportCycle): Period {
  const y = Number(date.slice(0, 4));
  const mo = Number(date.slice(5, 7));
  const key = cycle === 'monthly' ? `${y}-${pad(mo)}` : `${y}Q${Math.ceil(mo / 3)}`;
  return parsePeriodKey(key)!;
}

export function previousPeriod(p: Period): Period {
  return periodOf(addDays(p.start, -1), p.cycle);
}

export function addDays(date: string, days: number): string {
  const t = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  const ms = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
  return Math.round((ms(b) - ms(a)) / 86_400_000);
}

/**
 * Periods a unit may report for on `today`: the current one, and the previous
 * one during the first REPORT_GRACE_DAYS days after it ended (month-end figures
 * arrive in the first days of the next month). Later periods are the future;
 * older ones are closed — a late unit reports in the current period.
 */
export function openPeriods(today: string, cycle: ReportCycle): Period[] {
  const cur = periodOf(today, cycle);
  const prev = previousPeriod(cur);
  return daysBetween(prev.end, today) <= REPORT_GRACE_DAYS ? [cur, prev] : [cur];
}

export function periodLabel(key: string, en = false): string {
  const p = parsePeriodKey(key);
  if (!p) return key;
  const y = key.slice(0, 4);
  if (p.cycle === 'monthly') return en ? key : `${y}年${Number(key.slice(5))}月`;
  return en ? `${y} Q${key.slice(5)}` : `${y}年第${'一二三四'[Number(key.slice(5)) - 1]}季度`;
}
