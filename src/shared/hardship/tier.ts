import { formatFen } from '../money.js';
import { ACCIDENT_KINDS, type HardshipTier } from './codes.js';

/**
 * The hardship tier, computed — never typed — from a year's thresholds (STANDARDS §3):
 *   per-capita monthly figure = (family annual income − annual 刚性支出) ÷ 12 ÷ household size
 *   深度困难  figure < 低保 × deep multiplier      (1×)
 *   相对困难  figure < 低保 × relative multiplier  (2×)
 *   意外致困  a qualifying sudden event, and figure < 低保 × accident multiplier (3×; none = no income line)
 * Comparisons are strict ("below") and exact: both sides are multiplied out in integer fen,
 * so a family exactly at the line is not below it and no rounding moves anyone across.
 */
export interface TierThresholds {
  year: number;
  /** 低保 standard, fen per person per month */
  dibaoFen: number;
  /** multipliers in percent of 低保 (100 = 1×) */
  deepPct: number;
  relativePct: number;
  /** null: 意外致困 has no income line, the event alone decides */
  accidentPct: number | null;
  /** a sudden illness/accident counts when its cost exceeds this percent of annual income (80) */
  accidentCostPct: number;
}

export type Period = 'month' | 'year';

export interface TierAccident {
  kind: string;
  consequence?: string | null;
  /** cost of the event in the year, fen */
  costFen: number;
}

export interface TierInput {
  /** the worker plus the household members living with them */
  householdSize: number;
  incomes: readonly { amountFen: number; period: Period }[];
  expenses: readonly { amountFen: number; period: Period }[];
  accident?: TierAccident | null;
  exclusions?: readonly string[];
}

export interface TierStep {
  zh: string;
  en: string;
}

export interface TierResult {
  tier: HardshipTier;
  year: number;
  householdSize: number;
  annualIncomeFen: number;
  annualExpenseFen: number;
  netFen: number;
  /** the per-capita monthly figure, rounded down to the fen (for display; the tier uses the exact value) */
  perCapitaFen: number;
  lines: { deepFen: number; relativeFen: number; accidentFen: number | null };
  accidentQualifies: boolean;
  excluded: boolean;
  steps: TierStep[];
}

export const annualFen = (item: { amountFen: number; period: Period }): number =>
  item.period === 'month' ? item.amountFen * 12 : item.amountFen;

/** '1,395.00' from 139500 fen. */
export const formatYuan = formatFen;

/** Whether net ÷ 12 ÷ size < dibao × pct ÷ 100, exactly, in integers. */
function below(netFen: number, size: number, dibaoFen: number, pct: number): boolean {
  return netFen * 100 < dibaoFen * pct * 12 * size;
}

/** The line in fen per person per month (display only; an odd 低保 × 150 % can end in half a fen). */
const lineFen = (dibaoFen: number, pct: number) => Math.round((dibaoFen * pct) / 100);

/** Whether the event itself is of the kind the 意外致困 rule covers (income line apart). */
export function accidentQualifies(accident: TierAccident | null | undefined, annualIncomeFen: number, costPct: number): boolean {
  if (!accident) return false;
  const kind = ACCIDENT_KINDS.find((k) => k.code === accident.kind);
  if (!kind) return false;
  if (kind.needs === 'consequence') return ['injury', 'disability', 'death'].includes(accident.consequence ?? '');
  // "exceeding 80% of the family's annual income": strictly more, compared in integers.
  return accident.costFen * 100 > annualIncomeFen * costPct;
}

export function computeTier(input: TierInput, t: TierThresholds): TierResult {
  const size = Math.max(1, Math.trunc(input.householdSize));
  const annualIncomeFen = input.incomes.reduce((s, i) => s + annualFen(i), 0);
  const annualExpenseFen = input.expenses.reduce((s, i) => s + annualFen(i), 0);
  const netFen = annualIncomeFen - annualExpenseFen;
  const perCapitaFen = Math.floor(netFen / 12 / size);
  const lines = {
    deepFen: lineFen(t.dibaoFen, t.deepPct),
    relativeFen: lineFen(t.dibaoFen, t.relativePct),
    accidentFen: t.accidentPct === null ? null : lineFen(t.dibaoFen, t.accidentPct),
  };
  const steps: TierStep[] = [
    { zh: `家庭年收入 ${formatYuan(annualIncomeFen)} 元 − 年刚性支出 ${formatYuan(annualExpenseFen)} 元 = ${formatYuan(netFen)} 元`, en: `Annual income ¥${formatYuan(annualIncomeFen)} − annual unavoidable spending ¥${formatYuan(annualExpenseFen)} = ¥${formatYuan(netFen)}` },
    { zh: `${formatYuan(netFen)} 元 ÷ 12 ÷ ${size} 人 = 人均每月 ${formatYuan(perCapitaFen)} 元`, en: `¥${formatYuan(netFen)} ÷ 12 ÷ ${size} = ¥${formatYuan(perCapitaFen)} per person per month` },
    { zh: `${t.year} 年低保标准 ${formatYuan(t.dibaoFen)} 元/人/月：深度困难线 ${formatYuan(lines.deepFen)} 元，相对困难线 ${formatYuan(lines.relativeFen)} 元${lines.accidentFen === null ? '' : `，意外致困线 ${formatYuan(lines.accidentFen)} 元`}`, en: `${t.year} 低保 ¥${formatYuan(t.dibaoFen)}: deep line ¥${formatYuan(lines.deepFen)}, relative line ¥${formatYuan(lines.relativeFen)}${lines.accidentFen === null ? '' : `, accident line ¥${formatYuan(lines.accidentFen)}`}` },
  ];
  const accidentOk = accidentQualifies(input.accident, annualIncomeFen, t.accidentCostPct);
  const excluded = (input.exclusions ?? []).length > 0;
  const result = (tier: HardshipTier, step: TierStep): TierResult => ({
    tier, year: t.year, householdSize: size, annualIncomeFen, annualExpenseFen, netFen, perCapitaFen, lines,
    accidentQualifies: accidentOk, excluded, steps: [...steps, step],
  });
  if (excluded) return result('none', { zh: '存在排除情形（如子女高收费民办学校或自费留学），不认定为困难职工', en: 'An exclusion applies; not treated as in hardship' });
  if (below(netFen, size, t.dibaoFen, t.deepPct)) return result('deep', { zh: `人均低于深度困难线 → 深度困难`, en: 'Below the deep line → deep hardship' });
  if (below(netFen, size, t.dibaoFen, t.relativePct)) return result('relative', { zh: `人均不低于深度困难线、低于相对困难线 → 相对困难`, en: 'Below the relative line → relative hardship' });
  if (accidentOk && (t.accidentPct === null || below(netFen, size, t.dibaoFen, t.accidentPct))) {
    return result('accident', { zh: '因突发事件致困且人均低于意外致困线 → 意外致困', en: 'A sudden event and below the accident line → hardship from a sudden event' });
  }
  if (accidentOk) {
    return result('none', { zh: '虽有突发事件，但人均不低于意外致困线 → 不符合', en: 'A sudden event, but not below the accident line → not eligible' });
  }
  if (input.accident) {
    return result('none', { zh: `突发事件不符合意外致困条件（灾害等须致伤残或死亡；突发疾病、意外的费用须超过家庭年收入的 ${t.accidentCostPct}%），且人均不低于相对困难线 → 不符合`, en: `The event does not meet the rule and income is above the relative line → not eligible` });
  }
  return result('none', { zh: '人均不低于相对困难线 → 不符合', en: 'Not below the relative line → not eligible' });
}
