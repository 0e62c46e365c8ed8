import { cleanCell } from '../text.js';
import type { CodeEntry } from './table.js';

export interface SkillLevel extends CodeEntry {
  /** 1 (学徒工) … 8 (首席技师); compare levels by rank, not by code string. */
  readonly rank: number;
}

/**
 * 新八级工 (2022 pilot) as an ordinal scale. The five-level 职业技能等级
 * labels (五级/初级工 … 一级/高级技师) are aliases of ranks 2–6, so data
 * recorded under the old scheme keeps its meaning.
 */
export const SKILL_LEVELS: readonly SkillLevel[] = [
  { code: 'L1', rank: 1, name: '学徒工', nameEn: 'Apprentice' },
  { code: 'L2', rank: 2, name: '初级工', nameEn: 'Junior worker', aliases: ['五级', '五级/初级工', '初级', '国家职业资格五级'] },
  { code: 'L3', rank: 3, name: '中级工', nameEn: 'Intermediate worker', aliases: ['四级', '四级/中级工', '中级', '国家职业资格四级'] },
  { code: 'L4', rank: 4, name: '高级工', nameEn: 'Senior worker', aliases: ['三级', '三级/高级工', '高级', '国家职业资格三级'] },
  { code: 'L5', rank: 5, name: '技师', nameEn: 'Technician', aliases: ['二级', '二级/技师', '国家职业资格二级'] },
  { code: 'L6', rank: 6, name: '高级技师', nameEn: 'Senior technician', aliases: ['一级', '一级/高级技师', '国家职业资格一级'] },
  { code: 'L7', rank: 7, name: '特级技师', nameEn: 'Principal technician' },
  { code: 'L8', rank: 8, name: '首席技师', nameEn: 'Chief technician' },
];

/** The five 级 labels of the national 职业技能等级 scheme mapped onto SKILL_LEVELS codes. */
export const SKILL_GRADE_TO_LEVEL: Readonly<Record<'五级' | '四级' | '三级' | '二级' | '一级', string>> = {
  五级: 'L2',
  四级: 'L3',
  三级: 'L4',
  二级: 'L5',
  一级: 'L6',
};

/** Negative when a is below b, 0 when equal, positive when above; unknown codes sort lowest. */
export function compareSkillLevels(a: string, b: string): number {
  const rank = (code: string): number => SKILL_LEVELS.find((l) => l.code === cleanCell(code).toUpperCase())?.rank ?? 0;
  return rank(a) - rank(b);
}
