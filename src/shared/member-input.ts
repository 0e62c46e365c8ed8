/**
 * One validator for a member's real-name record, used by the API, the roster import
 * and the web forms alike. Takes loosely typed text (a form or a spreadsheet row) and
 * returns the normalised record or every field's problem.
 */
import { validateIdNumber } from './idcard.js';
import { validateMobile } from './phone.js';
import { validateCreditCode } from './uscc.js';
import { parseDateInput, todayInShanghai } from './dates.js';
import { cleanCell } from './text.js';
import { findCodeByNameOrCode, type CodeTable } from './codes/table.js';
import { EDUCATION, ETHNICITIES, HOUSEHOLD_TYPES, POLITICAL_STATUS } from './codes/people.js';
import { EMPLOYMENT_STATUS, JOIN_METHODS, SKILL_LEVELS } from './codes/index.js';

export interface MemberProblem {
  field: string;
  code: string;
  message: string;
  messageEn: string;
}

export interface MemberRecord {
  name: string;
  idNumber: string;
  gender: 'M' | 'F';
  birthDate: string;
  ethnicity: string | null;
  education: string | null;
  political: string | null;
  householdType: string | null;
  phone: string | null;
  employerCreditCode: string | null;
  employerName: string | null;
  employmentStatus: string | null;
  occupation: string | null;
  skillLevel: string | null;
  joinedOn: string | null;
  joinMethod: string | null;
  cardNo: string | null;
  isMigrant: boolean;
  isIndustrial: boolean;
  isNewEmployment: boolean;
  isModelWorker: boolean;
}

export type MemberText = Partial<Record<keyof MemberRecord, string | boolean | null | undefined>>;

export const MEMBER_FIELD_LABELS: Record<keyof MemberRecord, string> = {
  name: '姓名', idNumber: '身份证号码', gender: '性别', birthDate: '出生日期', ethnicity: '民族', education: '学历',
  political: '政治面貌', householdType: '户籍类型', phone: '手机号码', employerCreditCode: '工作单位统一社会信用代码',
  employerName: '工作单位', employmentStatus: '就业状态', occupation: '职业', skillLevel: '技能等级', joinedOn: '入会时间',
  joinMethod: '入会方式', cardNo: '会员卡号', isMigrant: '是否农民工', isIndustrial: '是否产业工人',
  isNewEmployment: '是否新就业形态劳动者', isModelWorker: '是否劳模',
};

const NAME_RE = /^[\u3400-\u9fffA-Za-z·•.\s]{2,30}$/;

const text = (v: unknown): string => (v === null || v === undefined || typeof v === 'boolean' ? '' : cleanCell(String(v)));

function yesNo(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  const t = text(v);
  if (t === '') return false;
  if (['是', 'Y', 'y', 'yes', 'true', '1', '√', '✓'].includes(t)) return true;
  if (['否', 'N', 'n', 'no', 'false', '0', '×'].includes(t)) return false;
  return null;
}

