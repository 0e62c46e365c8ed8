/**
 * Pure rules of aid applications: the period an application counts against, who is eligible,
 * and the amount (integer fen). Used by the server (which decides) and the console (which previews).
 */
import type { ErrorDetail } from '../errors.js';
import { AID_TYPE_INFO, type AidType, type AidYearRule, type HardshipTier } from './types.js';
import { STAGE_INFO, type AidDetails } from './details.js';
import { fenToYuan } from '../money.js';

/**
 * The period key stored in the workflow's `period_key`; the database allows one approved or paid
 * application per (type, person, period). Years are 'YYYY'. A winter runs from November to April
 * and is named by the year it starts in ('2025-winter' = November 2025 … April 2026): applications
 * from May on count towards the coming winter. Summer is 'YYYY-summer'.
 */
export function periodKeyFor(type: AidType, today: string): string {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  switch (AID_TYPE_INFO[type].period) {
    case 'winter':
      return `${month >= 5 ? year : year - 1}-winter`;
    case 'summer':
      return `${year}-summer`;
    default:
      return String(year);
  }
}

/** The rule year of a period key: '2025-winter' → 2025. */
export function periodYear(periodKey: string): number {
  return Number(periodKey.slice(0, 4));
}

export function periodName(periodKey: string): { zh: string; en: string } {
  const y = periodYear(periodKey);
  if (periodKey.endsWith('-winter')) return { zh: `${y}—${y + 1}年冬季`, en: `Winter ${y}/${String(y + 1).slice(2)}` };
  if (periodKey.endsWith('-summer')) return { zh: `${y}年夏季`, en: `Summer ${y}` };
  return { zh: `${y}年度`, en: `Year ${y}` };
}

/** What the rules look at: the person, their hardship record, the details, the attachments. */
export interface AidFacts {
  type: AidType;
  today: string;
  periodKey: string;
  hardship: { tier: HardshipTier; verified: boolean } | null;
  occupation: string | null;
  isNewEmployment: boolean;
  details: AidDetails[AidType];
  attachmentCount: number;
}

/** Occupations that work outdoors (夏送清凉 targets), matched as substrings of the occupation text. */
export const OUTDOOR_OCCUPATION_WORDS = ['快递', '外卖', '骑手', '配送', '环卫', '保洁', '清扫', '建筑', '施工', '交通', '交警', '协管', '保安', '园林', '绿化', '道路', '养护', '电力', '巡检', '户外', '司机', '装卸', '农业'];

export function isOutdoorWorker(occupation: string | null, isNewEmployment: boolean): boolean {
  if (isNewEmployment) return true;
  return !!occupation && OUTDOOR_OCCUPATION_WORDS.some((w) => occupation.includes(w));
}

const problem = (field: string, code: string, message: string, messageEn: string): ErrorDetail => ({ field, code, message, messageEn });

/** Days from a to b (both 'YYYY-MM-DD'). */
function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const TEMPORARY_EVENT_MAX_DAYS = 180;

function needHardship(f: AidFacts, tiers: HardshipTier[]): ErrorDetail[] {
  const h = f.hardship;
  if (!h) return [problem('personId', 'NO_HARDSHIP_RECORD', '此人没有在档的困难职工档案，请先建档并核实', 'This person has no open hardship record')];
  if (!h.verified) return [problem('personId', 'HARDSHIP_NOT_VERIFIED', '困难职工档案尚未核实', 'The hardship record is not verified yet')];
  if (!tiers.includes(h.tier)) {
    const names: Record<HardshipTier, string> = { deep: '深度困难', relative: '相对困难', accident: '意外致困', none: '不符合' };
    return [problem('personId', 'HARDSHIP_TIER', `困难类别为“${names[h.tier]}”，此项救助要求${tiers.map((t) => names[t]).join('或')}`, `Hardship tier ${h.tier}; this aid needs ${tiers.join(' or ')}`)];
  }
  return [];
}

/** Self-paid medical costs: Σ(total − insured) over the bills. */
export function selfPaidFen(bills: AidDetails['medical']['bills']): number {
  return bills.reduce((s, b) => s + (b.totalFen - b.insuredFen), 0);
}

