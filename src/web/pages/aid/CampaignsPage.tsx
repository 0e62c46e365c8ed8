import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Modal, Progress, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { ApiError, api, errorMessage, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { CAMPAIGN_SEASONS, CAMPAIGN_TARGET_GROUPS, SEASON_NAMES } from '../../../shared/aid/types';
import { fenToYuan } from '../workflow/types';
import { fenOf, type CampaignRow } from './aidApi';

interface NewCampaign {
  year: number;
  season: string;
  name?: string;
  orgId?: number;
  budgetYuan?: string;
  targetGroups?: string[];
  dates?: [Dayjs, Dayjs] | null;
  note?: string;
}

function CreateCampaign({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { tr, en } = useLocale();
  const { session } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<NewCampaign>();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: NewCampaign) => {
    setBusy(true);
    setError(null);
    try {
      const out = await api.post<{ id: number }>('/aid/campaigns', {
        year: v.year, season: v.season, name: v.name || null, orgId: v.orgId, budgetFen: fenOf(v.budgetYuan) ?? 0, targetGroups: v.targetGroups ?? [],
        startsOn: v.dates?.[0]?.format('YYYY-MM-DD') ?? null, endsOn: v.dates?.[1]?.format('YYYY-MM-DD') ?? null, note: v.note || null,
      });
      message.success(tr('活动已创建', 'Campaign created'));
      navigate(`/aid/campaigns/${out.id}`);
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      form.setFields(details.filter((d) => d.field && ['year', 'season', 'name', 'orgId', 'note'].includes(d.field)).map((d) => ({ name: d.field as keyof NewCampaign, errors: [en && d.messageEn ? d.messageEn : d.message] })));
      setError({ title: errorMessage(err), items: details.filter((d) => !d.field || !['year', 'season', 'name', 'orgId', 'note'].includes(d.field)).map((d) => (en && d.messageEn ? d.messageEn : d.message)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={tr('新建四季送活动', 'New seasonal campaign')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={tr('创建', 'Create')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ year: new Date().getFullYear(), orgId: session?.user.orgId ?? undefined }}>
        <Flex gap={8}>
          <Form.Item label={tr('年度', 'Year')} name="year" rules={[{ required: true }]}><InputNumber min={2000} max={2100} /></Form.Item>
          <Form.Item label={tr('活动', 'Season')} name="season" rules={[{ required: true, message: tr('请选择', 'Choose') }]} style={{ flex: 1 }}>
            <Select options={CAMPAIGN_SEASONS.map((s) => ({ value: s, label: en ? SEASON_NAMES[s].en : SEASON_NAMES[s].zh }))} />
          </Form.Item>
        </Flex>
        <Form.Item label={tr('名称（可不填）', 'Name (optional)')} name="name"><Input maxLength={80} /></Form.Item>
        <Form.Item label={tr('主办组织', 'Run by')} name="orgId" rules={[{ required: true, message: tr('请选择组织', 'Choose an organisation') }]}><OrgTreeSelect unionsOnly /></Form.Item>
        <Form.Item label={tr('预算（元）', 'Budget (yuan)')} name="budgetYuan" rules={[{ required: true, message: tr('请填写预算', 'Enter the budget') }]}>
          <InputNumber stringMode min="0" precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={tr('帮扶对象', 'Target groups')} name="targetGroups"><Select mode="tags" options={CAMPAIGN_TARGET_GROUPS.map((g) => ({ value: g, label: g }))} /></Form.Item>
        <Form.Item label={tr('活动时间', 'Dates')} name="dates"><DatePicker.RangePicker /></Form.Item>
        <Form.Item label={tr('说明', 'Note')} name="note"><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 四季送: campaigns with their budget and how much of it has been handed out. */
export default function CampaignsPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const [creating, setCreating] = useState(false);
  const year = params.get('year') ?? undefined;
  const season = params.get('season') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, error, loading, reload } = useAsync((signal) => api.get<Page<CampaignRow>>('/aid/campaigns', { year, season, page, pageSize: 20 }, signal), [year, season, page]);
  const columns: ColumnsType<CampaignRow> = [
    { title: tr('活动', 'Campaign'), dataIndex: 'name', render: (v: string, r) => <Link to={`/aid/campaigns/${r.id}`}>{v}</Link> },
    { title: tr('类别', 'Season'), dataIndex: 'seasonName', width: 100, responsive: ['md'], render: (v: string, r) => (en ? r.seasonNameEn : v) },
    { title: tr('主办', 'Run by'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('预算（元）', 'Budget (yuan)'), dataIndex: 'budgetFen', width: 130, align: 'right', responsive: ['sm'], render: fenToYuan },
    { title: tr('已发放（元）', 'Handed out (yuan)'), dataIndex: 'distributedFen', width: 130, align: 'right', render: fenToYuan },
    {
      title: tr('执行率', 'Execution'), dataIndex: 'executionPercent', width: 150,
      render: (v: string | null) => (v === null ? '—' : <Progress percent={Math.min(100, Number(v))} format={() => `${v}%`} size="small" status={Number(v) > 100 ? 'exception' : 'normal'} />),
    },
  ];
  return (
    <Card title={tr('四季送活动', 'Seasonal campaigns')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={can('assist.review') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{tr('新建活动', 'New campaign')}</Button>}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <InputNumber aria-label={tr('年度', 'Year')} placeholder={tr('年度', 'Year')} min={2000} max={2100} value={year ? Number(year) : null} onChange={(v) => update({ year: v ?? undefined })} style={{ width: 110 }} />
        <Select aria-label={tr('活动类别', 'Season')} allowClear placeholder={tr('全部类别', 'All seasons')} value={season} style={{ width: 140 }}
          onChange={(v) => update({ season: v })} options={CAMPAIGN_SEASONS.map((s) => ({ value: s, label: en ? SEASON_NAMES[s].en : SEASON_NAMES[s].zh }))} />
      </Flex>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<CampaignRow> rowKey="id" size={narrow ? 'small' : 'middle'} loading={loading} columns={columns} dataSource={data?.items}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={tr('暂无活动', 'No campaigns')} /> }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, simple: narrow, hideOnSinglePage: true, onChange: (p) => update({ page: p }, false) }} />
      )}
      <CreateCampaign open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
