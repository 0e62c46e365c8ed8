import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Button, Card, Checkbox, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { API, api, queryString, type MemberRow, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { STATUS_COLORS } from '../../components/codes';
import { ListSearch } from '../../components/ListSearch';

const MemberDrawer = lazy(() => import('./MemberDrawer'));

const STATUSES = [
  { value: 'current', zh: '在册（在会、转出中、保留）', en: 'Current (active, transferring, retained)' },
  { value: 'active', zh: '在会', en: 'Active' },
  { value: 'transferring', zh: '转出中', en: 'Transferring' },
  { value: 'retained', zh: '保留会籍', en: 'Retained' },
  { value: 'left', zh: '退会', en: 'Left' },
];

export default function MemberListPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const q = params.get('q') ?? '';
  const orgId = params.get('orgId') ? Number(params.get('orgId')) : undefined;
  const status = params.get('status') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const pageSize = Math.min(200, Number(params.get('pageSize') ?? 20) || 20);
  const isIndustrial = params.get('isIndustrial') === 'true' ? 'true' : undefined;
  const isMigrant = params.get('isMigrant') === 'true' ? 'true' : undefined;
  const enterpriseId = Number(params.get('enterpriseId')) > 0 ? Number(params.get('enterpriseId')) : undefined;
  const detailId = params.get('member') ? Number(params.get('member')) : undefined;

  const filter = { q: q || undefined, orgId, status, isIndustrial, isMigrant, enterpriseId };
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<MemberRow>>('/members', { ...filter, page, pageSize }, signal),
    [q, orgId, status, isIndustrial, isMigrant, enterpriseId, page, pageSize],
  );
  // The enterprise's name for the filter tag (the enterprises page links here with ?enterpriseId=).
  const canEnterprise = can('enterprise.read');
  const enterprise = useAsync(
    (signal) => (enterpriseId && canEnterprise ? api.get<{ name: string }>(`/enterprises/${enterpriseId}`, undefined, signal).catch(() => null) : Promise.resolve(null)),
    [enterpriseId, canEnterprise],
  );


  const open = (id: number | undefined) => update({ member: id }, false);

  const columns: ColumnsType<MemberRow> = [
    {
      title: tr('姓名', 'Name'), dataIndex: 'name', fixed: narrow ? undefined : 'left', width: 110,
      render: (name: string, r) => <a href={`?member=${r.id}`} onClick={(e) => { e.preventDefault(); open(r.id); }}>{name}</a>,
    },
    { title: tr('性别', 'Gender'), dataIndex: 'gender', width: 64, responsive: ['md'], render: (g: string) => (g === 'M' ? tr('男', 'M') : tr('女', 'F')) },
    { title: tr('身份证号码', 'ID number'), dataIndex: 'idNumberMasked', width: 180, render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: tr('手机号码', 'Mobile'), dataIndex: 'phoneMasked', width: 130, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: tr('所属工会', 'Union'), dataIndex: 'orgName', ellipsis: true, responsive: ['md'] },
    { title: tr('工作单位', 'Employer'), dataIndex: 'employerName', ellipsis: true, responsive: ['xl'], render: (v: string | null) => v ?? '—' },
    {
      title: tr('会籍状态', 'Status'), dataIndex: 'status', width: 96,
      render: (s: string, r) => <Tag color={STATUS_COLORS[s]}>{en ? STATUSES.find((x) => x.value === s)?.en ?? r.statusName : r.statusName}</Tag>,
    },
    { title: tr('入会时间', 'Joined'), dataIndex: 'joinedOn', width: 110, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
  ];

  const exportHref = `${API}/members/export.xlsx${queryString(filter)}`;
  const filtered = !!(q || orgId || status || isIndustrial || isMigrant || enterpriseId);

  return (
    <Card
      title={<span>{tr('会员花名册', 'Member roster')}</span>}
      extra={
        <Flex gap={8} wrap>
          {can('member.export') && (
            <Button icon={<DownloadOutlined />} href={exportHref} download aria-label={tr('导出当前筛选结果', 'Export the filtered roster')} data-testid="export-link">
              {!narrow && tr('导出', 'Export')}
            </Button>
          )}
          {can('member.write') && (
            <Link to="/members/new">
              <Button type="primary" icon={<UserAddOutlined />}>{narrow ? tr('登记', 'New') : tr('登记会员', 'Register member')}</Button>
            </Link>
          )}
        </Flex>
      }
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      <form
        role="search"
        onSubmit={(e) => e.preventDefault()}
      >
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ListSearch
            value={q}
            onSearch={(v) => update({ q: v })}
            label={tr('搜索会员：姓名、身份证号码或手机号码', 'Search: name, ID number or mobile')}
            placeholder={tr('姓名 / 身份证号码 / 手机号码', 'Name / ID number / mobile')}
            style={{ flex: '1 1 280px', maxWidth: narrow ? undefined : 380 }}
          />
          <div style={{ flex: '1 1 240px', maxWidth: narrow ? undefined : 320 }}>
            <OrgTreeSelect value={orgId} onChange={(v) => update({ orgId: v })} ariaLabel={tr('按组织筛选', 'Filter by organisation')} placeholder={tr('全部组织', 'All organisations')} />
          </div>
          <Select
            aria-label={tr('按会籍状态筛选', 'Filter by status')}
            placeholder={tr('会籍状态', 'Status')}
            allowClear
            value={status}
            onChange={(v) => update({ status: v })}
            options={STATUSES.map((s) => ({ value: s.value, label: en ? s.en : s.zh }))}
            style={{ flex: '0 1 200px', minWidth: 140 }}
            popupMatchSelectWidth={false}
          />
          <Flex gap={4} align="center" wrap role="group" aria-label={tr('按标识筛选', 'Filter by flag')}>
            <Checkbox checked={!!isIndustrial} onChange={(e) => update({ isIndustrial: e.target.checked ? 'true' : undefined })} data-testid="filter-industrial">{tr('产业工人', 'Industrial workers')}</Checkbox>
            <Checkbox checked={!!isMigrant} onChange={(e) => update({ isMigrant: e.target.checked ? 'true' : undefined })} data-testid="filter-migrant">{tr('农民工', 'Migrant workers')}</Checkbox>
          </Flex>
        </Flex>
        {enterpriseId && (
          <Flex gap={4} style={{ marginTop: -8, marginBottom: 12 }}>
            <Tag closable onClose={() => update({ enterpriseId: undefined })} data-testid="filter-enterprise">
              {tr('工作单位：', 'Employer: ')}{enterprise.data?.name ?? `#${enterpriseId}`}
            </Tag>
          </Flex>
        )}
      </form>
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <Table<MemberRow>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          columns={columns}
          dataSource={data?.items}
          loading={loading}
          scroll={{ x: narrow ? undefined : 900 }}
          locale={{
            emptyText: loading ? ' ' : (
              <EmptyState description={filtered ? tr('没有找到符合条件的会员', 'No member matches') : tr('还没有会员记录', 'No members yet')}>
                {filtered && <Button onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
              </EmptyState>
            ),
          }}
          onRow={() => ({ 'data-testid': 'member-row' }) as any}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: !narrow,
            pageSizeOptions: [20, 50, 100, 200],
            simple: narrow,
            showTotal: narrow ? undefined : (t) => tr(`共 ${t} 名会员`, `${t} members`),
            onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }, false),
          }}
        />
      )}
      {data && !loading && <Typography.Text type="secondary" data-testid="member-total" style={{ display: 'none' }}>{data.total}</Typography.Text>}
      {detailId && (
        <Suspense fallback={null}>
          <MemberDrawer id={detailId} onClose={() => open(undefined)} onChanged={reload} />
        </Suspense>
      )}
    </Card>
  );
}
