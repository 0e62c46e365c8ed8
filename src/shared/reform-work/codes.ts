/** Code tables of the reform work system: one code, a Chinese and an English name. */
export interface Code<C extends string = string> {
  code: C;
  zh: string;
  en: string;
}

export const GROUP_KINDS = [
  { code: 'coordination', zh: '产改工作领导小组（协调小组）', en: 'Coordination group' },
  { code: 'working', zh: '产改工作专班', en: 'Working group' },
] as const satisfies readonly Code[];
export type GroupKind = (typeof GROUP_KINDS)[number]['code'];

export const GROUP_ROLES = [
  { code: 'leader', zh: '组长', en: 'Leader' },
  { code: 'deputy', zh: '副组长', en: 'Deputy leader' },
  { code: 'member', zh: '成员', en: 'Member' },
  { code: 'liaison', zh: '联络员', en: 'Liaison' },
] as const satisfies readonly Code[];
export type GroupRole = (typeof GROUP_ROLES)[number]['code'];

export const DOCUMENT_TYPES = [
  { code: 'plan', zh: '规划', en: 'Plan' },
  { code: 'opinion', zh: '实施意见', en: 'Implementing opinions' },
  { code: 'key_points', zh: '工作要点', en: 'Key points of work' },
  { code: 'work_plan', zh: '工作计划', en: 'Work plan' },
  { code: 'notice', zh: '通知', en: 'Notice' },
] as const satisfies readonly Code[];
export type DocumentType = (typeof DOCUMENT_TYPES)[number]['code'];

export const MEETING_KINDS = [
  { code: 'seminar', zh: '研讨会', en: 'Seminar' },
  { code: 'progress', zh: '推进会', en: 'Progress meeting' },
  { code: 'coordination', zh: '协调会', en: 'Coordination meeting' },
] as const satisfies readonly Code[];
export type MeetingKind = (typeof MEETING_KINDS)[number]['code'];

/** Activity types of the S2 log; other modules add theirs through 'other' plus their source link. */
export const ACTIVITY_TYPES = [
  { code: 'model_worker_lecture', zh: '劳模宣讲报告会', en: 'Model-worker lecture' },
  { code: 'theme_education', zh: '主题教育', en: 'Theme education' },
  { code: 'public_lecture', zh: '公益大讲堂', en: 'Public lecture' },
  { code: 'progress_meeting', zh: '推进会', en: 'Progress meeting' },
  { code: 'safety_month', zh: '安全生产月', en: 'Safety month' },
  { code: 'health_lecture', zh: '健康讲座', en: 'Health lecture' },
  { code: 'culture_sports', zh: '文体活动', en: 'Culture and sports' },
  { code: 'party_building', zh: '党建共建', en: 'Joint Party building' },
  { code: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Code[];
export type ActivityType = (typeof ACTIVITY_TYPES)[number]['code'];

export function codesOf<T extends readonly Code[]>(table: T): [T[number]['code'], ...T[number]['code'][]] {
  return table.map((c) => c.code) as [T[number]['code'], ...T[number]['code'][]];
}

export function nameOf(table: readonly Code[], code: string, en = false): string {
  const c = table.find((x) => x.code === code);
  return c ? (en ? c.en : c.zh) : code;
}
