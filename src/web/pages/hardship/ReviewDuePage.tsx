import { Link } from 'react-router';
import { Alert, Card, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { HARDSHIP_TIERS } from '../../../shared/hardship/codes';
import { label, tierColor, type HardshipRow } from './hardshipApi';

/** 待复核: open files whose last review is a year old or more, oldest first. */
export default function ReviewDuePage() {
  const { tr, en } = useLocale();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, error, loading, reload } = useAsync((signal) => api.get<Page<HardshipRow>>('/hardship/review-due', { page, pageSize: 20 }, signal), [page]);
  const columns: ColumnsType<HardshipRow> = [
    { title: tr('姓名', 'Name'), dataIndex: 'personName', width: 90, render: (v: string, r) => <Link to={`/hardship/${r.id}`}>{v}</Link> },
    { title: tr('困难类别', 'Tier'), dataIndex: 'tier', width: 110, render: (t: string) => <Tag color={tierColor(t)}>{label(HARDSHIP_TIERS, t, en)}</Tag> },
    { title: tr('上次复核', 'Last review'), dataIndex: 'lastReviewedOn', width: 110 },
    { title: tr('应复核日期', 'Due on'), dataIndex: 'reviewDueOn', width: 110, responsive: ['sm'] },
    { title: tr('所属工会', 'Union'), dataIndex: 'orgName', ellipsis: true, responsive: ['md'] },
  ];
  return (
    <Card title={tr('待复核档案', 'Files due for review')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={tr('困难职工档案每年复核一次：打开档案，核对家庭情况后点击“年度复核”，系统按当年标准重新认定类别并保留历史。', 'Each file is reviewed yearly: open it, check the household and press "Yearly review"; the tier is recomputed with this year\'s thresholds.')} />
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<HardshipRow> rowKey="id" size={narrow ? 'small' : 'middle'} loading={loading} columns={columns} dataSource={data?.items}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={tr('没有到期待复核的档案', 'No files are due for review')} /> }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, simple: narrow, showTotal: (n) => tr(`共 ${n} 份`, `${n} in all`), onChange: (p) => update({ page: p }, false) }} />
      )}
    </Card>
  );
}
