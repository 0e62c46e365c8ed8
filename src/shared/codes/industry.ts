import { fail, type Failure } from '../result.js';
import { cleanCell } from '../text.js';
import type { CodeEntry } from './table.js';

export interface IndustrySection extends CodeEntry {
  /** First and last 2-digit division (大类) in the section. */
  readonly divisions: readonly [number, number];
}

/** GB/T 4754-2017 (2019 amendment) sections 门类 A–T. */
export const INDUSTRY_SECTIONS: readonly IndustrySection[] = [
  { code: 'A', name: '农、林、牧、渔业', nameEn: 'Agriculture, forestry, animal husbandry and fishery', divisions: [1, 5] },
  { code: 'B', name: '采矿业', nameEn: 'Mining', divisions: [6, 12] },
  { code: 'C', name: '制造业', nameEn: 'Manufacturing', divisions: [13, 43] },
  { code: 'D', name: '电力、热力、燃气及水生产和供应业', nameEn: 'Electricity, heat, gas and water production and supply', divisions: [44, 46] },
  { code: 'E', name: '建筑业', nameEn: 'Construction', divisions: [47, 50] },
  { code: 'F', name: '批发和零售业', nameEn: 'Wholesale and retail trade', divisions: [51, 52] },
  { code: 'G', name: '交通运输、仓储和邮政业', nameEn: 'Transport, storage and postal services', divisions: [53, 60] },
  { code: 'H', name: '住宿和餐饮业', nameEn: 'Accommodation and catering', divisions: [61, 62] },
  { code: 'I', name: '信息传输、软件和信息技术服务业', nameEn: 'Information transmission, software and IT services', divisions: [63, 65] },
  { code: 'J', name: '金融业', nameEn: 'Finance', divisions: [66, 69] },
  { code: 'K', name: '房地产业', nameEn: 'Real estate', divisions: [70, 70] },
  { code: 'L', name: '租赁和商务服务业', nameEn: 'Leasing and business services', divisions: [71, 72] },
  { code: 'M', name: '科学研究和技术服务业', nameEn: 'Scientific research and technical services', divisions: [73, 75] },
  { code: 'N', name: '水利、环境和公共设施管理业', nameEn: 'Water conservancy, environment and public facilities management', divisions: [76, 79] },
  { code: 'O', name: '居民服务、修理和其他服务业', nameEn: 'Resident services, repair and other services', divisions: [80, 82] },
  { code: 'P', name: '教育', nameEn: 'Education', divisions: [83, 83] },
  { code: 'Q', name: '卫生和社会工作', nameEn: 'Health and social work', divisions: [84, 85] },
  { code: 'R', name: '文化、体育和娱乐业', nameEn: 'Culture, sports and entertainment', divisions: [86, 90] },
  { code: 'S', name: '公共管理、社会保障和社会组织', nameEn: 'Public administration, social security and social organisations', divisions: [91, 96] },
  { code: 'T', name: '国际组织', nameEn: 'International organisations', divisions: [97, 97] },
];

function sectionOfDivision(division: number): IndustrySection | undefined {
  return INDUSTRY_SECTIONS.find((s) => division >= s.divisions[0] && division <= s.divisions[1]);
}

// Optional section letter, then 2 (大类), 3 (中类) or 4 (小类) digits.
const CODE = /^([A-Z])?(\d{2})(\d{0,2})$/;

/**
 * Section letter for 'C3811', '3811', '381', '38' or 'C'; undefined when the
 * division does not exist or contradicts the letter given.
 */
export function industrySection(code: string): string | undefined {
  const r = validateIndustryCode(code);
  return r.ok ? r.section : undefined;
}

export type IndustryCodeResult =
  | { ok: true; /** Letter + digits, e.g. 'C3811'. */ value: string; section: string; /** '38', or '' for a bare letter. */ division: string }
  | Failure;

/**
 * Check an industry code's shape and that its division belongs to its
 * section. Group and class digits are not checked against the full
 * catalogue, which is too large to ship to the browser.
 */
export function validateIndustryCode(input: string): IndustryCodeResult {
  const v = cleanCell(input).replace(/\s/g, '').toUpperCase();
  if (v === '') return fail('INDUSTRY_EMPTY', '请填写行业代码', 'Industry code is required');

  if (/^[A-T]$/.test(v)) return { ok: true, value: v, section: v, division: '' };

  const m = CODE.exec(v);
  if (!m) {
    return fail('INDUSTRY_FORMAT', '行业代码格式应如C3811（门类字母加2至4位数字）', 'Industry code must look like C3811 (section letter and 2–4 digits)');
  }
  const [, letter, division = '', rest = ''] = m;
  const section = sectionOfDivision(Number(division));
  if (!section) {
    return fail('INDUSTRY_DIVISION', `行业大类代码${division}不存在`, `Industry division ${division} does not exist`);
  }
  if (letter !== undefined && letter !== section.code) {
    return fail(
      'INDUSTRY_SECTION_MISMATCH',
      `行业大类${division}属于门类${section.code}，不属于${letter}`,
      `Industry division ${division} belongs to section ${section.code}, not ${letter}`,
      section.code + division + rest,
    );
  }
  return { ok: true, value: section.code + division + rest, section: section.code, division };
}
