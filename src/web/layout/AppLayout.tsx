import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { Breadcrumb, Button, Dropdown, Layout, Menu, Tag, Typography, type MenuProps } from 'antd';
import { ApartmentOutlined, HomeOutlined, IdcardOutlined, KeyOutlined, LogoutOutlined, MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, UserOutlined } from '@ant-design/icons';
import { useAuth } from '../auth';
import { useLocale } from '../i18n';
import { LangSwitch } from '../components/LangSwitch';
import { NotificationBell } from './NotificationBell';
import { Loading } from '../components/states';
import { clearOrgTreeCache, useMediaNarrow } from '../components/hooks';
import { NAV, NAV_SECTIONS, ROLE_NAMES, type NavEntry, type NavSection } from './nav';

const { Header, Sider, Content } = Layout;
const MobileNav = lazy(() => import('./MobileNav'));

function Brand({ collapsed }: { collapsed?: boolean }) {
  const { tr } = useLocale();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '0 16px', height: 56, color: '#fff', textDecoration: 'none', overflow: 'hidden', whiteSpace: 'nowrap' }}>
      <span aria-hidden style={{ flex: 'none', width: 32, height: 32, borderRadius: 8, background: '#c8102e', textAlign: 'center', lineHeight: '32px', fontWeight: 600 }}>工</span>
      {!collapsed && <span style={{ fontWeight: 600 }}>{tr('区总工会工作平台', 'Union Platform')}</span>}
    </Link>
  );
}

export default function AppLayout() {
  const { tr, en } = useLocale();
  const { user, can, logout } = useAuth();
  const loc = useLocation();
  const navigate = useNavigate();
  const narrow = useMediaNarrow(767);
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);

  // Accounts without organisation access start on their own page (a member: their record).
  const nav = useMemo<NavEntry[]>(() => (can('org.read') ? NAV : [
    user?.role === 'member' ? { path: '/', zh: '我的会籍', en: 'My membership', icon: <IdcardOutlined /> } : { path: '/', zh: '首页', en: 'Home', icon: <HomeOutlined /> },
    ...NAV.filter((e) => e.path !== '/'),
  ]), [can, user?.role]);
  const entries = nav.filter((e) => !e.perm || can(e.perm));
  // The menu entry that owns this URL: the longest matching path.
  const active = useMemo(() => {
    const hits = nav.filter((e) => e.path === loc.pathname || (e.path !== '/' && loc.pathname.startsWith(e.path + '/')));
    return hits.sort((a, b) => b.path.length - a.path.length)[0];
  }, [loc.pathname, nav]);

  // Section headings keep the long menu readable; every entry stays visible (no collapsing).
  const item = (e: NavEntry) => ({ key: e.path, icon: e.icon, label: <Link to={e.path} onClick={() => setDrawer(false)}>{en ? e.en : e.zh}</Link> });
  const menuItems: MenuProps['items'] = [
    ...entries.filter((e) => !e.section).map(item),
    ...(Object.keys(NAV_SECTIONS) as NavSection[]).flatMap((sec): NonNullable<MenuProps['items']> => {
      const inSection = entries.filter((e) => e.section === sec);
      if (!inSection.length || collapsed) return inSection.map(item);
      return [{ type: 'group' as const, key: `section-${sec}`, label: en ? NAV_SECTIONS[sec].en : NAV_SECTIONS[sec].zh, children: inSection.map(item) }];
    }),
  ];

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      aria-label={tr('主菜单', 'Main menu')}
      selectedKeys={active ? [active.path] : []}
      items={menuItems}
    />
  );

  const crumbs = [];
  if (active) {
    const parent = active.parent ? nav.find((e) => e.path === active.parent) : undefined;
    if (active.path !== '/') crumbs.push({ title: <Link to="/">{tr('首页', 'Home')}</Link> });
    if (parent) crumbs.push({ title: <Link to={parent.path}>{en ? parent.en : parent.zh}</Link> });
    crumbs.push({ title: en ? active.en : active.zh });
  } else crumbs.push({ title: <Link to="/">{tr('首页', 'Home')}</Link> });

  const role = user ? ROLE_NAMES[user.role] : undefined;
  const scope = user?.orgName ?? (user && (user.role === 'district_admin' || user.role === 'auditor') ? tr('全区', 'Whole district') : null);

  const signOut = async () => {
    clearOrgTreeCache();
    await logout();
    navigate('/login', { replace: true });
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!narrow && (
        <Sider collapsible collapsed={collapsed} trigger={null} width={208} collapsedWidth={64}>
          <div style={{ position: 'sticky', top: 0, maxHeight: '100vh', overflowY: 'auto' }}>
            <Brand collapsed={collapsed} />
            <nav>{menu}</nav>
          </div>
        </Sider>
      )}
      {narrow && (
        <Suspense fallback={null}>
          <MobileNav open={drawer} onClose={() => setDrawer(false)} label={tr('主菜单', 'Main menu')}>
            <Brand />
            <nav>{menu}</nav>
          </MobileNav>
        </Suspense>
      )}
      <Layout>
        <Header style={{ background: '#fff', padding: narrow ? '0 8px' : '0 16px', display: 'flex', alignItems: 'center', gap: 8, height: 56, lineHeight: '56px', borderBottom: '1px solid #f0f0f0', position: 'sticky', top: 0, zIndex: 10 }}>
          <Button
            type="text"
            aria-label={narrow ? tr('打开菜单', 'Open menu') : collapsed ? tr('展开菜单', 'Expand menu') : tr('收起菜单', 'Collapse menu')}
            icon={narrow ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (narrow ? setDrawer(true) : setCollapsed((c) => !c))}
          />
          <div style={{ flex: 1, minWidth: 0, display: 'flex', alignItems: 'center', gap: 8, overflow: 'hidden' }}>
            {scope && (
              <Tag icon={<ApartmentOutlined aria-hidden />} color="red" style={{ margin: 0, maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis' }} title={tr('管理范围', 'Scope')} data-testid="scope">
                {scope}
              </Tag>
            )}
          </div>
          <NotificationBell />
          <LangSwitch />
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'info', disabled: true, label: <div style={{ lineHeight: 1.5 }}><div>{user?.displayName ?? user?.username}</div><Typography.Text type="secondary" style={{ fontSize: 12 }}>{user?.username} · {role ? (en ? role.en : role.zh) : ''}</Typography.Text></div> },
                { type: 'divider' },
                { key: 'password', icon: <KeyOutlined />, label: tr('修改密码', 'Change password'), onClick: () => navigate('/change-password') },
                { key: 'logout', icon: <LogoutOutlined />, label: tr('退出登录', 'Sign out'), onClick: signOut },
              ],
            }}
          >
            <Button type="text" icon={<UserOutlined />} aria-label={tr('账号菜单', 'Account menu')} data-testid="account-menu">
              {!narrow && <span style={{ maxWidth: 160, overflow: 'hidden', textOverflow: 'ellipsis', display: 'inline-block', verticalAlign: 'bottom' }}>{user?.displayName ?? user?.username}</span>}
            </Button>
          </Dropdown>
        </Header>
        <Content style={{ padding: narrow ? 12 : 24, minWidth: 0 }}>
          <Breadcrumb items={crumbs} style={{ marginBottom: 12 }} />
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
