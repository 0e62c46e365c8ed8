import type { CodeEntry } from '../codes/table.js';

// Code tables of the 困难职工档案 (national file form, STANDARDS §3). Codes are stable
// English slugs stored in the database; names are what the union forms say.

/** 主要/次要致困原因. */
export const HARDSHIP_CAUSES: readonly CodeEntry[] = [
  { code: 'illness', name: '因病', nameEn: 'Illness' },
  { code: 'disability', name: '因残', nameEn: 'Disability' },
  { code: 'education', name: '因学', nameEn: "Children's education" },
  { code: 'disaster', name: '因灾', nameEn: 'Disaster' },
  { code: 'accident', name: '意外', nameEn: 'Accident' },
  { code: 'unemployment', name: '失业/下岗', nameEn: 'Unemployment or lay-off', aliases: ['失业', '下岗'] },
  { code: 'single_parent', name: '单亲', nameEn: 'Single parent' },
  { code: 'enterprise', name: '企业经营困难', nameEn: 'Employer in difficulty' },
  { code: 'other', name: '其他', nameEn: 'Other', aliases: ['其它'] },
];

export type HardshipTier = 'deep' | 'relative' | 'accident' | 'none';

export const HARDSHIP_TIERS: readonly (CodeEntry & { code: HardshipTier; color: string })[] = [
  { code: 'deep', name: '深度困难', nameEn: 'Deep hardship', color: 'red' },
  { code: 'relative', name: '相对困难', nameEn: 'Relative hardship', color: 'orange' },
  { code: 'accident', name: '意外致困', nameEn: 'Hardship from a sudden event', color: 'purple' },
  { code: 'none', name: '不符合', nameEn: 'Not eligible', color: 'default' },
];

export const RECORD_STATUSES: readonly CodeEntry[] = [
  { code: 'open', name: '在档', nameEn: 'Open' },
  { code: 'exited', name: '已解困脱困', nameEn: 'Exited' },
];

/** 身份 on the national form. */
export const HARDSHIP_IDENTITIES: readonly CodeEntry[] = [
  { code: 'employed', name: '在岗', nameEn: 'Employed' },
  { code: 'laid_off', name: '下(待)岗', nameEn: 'Laid off' },
  { code: 'unemployed', name: '失(无)业', nameEn: 'Unemployed' },
  { code: 'retired', name: '退休', nameEn: 'Retired' },
  { code: 'sick_leave', name: '病休', nameEn: 'On sick leave' },
  { code: 'internal_retired', name: '内退', nameEn: 'Internal early retirement' },
  { code: 'migrant', name: '农民工', nameEn: 'Migrant worker' },
];

/** 健康状况 (multi-select; 良好 excludes the others). Sensitive: stored encrypted. */
export const HEALTH_CONDITIONS: readonly CodeEntry[] = [
  { code: 'good', name: '良好', nameEn: 'Good' },
  { code: 'cancer', name: '恶性肿瘤', nameEn: 'Cancer' },
  { code: 'cardiovascular', name: '心血管疾病', nameEn: 'Cardiovascular disease' },
  { code: 'cerebrovascular', name: '脑血管疾病', nameEn: 'Cerebrovascular disease' },
  { code: 'renal', name: '终末期肾病', nameEn: 'End-stage renal disease' },
  { code: 'mental', name: '精神疾病', nameEn: 'Mental illness' },
  { code: 'liver', name: '肝病', nameEn: 'Liver disease' },
  { code: 'blood', name: '血液病', nameEn: 'Blood disease' },
  { code: 'diabetes', name: '糖尿病', nameEn: 'Diabetes' },
  { code: 'other_chronic', name: '其他慢性病', nameEn: 'Other chronic illness' },
  { code: 'disabled', name: '残疾', nameEn: 'Disability' },
];

export const DISABILITY_CATEGORIES: readonly CodeEntry[] = [
  { code: 'visual', name: '视力残疾', nameEn: 'Visual' },
  { code: 'hearing', name: '听力残疾', nameEn: 'Hearing' },
  { code: 'speech', name: '言语残疾', nameEn: 'Speech' },
  { code: 'intellectual', name: '智力残疾', nameEn: 'Intellectual' },
  { code: 'physical', name: '肢体残疾', nameEn: 'Physical' },
  { code: 'mental', name: '精神残疾', nameEn: 'Mental' },
  { code: 'multiple', name: '多重残疾', nameEn: 'Multiple' },
];

export const DISABILITY_GRADES: readonly CodeEntry[] = [
  { code: '1', name: '一级', nameEn: 'Grade 1' },
  { code: '2', name: '二级', nameEn: 'Grade 2' },
  { code: '3', name: '三级', nameEn: 'Grade 3' },
  { code: '4', name: '四级', nameEn: 'Grade 4' },
];

export const RELATIONS: readonly CodeEntry[] = [
  { code: 'spouse', name: '配偶', nameEn: 'Spouse' },
  { code: 'child', name: '子女', nameEn: 'Child' },
  { code: 'parent', name: '父母', nameEn: 'Parent' },
  { code: 'parent_in_law', name: '岳父母/公婆', nameEn: 'Parent-in-law' },
  { code: 'grandchild', name: '孙子女/外孙子女', nameEn: 'Grandchild' },
  { code: 'sibling', name: '兄弟姐妹', nameEn: 'Sibling' },
  { code: 'other', name: '其他', nameEn: 'Other' },
];

