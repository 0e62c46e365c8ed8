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
const HomePage = lazy(() => import('./pages/misc/HomePage'));
const ReviewQueuePage = lazy(() => import('./pages/workflow/QueuePage'));
const ApplicationPage = lazy(() => import('./pages/workflow/ApplicationPage'));
const NotFoundPage = lazy(() => import('./pages/misc/NotFoundPage'));

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
  const { can } = useAuth();
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
                  <Route path="audit" element={<Need perm="audit.read"><AuditPage /></Need>} />
                  <Route path="users" element={<Need perm="user.manage"><UsersPage /></Need>} />
                  <Route path="workflow/queue" element={<Need perm="assist.read"><ReviewQueuePage /></Need>} />
                  <Route path="applications/:id" element={<ApplicationPage />} />
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
