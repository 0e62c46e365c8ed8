import { Link } from 'react-router';
import { Button, Card, Flex, InputNumber, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { ListSearch } from '../../components/ListSearch';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { AID_TYPE_INFO } from '../../../shared/aid/types';
import { fenToYuan, STATUS_COLORS, type ApplicationStatus } from '../workflow/types';
import { AID_TYPE_CODES, type AidRow } from './aidApi';

const STATUSES: { value: ApplicationStatus; zh: string; en: string }[] = [
  { value: 'in_review', zh: '审批中', en: 'In review' },
  { value: 'returned', zh: '已退回修改', en: 'Returned' },
  { value: 'approved', zh: '已批准待发放', en: 'Approved' },
  { value: 'paid', zh: '已发放', en: 'Paid' },
  { value: 'rejected', zh: '未批准', en: 'Rejected' },
  { value: 'withdrawn', zh: '已撤回', en: 'Withdrawn' },
];

/** 救助申请: every aid application in the user's scope, filtered by type, status, year, period and organisation. */
export default function AidApplicationsPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const f = {
    aidType: params.get('aidType') ?? undefined, status: params.get('status') ?? undefined, year: params.get('year') ?? undefined,
    period: params.get('period') ?? undefined, orgId: params.get('orgId') ?? undefined, campaignId: params.get('campaignId') ?? undefined,
    q: params.get('q') ?? '', page: Number(params.get('page') ?? 1) || 1,
  };
  const { data, error, loading, reload } = useAsync((signal) => api.get<Page<AidRow>>('/aid/applications', { ...f, pageSize: 20 }, signal), [params.toString()]);

  const columns: ColumnsType<AidRow> = [
    { title: tr('申请人', 'Applicant'), dataIndex: 'personName', width: 100, render: (v: string, r) => <Link to={`/aid/applications/${r.id}`}>{v}</Link> },
    { title: tr('类型', 'Type'), dataIndex: 'aidTypeName', width: 100, render: (v: string, r) => (en ? AID_TYPE_INFO[r.aidType]?.en ?? v : v) },
    { title: tr('期间', 'Period'), dataIndex: 'periodName', width: 130, responsive: ['md'] },
    { title: tr('受理工会', 'Filed with'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('金额（元）', 'Amount (yuan)'), dataIndex: 'amountFen', width: 110, align: 'right', render: (v: number | null, r) => fenToYuan(r.approvedFen ?? v) },
    { title: tr('当前环节', 'Current step'), dataIndex: 'currentStepName', ellipsis: true, responsive: ['lg'], render: (v: string | null, r) => (v ? `${v}（${r.currentStepOrg}）` : '—') },
    { title: tr('提交', 'Submitted'), dataIndex: 'submittedAt', width: 100, responsive: ['md'], render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 110, render: (s: ApplicationStatus) => <Tag color={STATUS_COLORS[s]}>{tr(STATUSES.find((x) => x.value === s)!.zh, STATUSES.find((x) => x.value === s)!.en)}</Tag> },
  ];
  const filtered = [...params.keys()].some((k) => k !== 'page');

  return (
    <Card
      title={tr('救助申请', 'Aid applications')}
      extra={can('assist.review') && <Link to="/aid/apply"><Button type="primary" icon={<PlusOutlined />}>{tr('代为申请', 'Apply for a member')}</Button></Link>}
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <ListSearch value={f.q} onSearch={(q) => update({ q })} label={tr('搜索申请人', 'Search applicant')} placeholder={tr('申请人姓名', 'Applicant name')} style={{ width: narrow ? '100%' : 240 }} />
        <Select aria-label={tr('救助类型', 'Aid type')} allowClear placeholder={tr('全部类型', 'All types')} value={f.aidType} style={{ width: 130 }}
          onChange={(v) => update({ aidType: v })} options={AID_TYPE_CODES.map((c) => ({ value: c, label: en ? AID_TYPE_INFO[c].en : AID_TYPE_INFO[c].zh }))} />
        <Select aria-label={tr('状态', 'Status')} allowClear placeholder={tr('全部状态', 'All statuses')} value={f.status} style={{ width: 140 }}
          onChange={(v) => update({ status: v })} options={STATUSES.map((s) => ({ value: s.value, label: en ? s.en : s.zh }))} />
        <InputNumber aria-label={tr('年度', 'Year')} placeholder={tr('年度', 'Year')} min={2000} max={2100} value={f.year ? Number(f.year) : null} style={{ width: 100 }}
          onChange={(v) => update({ year: v ?? undefined, period: undefined })} />
        <OrgTreeSelect ariaLabel={tr('组织范围', 'Organisation')} placeholder={tr('组织范围', 'Organisation')} value={f.orgId ? Number(f.orgId) : undefined} unionsOnly
          onChange={(v) => update({ orgId: v })} style={{ width: narrow ? '100%' : 240 }} />
        {f.period && <Tag closable onClose={() => update({ period: undefined })}>{tr('期间', 'Period')}：{f.period}</Tag>}
        {f.campaignId && <Tag closable onClose={() => update({ campaignId: undefined })}>{tr('活动', 'Campaign')} #{f.campaignId}</Tag>}
        {filtered && <Button onClick={clear}>{tr('清除筛选', 'Clear filters')}</Button>}
      </Flex>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<AidRow>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          loading={loading}
          columns={columns}
          dataSource={data?.items}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={filtered ? tr('没有符合条件的申请', 'No applications match') : tr('暂无救助申请', 'No aid applications yet')} /> }}
          pagination={{ current: f.page, pageSize: 20, total: data?.total ?? 0, simple: narrow, showTotal: (n) => tr(`共 ${n} 件`, `${n} in all`), onChange: (p) => update({ page: p }, false) }}
        />
      )}
    </Card>
  );
}