/** Every reason the person is not eligible for this aid now (empty = eligible). */
export function checkEligibility(f: AidFacts): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const year = periodYear(f.periodKey);
  switch (f.type) {
    case 'living':
    case 'winter':
      out.push(...needHardship(f, ['deep', 'relative']));
      break;
    case 'education': {
      out.push(...needHardship(f, ['deep', 'relative', 'accident']));
      const { child } = f.details as AidDetails['education'];
      const stage = STAGE_INFO[child.stage];
      if (child.admissionYear > year) {
        out.push(problem('details.child.admissionYear', 'NOT_YET_ENROLLED', `入学年份${child.admissionYear}晚于申请年度${year}`, `Admission year ${child.admissionYear} is after ${year}`));
      } else if (year - child.admissionYear >= stage.years) {
        out.push(problem('details.child.admissionYear', 'NOT_ENROLLED', `${child.admissionYear}年入学的${stage.zh}学制${stage.years}年，${year}年已毕业`, `A ${stage.years}-year ${stage.en} course begun in ${child.admissionYear} has ended by ${year}`));
      }
      break;
    }
    case 'medical': {
      const { bills } = f.details as AidDetails['medical'];
      bills.forEach((b, i) => {
        if (b.insuredFen > b.totalFen) out.push(problem(`details.bills.${i}.insuredFen`, 'INSURED_EXCEEDS_TOTAL', '医保报销金额不能大于票据总额', 'Insurance paid more than the bill total'));
        if (b.date > f.today) out.push(problem(`details.bills.${i}.date`, 'DATE_IN_FUTURE', '票据日期晚于今天', 'The bill is dated in the future'));
        else if (Number(b.date.slice(0, 4)) !== year) out.push(problem(`details.bills.${i}.date`, 'BILL_OTHER_YEAR', `票据日期不在${year}年度内`, `The bill is not dated in ${year}`));
      });
      break;
    }
    case 'summer':
      if (!isOutdoorWorker(f.occupation, f.isNewEmployment)) {
        out.push(problem('personId', 'NOT_OUTDOOR_WORKER', '夏送清凉面向户外劳动者和新就业形态劳动者；请先在会员信息中登记其职业', 'Summer cooling is for outdoor and new-employment-form workers; record the occupation first'));
      }
      break;
    case 'temporary': {
      const { event } = f.details as AidDetails['temporary'];
      const days = daysBetween(event.date, f.today);
      if (days < 0) out.push(problem('details.event.date', 'DATE_IN_FUTURE', '事件日期晚于今天', 'The event is dated in the future'));
      else if (days > TEMPORARY_EVENT_MAX_DAYS && f.hardship?.tier !== 'accident') {
        out.push(problem('details.event.date', 'EVENT_TOO_OLD', `事件发生已超过${TEMPORARY_EVENT_MAX_DAYS}天，且档案困难类别不是意外致困`, `The event is more than ${TEMPORARY_EVENT_MAX_DAYS} days old and the hardship tier is not accident`));
      }
      break;
    }
  }
  const docs = AID_TYPE_INFO[f.type].documents;
  if (docs.length && f.attachmentCount < docs.length) {
    out.push(problem('attachmentIds', 'ATTACHMENT_REQUIRED', `请上传：${docs.map((d) => d.zh).join('、')}`, `Please attach: ${docs.map((d) => d.en).join(', ')}`));
  }
  return out;
}

/** One line of the amount's arithmetic, shown to reviewers and the applicant. */
export interface AmountStep {
  zh: string;
  en: string;
}

export type AmountResult = { ok: true; amountFen: number; steps: AmountStep[] } | { ok: false; problems: ErrorDetail[] };

/**
 * The amount an application asks for under the year's rule:
 * fixed amount when the rule has one; medical = floor((self-paid − threshold) × ratio) capped;
 * otherwise the requested amount, 1 fen … cap. Medical rounds down to the fen (never pay more than the rule).
 */
