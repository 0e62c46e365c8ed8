/**
 * 职工互助保障 二次报销: the eligible amount of a claim under a plan's rules, exactly in fen.
 *
 * Order of the rules (each step shown to the applicant and the reviewers as one line):
 *   1. per bill: reimbursable base = total − medical insurance paid (一次报销) − self-paid items outside
 *      the insurance catalogue (自费); the base is the 个人自付 share the plan reimburses;
 *      bills dated inside the waiting period (enrolment date + waiting days, exclusive) are refused;
 *   2. deductible (起付线): per claim, or per year (only the part earlier approved claims did not use);
 *   3. ratio in basis points (1 bp = 0.01 %), **rounded half up to the fen**:
 *      floor((amount × bp + 5000) / 10000) — integer arithmetic only, so 0.5 fen always rounds up;
 *   4. cap per claim;
 *   5. cap per person per year, less what this person already received under the plan that year.
 * Pure and shared: the server decides with it, the forms preview with it.
 */
import { formatFen } from '../money.js';

export type DeductibleBasis = 'per_claim' | 'per_year';

export interface PlanRules {
  deductibleFen: number;
  deductibleBasis: DeductibleBasis;
  /** reimbursement ratio in basis points: 10000 = 100 %, 6000 = 60 % */
  ratioBp: number;
  /** null: no cap */
  capPerClaimFen: number | null;
  capPerYearFen: number | null;
  waitingDays: number;
}

export interface BillInput {
  hospital: string;
  /** 就诊/入院日期 'YYYY-MM-DD' — the date the waiting period applies to */
  visitDate: string;
  totalFen: number;
  insurancePaidFen: number;
  selfPaidFen: number;
}

export interface PriorUse {
  /** approved/paid amounts of this person's other claims under the plan this year */
  receivedFen: number;
  /** deductible those claims consumed (matters for a per-year deductible) */
  deductibleUsedFen: number;
}

export interface CalcLine {
  key: 'base' | 'deductible' | 'ratio' | 'cap_claim' | 'cap_year';
  zh: string;
  en: string;
  /** the running amount after this step */
  fen: number;
}

export interface BillProblem {
  index: number;
  field: 'visitDate' | 'totalFen' | 'insurancePaidFen' | 'selfPaidFen';
  code: 'WAITING_PERIOD' | 'PARTS_EXCEED_TOTAL';
  message: string;
  messageEn: string;
}

export interface ClaimCalc {
  bills: { index: number; baseFen: number }[];
  baseFen: number;
  deductibleAppliedFen: number;
  afterRatioFen: number;
  eligibleFen: number;
  /** the first day a bill may be dated */
  coveredFrom: string;
  lines: CalcLine[];
  problems: BillProblem[];
}

/** Largest amount accepted anywhere (10 亿元): keeps amount × 10000 far inside the exact-integer range. */
export const MAX_FEN = 100_000_000_000;

export function addDays(ymd: string, days: number): string {
  const [y, m, d] = ymd.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return t.toISOString().slice(0, 10);
}

/** amount × bp / 10000, rounded half up to the fen (amount ≥ 0). */
export function applyRatio(amountFen: number, ratioBp: number): number {
  return Math.floor((amountFen * ratioBp + 5000) / 10000);
}

export const yuan = formatFen;

export function ratioText(bp: number): string {
  return `${(bp / 100).toFixed(bp % 100 === 0 ? 0 : 2)}%`;
}

