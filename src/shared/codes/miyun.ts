import type { CodeEntry } from './table.js';

export type MiyunDivisionKind = 'street' | 'town' | 'area';

export interface MiyunDivision extends CodeEntry {
  readonly kind: MiyunDivisionKind;
}

function town(code: string, name: string): MiyunDivision {
  const short = name.replace(/镇$/, '');
  // A bare '密云' means the district, never 密云镇.
  const aliases = short === '密云' ? [`${name}人民政府`] : [short, `${name}人民政府`];
  return { code: `110118${code}`, name, kind: 'town', aliases };
}

function street(code: string, name: string): MiyunDivision {
  const short = name.replace(/街道$/, '');
  return { code: `110118${code}`, name, kind: 'street', aliases: [short, `${name}办事处`] };
}

/**
 * Miyun's township-level units: 9-digit 统计用区划代码 (STANDARDS §1.3,
 * statistics-bureau list of 2016 — check against the current year before seeding).
 * 110118400 is a statistical area, not an administrative one, but unions are
 * organised there, so it is kept as an 'area'.
 */
export const MIYUN_DIVISIONS: readonly MiyunDivision[] = [
  street('001', '鼓楼街道'),
  street('002', '果园街道'),
  // 地区办事处: code in the street range; it also runs the former 檀营满族蒙古族乡.
  { code: '110118003', name: '檀营地区', kind: 'street', aliases: ['檀营地区办事处', '檀营', '檀营满族蒙古族乡', '檀营乡'] },
  town('100', '密云镇'),
  town('101', '溪翁庄镇'),
  town('102', '西田各庄镇'),
  town('103', '十里堡镇'),
  town('104', '河南寨镇'),
  town('105', '巨各庄镇'),
  town('106', '穆家峪镇'),
  town('107', '太师屯镇'),
  town('108', '高岭镇'),
  town('109', '不老屯镇'),
  town('110', '冯家峪镇'),
  town('111', '古北口镇'),
  town('112', '大城子镇'),
  town('113', '东邵渠镇'),
  town('114', '北庄镇'),
  town('115', '新城子镇'),
  town('116', '石城镇'),
  { code: '110118400', name: '北京密云经济开发区', kind: 'area', aliases: ['密云经济开发区', '密云经开区', '经济开发区'] },
];
