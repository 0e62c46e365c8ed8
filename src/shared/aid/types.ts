/**
 * The six aid types (中央财政职工困难帮扶资金 categories as used in Miyun), shared by server and console.
 * What varies per year (caps, fixed amounts, the medical threshold and ratio) is stored per year in
 * `aid_year_rules`; what is fixed by the type (its period, eligibility, required documents) lives here.
 */
export const AID_TYPES = ['living', 'medical', 'education', 'winter', 'summer', 'temporary'] as const;
export type AidType = (typeof AID_TYPES)[number];

/** Hardship tiers as returned by the hardship module's getActiveHardship. */
export type HardshipTier = 'deep' | 'relative' | 'accident' | 'none';

export const TIER_NAMES: Record<HardshipTier, { zh: string; en: string }> = {
  deep: { zh: '深度困难', en: 'Deep hardship' },
  relative: { zh: '相对困难', en: 'Relative hardship' },
  accident: { zh: '意外致困', en: 'Accident-caused hardship' },
  none: { zh: '不符合', en: 'Not in hardship' },
};

/** How a period key is formed: the calendar year, or a season that may straddle two years. */
export type PeriodKind = 'year' | 'winter' | 'summer';

export interface RequiredDocument {
  key: string;
  zh: string;
  en: string;
}

export interface AidTypeInfo {
  code: AidType;
  zh: string;
  en: string;
  /** the workflow application type */
  workflowType: string;
  period: PeriodKind;
  /** the seasonal campaign season whose budget this aid draws on, if any */
  campaignSeason: CampaignSeason | null;
  ruleZh: string;
  ruleEn: string;
  documents: RequiredDocument[];
}

export const CAMPAIGN_SEASONS = ['spring', 'summer', 'autumn', 'winter'] as const;
export type CampaignSeason = (typeof CAMPAIGN_SEASONS)[number];

export const SEASON_NAMES: Record<CampaignSeason, { zh: string; en: string }> = {
  spring: { zh: '春送岗位', en: 'Spring jobs' },
  summer: { zh: '夏送清凉', en: 'Summer cooling' },
  autumn: { zh: '金秋助学', en: 'Autumn education aid' },
  winter: { zh: '冬送温暖', en: 'Winter warmth' },
};

export const CAMPAIGN_TARGET_GROUPS = ['困难职工', '户外劳动者', '新就业形态劳动者', '农民工', '困难职工子女', '一线职工', '劳模'] as const;

export const AID_TYPE_INFO: Record<AidType, AidTypeInfo> = {
  living: {
    code: 'living', zh: '生活救助', en: 'Living aid', workflowType: 'aid.living', period: 'year', campaignSeason: null,
    ruleZh: '须有已核实、在档的困难职工档案，困难类别为深度困难或相对困难；每人每年一次。',
    ruleEn: 'Needs an open, verified hardship record in tier deep or relative; once per person per year.',
    documents: [],
  },
  medical: {
    code: 'medical', zh: '医疗救助', en: 'Medical aid', workflowType: 'aid.medical', period: 'year', campaignSeason: null,
    ruleZh: '当年个人自付医疗费用达到起付标准；救助金额 =（自付 − 起付标准）× 救助比例，不超过年度上限；每人每年一次。',
    ruleEn: 'Self-paid medical costs this year reach the threshold; amount = (self-paid − threshold) × ratio, capped per year; once per year.',
    documents: [{ key: 'bills', zh: '医疗费票据', en: 'Medical bills' }],
  },
  education: {
    code: 'education', zh: '金秋助学', en: 'Education aid', workflowType: 'aid.education', period: 'year', campaignSeason: 'autumn',
    ruleZh: '困难职工（在档、已核实）的子女在读或当年入学；每人每年一次。',
    ruleEn: 'A child of a member with an open, verified hardship record is enrolled (or admitted this year); once per year.',
    documents: [{ key: 'admission', zh: '录取通知书或学籍证明', en: 'Admission letter or enrolment certificate' }],
  },
  winter: {
    code: 'winter', zh: '冬送温暖', en: 'Winter warmth', workflowType: 'aid.winter', period: 'winter', campaignSeason: 'winter',
    ruleZh: '须有已核实、在档的困难职工档案，困难类别为深度困难或相对困难；每个冬季（11月至次年4月）一次。',
    ruleEn: 'Needs an open, verified hardship record in tier deep or relative; once per winter season (November to April).',
    documents: [],
  },
  summer: {
    code: 'summer', zh: '夏送清凉', en: 'Summer cooling', workflowType: 'aid.summer', period: 'summer', campaignSeason: 'summer',
    ruleZh: '户外劳动者（职业为快递、外卖、环卫、建筑、交通、保安等户外岗位，或新就业形态劳动者）；每年夏季一次。',
    ruleEn: 'Outdoor workers (courier, delivery, sanitation, construction, traffic, security … or new-employment-form workers); once per summer.',
    documents: [],
  },
  temporary: {
    code: 'temporary', zh: '临时救助', en: 'Temporary aid', workflowType: 'aid.temporary', period: 'year', campaignSeason: null,
    ruleZh: '因灾害、事故、突发疾病等意外事件致困（事件发生在申请前180天内），或档案困难类别为意外致困；每人每年一次。',
    ruleEn: 'Hardship from a disaster, accident or sudden illness within 180 days before applying, or a hardship record in tier accident; once per year.',
    documents: [{ key: 'event', zh: '事件证明（诊断、事故或受灾证明）', en: 'Proof of the event (diagnosis, accident or disaster certificate)' }],
  },
};

export function isAidType(s: string): s is AidType {
  return (AID_TYPES as readonly string[]).includes(s);
}

export function aidTypeOfWorkflowType(type: string): AidType | null {
  const code = type.startsWith('aid.') ? type.slice(4) : '';
  return isAidType(code) ? code : null;
}

/** One year's amounts for one type, integer fen. */
export interface AidYearRule {
  /** the most one application may be granted */
  capFen: number;
  /** a fixed standard amount (e.g. 冬送温暖 慰问金); when set the amount is not asked for */
  fixedFen: number | null;
  /** medical aid: self-paid costs must reach this (起付标准) */
  thresholdFen: number | null;
  /** medical aid: share of the self-paid costs above the threshold, in basis points (5000 = 50 %) */
  ratioBp: number | null;
}

/**
 * Default rules used by the demo (yuan ×100). Districts set their own per year; the server refuses an
 * application for a year that has no rule, it never falls back to these silently.
 */
export const DEMO_RULES: Record<AidType, AidYearRule> = {
  living: { capFen: 300_000, fixedFen: null, thresholdFen: null, ratioBp: null },
  medical: { capFen: 2_000_000, fixedFen: null, thresholdFen: 500_000, ratioBp: 5000 },
  education: { capFen: 500_000, fixedFen: null, thresholdFen: null, ratioBp: null },
  winter: { capFen: 100_000, fixedFen: 100_000, thresholdFen: null, ratioBp: null },
  summer: { capFen: 30_000, fixedFen: 30_000, thresholdFen: null, ratioBp: null },
  temporary: { capFen: 1_000_000, fixedFen: null, thresholdFen: null, ratioBp: null },
};
