import { Suspense } from 'react';
import { Link, NavLink, Outlet } from 'react-router';
import { Button, Result } from 'antd';
import { FileDoneOutlined, FormOutlined, HomeOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { Loading } from '../../components/states';

// The portal's own few rules: one column, big touch targets, a bottom tab bar that stays
// clear of the phone's home indicator. No side menu, no charts: it loads fast on a phone.
const CSS = `
.m-shell, .m-shell *, .m-shell *::before, .m-shell *::after { box-sizing: border-box; }
.m-shell { min-height: 100vh; background: #f5f5f5; display: flex; flex-direction: column; }
.m-top { position: sticky; top: 0; z-index: 10; background: #c8102e; color: #fff; padding: 12px 16px; display: flex; align-items: center; justify-content: space-between; }
.m-top h1 { font-size: 17px; margin: 0; color: #fff; font-weight: 600; }
.m-main { flex: 1; width: 100%; max-width: 720px; margin: 0 auto; padding: 12px 12px calc(88px + env(safe-area-inset-bottom)); }
.m-tabs { position: fixed; left: 0; right: 0; bottom: 0; z-index: 10; background: #fff; border-top: 1px solid #eee; display: flex; justify-content: center; padding-bottom: env(safe-area-inset-bottom); }
.m-tabs ul { display: flex; width: 100%; max-width: 720px; margin: 0; padding: 0; list-style: none; }
.m-tabs li { flex: 1; }
.m-tabs a { display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 2px; min-height: 60px; color: #666; font-size: 13px; }
.m-tabs a .anticon { font-size: 22px; }
.m-tabs a.active { color: #c8102e; font-weight: 600; }
.m-card { background: #fff; border-radius: 12px; padding: 16px; margin-bottom: 12px; }
.m-card h2 { font-size: 16px; margin: 0 0 12px; }
.m-row { display: flex; justify-content: space-between; gap: 12px; padding: 6px 0; }
.m-row > :first-child { color: #888; flex: none; }
.m-row > :last-child { text-align: right; }
.m-tile { display: flex; align-items: center; gap: 12px; min-height: 64px; padding: 12px 16px; background: #fff; border-radius: 12px; margin-bottom: 10px; color: inherit; border: 1px solid transparent; }
.m-tile:hover, .m-tile:focus-visible { border-color: #c8102e; }
.m-tile .m-tile-body { flex: 1; min-width: 0; }
.m-tile .m-tile-title { font-size: 16px; font-weight: 600; color: rgba(0,0,0,.88); }
.m-tile .m-tile-sub { font-size: 13px; color: #888; }
.m-tile[aria-disabled="true"] { opacity: .55; pointer-events: none; }
.m-big { font-size: 26px; font-weight: 700; color: #c8102e; }
.m-main .ant-btn-lg { min-height: 48px; }
@media (min-width: 900px) { .m-main { padding-top: 24px; } .m-top { padding: 14px calc(50vw - 360px); } }
`;

const TABS = [
  { to: '/m', end: true, zh: '首页', en: 'Home', icon: <HomeOutlined /> },
  { to: '/m/apply', end: false, zh: '办事', en: 'Apply', icon: <FormOutlined /> },
  { to: '/m/applications', end: false, zh: '进度', en: 'Progress', icon: <FileDoneOutlined /> },
  { to: '/m/me', end: false, zh: '我的', en: 'Me', icon: <UserOutlined /> },
];

/** The worker's phone portal: a member's own membership, applications and their progress. */
export default function PortalLayout() {
  const { tr } = useLocale();
  const { user } = useAuth();
  if (user && user.role !== 'member') {
    return (
      <Result status="info" title={tr('职工服务页面供会员本人使用', 'These pages are for members')}
        subTitle={tr('工作人员请在管理后台办理申请和审批。', 'Staff handle applications in the console.')}
        extra={<Link to="/"><Button type="primary">{tr('进入管理后台', 'Open the console')}</Button></Link>} />
    );
  }
  return (
    <div className="m-shell">
      <style>{CSS}</style>
      <header className="m-top">
        <h1>{tr('职工之家 · 密云区总工会', 'Workers’ Home · Miyun')}</h1>
        <span style={{ fontSize: 13, opacity: 0.9 }}>{user?.displayName ?? user?.username}</span>
      </header>
      <main className="m-main">
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className="m-tabs" aria-label={tr('主导航', 'Main navigation')}>
        <ul>
          {TABS.map((t) => (
            <li key={t.to}>
              <NavLink to={t.to} end={t.end} className={({ isActive }) => (isActive ? 'active' : undefined)}>
                {t.icon}
                <span>{tr(t.zh, t.en)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
