import type { CodeEntry } from './table.js';

// Platform enums without a national code table: codes are stable English
// slugs, stored in the database and sent over the API.

/** 职工类别 / 就业状态 (STANDARDS §2). */
export const EMPLOYMENT_STATUS: readonly CodeEntry[] = [
  { code: 'employed', name: '在岗', nameEn: 'Employed', aliases: ['在职'] },
  { code: 'flexible', name: '灵活就业', nameEn: 'Flexible employment' },
  { code: 'new_form', name: '新就业形态', nameEn: 'New forms of employment', aliases: ['新就业形态劳动者'] },
  { code: 'laid_off', name: '下岗', nameEn: 'Laid off' },
  { code: 'unemployed', name: '失业', nameEn: 'Unemployed' },
  { code: 'internal_retired', name: '内退', nameEn: 'Internal early retirement', aliases: ['内部退养'] },
  { code: 'retired', name: '退休', nameEn: 'Retired' },
];

/** 入会方式. */
export const JOIN_METHODS: readonly CodeEntry[] = [
  { code: 'employer', name: '单位', nameEn: 'Through the employer', aliases: ['单位入会'] },
  { code: 'online', name: '网上', nameEn: 'Online', aliases: ['网上入会', '线上'] },
  { code: 'federation', name: '区域·行业联合会', nameEn: 'Through a regional or sector federation', aliases: ['区域行业联合会', '区域联合会', '行业联合会', '联合会'] },
];

export type OrgTypeCode = 'district' | 'town' | 'park' | 'industry' | 'grassroots' | 'joint' | 'branch' | 'member_unit';

export interface OrgType extends CodeEntry {
  readonly code: OrgTypeCode;
  readonly children: readonly OrgTypeCode[];
}

/**
 * Organisation tree (DOMAIN.md): 区总工会 → 镇/街道/地区总工会, 园区总工会,
 * 行业工会 → 基层工会 / 联合基层工会 → 分会/班组. 成员单位 (the bureaus in
 * the reform working group) are not unions; they hang under the district
 * only so that every organisation has a place in one tree.
 */
export const ORG_TYPES: readonly OrgType[] = [
  { code: 'district', name: '区总工会', nameEn: 'District federation of trade unions', children: ['town', 'park', 'industry', 'grassroots', 'joint', 'member_unit'] },
  // Towns run their own sector federations (区域·行业联合会) besides grassroots unions.
  { code: 'town', name: '镇/街道/地区总工会', nameEn: 'Town / street federation of trade unions', aliases: ['镇总工会', '街道总工会', '地区总工会'], children: ['industry', 'grassroots', 'joint'] },
  { code: 'park', name: '园区总工会', nameEn: 'Industrial park federation of trade unions', children: ['grassroots', 'joint'] },
  { code: 'industry', name: '行业工会', nameEn: 'Sector union', aliases: ['行业工会联合会'], children: ['grassroots', 'joint'] },
  { code: 'grassroots', name: '基层工会', nameEn: 'Grassroots union', aliases: ['基层工会委员会'], children: ['branch'] },
  { code: 'joint', name: '联合基层工会', nameEn: 'Joint grassroots union', aliases: ['联合工会'], children: ['branch'] },
  // 分会 may contain 班组 (工会小组).
  { code: 'branch', name: '分会/班组', nameEn: 'Branch / team group', aliases: ['分会', '班组', '工会小组'], children: ['branch'] },
  { code: 'member_unit', name: '成员单位', nameEn: 'Member unit', children: [] },
];

/** Whether an organisation of type `child` may sit directly under one of type `parent`. */
export function canContain(parent: string, child: string): boolean {
  return ORG_TYPES.find((t) => t.code === parent)?.children.includes(child as OrgTypeCode) ?? false;
}

/** 经济类型 of an employer. */
export const OWNERSHIP_TYPES: readonly CodeEntry[] = [
  { code: 'state', name: '国有', nameEn: 'State-owned', aliases: ['国有企业', '国企'] },
  { code: 'collective', name: '集体', nameEn: 'Collective', aliases: ['集体企业'] },
  { code: 'private', name: '私营', nameEn: 'Private', aliases: ['私营企业', '民营', '民营企业'] },
  { code: 'foreign', name: '外商投资', nameEn: 'Foreign-invested', aliases: ['外资', '外商投资企业'] },
  { code: 'hmt', name: '港澳台投资', nameEn: 'Hong Kong, Macao or Taiwan-invested', aliases: ['港澳台', '港澳台投资企业'] },
  { code: 'shareholding', name: '股份制', nameEn: 'Shareholding', aliases: ['股份制企业'] },
  { code: 'associated', name: '联营', nameEn: 'Jointly operated', aliases: ['联营企业'] },
  { code: 'individual', name: '个体', nameEn: 'Individual business', aliases: ['个体工商户', '个体户'] },
  { code: 'other', name: '其他', nameEn: 'Other', aliases: ['其它'] },
];

/** 会籍状态 (STANDARDS §2). */
export const MEMBERSHIP_STATUS: readonly CodeEntry[] = [
  { code: 'active', name: '在会', nameEn: 'Active' },
  { code: 'transferring', name: '转出中', nameEn: 'Transferring out' },
  { code: 'retained', name: '保留会籍', nameEn: 'Membership retained' },
  { code: 'left', name: '退会', nameEn: 'Left' },
];