export function checkMember(input: MemberText, opts: { today?: string } = {}): { record?: MemberRecord; problems: MemberProblem[] } {
  const problems: MemberProblem[] = [];
  const add = (field: keyof MemberRecord, code: string, message: string, messageEn: string) => problems.push({ field, code, message, messageEn });
  const today = opts.today ?? todayInShanghai();

  const name = text(input.name);
  if (!name) add('name', 'REQUIRED', '姓名不能为空', 'Name is required');
  else if (!NAME_RE.test(name)) add('name', 'NAME_FORMAT', '姓名应为2至30个汉字或字母', 'Name: 2–30 Chinese characters or letters');

  let idNumber = '';
  let gender: 'M' | 'F' = 'M';
  let birthDate = '';
  const idText = text(input.idNumber);
  if (!idText) add('idNumber', 'REQUIRED', '身份证号码不能为空', 'ID number is required');
  else {
    const r = validateIdNumber(idText, { today, minBirthDate: '1900-01-01' });
    if (!r.ok) add('idNumber', r.code, r.message, r.messageEn);
    else {
      ({ value: idNumber, gender, birthDate } = r);
      const g = text(input.gender);
      if (g && !((gender === 'M' && ['男', 'M', '1'].includes(g)) || (gender === 'F' && ['女', 'F', '2'].includes(g)))) {
        add('gender', 'GENDER_MISMATCH', `性别与身份证号码不符（身份证显示为${gender === 'M' ? '男' : '女'}）`, 'Gender differs from the ID number');
      }
      const b = text(input.birthDate);
      if (b && parseDateInput(b) !== birthDate) add('birthDate', 'BIRTHDATE_MISMATCH', `出生日期与身份证号码不符（应为${birthDate}）`, 'Birth date differs from the ID number');
    }
  }

  const coded = (field: keyof MemberRecord, table: CodeTable, label: string): string | null => {
    const t = text(input[field]);
    if (!t) return null;
    const hit = findCodeByNameOrCode(table, t);
    if (!hit) {
      add(field, 'CODE_UNKNOWN', `${label}“${t}”不在代码表中`, `Unknown ${field}: ${t}`);
      return null;
    }
    return hit.code;
  };
  const ethnicity = coded('ethnicity', ETHNICITIES, '民族');
  const education = coded('education', EDUCATION, '学历');
  const political = coded('political', POLITICAL_STATUS, '政治面貌');
  const householdType = coded('householdType', HOUSEHOLD_TYPES, '户籍类型');
  const employmentStatus = coded('employmentStatus', EMPLOYMENT_STATUS, '就业状态');
  const skillLevel = coded('skillLevel', SKILL_LEVELS, '技能等级');
  const joinMethod = coded('joinMethod', JOIN_METHODS, '入会方式');

  let phone: string | null = null;
  if (text(input.phone)) {
    const r = validateMobile(text(input.phone));
    if (!r.ok) add('phone', r.code, r.message, r.messageEn);
    else phone = r.value;
  }

  let employerCreditCode: string | null = null;
  if (text(input.employerCreditCode)) {
    const r = validateCreditCode(text(input.employerCreditCode));
    if (!r.ok) add('employerCreditCode', r.code, r.message, r.messageEn);
    else employerCreditCode = r.value;
  }

  let joinedOn: string | null = null;
  if (text(input.joinedOn)) {
    joinedOn = parseDateInput(text(input.joinedOn));
    if (!joinedOn) add('joinedOn', 'DATE_FORMAT', '入会时间格式无法识别（示例：2020-01-05）', 'Unrecognised join date (e.g. 2020-01-05)');
    else if (joinedOn > today) add('joinedOn', 'DATE_FUTURE', '入会时间不能晚于今天', 'Join date is in the future');
    else if (birthDate && joinedOn < birthDate) add('joinedOn', 'DATE_BEFORE_BIRTH', '入会时间早于出生日期', 'Join date before birth');
  }

  const flag = (field: 'isMigrant' | 'isIndustrial' | 'isNewEmployment' | 'isModelWorker'): boolean => {
    const v = yesNo(input[field]);
    if (v === null) {
      add(field, 'YES_NO', `${MEMBER_FIELD_LABELS[field]}应填“是”或“否”`, `${field}: yes or no`);
      return false;
    }
    return v;
  };
  const flags = { isMigrant: flag('isMigrant'), isIndustrial: flag('isIndustrial'), isNewEmployment: flag('isNewEmployment'), isModelWorker: flag('isModelWorker') };

  const limit = (field: keyof MemberRecord, max: number): string | null => {
    const t = text(input[field]);
    if (t.length > max) add(field, 'TOO_LONG', `${MEMBER_FIELD_LABELS[field]}不超过${max}字`, `${field} too long`);
    return t || null;
  };
  const employerName = limit('employerName', 120);
  const occupation = limit('occupation', 60);
  const cardNo = limit('cardNo', 40);

  if (problems.length) return { problems };
  return {
    problems,
    record: {
      name, idNumber, gender, birthDate, ethnicity, education, political, householdType, phone, employerCreditCode,
      employerName, employmentStatus, occupation, skillLevel, joinedOn, joinMethod, cardNo, ...flags,
    },
  };
}

/** Unigrams and bigrams of a name, for the GIN index behind name-fragment search (trigrams miss 2-character queries). */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/\s+/g, '')];
  const out = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}

/** The grams a query must contain: its bigrams, or the single character. */
export function queryGrams(q: string): string[] {
  const chars = [...q.replace(/\s+/g, '')];
  if (chars.length <= 1) return chars;
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
  return [...out];
}
