/** Fixed texts of the reform-work demo (titles and numbers in the style of the district's own documents). */

export const DEMO_DOCUMENTS: { type: string; title: string; issuer: 'district' | 'hr'; agency: string; seq: number; issuedOn: string; summary: string }[] = [
  { type: 'opinion', title: '密云区关于深化新时代产业工人队伍建设改革的实施意见', issuer: 'district', agency: '密工发', seq: 5, issuedOn: '2021-04-12', summary: '明确思想政治引领、技能素质提升、地位待遇保障、权益维护和体制机制创新五方面重点任务。' },
  { type: 'plan', title: '密云区产业工人队伍建设改革“十四五”规划', issuer: 'district', agency: '密工发', seq: 11, issuedOn: '2021-07-20', summary: '提出到2025年产业工人队伍建设的主要目标和保障措施。' },
  { type: 'key_points', title: '2022年密云区产业工人队伍建设改革工作要点', issuer: 'district', agency: '密工发', seq: 3, issuedOn: '2022-02-25', summary: '全年重点工作二十项，分解至16个成员单位和20个镇街。' },
  { type: 'notice', title: '关于开展2022年“中国梦·劳动美”主题教育活动的通知', issuer: 'district', agency: '密工办字', seq: 8, issuedOn: '2022-04-06', summary: '组织劳模宣讲、主题征文和职工读书活动。' },
  { type: 'work_plan', title: '2023年密云区产改工作计划', issuer: 'district', agency: '密工发', seq: 2, issuedOn: '2023-01-30', summary: '年度任务清单、责任单位和完成时限。' },
  { type: 'notice', title: '关于做好重点群体职业技能培训工作的通知', issuer: 'hr', agency: '密人社发', seq: 17, issuedOn: '2023-05-09', summary: '面向新就业形态劳动者和农民工开展技能培训。' },
  { type: 'key_points', title: '2024年密云区产业工人队伍建设改革工作要点', issuer: 'district', agency: '密工发', seq: 4, issuedOn: '2024-02-21', summary: '突出技能人才评价和岗位实践活动。' },
  { type: 'notice', title: '关于开展2024年“安全生产月”职工群众性活动的通知', issuer: 'district', agency: '密工办字', seq: 12, issuedOn: '2024-05-20', summary: '组织安全知识竞赛、隐患排查和应急演练。' },
  { type: 'work_plan', title: '2025年密云区产改工作计划', issuer: 'district', agency: '密工发', seq: 1, issuedOn: '2025-01-22', summary: '安排重点群体培训和岗位实践活动专项资金各15万元。' },
  { type: 'key_points', title: '2026年密云区产业工人队伍建设改革工作要点', issuer: 'district', agency: '密工发', seq: 3, issuedOn: '2026-02-16', summary: '推进产改任务清单化、项目化管理。' },
];

export const DEMO_MEETINGS: { kind: string; title: string; heldOn: string; by?: 'hr' }[] = [
  { kind: 'coordination', title: '2021年产改协调小组第一次全体会议', heldOn: '2021-05-11' },
  { kind: 'progress', title: '2022年产改工作推进会', heldOn: '2022-06-23' },
  { kind: 'seminar', title: '产业工人技能形成体系研讨会', heldOn: '2023-03-16', by: 'hr' },
  { kind: 'progress', title: '2023年产改工作推进会', heldOn: '2023-07-13' },
  { kind: 'coordination', title: '2024年产改协调小组全体会议', heldOn: '2024-03-28' },
  { kind: 'progress', title: '2025年产改工作推进会', heldOn: '2025-04-17' },
  { kind: 'seminar', title: '新就业形态劳动者权益保障研讨会', heldOn: '2025-09-04' },
  { kind: 'coordination', title: '2026年产改协调小组全体会议', heldOn: '2026-03-19' },
];

export const DEMO_DECISIONS: string[] = [
  '建立产改工作月调度、季通报机制',
  '开展新就业形态劳动者技能培训',
  '推动企业建立技能人才薪酬激励制度',
  '组织劳模工匠进企业宣讲活动',
  '开展岗位练兵和技术比武活动',
  '完善产业工人参与企业民主管理制度',
  '建设一批职工创新工作室',
  '推进户外劳动者服务站点提质增效',
  '开展产业工人队伍状况调查',
  '落实重点群体培训专项资金',
];

export const DEMO_ACTIVITY_TITLES: Record<string, string[]> = {
  model_worker_lecture: ['劳模宣讲报告会', '“劳模工匠进企业”宣讲报告会', '劳模精神进校园宣讲会', '大国工匠事迹宣讲报告会'],
  theme_education: ['“中国梦·劳动美”主题教育活动', '职工思想政治引领主题教育', '“永远跟党走”主题教育'],
  public_lecture: ['职工公益大讲堂', '“技能提升”公益大讲堂', '法律知识公益大讲堂', '心理健康公益大讲堂'],
  progress_meeting: ['产改工作推进会', '镇街产改工作推进会'],
  safety_month: ['“安全生产月”知识竞赛', '“安全生产月”应急演练', '“安康杯”安全宣传咨询日'],
  health_lecture: ['职工慢性病防治健康讲座', '女职工健康知识讲座', '职业病防治讲座'],
  culture_sports: ['职工趣味运动会', '职工篮球赛', '职工书画摄影展', '职工健步走活动', '迎新春职工文艺演出'],
  party_building: ['工会党建共建活动', '“党建带工建”共建活动', '红色教育基地党建共建'],
  other: ['职工读书分享会', '职工志愿服务活动'],
};

export const DEMO_PLACES: string[] = ['区总工会职工服务中心', '区文化馆', '区职工之家', '密云区委党校', '区体育中心'];
