import type { ErrorDetail } from '../errors.js';
import type { CodeEntry } from '../codes/table.js';
import { isValidYmd } from '../dates.js';
import { normalizeIdNumber, validateIdNumber } from '../idcard.js';
import {
  ACCIDENT_CONSEQUENCES, ACCIDENT_KINDS, DISABILITY_CATEGORIES, DISABILITY_GRADES, EXCLUSIONS, EXPENSE_KINDS, HARDSHIP_CAUSES,
  HARDSHIP_IDENTITIES, HEALTH_CONDITIONS, HOUSING_TYPES, INCOME_KINDS, MEDICAL_INSURANCE, RELATIONS,
} from './codes.js';
import type { Period, TierInput } from './tier.js';

/** Health and disability data: sensitive (PIPL Art. 28), encrypted at rest, shown only when unmasked. */
export interface HealthInfo {
  conditions: string[];
  diagnosis?: string | null;
  disabilityCategory?: string | null;
  disabilityGrade?: string | null;
}

export interface HouseholdMemberInput {
  /** stable id within the record; absent for a newly added member */
  id?: number | null;
  name: string;
  relation: string;
  birthDate?: string | null;
  age?: number | null;
  /** sensitive; when editing, absent keeps the stored number */
  idNumber?: string | null;
  /** sensitive; when editing, absent keeps the stored data */
  health?: HealthInfo | null;
  identity?: string | null;
  employerOrSchool?: string | null;
}

export interface MoneyItem {
  kind: string;
  amountFen: number;
  period: Period;
  /** whose income / what for */
  note?: string | null;
}

export interface AccidentInput {
  kind: string;
  consequence?: string | null;
  occurredOn: string;
  costFen: number;
  /** sensitive (may describe injuries): encrypted */
  description?: string | null;
}

export interface HardshipInput {
  identity: string;
  mainCause: string;
  causes: string[];
  housingType?: string | null;
  medicalInsurance?: string | null;
  singleParent?: boolean;
  zeroEmployment?: boolean;
  /** sensitive; when editing, absent keeps the stored data */
  health?: HealthInfo | null;
  household: HouseholdMemberInput[];
  incomes: MoneyItem[];
  expenses: MoneyItem[];
  accident?: AccidentInput | null;
  exclusions?: string[];
  note?: string | null;
}

export const MAX_HOUSEHOLD = 15;
export const MAX_ITEMS = 30;
/** 1 亿元: anything larger is a typing error, and keeps the exact integer arithmetic far from 2^53. */
export const MAX_AMOUNT_FEN = 10_000_000_000;

/** What the tier needs from a form: household size counts the worker. */
export function tierInputOf(input: Pick<HardshipInput, 'household' | 'incomes' | 'expenses' | 'accident' | 'exclusions'>): TierInput {
  return {
    householdSize: 1 + input.household.length,
    incomes: input.incomes,
    expenses: input.expenses,
    accident: input.accident ?? null,
    exclusions: input.exclusions ?? [],
  };
}

const has = (table: readonly CodeEntry[], code: string | null | undefined) => !!code && table.some((e) => e.code === code);

function problem(field: string, code: string, message: string, messageEn: string): ErrorDetail {
  return { field, code, message, messageEn };
}

function checkHealth(h: HealthInfo | null | undefined, field: string, out: ErrorDetail[]): void {
  if (!h) return;
  for (const c of h.conditions) if (!has(HEALTH_CONDITIONS, c)) out.push(problem(`${field}.conditions`, 'UNKNOWN_CODE', `健康状况“${c}”不在代码表中`, `Unknown health condition ${c}`));
  if (h.conditions.includes('good') && h.conditions.length > 1) {
    out.push(problem(`${field}.conditions`, 'HEALTH_CONFLICT', '健康状况选了“良好”就不能再选疾病或残疾', '"Good" cannot be combined with an illness or disability'));
  }
  if (h.disabilityCategory && !has(DISABILITY_CATEGORIES, h.disabilityCategory)) out.push(problem(`${field}.disabilityCategory`, 'UNKNOWN_CODE', '残疾类别不在代码表中', 'Unknown disability category'));
  if (h.disabilityGrade && !has(DISABILITY_GRADES, h.disabilityGrade)) out.push(problem(`${field}.disabilityGrade`, 'UNKNOWN_CODE', '残疾等级应为一至四级', 'Disability grade must be 1–4'));
  if (!!h.disabilityCategory !== !!h.disabilityGrade) {
    out.push(problem(`${field}.disabilityGrade`, 'DISABILITY_INCOMPLETE', '残疾类别和残疾等级须同时填写', 'Disability category and grade go together'));
  }
  if (h.disabilityCategory && !h.conditions.includes('disabled')) {
    out.push(problem(`${field}.conditions`, 'DISABILITY_INCOMPLETE', '填写了残疾类别，健康状况中应勾选“残疾”', 'Tick "disability" when a disability category is given'));
  }
}

function checkMoney(items: MoneyItem[], field: string, table: readonly CodeEntry[], out: ErrorDetail[]): void {
  if (items.length > MAX_ITEMS) out.push(problem(field, 'TOO_MANY', `最多 ${MAX_ITEMS} 项`, `At most ${MAX_ITEMS} items`));
  items.forEach((it, i) => {
    if (!has(table, it.kind)) out.push(problem(`${field}.${i}.kind`, 'UNKNOWN_CODE', `第 ${i + 1} 项的类别不在代码表中`, `Item ${i + 1}: unknown kind`));
    if (!Number.isInteger(it.amountFen) || it.amountFen < 0 || it.amountFen > MAX_AMOUNT_FEN) {
      out.push(problem(`${field}.${i}.amountFen`, 'BAD_AMOUNT', `第 ${i + 1} 项的金额应为 0 至 1 亿元、精确到分`, `Item ${i + 1}: amount must be 0 to 100,000,000 yuan, in whole fen`));
    }
  });
}

