import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import enUS from 'antd/locale/en_US';
import { AuthProvider, useAuth } from './auth';
import { LocaleProvider, useLocale } from './i18n';
import { Forbidden, Loading } from './components/states';
import type { Permission } from './api';

const AppLayout = lazy(() => import('./layout/AppLayout'));
const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const ChangePasswordPage = lazy(() => import('./pages/login/ChangePasswordPage'));
const OverviewPage = lazy(() => import('./pages/overview/OverviewPage'));
const MemberListPage = lazy(() => import('./pages/members/MemberListPage'));
const MemberCreatePage = lazy(() => import('./pages/members/MemberCreatePage'));
const MemberEditPage = lazy(() => import('./pages/members/MemberEditPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const ImportPage = lazy(() => import('./pages/imports/ImportPage'));
const TransfersPage = lazy(() => import('./pages/transfers/TransfersPage'));
const OrgPage = lazy(() => import('./pages/orgs/OrgPage'));
const EnterpriseListPage = lazy(() => import('./pages/enterprises/EnterpriseListPage'));
const EnterpriseProfilePage = lazy(() => import('./pages/enterprises/EnterpriseProfilePage'));
const EnterpriseFormPage = lazy(() => import('./pages/enterprises/EnterpriseFormPage'));
const AuditPage = lazy(() => import('./pages/audit/AuditPage'));
const ReformGroupsPage = lazy(() => import('./pages/reform-work/GroupsPage'));
const ReformDocumentsPage = lazy(() => import('./pages/reform-work/DocumentsPage'));
const ReformMeetingsPage = lazy(() => import('./pages/reform-work/MeetingsPage'));
const ReformBudgetPage = lazy(() => import('./pages/reform-work/BudgetPage'));
const ActivitiesPage = lazy(() => import('./pages/reform-work/ActivitiesPage'));
const ReformOverviewPage = lazy(() => import('./pages/reform/ReformOverviewPage'));
const ReformTaskBoardPage = lazy(() => import('./pages/reform/TaskBoardPage'));
const ReformTaskDetailPage = lazy(() => import('./pages/reform/TaskDetailPage'));
const ReformPlansPage = lazy(() => import('./pages/reform/PlansPage'));
const ReformPlanPage = lazy(() => import('./pages/reform/PlanPage'));
const HomePage = lazy(() => import('./pages/misc/HomePage'));
const ReviewQueuePage = lazy(() => import('./pages/workflow/QueuePage'));
const ApplicationPage = lazy(() => import('./pages/workflow/ApplicationPage'));
const NotFoundPage = lazy(() => import('./pages/misc/NotFoundPage'));
const AidApplicationsPage = lazy(() => import('./pages/aid/AidApplicationsPage'));
const HardshipListPage = lazy(() => import('./pages/hardship/HardshipListPage'));
const HardshipDetailPage = lazy(() => import('./pages/hardship/HardshipDetailPage'));
const HardshipFormPage = lazy(() => import('./pages/hardship/HardshipFormPage'));
const HardshipThresholdsPage = lazy(() => import('./pages/hardship/ThresholdsPage'));
const HardshipReviewDuePage = lazy(() => import('./pages/hardship/ReviewDuePage'));
const AidApplicationPage = lazy(() => import('./pages/aid/AidApplicationPage'));
const AidApplyPage = lazy(() => import('./pages/aid/AidApplyPage'));
const AidPaymentsPage = lazy(() => import('./pages/aid/PaymentsPage'));
const AidPaymentBatchPage = lazy(() => import('./pages/aid/PaymentBatchPage'));
const AidCampaignsPage = lazy(() => import('./pages/aid/CampaignsPage'));
const AidCampaignPage = lazy(() => import('./pages/aid/CampaignPage'));
const AidFiguresPage = lazy(() => import('./pages/aid/AidFiguresPage'));
const AidRulesPage = lazy(() => import('./pages/aid/AidRulesPage'));
const MutualAidClaimsPage = lazy(() => import('./pages/mutual-aid/ClaimListPage'));
const MutualAidClaimPage = lazy(() => import('./pages/mutual-aid/ClaimDetailPage'));
const MutualAidClaimNewPage = lazy(() => import('./pages/mutual-aid/ClaimNewPage'));
const MutualAidFiguresPage = lazy(() => import('./pages/mutual-aid/FiguresPage'));
const MutualAidEnrolmentPage = lazy(() => import('./pages/mutual-aid/EnrolmentPage'));
const MutualAidPlanPage = lazy(() => import('./pages/mutual-aid/PlanPage'));
const PortalLayout = lazy(() => import('./pages/portal/PortalLayout'));
const PortalHome = lazy(() => import('./pages/portal/PortalHome'));
const PortalApply = lazy(() => import('./pages/portal/PortalApply'));
const PortalAidPage = lazy(() => import('./pages/portal/PortalAidPage'));
const PortalClaimPage = lazy(() => import('./pages/portal/PortalClaimPage'));
const PortalApplications = lazy(() => import('./pages/portal/PortalApplications'));
const PortalApplicationDetail = lazy(() => import('./pages/portal/PortalApplicationDetail'));
const PortalMe = lazy(() => import('./pages/portal/PortalMe'));

function RequireSession({ children }: { children: ReactNode }) {
  const { session, signedOut } = useAuth();
  const loc = useLocation();
  if (session === undefined) return <Loading />;
  if (!session) return <Navigate to={signedOut || loc.pathname === '/' ? '/login' : `/login?next=${encodeURIComponent(loc.pathname + loc.search)}`} replace />;
  if (session.mustChangePassword) return <Navigate to="/change-password" replace />;
  return <>{children}</>;
}

function Need({ perm, children }: { perm: Permission; children: ReactNode }) {
  const { can } = useAuth();
  return can(perm) ? <>{children}</> : <Forbidden />;
}

function Home() {
  const { can, user } = useAuth();
  // A member's home is the phone portal, not the console.
  if (user?.role === 'member') return <Navigate to="/m" replace />;
  // Bureau staff work on their reform tasks; the membership figures are not theirs.
  if (user?.role === 'unit_staff' && can('reform.read')) return <Navigate to="/reform" replace />;
  return can('org.read') ? <OverviewPage /> : <HomePage />;
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useLocale();
  return (
    <ConfigProvider
      locale={lang === 'zh-CN' ? zhCN : enUS}
      theme={{ token: { colorPrimary: '#c8102e', borderRadius: 6 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LocaleProvider>
      <Themed>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route path="/change-password" element={<ChangePasswordPage />} />
                <Route path="/m" element={<RequireSession><PortalLayout /></RequireSession>}>
                  <Route index element={<PortalHome />} />
                  <Route path="apply" element={<PortalApply />} />
                  <Route path="apply/aid/:code" element={<PortalAidPage />} />
                  <Route path="apply/claim" element={<PortalClaimPage />} />
                  <Route path="applications" element={<PortalApplications />} />
                  <Route path="applications/:id" element={<PortalApplicationDetail />} />
                  <Route path="me" element={<PortalMe />} />
                </Route>
                <Route element={<RequireSession><AppLayout /></RequireSession>}>
                  <Route index element={<Home />} />
                  <Route path="members" element={<Need perm="member.read"><MemberListPage /></Need>} />
                  <Route path="members/new" element={<Need perm="member.write"><MemberCreatePage /></Need>} />
                  <Route path="members/:id/edit" element={<Need perm="member.write"><MemberEditPage /></Need>} />
                  <Route path="transfers" element={<Need perm="member.transfer"><TransfersPage /></Need>} />
                  <Route path="imports" element={<Need perm="member.import"><ImportPage /></Need>} />
                  <Route path="orgs" element={<Need perm="org.read"><OrgPage /></Need>} />
                  <Route path="enterprises" element={<Need perm="enterprise.read"><EnterpriseListPage /></Need>} />
                  <Route path="enterprises/new" element={<Need perm="enterprise.write"><EnterpriseFormPage /></Need>} />
                  <Route path="enterprises/:id" element={<Need perm="enterprise.read"><EnterpriseProfilePage /></Need>} />
                  <Route path="enterprises/:id/edit" element={<Need perm="enterprise.write"><EnterpriseFormPage /></Need>} />
                  <Route path="reform" element={<Need perm="reform.read"><ReformOverviewPage /></Need>} />
                  <Route path="reform/tasks" element={<Need perm="reform.read"><ReformTaskBoardPage /></Need>} />
                  <Route path="reform/tasks/:id" element={<Need perm="reform.read"><ReformTaskDetailPage /></Need>} />
                  <Route path="reform/plans" element={<Need perm="reform.read"><ReformPlansPage /></Need>} />
                  <Route path="reform/plans/:id" element={<Need perm="reform.read"><ReformPlanPage /></Need>} />
                  <Route path="reform/groups" element={<Need perm="reform.read"><ReformGroupsPage /></Need>} />
                  <Route path="reform/documents" element={<Need perm="reform.read"><ReformDocumentsPage /></Need>} />
                  <Route path="reform/meetings" element={<Need perm="reform.read"><ReformMeetingsPage /></Need>} />
                  <Route path="reform/budget" element={<Need perm="reform.manage"><ReformBudgetPage /></Need>} />
                  <Route path="activities" element={<Need perm="reform.read"><ActivitiesPage /></Need>} />
                  <Route path="audit" element={<Need perm="audit.read"><AuditPage /></Need>} />
                  <Route path="users" element={<Need perm="user.manage"><UsersPage /></Need>} />
                  <Route path="workflow/queue" element={<Need perm="assist.read"><ReviewQueuePage /></Need>} />
                  <Route path="applications/:id" element={<ApplicationPage />} />
                  <Route path="aid/applications" element={<Need perm="assist.read"><AidApplicationsPage /></Need>} />
                  <Route path="hardship" element={<Need perm="assist.read"><HardshipListPage /></Need>} />
                  <Route path="hardship/new" element={<Need perm="assist.review"><HardshipFormPage /></Need>} />
                  <Route path="hardship/review-due" element={<Need perm="assist.read"><HardshipReviewDuePage /></Need>} />
                  <Route path="hardship/thresholds" element={<Need perm="assist.read"><HardshipThresholdsPage /></Need>} />
                  <Route path="hardship/:id" element={<Need perm="assist.read"><HardshipDetailPage /></Need>} />
                  <Route path="hardship/:id/edit" element={<Need perm="assist.review"><HardshipFormPage /></Need>} />
                  <Route path="aid/applications/:id" element={<Need perm="assist.read"><AidApplicationPage /></Need>} />
                  <Route path="aid/apply" element={<Need perm="assist.review"><AidApplyPage /></Need>} />
                  <Route path="aid/payments" element={<Need perm="assist.read"><AidPaymentsPage /></Need>} />
                  <Route path="aid/payments/:id" element={<Need perm="assist.read"><AidPaymentBatchPage /></Need>} />
                  <Route path="aid/campaigns" element={<Need perm="assist.read"><AidCampaignsPage /></Need>} />
                  <Route path="aid/campaigns/:id" element={<Need perm="assist.read"><AidCampaignPage /></Need>} />
                  <Route path="aid/figures" element={<Need perm="assist.read"><AidFiguresPage /></Need>} />
                  <Route path="aid/rules" element={<Need perm="assist.read"><AidRulesPage /></Need>} />
                  <Route path="mutual-aid" element={<Need perm="assist.read"><MutualAidClaimsPage /></Need>} />
                  <Route path="mutual-aid/claims/new" element={<Need perm="assist.review"><MutualAidClaimNewPage /></Need>} />
                  <Route path="mutual-aid/claims/:id" element={<Need perm="assist.read"><MutualAidClaimPage /></Need>} />
                  <Route path="mutual-aid/figures" element={<Need perm="assist.read"><MutualAidFiguresPage /></Need>} />
                  <Route path="mutual-aid/enrolments" element={<Need perm="assist.read"><MutualAidEnrolmentPage /></Need>} />
                  <Route path="mutual-aid/plans" element={<Need perm="assist.read"><MutualAidPlanPage /></Need>} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </Themed>
    </LocaleProvider>
  );
}
