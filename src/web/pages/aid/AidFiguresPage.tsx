import { lazy, Suspense } from 'react';
import { Link, useNavigate } from 'react-router';
import { Card, Col, Flex, Row, Select, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { AID_TYPE_INFO } from '../../../shared/aid/types';
import { fenToYuan } from '../workflow/types';
import { AID_TYPE_CODES, type AidFigures, type FigureMeasures } from './aidApi';

const AidFiguresChart = lazy(() => import('./AidFiguresChart'));

/** 帮扶统计: applicants, approvals and amounts by type, period and organisation; campaign execution. Every figure opens its list. */
export default function AidFiguresPage() {
  const { tr, en } = useLocale();
  const narrow = useMediaNarrow();
  const navigate = useNavigate();
  const { params, update } = useUrlFilters();
  const year = params.get('year') ?? String(new Date().getFullYear());
  const aidType = params.get('aidType') ?? undefined;
  const orgId = params.get('orgId') ?? undefined;
  const { data, error, loading, reload } = useAsync((signal) => api.get<AidFigures>('/aid/figures', { year: year === 'all' ? undefined : year, aidType, orgId }, signal), [year, aidType, orgId]);
  const base = { year: year === 'all' ? undefined : year, aidType, orgId };
  const listUrl = (extra: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...base, ...extra })) if (v !== undefined && v !== '') q.set(k, String(v));
    return `/aid/applications?${q}`;
  };
  const measureCols = <T extends FigureMeasures>(link: (r: T) => Record<string, string | number | undefined>): ColumnsType<T> => [
    { title: tr('申请', 'Applications'), dataIndex: 'applications', align: 'right', render: (v: number, r) => <Link to={listUrl(link(r))}>{v}</Link> },
    { title: tr('人数', 'People'), dataIndex: 'applicants', align: 'right', responsive: ['md'] },
    { title: tr('批准', 'Approved'), dataIndex: 'approved', align: 'right', render: (v: number, r) => <Link to={listUrl({ ...link(r), status: 'approved' })}>{v}</Link> },
    { title: tr('审批中', 'In review'), dataIndex: 'inReview', align: 'right', responsive: ['lg'], render: (v: number, r) => <Link to={listUrl({ ...link(r), status: 'in_review' })}>{v}</Link> },
    { title: tr('批准金额（元）', 'Approved (yuan)'), dataIndex: 'approvedFen', align: 'right', render: fenToYuan },
    { title: tr('已发放（元）', 'Paid (yuan)'), dataIndex: 'paidFen', align: 'right', responsive: ['sm'], render: (v: number, r) => <Link to={listUrl({ ...link(r), status: 'paid' })}>{fenToYuan(v)}</Link> },
  ];
  type TypeRow = AidFigures['byType'][number];
  type PeriodRow = AidFigures['byPeriod'][number];
  type OrgRow = AidFigures['byOrg'][number];

  return (
    <Card title={tr('帮扶统计', 'Assistance figures')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Select aria-label={tr('年度', 'Year')} value={year} style={{ width: 110 }} onChange={(v) => update({ year: v })}
          options={[{ value: 'all', label: tr('全部年度', 'All years') }, ...Array.from({ length: 5 }, (_, i) => String(new Date().getFullYear() - i)).map((y) => ({ value: y, label: y }))]} />
        <Select aria-label={tr('救助类型', 'Aid type')} allowClear placeholder={tr('全部类型', 'All types')} value={aidType} style={{ width: 130 }}
          onChange={(v) => update({ aidType: v })} options={AID_TYPE_CODES.map((c) => ({ value: c, label: en ? AID_TYPE_INFO[c].en : AID_TYPE_INFO[c].zh }))} />
        <OrgTreeSelect ariaLabel={tr('组织范围', 'Organisation')} placeholder={tr('组织范围', 'Organisation')} unionsOnly value={orgId ? Number(orgId) : undefined}
          onChange={(v) => update({ orgId: v })} style={{ width: narrow ? '100%' : 260 }} />
      </Flex>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <>
          <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}><Link to={listUrl({})}><Statistic title={tr('申请', 'Applications')} value={data.total.applications} /></Link></Col>
            <Col xs={12} md={6}><Link to={listUrl({ status: 'approved' })}><Statistic title={tr('批准', 'Approved')} value={data.total.approved} /></Link></Col>
            <Col xs={12} md={6}><Statistic title={tr('批准金额（元）', 'Approved (yuan)')} value={fenToYuan(data.total.approvedFen)} /></Col>
            <Col xs={12} md={6}><Link to={listUrl({ status: 'paid' })}><Statistic title={tr('已发放（元）', 'Paid (yuan)')} value={fenToYuan(data.total.paidFen)} /></Link></Col>
          </Row>
          {data.total.applications === 0 && <EmptyState description={tr('所选范围内没有救助申请', 'No aid applications in this selection')} />}
          {data.byType.length > 0 && (
            <>
              <h3>{tr('按救助类型', 'By aid type')}</h3>
              <Suspense fallback={<Loading />}>
                <AidFiguresChart rows={data.byType.map((r) => ({ key: r.aidType, name: en ? r.nameEn : r.name, approvedFen: r.approvedFen, paidFen: r.paidFen }))}
                  labels={{ approved: tr('批准金额（元）', 'Approved (yuan)'), paid: tr('已发放（元）', 'Paid (yuan)') }} narrow={narrow}
                  ariaLabel={tr('各类救助的批准和发放金额', 'Approved and paid amounts by aid type')} onPick={(k) => navigate(listUrl({ aidType: k }))} />
              </Suspense>
              <Table<TypeRow> rowKey="aidType" size="small" pagination={false} dataSource={data.byType}
                columns={[{ title: tr('类型', 'Type'), dataIndex: 'name', render: (v: string, r) => (en ? r.nameEn : v) }, ...measureCols<TypeRow>((r) => ({ aidType: r.aidType }))]} />
            </>
          )}
          {data.byOrg.length > 0 && (
            <>
              <h3 style={{ marginTop: 24 }}>{tr('按组织', 'By organisation')}</h3>
              <Table<OrgRow> rowKey="orgId" size="small" pagination={false} dataSource={data.byOrg}
                columns={[{ title: tr('组织', 'Organisation'), dataIndex: 'name', ellipsis: true }, ...measureCols<OrgRow>((r) => ({ orgId: r.orgId }))]} />
            </>
          )}
          {data.byPeriod.length > 0 && (
            <>
              <h3 style={{ marginTop: 24 }}>{tr('按期间', 'By period')}</h3>
              <Table<PeriodRow> rowKey="periodKey" size="small" pagination={false} dataSource={data.byPeriod}
                columns={[{ title: tr('期间', 'Period'), dataIndex: 'name', render: (v: string, r) => (en ? r.nameEn : v) }, ...measureCols<PeriodRow>((r) => ({ period: r.periodKey, year: undefined }))]} />
            </>
          )}
          <h3 style={{ marginTop: 24 }}>{tr('四季送执行', 'Seasonal campaigns')}</h3>
          <Table rowKey="id" size="small" pagination={false} dataSource={data.campaigns} loading={loading}
            locale={{ emptyText: <EmptyState description={tr('所选年度没有活动', 'No campaigns this year')} /> }}
            columns={[
              { title: tr('活动', 'Campaign'), dataIndex: 'name', render: (v: string, r: AidFigures['campaigns'][number]) => <Link to={`/aid/campaigns/${r.id}`}>{v}</Link> },
              { title: tr('主办', 'Run by'), dataIndex: 'orgName', ellipsis: true, responsive: ['md'] },
              { title: tr('预算（元）', 'Budget'), dataIndex: 'budgetFen', align: 'right', render: fenToYuan },
              { title: tr('已发放（元）', 'Handed out'), dataIndex: 'distributedFen', align: 'right', render: fenToYuan },
              { title: tr('执行率', 'Execution'), dataIndex: 'executionPercent', align: 'right', render: (v: string | null) => (v === null ? '—' : `${v}%`) },
            ]} />
        </>
      )}
    </Card>
  );
}