export function computeAmount(type: AidType, rule: AidYearRule, requestedFen: number | null, details: AidDetails[AidType]): AmountResult {
  const y = (fen: number) => `${fenToYuan(fen)}元`;
  if (rule.fixedFen !== null) {
    return { ok: true, amountFen: rule.fixedFen, steps: [{ zh: `固定标准 ${y(rule.fixedFen)}`, en: `Fixed standard ${fenToYuan(rule.fixedFen)} yuan` }] };
  }
  if (type === 'medical') {
    const self = selfPaidFen((details as AidDetails['medical']).bills);
    const threshold = rule.thresholdFen ?? 0;
    const ratio = rule.ratioBp ?? 10000;
    const steps: AmountStep[] = [{ zh: `个人自付合计 ${y(self)}`, en: `Self-paid total ${fenToYuan(self)}` }];
    if (self < threshold) {
      return { ok: false, problems: [problem('details.bills', 'BELOW_THRESHOLD', `个人自付 ${y(self)} 未达到起付标准 ${y(threshold)}`, `Self-paid ${fenToYuan(self)} is below the threshold ${fenToYuan(threshold)}`)] };
    }
    const above = self - threshold;
    // integer arithmetic: fen × basis points stays far below 2^53 for any real bill
    const byRatio = Math.floor((above * ratio) / 10000);
    steps.push({ zh: `（${y(self)} − 起付 ${y(threshold)}）× ${ratio / 100}% = ${y(byRatio)}`, en: `(${fenToYuan(self)} − ${fenToYuan(threshold)}) × ${ratio / 100}% = ${fenToYuan(byRatio)}` });
    let amount = Math.min(byRatio, rule.capFen);
    if (byRatio > rule.capFen) steps.push({ zh: `超过年度上限，按上限 ${y(rule.capFen)}`, en: `Capped at ${fenToYuan(rule.capFen)}` });
    if (requestedFen !== null && requestedFen < amount) {
      amount = requestedFen;
      steps.push({ zh: `按申请金额 ${y(requestedFen)}`, en: `As requested: ${fenToYuan(requestedFen)}` });
    }
    if (amount <= 0) return { ok: false, problems: [problem('details.bills', 'NOTHING_PAYABLE', '按规则计算的救助金额为0', 'The rule gives nothing to pay')] };
    return { ok: true, amountFen: amount, steps };
  }
  if (requestedFen === null) return { ok: false, problems: [problem('amountFen', 'AMOUNT_REQUIRED', '请填写申请金额', 'Enter the amount applied for')] };
  if (requestedFen <= 0) return { ok: false, problems: [problem('amountFen', 'AMOUNT_POSITIVE', '申请金额须大于0', 'The amount must be positive')] };
  if (requestedFen > rule.capFen) {
    return { ok: false, problems: [problem('amountFen', 'OVER_CAP', `申请金额超过本年度上限 ${y(rule.capFen)}`, `Above this year's cap of ${fenToYuan(rule.capFen)} yuan`)] };
  }
  return { ok: true, amountFen: requestedFen, steps: [{ zh: `申请金额 ${y(requestedFen)}（上限 ${y(rule.capFen)}）`, en: `Requested ${fenToYuan(requestedFen)} (cap ${fenToYuan(rule.capFen)})` }] };
}

/** An approved amount may be lowered by a reviewer but never raised above the cap or the computed amount. */
export function checkApprovedAmount(approvedFen: number, computedFen: number, rule: AidYearRule): ErrorDetail[] {
  if (!Number.isSafeInteger(approvedFen) || approvedFen <= 0) return [problem('approvedFen', 'AMOUNT_POSITIVE', '核定金额须为正整数分', 'The approved amount must be a positive number of fen')];
  if (approvedFen > rule.capFen) return [problem('approvedFen', 'OVER_CAP', `核定金额超过本年度上限 ${fenToYuan(rule.capFen)}元`, `Above the cap of ${fenToYuan(rule.capFen)}`)];
  if (approvedFen > computedFen) return [problem('approvedFen', 'OVER_COMPUTED', `核定金额不能超过按规则计算的 ${fenToYuan(computedFen)}元`, `Above the computed ${fenToYuan(computedFen)}`)];
  return [];
}
