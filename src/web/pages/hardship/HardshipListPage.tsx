import { Link } from 'react-router';
import { Button, Card, Col, Flex, Row, Select, Statistic, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { ListSearch } from '../../components/ListSearch';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { HARDSHIP_CAUSES, HARDSHIP_TIERS, RECORD_STATUSES } from '../../../shared/hardship/codes';
import { formatYuan } from '../../../shared/hardship/tier';
import { label, options, tierColor, type HardshipRow } from './hardshipApi';

interface Figures {
  total: number;
  byTier: { tier: string; count: number }[];
  byCause: { cause: string; count: number }[];
  byOrg: { orgId: number; orgName: string; count: number }[];
}

/** 困难职工档案: figures that open the list, then the filtered, server-paged list. */
export default function HardshipListPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const f = {
    status: params.get('status') ?? 'open', tier: params.get('tier') ?? undefined, cause: params.get('cause') ?? undefined,
    orgId: params.get('orgId') ?? undefined, q: params.get('q') ?? '', page: Number(params.get('page') ?? 1) || 1,
  };
  const list = useAsync((signal) => api.get<Page<HardshipRow>>('/hardship/records', { ...f, pageSize: 20 }, signal), [params.toString()]);
  const figures = useAsync((signal) => api.get<Figures>('/hardship/figures', { status: f.status, orgId: f.orgId }, signal), [f.status, f.orgId]);

  const columns: ColumnsType<HardshipRow> = [
    { title: tr('姓名', 'Name'), dataIndex: 'personName', width: 90, render: (v: string, r) => <Link to={`/hardship/${r.id}`}>{v}</Link> },
    { title: tr('困难类别', 'Tier'), dataIndex: 'tier', width: 110, render: (t: string) => <Tag color={tierColor(t)}>{label(HARDSHIP_TIERS, t, en)}</Tag> },
    { title: tr('致困原因', 'Causes'), dataIndex: 'causes', responsive: ['md'], render: (c: string[]) => c.map((x) => label(HARDSHIP_CAUSES, x, en)).join('、') },
    { title: tr('人均月收入（元）', 'Per capita / month'), dataIndex: 'perCapitaFen', width: 130, align: 'right', responsive: ['sm'], render: (v: number) => formatYuan(v) },
    { title: tr('家庭人口', 'Household'), dataIndex: 'householdSize', width: 80, responsive: ['lg'] },
    { title: tr('健康信息', 'Health'), dataIndex: 'health', width: 80, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    { title: tr('所属工会', 'Union'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('核实', 'Verified'), dataIndex: 'verified', width: 80, render: (v: boolean) => (v ? <Tag color="green">{tr('已核实', 'Yes')}</Tag> : <Tag>{tr('待核实', 'No')}</Tag>) },
    { title: tr('复核', 'Review'), dataIndex: 'reviewDueOn', width: 110, responsive: ['md'], render: (v: string, r) => (r.reviewDue ? <Tag color="red">{tr('待复核', 'Due')}</Tag> : v) },
  ];
  const filtered = [...params.keys()].some((k) => k !== 'page');
  const stat = (title: string, value: number, onClick: () => void, active: boolean) => (
    <Card size="small" hoverable onClick={onClick} style={active ? { borderColor: '#1677ff' } : undefined} role="button" aria-label={`${title} ${value}`}>
      <Statistic title={title} value={value} />
    </Card>
  );

  return (
    <Card
      title={tr('困难职工档案', 'Hardship files')}
      extra={can('assist.review') && <Link to="/hardship/new"><Button type="primary" icon={<PlusOutlined />}>{tr('建档', 'New file')}</Button></Link>}
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      {figures.error ? <ErrorState error={figures.error} onRetry={figures.reload} compact /> : figures.data && (
        <>
          <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
            {figures.data.byTier.map((t) => (
              <Col key={t.tier} xs={12} md={6}>{stat(label(HARDSHIP_TIERS, t.tier, en), t.count, () => update({ tier: f.tier === t.tier ? undefined : t.tier }), f.tier === t.tier)}</Col>
            ))}
          </Row>
          <Flex gap={6} wrap style={{ marginBottom: 8 }} aria-label={tr('按致困原因', 'By cause')}>
            {figures.data.byCause.filter((c) => c.count > 0).map((c) => (
              <Tag.CheckableTag key={c.cause} checked={f.cause === c.cause} onChange={(on) => update({ cause: on ? c.cause : undefined })}>
                {label(HARDSHIP_CAUSES, c.cause, en)} {c.count}
              </Tag.CheckableTag>
            ))}
          </Flex>
          <Flex gap={6} wrap style={{ marginBottom: 16 }} aria-label={tr('按下级组织', 'By organisation')}>
            {figures.data.byOrg.slice(0, 24).map((o) => (
              <Tag.CheckableTag key={o.orgId} checked={f.orgId === String(o.orgId)} onChange={(on) => update({ orgId: on ? o.orgId : undefined })}>
                {o.orgName} {o.count}
              </Tag.CheckableTag>
            ))}
          </Flex>
        </>
      )}
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <ListSearch value={f.q} onSearch={(q) => update({ q })} label={tr('搜索姓名', 'Search name')} placeholder={tr('职工姓名', 'Worker name')} style={{ width: narrow ? '100%' : 200 }} />
        <Select aria-label={tr('档案状态', 'Status')} value={f.status} style={{ width: 130 }} onChange={(v) => update({ status: v })} options={options(RECORD_STATUSES, en)} />
        <Select aria-label={tr('困难类别', 'Tier')} allowClear placeholder={tr('全部类别', 'All tiers')} value={f.tier} style={{ width: 130 }} onChange={(v) => update({ tier: v })} options={options(HARDSHIP_TIERS, en)} />
        <Select aria-label={tr('致困原因', 'Cause')} allowClear placeholder={tr('全部原因', 'All causes')} value={f.cause} style={{ width: 140 }} onChange={(v) => update({ cause: v })} options={options(HARDSHIP_CAUSES, en)} />
        <OrgTreeSelect ariaLabel={tr('组织范围', 'Organisation')} placeholder={tr('组织范围', 'Organisation')} value={f.orgId ? Number(f.orgId) : undefined} unionsOnly
          onChange={(v) => update({ orgId: v })} style={{ width: narrow ? '100%' : 240 }} />
        {filtered && <Button onClick={clear}>{tr('清除筛选', 'Clear filters')}</Button>}
      </Flex>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<HardshipRow>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items}
          locale={{ emptyText: list.loading ? ' ' : <EmptyState description={filtered ? tr('没有符合条件的档案', 'No files match') : tr('暂无困难职工档案', 'No hardship files yet')} /> }}
          pagination={{ current: f.page, pageSize: 20, total: list.data?.total ?? 0, simple: narrow, showTotal: (n) => tr(`共 ${n} 份`, `${n} in all`), onChange: (p) => update({ page: p }, false) }}
        />
      )}
    </Card>
  );
}