/** The eligible amount of one claim; `problems` non-empty means the claim must be refused. */
export function computeClaim(rules: PlanRules, enrolledOn: string, bills: BillInput[], prior: PriorUse): ClaimCalc {
  const coveredFrom = addDays(enrolledOn, rules.waitingDays);
  const problems: BillProblem[] = [];
  const perBill = bills.map((b, index) => {
    if (b.insurancePaidFen + b.selfPaidFen > b.totalFen) {
      problems.push({ index, field: 'insurancePaidFen', code: 'PARTS_EXCEED_TOTAL', message: `第${index + 1}张票据：医保支付与自费合计超过总费用`, messageEn: `Bill ${index + 1}: insurance paid plus self-paid exceeds the total` });
    }
    if (b.visitDate < coveredFrom) {
      problems.push({ index, field: 'visitDate', code: 'WAITING_PERIOD', message: `第${index + 1}张票据的就诊日期在等待期内（${coveredFrom}起方可报销）`, messageEn: `Bill ${index + 1} is dated inside the waiting period (covered from ${coveredFrom})` });
    }
    return { index, baseFen: Math.max(0, b.totalFen - b.insurancePaidFen - b.selfPaidFen) };
  });
  const baseFen = perBill.reduce((s, b) => s + b.baseFen, 0);
  const lines: CalcLine[] = [];
  // one bill: its base; several: each bill's base summed
  const sumText = perBill.length > 1 ? `${perBill.map((b) => yuan(b.baseFen)).join(' + ')} = ` : '';
  lines.push({ key: 'base', zh: `可报销基数（总费用 − 医保支付 − 自费）= ${sumText}${yuan(baseFen)} 元`, en: `Reimbursable base (total − insurance − self-paid) = ${sumText}${yuan(baseFen)}`, fen: baseFen });

  const deductibleLeft = rules.deductibleBasis === 'per_year' ? Math.max(0, rules.deductibleFen - prior.deductibleUsedFen) : rules.deductibleFen;
  const deductibleAppliedFen = Math.min(baseFen, deductibleLeft);
  const afterDeductible = baseFen - deductibleAppliedFen;
  const dedWhy = rules.deductibleBasis === 'per_year'
    ? [`年度起付线 ${yuan(rules.deductibleFen)} 元，本年已抵 ${yuan(rules.deductibleFen - deductibleLeft)} 元`, `yearly deductible ${yuan(rules.deductibleFen)}, ${yuan(rules.deductibleFen - deductibleLeft)} already used`]
    : [`每次起付线 ${yuan(rules.deductibleFen)} 元`, `deductible per claim ${yuan(rules.deductibleFen)}`];
  lines.push({ key: 'deductible', zh: `减起付线（${dedWhy[0]}）：${yuan(baseFen)} − ${yuan(deductibleAppliedFen)} = ${yuan(afterDeductible)} 元`, en: `Less deductible (${dedWhy[1]}): ${yuan(baseFen)} − ${yuan(deductibleAppliedFen)} = ${yuan(afterDeductible)}`, fen: afterDeductible });

  const afterRatioFen = applyRatio(afterDeductible, rules.ratioBp);
  lines.push({ key: 'ratio', zh: `× 报销比例 ${ratioText(rules.ratioBp)}（四舍五入到分）= ${yuan(afterRatioFen)} 元`, en: `× ratio ${ratioText(rules.ratioBp)} (rounded half up to the fen) = ${yuan(afterRatioFen)}`, fen: afterRatioFen });

  let amount = afterRatioFen;
  if (rules.capPerClaimFen !== null) {
    amount = Math.min(amount, rules.capPerClaimFen);
    lines.push({ key: 'cap_claim', zh: `每次限额 ${yuan(rules.capPerClaimFen)} 元 → ${yuan(amount)} 元`, en: `Cap per claim ${yuan(rules.capPerClaimFen)} → ${yuan(amount)}`, fen: amount });
  }
  if (rules.capPerYearFen !== null) {
    const left = Math.max(0, rules.capPerYearFen - prior.receivedFen);
    amount = Math.min(amount, left);
    lines.push({ key: 'cap_year', zh: `年度限额 ${yuan(rules.capPerYearFen)} 元，本年已获 ${yuan(prior.receivedFen)} 元，剩余 ${yuan(left)} 元 → ${yuan(amount)} 元`, en: `Yearly cap ${yuan(rules.capPerYearFen)}, ${yuan(prior.receivedFen)} already received, ${yuan(left)} left → ${yuan(amount)}`, fen: amount });
  }
  return { bills: perBill, baseFen, deductibleAppliedFen, afterRatioFen, eligibleFen: amount, coveredFrom, lines, problems };
}
