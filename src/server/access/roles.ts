/** Roles and the permissions each carries. Authorization is decided here and in scope.ts only. */
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const STAFF_WRITE: Permission[] = [
  'org.read', 'org.write', 'enterprise.read', 'enterprise.write',
  'member.read', 'member.write', 'member.transfer', 'member.import', 'member.export',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  district_admin: [...STAFF_WRITE, 'member.unmask', 'audit.read', 'user.manage'],
  // Town/park/grassroots admins may be granted member.unmask per user.
  org_admin: [...STAFF_WRITE, 'audit.read'],
  unit_staff: ['org.read'],
  auditor: ['org.read', 'enterprise.read', 'member.read', 'audit.read'],
  member: [],
};

/** Extra grants an administrator may give a user on top of the role. */
export const GRANTABLE: readonly Permission[] = ['member.unmask', 'member.export'];

export const ROLE_NAMES: Record<Role, { zh: string; en: string }> = {
  district_admin: { zh: '区总工会管理员', en: 'District administrator' },
  org_admin: { zh: '工会组织管理员', en: 'Organisation administrator' },
  unit_staff: { zh: '成员单位工作人员', en: 'Member-unit staff' },
  auditor: { zh: '审计员', en: 'Auditor' },
  member: { zh: '会员', en: 'Member' },
};
