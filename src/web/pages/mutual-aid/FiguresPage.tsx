import { Link } from 'react-router';
import { Card, Flex, Select, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { MutualAidTabs } from './MutualAidTabs';
import { yuan, type FigureRow, type Figures } from './types';

/** Claims and amounts by plan and by town; every count opens the claims behind it. */
export default function FiguresPage() {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const thisYear = new Date().getFullYear();
  const year = Number(params.get('year') ?? thisYear) || thisYear;
  const { data, error, reload } = useAsync((signal) => api.get<Figures>('/mutual-aid/figures', { year }, signal), [year]);

  const cols = (dim: 'planId' | 'townId', label: string): ColumnsType<FigureRow> => {
    const link = (r: FigureRow, extra: string, text: number) => (r.key === null && dim === 'townId' ? text : <Link to={`/mutual-aid?year=${year}&${dim}=${r.key}${extra}`}>{text}</Link>);
    return [
      { title: label, dataIndex: 'name' },
      { title: tr('申请件数', 'Claims'), dataIndex: 'claims', align: 'right', render: (v: number, r) => link(r, '', v) },
      { title: tr('批准件数', 'Approved'), dataIndex: 'approved', align: 'right', render: (v: number, r) => link(r, '&status=approved', v) },
      { title: tr('申请金额（元）', 'Requested'), dataIndex: 'requestedFen', align: 'right', responsive: ['md'], render: yuan },
      { title: tr('核定金额（元）', 'Approved'), dataIndex: 'approvedFen', align: 'right', render: yuan },
      { title: tr('已发放（元）', 'Paid'), dataIndex: 'paidFen', align: 'right', responsive: ['sm'], render: yuan },
    ];
  };

  return (
    <Card title={tr('互助保障 · 报销统计', 'Mutual aid · figures')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={<Select aria-label={tr('年度', 'Year')} value={year} onChange={(v) => update({ year: v })} options={[0, 1, 2, 3].map((d) => ({ value: thisYear - d, label: String(thisYear - d) }))} />}>
      <MutualAidTabs />
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <Flex vertical gap={16}>
          <Flex gap={24} wrap data-testid="claim-figures">
            <Statistic title={tr('申请件数', 'Claims')} value={data.total.claims} />
            <Statistic title={tr('批准件数', 'Approved')} value={data.total.approved} />
            <Statistic title={tr('核定金额（元）', 'Approved (yuan)')} value={yuan(data.total.approvedFen)} />
            <Statistic title={tr('已发放（元）', 'Paid (yuan)')} value={yuan(data.total.paidFen)} />
          </Flex>
          {data.total.claims === 0 ? <EmptyState description={tr(`${year} 年还没有报销申请`, `No claims in ${year}`)} /> : (
            <>
              <Table<FigureRow> rowKey={(r) => `p${r.key}`} size="small" pagination={false} caption={tr('按保障计划', 'By plan')} columns={cols('planId', tr('保障计划', 'Plan'))} dataSource={data.byPlan} />
              <Table<FigureRow> rowKey={(r) => `t${r.key}`} size="small" pagination={false} caption={tr('按镇街/园区', 'By town / park')} columns={cols('townId', tr('镇街/园区', 'Town / park'))} dataSource={data.byTown} />
            </>
          )}
        </Flex>
      )}
    </Card>
  );
}
