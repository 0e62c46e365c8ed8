import { useSearchParams } from 'react-router';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { api, type AuditEntry, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';

export const ACTION_NAMES: Record<string, { zh: string; en: string }> = {
  'auth.login': { zh: '登录', en: 'Sign-in' },
  'auth.logout': { zh: '退出登录', en: 'Sign-out' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed sign-in' },
  'auth.lock': { zh: '账号锁定', en: 'Account locked' },
  'auth.password_change': { zh: '修改密码', en: 'Password change' },
  'user.create': { zh: '新建用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User updated' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'org.create': { zh: '新建组织', en: 'Organisation created' },
  'org.update': { zh: '修改组织', en: 'Organisation updated' },
  'org.move': { zh: '移动组织', en: 'Organisation moved' },
  'org.close': { zh: '撤销组织', en: 'Organisation closed' },
  'enterprise.create': { zh: '登记企业', en: 'Enterprise created' },
  'enterprise.update': { zh: '修改企业', en: 'Enterprise updated' },
  'member.create': { zh: '登记会员', en: 'Member registered' },
  'member.update': { zh: '修改会员', en: 'Member updated' },
  'member.unmask': { zh: '查看完整证件号', en: 'Full ID viewed' },
  'member.export': { zh: '导出花名册', en: 'Roster exported' },
  'member.import': { zh: '导入花名册', en: 'Roster imported' },
  'member.import_failed': { zh: '导入失败', en: 'Import failed' },
  'member.transfer_request': { zh: '会籍转出', en: 'Transfer requested' },
  'member.transfer_accept': { zh: '接收转入', en: 'Transfer accepted' },
  'member.transfer_reject': { zh: '拒绝转入', en: 'Transfer rejected' },
  'member.transfer_cancel': { zh: '撤回转出', en: 'Transfer cancelled' },
  'member.retain': { zh: '保留会籍', en: 'Membership retained' },
  'member.restore': { zh: '恢复会籍', en: 'Membership restored' },
  'member.leave': { zh: '退会', en: 'Left' },
  'demo.seed': { zh: '载入演示数据', en: 'Demo data loaded' },
};

const ENTITY_NAMES: Record<string, { zh: string; en: string }> = {
  user: { zh: '用户', en: 'User' },
  org: { zh: '组织', en: 'Organisation' },
  person: { zh: '会员', en: 'Member' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  import: { zh: '导入', en: 'Import' },
  transfer: { zh: '会籍接转', en: 'Transfer' },
};

function Json({ value }: { value: unknown }) {
  if (value === null || value === undefined) return null;
  return <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: 240, overflow: 'auto' }}>{JSON.stringify(value, null, 2)}</pre>;
}

export default function AuditPage() {
  const { tr, en } = useLocale();
  const narrow = useMediaNarrow();
  const [params, setParams] = useSearchParams();
  const get = (k: string) => params.get(k) ?? undefined;
  const page = Number(get('page') ?? 1) || 1;
  const pageSize = Number(get('pageSize') ?? 20) || 20;
  const q = { action: get('action'), entity: get('entity'), entityId: get('entityId'), username: get('username'), from: get('from'), to: get('to') };
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<AuditEntry>>('/audit', { ...q, page, pageSize }, signal),
    [params.toString()],
  );
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in patch)) next.delete('page');
    setParams(next);
  };
  const name = (m: Record<string, { zh: string; en: string }>, k: string) => (m[k] ? (en ? m[k].en : m[k].zh) : k);

  const columns: ColumnsType<AuditEntry> = [
    { title: tr('时间', 'Time'), dataIndex: 'at', width: 170, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm:ss') },
    { title: tr('用户', 'User'), dataIndex: 'username', width: 120, render: (v: string | null) => v ?? '—' },
    { title: tr('操作', 'Action'), dataIndex: 'action', width: 150, render: (v: string) => <span title={v}>{name(ACTION_NAMES, v)}</span> },
    { title: tr('对象', 'Record'), dataIndex: 'entity', responsive: ['md'], render: (v: string, r) => `${name(ENTITY_NAMES, v)}${r.entityId ? ' #' + r.entityId : ''}` },
    { title: 'IP', dataIndex: 'ip', width: 130, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Card title={tr('审计日志', 'Audit log')} extra={<Typography.Text type="secondary">{tr('只增不改', 'Append-only')}</Typography.Text>} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }} role="search">
        <Select
          aria-label={tr('操作类型', 'Action')}
          placeholder={tr('操作类型', 'Action')}
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          value={q.action}
          onChange={(v) => update({ action: v })}
          options={Object.entries(ACTION_NAMES).map(([k, v]) => ({ value: k, label: en ? v.en : v.zh }))}
          style={{ flex: '1 1 180px', maxWidth: narrow ? undefined : 240 }}
          popupMatchSelectWidth={false}
        />
        <Input.Search aria-label={tr('用户名', 'Username')} placeholder={tr('用户名', 'Username')} allowClear defaultValue={q.username} onSearch={(v) => update({ username: v.trim() || undefined })} style={{ flex: '1 1 160px', maxWidth: narrow ? undefined : 220 }} />
        <DatePicker.RangePicker
          aria-label={tr('日期范围', 'Date range')}
          value={q.from && q.to ? [dayjs(q.from), dayjs(q.to)] : null}
          onChange={(r) => update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })}
          style={{ flex: '1 1 240px', maxWidth: narrow ? undefined : 300 }}
        />
        {[...params.keys()].length > 0 && <Button onClick={() => setParams(new URLSearchParams())}>{tr('清除筛选', 'Clear')}</Button>}
      </Flex>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<AuditEntry>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          expandable={{
            rowExpandable: (r) => !!(r.before || r.after || r.detail),
            expandedRowRender: (r) => (
              <Flex gap={16} wrap>
                {r.before != null && <div style={{ flex: '1 1 240px' }}><Typography.Text strong>{tr('修改前', 'Before')}</Typography.Text><Json value={r.before} /></div>}
                {r.after != null && <div style={{ flex: '1 1 240px' }}><Typography.Text strong>{tr('修改后', 'After')}</Typography.Text><Json value={r.after} /></div>}
                {r.detail != null && <div style={{ flex: '1 1 240px' }}><Typography.Text strong>{tr('详情', 'Detail')}</Typography.Text><Json value={r.detail} /></div>}
              </Flex>
            ),
          }}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={tr('没有符合条件的记录', 'No entries match')} /> }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            simple: narrow,
            showSizeChanger: !narrow,
            showTotal: narrow ? undefined : (t) => tr(`共 ${t} 条`, `${t} entries`),
            onChange: (p, s) => update({ page: p === 1 ? undefined : String(p), pageSize: s === 20 ? undefined : String(s) }),
          }}
        />
      )}
    </Card>
  );
}
