import type { CodeEntry } from './table.js';

/** GB/T 2260 province-level divisions (first two digits of a division code). */
export const PROVINCES: readonly CodeEntry[] = [
  { code: '11', name: '北京市', nameEn: 'Beijing' },
  { code: '12', name: '天津市', nameEn: 'Tianjin' },
  { code: '13', name: '河北省', nameEn: 'Hebei' },
  { code: '14', name: '山西省', nameEn: 'Shanxi' },
  { code: '15', name: '内蒙古自治区', nameEn: 'Inner Mongolia' },
  { code: '21', name: '辽宁省', nameEn: 'Liaoning' },
  { code: '22', name: '吉林省', nameEn: 'Jilin' },
  { code: '23', name: '黑龙江省', nameEn: 'Heilongjiang' },
  { code: '31', name: '上海市', nameEn: 'Shanghai' },
  { code: '32', name: '江苏省', nameEn: 'Jiangsu' },
  { code: '33', name: '浙江省', nameEn: 'Zhejiang' },
  { code: '34', name: '安徽省', nameEn: 'Anhui' },
  { code: '35', name: '福建省', nameEn: 'Fujian' },
  { code: '36', name: '江西省', nameEn: 'Jiangxi' },
  { code: '37', name: '山东省', nameEn: 'Shandong' },
  { code: '41', name: '河南省', nameEn: 'Henan' },
  { code: '42', name: '湖北省', nameEn: 'Hubei' },
  { code: '43', name: '湖南省', nameEn: 'Hunan' },
  { code: '44', name: '广东省', nameEn: 'Guangdong' },
  { code: '45', name: '广西壮族自治区', nameEn: 'Guangxi' },
  { code: '46', name: '海南省', nameEn: 'Hainan' },
  { code: '50', name: '重庆市', nameEn: 'Chongqing' },
  { code: '51', name: '四川省', nameEn: 'Sichuan' },
  { code: '52', name: '贵州省', nameEn: 'Guizhou' },
  { code: '53', name: '云南省', nameEn: 'Yunnan' },
  { code: '54', name: '西藏自治区', nameEn: 'Tibet' },
  { code: '61', name: '陕西省', nameEn: 'Shaanxi' },
  { code: '62', name: '甘肃省', nameEn: 'Gansu' },
  { code: '63', name: '青海省', nameEn: 'Qinghai' },
  { code: '64', name: '宁夏回族自治区', nameEn: 'Ningxia' },
  { code: '65', name: '新疆维吾尔自治区', nameEn: 'Xinjiang' },
  { code: '71', name: '台湾省', nameEn: 'Taiwan' },
  { code: '81', name: '香港特别行政区', nameEn: 'Hong Kong' },
  { code: '82', name: '澳门特别行政区', nameEn: 'Macao' },
];

export interface BeijingCounty extends CodeEntry {
  /** False for codes no longer in GB/T 2260 but still printed on ID cards. */
  readonly current: boolean;
}

// Old codes matter: an ID number keeps the code of the place where it was
// first issued, so 110228 (密云县, until 2015) is as common here as 110118.
// Source: GB/T 2260 editions 1982–2024 as collected in yescallop/areacodes.
export const BEIJING_COUNTIES: readonly BeijingCounty[] = [
  { code: '110000', name: '北京市', current: true },
  { code: '110100', name: '市辖区', current: true },
  { code: '110200', name: '县', current: false },
  { code: '110101', name: '东城区', current: true },
  { code: '110102', name: '西城区', current: true },
  { code: '110103', name: '崇文区', current: false }, // merged into 东城区 2010
  { code: '110104', name: '宣武区', current: false }, // merged into 西城区 2010
  { code: '110105', name: '朝阳区', current: true },
  { code: '110106', name: '丰台区', current: true },
  { code: '110107', name: '石景山区', current: true },
  { code: '110108', name: '海淀区', current: true },
  { code: '110109', name: '门头沟区', current: true },
  { code: '110110', name: '燕山区', current: false }, // merged into 房山区 1986
  { code: '110111', name: '房山区', current: true },
  { code: '110112', name: '通州区', current: true },
  { code: '110113', name: '顺义区', current: true },
  { code: '110114', name: '昌平区', current: true },
  { code: '110115', name: '大兴区', current: true },
  { code: '110116', name: '怀柔区', current: true },
  { code: '110117', name: '平谷区', current: true },
  { code: '110118', name: '密云区', current: true },
  { code: '110119', name: '延庆区', current: true },
  { code: '110221', name: '昌平县', current: false },
  { code: '110222', name: '顺义县', current: false },
  { code: '110223', name: '通县', current: false },
  { code: '110224', name: '大兴县', current: false },
  { code: '110225', name: '房山县', current: false },
  { code: '110226', name: '平谷县', current: false },
  { code: '110227', name: '怀柔县', current: false },
  { code: '110228', name: '密云县', current: false },
  { code: '110229', name: '延庆县', current: false },
];

const PROVINCE_CODES = new Set(PROVINCES.map((p) => p.code));
const BEIJING_CODES = new Set(BEIJING_COUNTIES.map((c) => c.code));

/**
 * Whether a 6-digit division code can appear on an ID card. Outside Beijing
 * only the province is checked: the full national list (with history) is
 * thousands of rows and would have to be shipped to every browser.
 */
export function isPlausibleDivisionCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const province = code.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return false;
  return province !== '11' || BEIJING_CODES.has(code);
}

/** Miyun's current code and the one it had as a county until 2015. */
export const MIYUN_CODE = '110118';
export const MIYUN_LEGACY_CODE = '110228';

/** True for ID or division codes that mean 密云 (current or historical). */
export function isMiyunDivision(code: string): boolean {
  return code.startsWith(MIYUN_CODE) || code.startsWith(MIYUN_LEGACY_CODE);
}