export const INCOME_KINDS: readonly CodeEntry[] = [
  { code: 'wage', name: '工资性收入', nameEn: 'Wages' },
  { code: 'pension', name: '养老金/退休金', nameEn: 'Pension' },
  { code: 'unemployment_benefit', name: '失业保险金', nameEn: 'Unemployment benefit' },
  { code: 'subsidy', name: '补贴/救助金', nameEn: 'Subsidies and relief' },
  { code: 'business', name: '经营性收入', nameEn: 'Business income' },
  { code: 'property', name: '财产性收入', nameEn: 'Property income' },
  { code: 'support', name: '赡养/抚养费', nameEn: 'Family support received' },
  { code: 'other', name: '其他收入', nameEn: 'Other income' },
];

/** 刚性支出: spending a family cannot avoid (illness, school fees, disability costs). */
export const EXPENSE_KINDS: readonly CodeEntry[] = [
  { code: 'medical', name: '医疗支出（自付）', nameEn: 'Medical (out of pocket)' },
  { code: 'education', name: '教育支出', nameEn: 'Education' },
  { code: 'disability', name: '残疾康复/护理支出', nameEn: 'Disability care' },
  { code: 'disaster', name: '灾害/意外损失', nameEn: 'Disaster or accident loss' },
  { code: 'other', name: '其他刚性支出', nameEn: 'Other unavoidable spending' },
];

export const PERIODS: readonly CodeEntry[] = [
  { code: 'month', name: '每月', nameEn: 'Per month' },
  { code: 'year', name: '每年', nameEn: 'Per year' },
];

/**
 * 意外致困 events (Qingdao rule). The first four count when they caused injury, disability or
 * death; a sudden illness or ordinary accident counts when its cost in the year exceeds a share
 * (80 %) of the family's annual income.
 */
export const ACCIDENT_KINDS: readonly (CodeEntry & { needs: 'consequence' | 'cost' })[] = [
  { code: 'disaster', name: '自然灾害', nameEn: 'Natural disaster', needs: 'consequence' },
  { code: 'major_accident', name: '重大事故', nameEn: 'Major accident', needs: 'consequence' },
  { code: 'epidemic', name: '疫情', nameEn: 'Epidemic', needs: 'consequence' },
  { code: 'public_security', name: '公共安全事件', nameEn: 'Public-security event', needs: 'consequence' },
  { code: 'sudden_illness', name: '突发疾病', nameEn: 'Sudden illness', needs: 'cost' },
  { code: 'accident', name: '意外事故', nameEn: 'Accident', needs: 'cost' },
];

export const ACCIDENT_CONSEQUENCES: readonly CodeEntry[] = [
  { code: 'injury', name: '受伤', nameEn: 'Injury' },
  { code: 'disability', name: '致残', nameEn: 'Disability' },
  { code: 'death', name: '死亡', nameEn: 'Death' },
  { code: 'property', name: '仅财产损失', nameEn: 'Property loss only' },
];

/** Exclusions (Qingdao example): a family with one of these is not treated as in hardship. */
export const EXCLUSIONS: readonly CodeEntry[] = [
  { code: 'private_school', name: '子女就读收费超过公办学校 2 倍的民办学校', nameEn: 'Child at a private school charging over 2× the public fee' },
  { code: 'study_abroad', name: '子女自费出国留学', nameEn: 'Child studying abroad at own expense' },
];

export const HOUSING_TYPES: readonly CodeEntry[] = [
  { code: 'owned', name: '自有住房', nameEn: 'Owned' },
  { code: 'public_rent', name: '公租房/廉租房', nameEn: 'Public rental' },
  { code: 'rented', name: '租住', nameEn: 'Rented' },
  { code: 'borrowed', name: '借住', nameEn: 'Staying with others' },
  { code: 'none', name: '无固定住所', nameEn: 'No fixed home' },
];

export const MEDICAL_INSURANCE: readonly CodeEntry[] = [
  { code: 'employee', name: '职工医保', nameEn: 'Employee medical insurance' },
  { code: 'resident', name: '城乡居民医保', nameEn: 'Resident medical insurance' },
  { code: 'none', name: '未参保', nameEn: 'Not insured' },
];

export const EXIT_REASONS: readonly CodeEntry[] = [
  { code: 'income_improved', name: '家庭收入提高', nameEn: 'Household income improved' },
  { code: 'reemployed', name: '实现再就业', nameEn: 'Re-employed' },
  { code: 'recovered', name: '病情好转/支出减少', nameEn: 'Recovered; costs fell' },
  { code: 'moved', name: '迁出/调离本区', nameEn: 'Moved out of the district' },
  { code: 'deceased', name: '本人去世', nameEn: 'Deceased' },
  { code: 'other', name: '其他', nameEn: 'Other' },
];

export function codeNames(table: readonly CodeEntry[], code: string | null | undefined): { zh: string; en: string } | null {
  const e = code ? table.find((x) => x.code === code) : undefined;
  return e ? { zh: e.name, en: e.nameEn ?? e.name } : null;
}
