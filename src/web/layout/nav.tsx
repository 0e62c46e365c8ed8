import type { ReactNode } from 'react';
import { FileDoneOutlined, MedicineBoxOutlined } from '@ant-design/icons';
import { AccountBookOutlined, ClusterOutlined, CommentOutlined, FileTextOutlined, FlagOutlined } from '@ant-design/icons';
import { ApartmentOutlined, AuditOutlined, BankOutlined, CloudUploadOutlined, DashboardOutlined, SwapOutlined, TeamOutlined, UserAddOutlined, UserSwitchOutlined } from '@ant-design/icons';
import { BarChartOutlined, GiftOutlined, HeartOutlined, SettingOutlined, WalletOutlined } from '@ant-design/icons';
import { FundOutlined, ProjectOutlined, ScheduleOutlined } from '@ant-design/icons';
import { SolutionOutlined } from '@ant-design/icons';
import type { Permission } from '../api';

export interface NavEntry {
  path: string;
  zh: string;
  en: string;
  icon: ReactNode;
  perm?: Permission;
  /** breadcrumb parent */
  parent?: string;
  /** menu section heading (entries keep their order within a section) */
  section?: NavSection;
}

export type NavSection = 'base' | 'reform' | 'assist' | 'system';
export const NAV_SECTIONS: Record<NavSection, { zh: string; en: string }> = {
  base: { zh: '会员与组织', en: 'Members & organisations' },
  reform: { zh: '产改工作', en: 'Workforce reform' },
  assist: { zh: '帮扶服务', en: 'Assistance' },
  system: { zh: '系统', en: 'System' },
};

/** Only entries whose page works for the permission are shown. */
export const NAV: NavEntry[] = [
  { path: '/', zh: '工作台', en: 'Overview', icon: <DashboardOutlined />, perm: 'org.read' },
  { path: '/members', zh: '会员花名册', en: 'Members', icon: <TeamOutlined />, perm: 'member.read', section: 'base' },
  { path: '/members/new', zh: '登记会员', en: 'Register member', icon: <UserAddOutlined />, perm: 'member.write', parent: '/members', section: 'base' },
  { path: '/transfers', zh: '会籍接转', en: 'Transfers', icon: <SwapOutlined />, perm: 'member.transfer', section: 'base' },
  { path: '/imports', zh: '导入导出', en: 'Import / export', icon: <CloudUploadOutlined />, perm: 'member.import', section: 'base' },
  { path: '/orgs', zh: '组织', en: 'Organisations', icon: <ApartmentOutlined />, perm: 'org.read', section: 'base' },
  { path: '/enterprises', zh: '企业', en: 'Enterprises', icon: <BankOutlined />, perm: 'enterprise.read', section: 'base' },
  { path: '/workflow/queue', zh: '审批中心', en: 'Reviews', icon: <FileDoneOutlined />, perm: 'assist.read', section: 'assist' },
  { path: '/hardship', zh: '困难职工档案', en: 'Hardship files', icon: <SolutionOutlined />, perm: 'assist.read', section: 'assist' },
  { path: '/hardship/new', zh: '建档', en: 'New file', icon: <SolutionOutlined />, perm: 'assist.review', parent: '/hardship', section: 'assist' },
  { path: '/hardship/review-due', zh: '待复核档案', en: 'Due for review', icon: <SolutionOutlined />, perm: 'assist.read', parent: '/hardship', section: 'assist' },
  { path: '/hardship/thresholds', zh: '困难认定标准', en: 'Hardship thresholds', icon: <SolutionOutlined />, perm: 'assist.read', parent: '/hardship', section: 'assist' },
  { path: '/aid/applications', zh: '救助申请', en: 'Aid applications', icon: <HeartOutlined />, perm: 'assist.read', section: 'assist' },
  { path: '/aid/apply', zh: '代为申请', en: 'Apply for a member', icon: <HeartOutlined />, perm: 'assist.review', parent: '/aid/applications', section: 'assist' },
  { path: '/aid/payments', zh: '发放批次', en: 'Payment batches', icon: <WalletOutlined />, perm: 'assist.read', section: 'assist' },
  { path: '/aid/campaigns', zh: '四季送', en: 'Seasonal campaigns', icon: <GiftOutlined />, perm: 'assist.read', section: 'assist' },
  { path: '/aid/figures', zh: '帮扶统计', en: 'Assistance figures', icon: <BarChartOutlined />, perm: 'assist.read', section: 'assist' },
  { path: '/aid/rules', zh: '救助标准', en: 'Aid amounts', icon: <SettingOutlined />, perm: 'assist.manage', section: 'assist' },
  { path: '/mutual-aid', zh: '互助保障', en: 'Mutual aid', icon: <MedicineBoxOutlined />, perm: 'assist.read', section: 'assist' },
  { path: '/reform', zh: '产改总览', en: 'Reform overview', icon: <FundOutlined />, perm: 'reform.read', section: 'reform' },
  { path: '/reform/tasks', zh: '任务台账', en: 'Reform tasks', icon: <ScheduleOutlined />, perm: 'reform.read', section: 'reform' },
  { path: '/reform/plans', zh: '年度工作计划', en: 'Yearly plans', icon: <ProjectOutlined />, perm: 'reform.manage', section: 'reform' },
  { path: '/reform/groups', zh: '领导小组与专班', en: 'Reform groups', icon: <ClusterOutlined />, perm: 'reform.read', section: 'reform' },
  { path: '/reform/documents', zh: '政策文件', en: 'Policy documents', icon: <FileTextOutlined />, perm: 'reform.read', section: 'reform' },
  { path: '/reform/meetings', zh: '产改会议', en: 'Meetings', icon: <CommentOutlined />, perm: 'reform.read', section: 'reform' },
  { path: '/reform/budget', zh: '产改经费', en: 'Reform budget', icon: <AccountBookOutlined />, perm: 'reform.manage', section: 'reform' },
  { path: '/activities', zh: '活动台账', en: 'Activities', icon: <FlagOutlined />, perm: 'reform.read', section: 'reform' },
  { path: '/audit', zh: '审计日志', en: 'Audit log', icon: <AuditOutlined />, perm: 'audit.read', section: 'system' },
  { path: '/users', zh: '用户与角色', en: 'Users & roles', icon: <UserSwitchOutlined />, perm: 'user.manage', section: 'system' },
];

export { ROLE_NAMES } from '../../shared/roles';
