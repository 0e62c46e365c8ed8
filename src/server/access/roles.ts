/** Roles and the permissions each carries. Authorization is decided here and in scope.ts only. */
import type { Permission, Role } from '../../shared/roles.js';

export { ROLES, PERMISSIONS, ROLE_NAMES, type Role, type Permission } from '../../shared/roles.js';

const STAFF_WRITE: Permission[] = [
  'org.read', 'org.write', 'enterprise.read', 'enterprise.write',
  'member.read', 'member.write', 'member.transfer', 'member.import', 'member.export',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  district_admin: [
    ...STAFF_WRITE, 'member.unmask', 'audit.read', 'user.manage',
    'reform.read', 'reform.report', 'reform.manage',
    'assist.read', 'assist.review', 'assist.manage', 'hardship.unmask',
  ],
  // Town/park/grassroots admins may be granted member.unmask / hardship.unmask per user.
  org_admin: [...STAFF_WRITE, 'audit.read', 'reform.read', 'reform.report', 'assist.read', 'assist.review'],
  // Bureau staff see and report on the reform tasks their unit leads or co-leads.
  unit_staff: ['org.read', 'reform.read', 'reform.report'],
  auditor: ['org.read', 'enterprise.read', 'member.read', 'audit.read', 'reform.read', 'assist.read'],
  // A member acts only on their own record and applications (portal /m).
  member: ['assist.apply'],
};

/** Extra grants an administrator may give a user on top of the role. */
export const GRANTABLE: readonly Permission[] = ['member.unmask', 'member.export', 'hardship.unmask'];
