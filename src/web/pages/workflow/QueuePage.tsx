import { Link, useSearchParams } from 'react-router';
import { Card, Flex, Segmented, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { fenToYuan, STATUS_COLORS, type ApplicationRow, type ApplicationStatus } from './types';
import { StepConfig } from './StepConfig';

type View = 'todo' | 'overdue' | 'all' | 'steps';

const STATUS_OPTIONS: { value: ApplicationStatus; zh: string; en: string }[] = [
  { value: 'in_review', zh: '审批中', en: 'In review' },
  { value: 'returned', zh: '已退回修改', en: 'Returned' },
  { value: 'approved', zh: '已批准', en: 'Approved' },
  { value: 'rejected', zh: '未批准', en: 'Rejected' },
  { value: 'paid', zh: '已发放', en: 'Paid' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
];

/** 审批中心: what waits for my organisation, what is overdue, every application in my scope. */
export default function QueuePage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const [params, setParams] = useSearchParams();
  const view = (params.get('view') as View) || (can('assist.review') ? 'todo' : 'all');
  const status = params.get('status') || undefined;
  const type = params.get('type') || undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const set = (next: Record<string, string | undefined>) => {
    const merged = { view, status, type, ...next };
    setParams(Object.fromEntries(Object.entries(merged).filter(([, v]) => v)) as Record<string, string>);
  };
  const types = useAsync((signal) => api.get<{ type: string; name: string; nameEn: string }[]>('/workflow/types', undefined, signal), []);
  const path = view === 'todo' ? '/workflow/queue' : view === 'overdue' ? '/workflow/overdue' : '/applications';
  const { data, error, loading, reload } = useAsync(
    (signal) => (view === 'steps' ? Promise.resolve(undefined) : api.get<Page<ApplicationRow>>(path, { page, pageSize: 20, ...(view === 'all' ? { status, type } : { type }) }, signal)),
    [view, status, type, page],
  );

  const columns: ColumnsType<ApplicationRow> = [
    { title: tr('申请', 'Application'), dataIndex: 'title', ellipsis: true, render: (v: string, r) => <Link to={r.consolePath ?? `/applications/${r.id}`}>{v}</Link> },
    { title: tr('类型', 'Type'), dataIndex: 'typeName', width: 110, responsive: ['md'] },
    { title: tr('申请人', 'Applicant'), dataIndex: 'personName', width: 90 },
    { title: tr('受理工会', 'Filed with'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('金额（元）', 'Amount'), dataIndex: 'amountFen', width: 110, align: 'right', responsive: ['md'], render: (v: number | null, r) => fenToYuan(r.approvedFen ?? v) },
    { title: tr('当前环节', 'Current step'), dataIndex: 'currentStepName', ellipsis: true, responsive: ['lg'], render: (v: string | null) => v ?? '—' },
    {
      title: tr('时限', 'Due'), dataIndex: 'dueAt', width: 100, responsive: ['sm'],
      render: (v: string | null, r) => (v ? <span style={{ color: r.overdue ? '#cf1322' : undefined }}>{dayjs(v).format('MM-DD')}{r.overdue ? tr(' 超期', ' late') : ''}</span> : '—'),
    },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 96, render: (s: ApplicationStatus, r) => <Tag color={STATUS_COLORS[s]}>{r.statusName}</Tag> },
  ];

  const views = [
    ...(can('assist.review') ? [{ value: 'todo', label: tr('待我审批', 'Waiting for me') }] : []),
    { value: 'overdue', label: tr('超期未办', 'Overdue') },
    { value: 'all', label: tr('全部申请', 'All applications') },
    ...(can('assist.manage') ? [{ value: 'steps', label: tr('审批环节设置', 'Review steps') }] : []),
  ];

  return (
    <Card title={tr('审批中心', 'Reviews')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented aria-label={tr('视图', 'View')} value={view} onChange={(v) => set({ view: String(v), page: undefined, status: undefined })} options={views} />
        {view !== 'steps' && (
          <Select
            aria-label={tr('申请类型', 'Type')}
            allowClear
            placeholder={tr('全部类型', 'All types')}
            value={type}
            onChange={(v) => set({ type: v, page: undefined })}
            options={(types.data ?? []).map((t) => ({ value: t.type, label: en ? t.nameEn : t.name }))}
            style={{ width: 160 }}
          />
        )}
        {view === 'all' && (
          <Select
            aria-label={tr('状态', 'Status')}
            allowClear
            placeholder={tr('全部状态', 'All statuses')}
            value={status}
            onChange={(v) => set({ status: v, page: undefined })}
            options={STATUS_OPTIONS.map((s) => ({ value: s.value, label: en ? s.en : s.zh }))}
            style={{ width: 140 }}
          />
        )}
      </Flex>
      {view === 'steps' ? <StepConfig /> : error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<ApplicationRow>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          loading={loading}
          columns={columns}
          dataSource={data?.items}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={view === 'todo' ? tr('没有等待您审批的申请', 'Nothing waits for you') : view === 'overdue' ? tr('没有超期未办的申请', 'Nothing overdue') : tr('暂无申请', 'No applications')} /> }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, simple: narrow, hideOnSinglePage: true, onChange: (p) => set({ page: String(p) }) }}
        />
      )}
    </Card>
  );
}
