import type { ReactNode } from 'react';
import { FileDoneOutlined } from '@ant-design/icons';
import { ApartmentOutlined, AuditOutlined, BankOutlined, CloudUploadOutlined, DashboardOutlined, SwapOutlined, TeamOutlined, UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import type { Permission } from '../api';

export interface NavEntry {
  path: string;
  zh: string;
  en: string;
  icon: ReactNode;
  perm?: Permission;
  /** breadcrumb parent */
  parent?: string;
}

/** Only entries whose page works for the permission are shown. */
export const NAV: NavEntry[] = [
  { path: '/', zh: '工作台', en: 'Overview', icon: <DashboardOutlined />, perm: 'org.read' },
  { path: '/members', zh: '会员花名册', en: 'Members', icon: <TeamOutlined />, perm: 'member.read' },
  { path: '/members/new', zh: '登记会员', en: 'Register member', icon: <UserAddOutlined />, perm: 'member.write', parent: '/members' },
  { path: '/transfers', zh: '会籍接转', en: 'Transfers', icon: <SwapOutlined />, perm: 'member.transfer' },
  { path: '/imports', zh: '导入导出', en: 'Import / export', icon: <CloudUploadOutlined />, perm: 'member.import' },
  { path: '/orgs', zh: '组织', en: 'Organisations', icon: <ApartmentOutlined />, perm: 'org.read' },
  { path: '/enterprises', zh: '企业', en: 'Enterprises', icon: <BankOutlined />, perm: 'enterprise.read' },
  { path: '/workflow/queue', zh: '审批中心', en: 'Reviews', icon: <FileDoneOutlined />, perm: 'assist.read' },
  { path: '/audit', zh: '审计日志', en: 'Audit log', icon: <AuditOutlined />, perm: 'audit.read' },
  { path: '/users', zh: '用户与角色', en: 'Users & roles', icon: <UserSwitchOutlined />, perm: 'user.manage' },
];

export { ROLE_NAMES } from '../../shared/roles';
