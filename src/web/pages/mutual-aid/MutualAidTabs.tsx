import { useLocation, useNavigate } from 'react-router';
import { Segmented } from 'antd';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';

/** The module's four views, one menu entry: 报销申请 · 统计 · 参保名单 · 保障计划. */
export function MutualAidTabs() {
  const { tr } = useLocale();
  const { can } = useAuth();
  const loc = useLocation();
  const navigate = useNavigate();
  const tabs = [
    { path: '/mutual-aid', zh: '报销申请', en: 'Claims' },
    { path: '/mutual-aid/figures', zh: '统计', en: 'Figures' },
    { path: '/mutual-aid/enrolments', zh: '参保名单', en: 'Enrolment' },
    { path: '/mutual-aid/plans', zh: '保障计划', en: 'Plans' },
  ].filter(() => can('assist.read'));
  const active = [...tabs].reverse().find((t) => loc.pathname === t.path || loc.pathname.startsWith(t.path + '/'))?.path ?? '/mutual-aid';
  return (
    <nav aria-label={tr('互助保障', 'Mutual aid')} style={{ marginBottom: 12, overflowX: 'auto' }}>
      <Segmented
        value={active}
        onChange={(v) => navigate(String(v))}
        options={tabs.map((t) => ({ value: t.path, label: tr(t.zh, t.en) }))}
      />
    </nav>
  );
}
