import type { CodeTable } from '../codes/table.js';

/**
 * Categories of reform tasks (产改任务类别), as the district's plans group them.
 * Codes are stable identifiers stored on tasks; names are what users see and type in imports.
 */
export const TASK_CATEGORIES: CodeTable = [
  { code: 'ideology', name: '思想政治引领', nameEn: 'Political guidance', aliases: ['思想引领', '政治引领'] },
  { code: 'skills', name: '技能素质提升', nameEn: 'Skills and quality', aliases: ['素质提升', '技能提升'] },
  { code: 'status', name: '地位待遇', nameEn: 'Status and pay', aliases: ['地位待遇提高', '待遇保障'] },
  { code: 'rights', name: '权益维护', nameEn: 'Rights protection', aliases: ['权益保障', '维权服务'] },
  { code: 'mechanism', name: '体制机制', nameEn: 'Institutions and mechanisms', aliases: ['体制机制创新', '机制建设'] },
  { code: 'organisation', name: '组织建设', nameEn: 'Organisation building', aliases: ['组织覆盖', '建会入会'] },
  { code: 'innovation', name: '建功立业', nameEn: 'Contribution and innovation', aliases: ['创新创效', '劳动竞赛'] },
];

export type TaskCategory = string;

export function categoryName(code: string, en = false): string {
  const c = TASK_CATEGORIES.find((x) => x.code === code);
  return c ? (en ? c.nameEn ?? c.name : c.name) : code;
}

export function isCategory(code: string): boolean {
  return TASK_CATEGORIES.some((c) => c.code === code);
}
