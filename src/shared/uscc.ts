import { fail, type Failure } from './result.js';
import { cleanCell } from './text.js';

// GB 32100-2015 统一社会信用代码. I, O, Z, S and V are left out of the
// alphabet because they are easily confused with 1, 0, 2, 5 and U.
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** GB 32100 check character (position 18) for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('usccCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CHARS.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`usccCheckChar: '${first17[i]!}' is not a GB 32100 character`);
    sum += value * WEIGHTS[i]!;
  }
  return CHARS[(31 - (sum % 31)) % 31]!;
}

const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** GB 11714 check character for the 8-character body of an organisation code. */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('orgCodeCheckChar needs 8 characters 0-9/A-Z');
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

// Registering department (position 1) and organisation type (position 2), GB 32100 appendix.
const DEPARTMENTS: Readonly<Record<string, { name: string; types: Readonly<Record<string, string>> }>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

/**
 * Real, registered codes from early pilot regions whose check character does
 * not follow the final standard (listed by bluesky335/IDCheck). They are
 * accepted with a warning instead of being refused.
 */
export const USCC_PILOT_EXCEPTIONS: ReadonlySet<string> = new Set([
  '91350100M0001TGQXM',
  '91350211M0000XUF46',
  '91350203M0001FUE2P',
]);

export type UsccResult =
  | {
      ok: true;
      value: string;
      /** Problems that do not make the code unusable, e.g. 'ORG_CODE_CHECK'. */
      warnings: string[];
      /** 登记管理部门 name, '' when position 1 is not a known department. */
      department: string;
      /** 机构类别 name, '' when unknown. */
      orgType: string;
      /** Positions 3–8: the registering authority's division code (GB/T 2260). */
      divisionCode: string;
      /** Positions 9–17: the organisation code (GB 11714). */
      orgCode: string;
    }
  | Failure;

export function normalizeCreditCode(s: string): string {
  return cleanCell(s).replace(/\s/g, '').toUpperCase();
}

/**
 * Validate a 统一社会信用代码. Only hard errors refuse the code; doubtful
 * parts that real registered codes are known to have become `warnings`:
 * ORG_CODE_CHECK (positions 9–17 fail GB 11714), USCC_PILOT_CHECK (a known
 * pilot-era code whose check character predates the standard),
 * USCC_DEPARTMENT (position 1 or 2 not in the GB 32100 appendix).
 */
export function validateCreditCode(input: string): UsccResult {
  const v = normalizeCreditCode(input);
  if (v === '') return fail('USCC_EMPTY', '请填写统一社会信用代码', 'Unified social credit code is required');
  if (v.length !== 18) {
    return fail('USCC_LENGTH', `统一社会信用代码应为18位，现为${v.length}位`, `Unified social credit code must be 18 characters, got ${v.length}`);
  }
  const bad = [...v].find((c) => !CHARS.includes(c));
  if (bad !== undefined) {
    return fail('USCC_CHAR', `统一社会信用代码含有不允许的字符“${bad}”`, `Unified social credit code contains the character "${bad}", which is not allowed`);
  }
  const divisionCode = v.slice(2, 8);
  if (!/^\d{6}$/.test(divisionCode)) {
    return fail('USCC_FORMAT', '统一社会信用代码第3–8位应为行政区划代码（数字）', 'Positions 3–8 of the unified social credit code must be a numeric division code');
  }

  const warnings: string[] = [];
  const expected = usccCheckChar(v.slice(0, 17));
  if (v[17] !== expected) {
    if (!USCC_PILOT_EXCEPTIONS.has(v)) {
      return fail('USCC_CHECKSUM', `统一社会信用代码校验位错误，应为${expected}`, `Wrong check character in the unified social credit code; it should be ${expected}`, expected);
    }
    warnings.push('USCC_PILOT_CHECK');
  }

  const orgCode = v.slice(8, 17);
  if (orgCodeCheckChar(orgCode.slice(0, 8)) !== orgCode[8]) warnings.push('ORG_CODE_CHECK');

  const dept = DEPARTMENTS[v[0]!];
  const orgType = dept?.types[v[1]!] ?? '';
  if (!dept || orgType === '') warnings.push('USCC_DEPARTMENT');

  return { ok: true, value: v, warnings, department: dept?.name ?? '', orgType, divisionCode, orgCode };
}
