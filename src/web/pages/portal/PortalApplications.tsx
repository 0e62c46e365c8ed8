import { Segmented } from 'antd';
import { api, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import type { ApplicationRow } from '../workflow/types';
import { ApplicationTile } from './shared';

/** Every application of mine, newest first, with where each one stands. */
export default function PortalApplications() {
  const { tr } = useLocale();
  const { params, update } = useUrlFilters();
  const status = params.get('status') ?? '';
  const { data, error, reload } = useAsync((signal) => api.get<Page<ApplicationRow>>('/applications', { mine: 1, status: status || undefined, pageSize: 50 }, signal), [status]);
  return (
    <>
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented block value={status} onChange={(v) => update({ status: String(v) || undefined })} aria-label={tr('按状态筛选', 'Filter by status')}
          options={[{ value: '', label: tr('全部', 'All') }, { value: 'in_review', label: tr('审批中', 'In review') }, { value: 'returned', label: tr('待修改', 'Returned') }, { value: 'paid', label: tr('已发放', 'Paid') }]} />
      </div>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : data.items.length === 0
        ? <EmptyState description={status ? tr('没有这种状态的申请', 'No application in this state') : tr('还没有申请', 'No applications yet')} />
        : data.items.map((a) => <ApplicationTile key={a.id} a={a} />)}
      {data && data.total > data.items.length && <p style={{ textAlign: 'center', color: '#888' }}>{tr(`仅显示最近 ${data.items.length} 件`, `Showing the latest ${data.items.length}`)}</p>}
    </>
  );
}
