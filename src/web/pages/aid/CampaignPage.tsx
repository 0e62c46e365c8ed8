import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Progress, Segmented, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api, errorMessage, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { fenToYuan } from '../workflow/types';
import { fenOf, type CampaignDetail, type DistributionRow } from './aidApi';

interface NewDistribution {
  kind: 'cash' | 'goods';
  valueYuan?: string;
  goods?: string;
  recipientText?: string;
  recipientCount?: number;
  orgId?: number;
  distributedOn?: Dayjs;
  note?: string;
}

function AddDistribution({ campaign, open, onClose, onDone }: { campaign: CampaignDetail; open: boolean; onClose: () => void; onDone: () => void }) {
  const { tr, en } = useLocale();
  const { session } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<NewDistribution>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: NewDistribution) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/aid/campaigns/${campaign.id}/distributions`, {
        kind: v.kind, valueFen: fenOf(v.valueYuan) ?? 0, goods: v.goods || null, recipientText: v.recipientText || null, recipientCount: v.recipientCount ?? 1,
        orgId: v.orgId ?? null, distributedOn: (v.distributedOn ?? dayjs()).format('YYYY-MM-DD'), note: v.note || null,
      });
      message.success(tr('已登记', 'Recorded'));
      form.resetFields();
      onDone();
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      const map: Record<string, keyof NewDistribution> = { valueFen: 'valueYuan', goods: 'goods', recipientText: 'recipientText', recipientCount: 'recipientCount', orgId: 'orgId', distributedOn: 'distributedOn' };
      form.setFields(details.filter((d) => d.field && map[d.field]).map((d) => ({ name: map[d.field!], errors: [en && d.messageEn ? d.messageEn : d.message] })));
      setError({ title: errorMessage(err), items: details.filter((d) => !d.field || !map[d.field]).map((d) => (en && d.messageEn ? d.messageEn : d.message)) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={tr('登记发放', 'Record a distribution')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={busy} okText={tr('登记', 'Record')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ kind: 'goods', recipientCount: 1, distributedOn: dayjs(), orgId: session?.user.orgId ?? campaign.orgId }}>
        <Form.Item label={tr('方式', 'Kind')} name="kind"><Segmented options={[{ value: 'goods', label: tr('物资', 'Goods') }, { value: 'cash', label: tr('现金', 'Cash') }]} /></Form.Item>
        {kind === 'goods' && <Form.Item label={tr('物资', 'Goods')} name="goods" rules={[{ required: true, message: tr('请填写物资', 'Describe the goods') }]}><Input maxLength={200} placeholder={tr('如：防暑降温用品50份', 'e.g. 50 cooling kits')} /></Form.Item>}
        <Form.Item label={kind === 'goods' ? tr('物资价值（元）', 'Value (yuan)') : tr('金额（元）', 'Amount (yuan)')} name="valueYuan" rules={[{ required: true, message: tr('请填写', 'Required') }]}>
          <InputNumber stringMode min="0" precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={tr('受助群体或企业', 'Recipients (group or enterprise)')} name="recipientText" rules={[{ required: true, message: tr('请填写受助对象', 'Who received it') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item label={tr('受助人数', 'People')} name="recipientCount"><InputNumber min={1} max={100000} /></Form.Item>
        <Form.Item label={tr('发放组织', 'Handed out by')} name="orgId"><OrgTreeSelect unionsOnly /></Form.Item>
        <Form.Item label={tr('发放日期', 'Date')} name="distributedOn"><DatePicker disabledDate={(d) => d.isAfter(dayjs())} /></Form.Item>
        <Form.Item label={tr('备注', 'Note')} name="note"><Input maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** One campaign: budget execution by kind and organisation, and its distribution records. */
export default function CampaignPage() {
  const { id } = useParams();
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const c = useAsync((signal) => api.get<CampaignDetail>(`/aid/campaigns/${id}`, undefined, signal), [id]);
  const d = useAsync((signal) => api.get<Page<DistributionRow>>(`/aid/campaigns/${id}/distributions`, { page, pageSize: 20 }, signal), [id, page]);
  if (c.error) return <ErrorState error={c.error} onRetry={c.reload} />;
  if (!c.data) return <Loading />;
  const camp = c.data;
  const columns: ColumnsType<DistributionRow> = [
    { title: tr('日期', 'Date'), dataIndex: 'distributedOn', width: 100 },
    { title: tr('受助对象', 'Recipients'), dataIndex: 'recipientName', render: (v: string | null, r) => (r.applicationId ? <Link to={`/aid/applications/${r.applicationId}`}>{v}</Link> : `${v ?? ''}${r.recipientCount > 1 ? `（${r.recipientCount}${tr('人', '')}）` : ''}`) },
    { title: tr('方式', 'Kind'), dataIndex: 'kind', width: 80, render: (k: string, r) => <Tag>{k === 'cash' ? tr('现金', 'Cash') : r.goods ?? tr('物资', 'Goods')}</Tag> },
    { title: tr('价值（元）', 'Value (yuan)'), dataIndex: 'valueFen', width: 120, align: 'right', render: fenToYuan },
    { title: tr('发放组织', 'By'), dataIndex: 'orgName', ellipsis: true, responsive: ['md'] },
  ];
  const done = camp.executionPercent === null ? 0 : Math.min(100, Number(camp.executionPercent));
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={camp.name} extra={<Link to="/aid/campaigns">{tr('全部活动', 'All campaigns')}</Link>} styles={{ body: { padding: narrow ? 12 : 24 } }}>
        {camp.partial && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tr('执行数据为本组织范围内的发放', 'Figures cover distributions in your organisation only')} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={tr('类别', 'Season')}>{en ? camp.seasonNameEn : camp.seasonName}（{camp.year}）</Descriptions.Item>
          <Descriptions.Item label={tr('主办', 'Run by')}>{camp.orgName}</Descriptions.Item>
          <Descriptions.Item label={tr('帮扶对象', 'Target groups')}>{camp.targetGroups.map((g) => <Tag key={g}>{g}</Tag>)}</Descriptions.Item>
          <Descriptions.Item label={tr('预算（元）', 'Budget (yuan)')}>{fenToYuan(camp.budgetFen)}</Descriptions.Item>
          <Descriptions.Item label={tr('已发放（元）', 'Handed out (yuan)')}>{fenToYuan(camp.distributedFen)}</Descriptions.Item>
          <Descriptions.Item label={tr('受助人次', 'People reached')}>{camp.recipients}</Descriptions.Item>
          {camp.startsOn && <Descriptions.Item label={tr('活动时间', 'Dates')}>{camp.startsOn} — {camp.endsOn ?? ''}</Descriptions.Item>}
        </Descriptions>
        <Progress percent={done} format={() => `${camp.executionPercent ?? '—'}%`} aria-label={tr('预算执行率', 'Budget execution')} style={{ maxWidth: 480, marginTop: 8 }} />
        <Space wrap style={{ marginTop: 8 }}>
          {camp.byKind.map((k) => <Tag key={k.kind}>{k.kind === 'cash' ? tr('现金', 'Cash') : tr('物资', 'Goods')} {fenToYuan(k.valueFen)} {tr('元', '')} · {k.records}{tr('笔', '')}</Tag>)}
        </Space>
        {camp.byOrg.length > 1 && (
          <Table size="small" rowKey="orgId" style={{ marginTop: 12, maxWidth: 560 }} pagination={false} dataSource={camp.byOrg}
            columns={[{ title: tr('组织', 'Organisation'), dataIndex: 'orgName' }, { title: tr('发放（元）', 'Value'), dataIndex: 'valueFen', align: 'right', render: fenToYuan }, { title: tr('人次', 'People'), dataIndex: 'recipients', align: 'right' }]} />
        )}
      </Card>
      <Card title={tr('发放记录', 'Distributions')} styles={{ body: { padding: narrow ? 8 : 24 } }}
        extra={can('assist.review') && <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>{tr('登记发放', 'Record')}</Button>}>
        {d.error ? <ErrorState error={d.error} onRetry={d.reload} /> : (
          <Table<DistributionRow> rowKey="id" size="small" loading={d.loading} columns={columns} dataSource={d.data?.items}
            locale={{ emptyText: d.loading ? ' ' : <EmptyState description={tr('还没有发放记录', 'Nothing handed out yet')} /> }}
            pagination={{ current: page, pageSize: 20, total: d.data?.total ?? 0, simple: narrow, hideOnSinglePage: true, onChange: setPage }} />
        )}
      </Card>
      <AddDistribution campaign={camp} open={adding} onClose={() => setAdding(false)} onDone={() => { setAdding(false); c.reload(); d.reload(); }} />
    </Space>
  );
}
