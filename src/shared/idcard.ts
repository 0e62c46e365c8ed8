import { isValidYmd, todayInShanghai } from './dates.js';
import { isPlausibleDivisionCode } from './codes/regions.js';
import { fail, type Failure } from './result.js';
import { cleanCell } from './text.js';

// GB 11643-1999 公民身份号码; the same number layout and check character are
// used by 港澳台居民居住证 (810000/820000/830000) and the 2023 外国人永久居留身份证 (9…).

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('idCheckChar needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** cleanCell, drop every space, upper-case the check character. */
export function normalizeIdNumber(s: string): string {
  return cleanCell(s).replace(/\s/g, '').toUpperCase();
}

/** resident 居民身份证; hk/macau/taiwan 港澳台居民居住证; foreign 外国人永久居留身份证. */
export type IdKind = 'resident' | 'hk' | 'macau' | 'taiwan' | 'foreign';

export type IdResult =
  | {
      ok: true;
      /** 18 characters, check character upper-case. */
      value: string;
      birthDate: string;
      gender: 'M' | 'F';
      divisionCode: string;
      /** True when a 15-digit legacy number was converted to 18. */
      converted: boolean;
      kind: IdKind;
    }
  | Failure;

export interface IdOptions {
  /** 'YYYY-MM-DD'; defaults to today in Asia/Shanghai. */
  today?: string;
  /** Earliest acceptable birth date; defaults to MIN_ID_BIRTH_DATE. */
  minBirthDate?: string;
}

// The standard's own annex example (440524188001010014) is born in 1880, so
// the number format itself allows the 1800s. Callers that validate living
// members can pass a later minBirthDate.
export const MIN_ID_BIRTH_DATE = '1800-01-01';

const PERMIT_KINDS: Readonly<Record<string, IdKind>> = { '810000': 'hk', '820000': 'macau', '830000': 'taiwan' };

function kindOf(v: string): IdKind | null {
  if (v.startsWith('9')) return 'foreign';
  const division = v.slice(0, 6);
  const permit = PERMIT_KINDS[division];
  if (permit) return permit;
  if (/^8[1-3]/.test(division)) return null; // permits use exactly 810000/820000/830000
  return isPlausibleDivisionCode(division) ? 'resident' : null;
}

function toYmd(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

/**
 * Validate a 公民身份号码 (or a permit number in the same format).
 * Structural checks run before the check character so that a mistyped birth
 * date is reported as such rather than as "check character should be N".
 */
export function validateIdNumber(input: string, opts: IdOptions = {}): IdResult {
  let v = normalizeIdNumber(input);
  if (v === '') return fail('ID_EMPTY', '请填写身份证号码', 'ID number is required');

  let converted = false;
  if (/^\d{15}$/.test(v)) {
    // 15-digit numbers (GB 11643-1989) carry a 2-digit year, always 19xx.
    const first17 = `${v.slice(0, 6)}19${v.slice(6)}`;
    v = first17 + idCheckChar(first17);
    converted = true;
  }
  if (!/^\d{17}[\dX]$/.test(v)) {
    return fail('ID_FORMAT', '身份证号码应为18位（或15位旧号码）', 'ID number must be 18 characters (or a 15-digit legacy number)');
  }

  const kind = kindOf(v);
  if (kind === null || (converted && kind !== 'resident')) {
    return fail('ID_REGION', '身份证号码的地址码不存在', 'The address code of the ID number does not exist');
  }

  const birthDate = toYmd(v.slice(6, 14));
  if (!isValidYmd(birthDate)) {
    return fail('ID_BIRTHDATE', '身份证号码中的出生日期无效', 'The birth date in the ID number is not a real date');
  }
  const min = opts.minBirthDate ?? MIN_ID_BIRTH_DATE;
  if (birthDate < min) {
    return fail('ID_TOO_OLD', `身份证号码中的出生日期早于${min}`, `The birth date in the ID number is before ${min}`);
  }
  if (birthDate > (opts.today ?? todayInShanghai())) {
    return fail('ID_FUTURE', '身份证号码中的出生日期晚于今天', 'The birth date in the ID number is in the future');
  }

  const expected = idCheckChar(v.slice(0, 17));
  if (v[17] !== expected) {
    return fail('ID_CHECKSUM', `身份证号码校验位错误，应为${expected}`, `Wrong check character in the ID number; it should be ${expected}`, expected);
  }

  return {
    ok: true,
    value: v,
    birthDate,
    gender: Number(v[16]) % 2 === 1 ? 'M' : 'F',
    divisionCode: v.slice(0, 6),
    converted,
    kind,
  };
}

/** '110118********1234' — for display; unmasking is a logged action (STANDARDS §6). */
export function maskIdNumber(id: string): string {
  const v = normalizeIdNumber(id);
  if (v === '') return '';
  if (v.length < 10) return '********';
  return `${v.slice(0, 6)}********${v.slice(-4)}`;
}
