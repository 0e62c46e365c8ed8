/** Roles and permissions, shared by the server (which decides) and the web console (which shows). */
export const ROLES = ['district_admin', 'org_admin', 'unit_staff', 'auditor', 'member'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'enterprise.read',
  'enterprise.write',
  'member.read',
  'member.write',
  'member.transfer',
  'member.import',
  'member.export',
  'member.unmask',
  'audit.read',
  'user.manage',
  // 产改 (reform work system)
  'reform.read',
  'reform.report',
  'reform.manage',
  // 帮扶 (assistance, hardship, aid, mutual aid)
  'assist.read',
  'assist.review',
  'assist.manage',
  'assist.apply',
  'hardship.unmask',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  district_admin: { zh: '区总工会管理员', en: 'District administrator' },
  org_admin: { zh: '工会组织管理员', en: 'Organisation administrator' },
  unit_staff: { zh: '成员单位工作人员', en: 'Member-unit staff' },
  auditor: { zh: '审计员', en: 'Auditor' },
  member: { zh: '会员', en: 'Member' },
};
