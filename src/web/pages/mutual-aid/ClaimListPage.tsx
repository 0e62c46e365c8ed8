import { Link } from 'react-router';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ListSearch } from '../../components/ListSearch';
import { EmptyState, ErrorState } from '../../components/states';
import { MutualAidTabs } from './MutualAidTabs';
import { STATUS, yuan, type AppStatus, type ClaimRow, type Plan } from './types';

const num = (v: string | null) => (v ? Number(v) || undefined : undefined);

export default function ClaimListPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const f = {
    q: params.get('q') ?? undefined, planId: num(params.get('planId')), year: num(params.get('year')), status: (params.get('status') ?? undefined) as AppStatus | undefined,
    orgId: num(params.get('orgId')), townId: num(params.get('townId')),
  };
  const page = num(params.get('page')) ?? 1;
  const pageSize = Math.min(200, num(params.get('pageSize')) ?? 20);
  const plans = useAsync((signal) => api.get<{ items: Plan[] }>('/mutual-aid/plans', {}, signal), []);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<ClaimRow>>('/mutual-aid/claims', { ...f, page, pageSize }, signal),
    [f.q, f.planId, f.year, f.status, f.orgId, f.townId, page, pageSize],
  );
  const filtered = Object.values(f).some((v) => v !== undefined);
  const years = [...new Set((plans.data?.items ?? []).map((p) => p.year))];

  const columns: ColumnsType<ClaimRow> = [
    {
      title: tr('会员', 'Member'), dataIndex: 'personName',
      render: (v: string, r) => <Link to={`/mutual-aid/claims/${r.id}`} style={{ whiteSpace: 'nowrap' }}>{v}</Link>,
    },
    { title: tr('计划', 'Plan'), dataIndex: 'planName', ellipsis: true, responsive: ['sm'], render: (v: string, r) => `${r.year} ${v}` },
    { title: tr('工会', 'Union'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('诊断', 'Diagnosis'), dataIndex: 'diagnosis', ellipsis: true, responsive: ['xl'] },
    { title: tr('申请（元）', 'Requested'), dataIndex: 'requestedFen', align: 'right', width: 110, responsive: ['md'], render: (v: number | null) => (v === null ? '—' : yuan(v)) },
    { title: tr('核定（元）', 'Approved'), dataIndex: 'approvedFen', align: 'right', width: 110, render: (v: number | null, r) => (v === null || r.status === 'in_review' || r.status === 'returned' ? '—' : yuan(v)) },
    {
      title: tr('状态', 'Status'), dataIndex: 'status', width: 150,
      render: (s: AppStatus, r) => (
        <span>
          <Tag color={STATUS[s].color}>{en ? STATUS[s].en : STATUS[s].zh}</Tag>
          {r.currentStepName && <div style={{ fontSize: 12, color: '#888' }}>{r.currentStepName}</div>}
        </span>
      ),
    },
    { title: tr('提交时间', 'Submitted'), dataIndex: 'submittedAt', width: 120, responsive: ['lg'], render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
  ];

  return (
    <Card
      title={tr('互助保障 · 二次报销', 'Mutual aid · secondary reimbursement')}
      extra={can('assist.review') && <Link to="/mutual-aid/claims/new"><Button type="primary" icon={<PlusOutlined />}>{narrow ? tr('代为申请', 'File') : tr('代会员申请报销', 'File for a member')}</Button></Link>}
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      <MutualAidTabs />
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ListSearch value={f.q ?? ''} onSearch={(v) => update({ q: v })} label={tr('按会员姓名搜索', 'Search by member name')} placeholder={tr('会员姓名', 'Member name')} style={{ flex: '1 1 220px', maxWidth: narrow ? undefined : 280 }} />
          <Select aria-label={tr('按计划筛选', 'Filter by plan')} placeholder={tr('保障计划', 'Plan')} allowClear value={f.planId} onChange={(v) => update({ planId: v })} style={{ flex: '1 1 180px', maxWidth: 260 }}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} ${p.name}` }))} popupMatchSelectWidth={false} />
          <Select aria-label={tr('按年度筛选', 'Filter by year')} placeholder={tr('年度', 'Year')} allowClear value={f.year} onChange={(v) => update({ year: v })} style={{ flex: '0 1 110px' }}
            options={years.map((y) => ({ value: y, label: String(y) }))} />
          <Select aria-label={tr('按状态筛选', 'Filter by status')} placeholder={tr('状态', 'Status')} allowClear value={f.status} onChange={(v) => update({ status: v })} style={{ flex: '0 1 140px' }}
            options={(Object.keys(STATUS) as AppStatus[]).map((s) => ({ value: s, label: en ? STATUS[s].en : STATUS[s].zh }))} />
          <div style={{ flex: '1 1 200px', maxWidth: narrow ? undefined : 280 }}>
            <OrgTreeSelect unionsOnly value={f.orgId} onChange={(v) => update({ orgId: v })} ariaLabel={tr('按工会筛选', 'Filter by union')} placeholder={tr('全部工会', 'All unions')} />
          </div>
          {filtered && <Button type="link" onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
        </Flex>
      </form>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }} data-testid="claim-total">
            {data ? tr(`共 ${data.total} 件`, `${data.total} claims`) : '\u00a0'}
          </Typography.Text>
          <Table<ClaimRow>
            rowKey="id" size={narrow ? 'small' : 'middle'} columns={columns} dataSource={data?.items} loading={loading}
            onRow={() => ({ 'data-testid': 'claim-row' }) as never}
            locale={{ emptyText: loading ? ' ' : <EmptyState description={filtered ? tr('没有符合条件的报销申请', 'No claim matches') : tr('还没有报销申请', 'No claims yet')} /> }}
            pagination={{
              current: page, pageSize, total: data?.total ?? 0, simple: narrow, showSizeChanger: !narrow,
              onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }, false),
            }}
          />
        </>
      )}
    </Card>
  );
}