/**
 * Every reason a hardship form is refused, per field, in Chinese and English.
 * The same rules run in the browser (live) and on the server (authoritative).
 */
export function checkHardshipInput(input: HardshipInput, today: string): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  if (!has(HARDSHIP_IDENTITIES, input.identity)) out.push(problem('identity', 'REQUIRED', '请选择身份（在岗、下岗、失业等）', 'Choose the worker\'s status'));
  if (!has(HARDSHIP_CAUSES, input.mainCause)) out.push(problem('mainCause', 'REQUIRED', '请选择主要致困原因', 'Choose the main cause'));
  for (const c of input.causes) if (!has(HARDSHIP_CAUSES, c)) out.push(problem('causes', 'UNKNOWN_CODE', `致困原因“${c}”不在代码表中`, `Unknown cause ${c}`));
  if (input.housingType && !has(HOUSING_TYPES, input.housingType)) out.push(problem('housingType', 'UNKNOWN_CODE', '住房类型不在代码表中', 'Unknown housing type'));
  if (input.medicalInsurance && !has(MEDICAL_INSURANCE, input.medicalInsurance)) out.push(problem('medicalInsurance', 'UNKNOWN_CODE', '医保状况不在代码表中', 'Unknown medical insurance'));
  for (const x of input.exclusions ?? []) if (!has(EXCLUSIONS, x)) out.push(problem('exclusions', 'UNKNOWN_CODE', '排除情形不在代码表中', 'Unknown exclusion'));
  checkHealth(input.health, 'health', out);

  if (input.household.length > MAX_HOUSEHOLD) out.push(problem('household', 'TOO_MANY', `共同生活的家庭成员最多 ${MAX_HOUSEHOLD} 人`, `At most ${MAX_HOUSEHOLD} household members`));
  input.household.forEach((m, i) => {
    const f = `household.${i}`;
    const who = `第 ${i + 1} 位家庭成员`;
    if (!m.name.trim()) out.push(problem(`${f}.name`, 'REQUIRED', `${who}：请填写姓名`, `Member ${i + 1}: name is required`));
    if (!has(RELATIONS, m.relation)) out.push(problem(`${f}.relation`, 'REQUIRED', `${who}：请选择与本人关系`, `Member ${i + 1}: choose the relation`));
    if (m.birthDate && (!isValidYmd(m.birthDate) || m.birthDate > today)) out.push(problem(`${f}.birthDate`, 'BAD_DATE', `${who}：出生日期不是有效的过去日期`, `Member ${i + 1}: birth date must be a real past date`));
    if (m.age !== null && m.age !== undefined && (!Number.isInteger(m.age) || m.age < 0 || m.age > 120)) out.push(problem(`${f}.age`, 'BAD_AGE', `${who}：年龄应为 0–120 的整数`, `Member ${i + 1}: age must be 0–120`));
    if (!m.birthDate && (m.age === null || m.age === undefined) && !m.idNumber && !m.id) {
      out.push(problem(`${f}.birthDate`, 'REQUIRED', `${who}：请填写出生日期或年龄`, `Member ${i + 1}: give a birth date or an age`));
    }
    if (m.idNumber) {
      const r = validateIdNumber(normalizeIdNumber(m.idNumber), { today });
      if (!r.ok) out.push(problem(`${f}.idNumber`, r.code, `${who}：${r.message}`, `Member ${i + 1}: ${r.messageEn}`));
    }
    checkHealth(m.health, `${f}.health`, out);
  });

  checkMoney(input.incomes, 'incomes', INCOME_KINDS, out);
  checkMoney(input.expenses, 'expenses', EXPENSE_KINDS, out);

  const a = input.accident;
  if (a) {
    const kind = ACCIDENT_KINDS.find((k) => k.code === a.kind);
    if (!kind) out.push(problem('accident.kind', 'REQUIRED', '请选择突发事件类型', 'Choose the kind of event'));
    if (a.consequence && !has(ACCIDENT_CONSEQUENCES, a.consequence)) out.push(problem('accident.consequence', 'UNKNOWN_CODE', '后果不在代码表中', 'Unknown consequence'));
    if (kind?.needs === 'consequence' && !a.consequence) out.push(problem('accident.consequence', 'REQUIRED', '灾害、重大事故、疫情或公共安全事件须说明后果（受伤、致残、死亡）', 'Give the consequence of the event'));
    if (!isValidYmd(a.occurredOn) || a.occurredOn > today) out.push(problem('accident.occurredOn', 'BAD_DATE', '事件发生日期不是有效的过去日期', 'The event date must be a real past date'));
    if (!Number.isInteger(a.costFen) || a.costFen < 0 || a.costFen > MAX_AMOUNT_FEN) out.push(problem('accident.costFen', 'BAD_AMOUNT', '事件费用应为 0 至 1 亿元、精确到分', 'Cost must be 0 to 100,000,000 yuan in whole fen'));
  }
  if (input.causes.includes('accident') && !a && input.mainCause === 'accident') {
    out.push(problem('accident', 'REQUIRED', '主要致困原因为“意外”时，请填写突发事件情况', 'Describe the sudden event when the main cause is an accident'));
  }
  return out;
}

/** The stored cause list always holds the main cause first, without duplicates. */
export function normaliseCauses(mainCause: string, causes: readonly string[]): string[] {
  return [...new Set([mainCause, ...causes])];
}
