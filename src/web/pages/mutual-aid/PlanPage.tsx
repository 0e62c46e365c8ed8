import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { ApiError, api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { MutualAidTabs } from './MutualAidTabs';
import { planRuleText } from './planText';
import { PLAN_KINDS, fenToInput, toFen, yuan, type Plan } from './types';

interface Values {
  year: number;
  name: string;
  kind: Plan['kind'];
  premium: string;
  deductible: string;
  deductibleBasis: Plan['deductibleBasis'];
  ratioPercent: number;
  capPerClaim?: string;
  capPerYear?: string;
  waitingDays: number;
  status: Plan['status'];
  description?: string;
}

const FIELD: Record<string, keyof Values> = { premiumFen: 'premium', deductibleFen: 'deductible', capPerClaimFen: 'capPerClaim', capPerYearFen: 'capPerYear', ratioBp: 'ratioPercent', name: 'name', year: 'year', waitingDays: 'waitingDays' };

function PlanDialog({ plan, open, onClose }: { plan: Plan | null; open: boolean; onClose: (changed: boolean) => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const money = [{ validator: (_: unknown, v: string) => (v === undefined || v === '' || toFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(tr('金额（元），最多两位小数', 'Yuan, at most 2 decimals')))) }];
  const initial: Partial<Values> = plan
    ? { ...plan, premium: fenToInput(plan.premiumFen), deductible: fenToInput(plan.deductibleFen), ratioPercent: plan.ratioBp / 100, capPerClaim: fenToInput(plan.capPerClaimFen), capPerYear: fenToInput(plan.capPerYearFen), description: plan.description ?? '' }
    : { year: new Date().getFullYear(), kind: 'hospital', deductibleBasis: 'per_claim', ratioPercent: 50, waitingDays: 90, status: 'open', premium: '', deductible: '0' };
  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      year: v.year, name: v.name, kind: v.kind, premiumFen: toFen(v.premium) ?? 0, deductibleFen: toFen(v.deductible) ?? 0, deductibleBasis: v.deductibleBasis,
      // percent with up to two decimals → basis points, exactly
      ratioBp: Math.round(Number(v.ratioPercent) * 100), capPerClaimFen: toFen(v.capPerClaim) || null, capPerYearFen: toFen(v.capPerYear) || null,
      waitingDays: v.waitingDays, status: v.status, description: v.description || null,
    };
    try {
      if (plan) await api.patch(`/mutual-aid/plans/${plan.id}`, body);
      else await api.post('/mutual-aid/plans', body);
      message.success(tr('已保存', 'Saved'));
      onClose(true);
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      form.setFields(details.filter((d) => d.field && FIELD[d.field]).map((d) => ({ name: FIELD[d.field!], errors: [en && d.messageEn ? d.messageEn : d.message] })));
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} width={640} title={plan ? tr('修改保障计划', 'Edit plan') : tr('新建保障计划', 'New plan')} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden okText={tr('保存', 'Save')}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} preserve={false}>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Flex gap={8} wrap>
          <Form.Item name="year" label={tr('年度', 'Year')} rules={[{ required: true }]} style={{ flex: '0 1 100px' }}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="name" label={tr('计划名称', 'Name')} rules={[{ required: true, whitespace: true, message: tr('请填写名称', 'Name is required') }, { max: 60 }]} style={{ flex: '1 1 240px' }}><Input /></Form.Item>
          <Form.Item name="kind" label={tr('类别', 'Kind')} style={{ flex: '0 1 150px' }}><Select options={PLAN_KINDS.map((k) => ({ value: k.value, label: en ? k.en : k.zh }))} /></Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Form.Item name="premium" label={tr('每人保费（元/年）', 'Premium per person (yuan)')} rules={[{ required: true, message: tr('请填写保费', 'Required') }, ...money]} style={{ flex: '1 1 150px' }}><Input inputMode="decimal" /></Form.Item>
          <Form.Item name="deductible" label={tr('起付线（元）', 'Deductible (yuan)')} rules={[{ required: true, message: tr('请填写起付线', 'Required') }, ...money]} style={{ flex: '1 1 120px' }}><Input inputMode="decimal" /></Form.Item>
          <Form.Item name="deductibleBasis" label={tr('起付线计算', 'Deductible applies')} style={{ flex: '1 1 130px' }}>
            <Select options={[{ value: 'per_claim', label: tr('每次报销', 'Per claim') }, { value: 'per_year', label: tr('每年一次', 'Once a year') }]} />
          </Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Form.Item name="ratioPercent" label={tr('报销比例（%）', 'Ratio (%)')} rules={[{ required: true }]} style={{ flex: '1 1 110px' }}><InputNumber min={0.01} max={100} precision={2} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="capPerClaim" label={tr('每次限额（元，空为不限）', 'Cap per claim (yuan, blank = none)')} rules={money} style={{ flex: '1 1 160px' }}><Input inputMode="decimal" /></Form.Item>
          <Form.Item name="capPerYear" label={tr('年度限额（元，空为不限）', 'Yearly cap (yuan, blank = none)')} rules={money} style={{ flex: '1 1 160px' }}><Input inputMode="decimal" /></Form.Item>
        </Flex>
        <Flex gap={8} wrap>
          <Form.Item name="waitingDays" label={tr('等待期（天）', 'Waiting period (days)')} rules={[{ required: true }]} style={{ flex: '0 1 140px' }}><InputNumber min={0} max={3650} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="status" label={tr('参保', 'Enrolment')} style={{ flex: '0 1 140px' }}><Select options={[{ value: 'open', label: tr('开放参保', 'Open') }, { value: 'closed', label: tr('停止参保', 'Closed') }]} /></Form.Item>
        </Flex>
        <Form.Item name="description" label={tr('说明', 'Description')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
        <Alert type="info" showIcon title={tr('已有报销申请的计划，规则不能再修改（已算出的金额须可复核）。', 'Once a plan has claims its rules are frozen, so computed amounts stay explainable.')} />
      </Form>
    </Modal>
  );
}

export default function PlanPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const [editing, setEditing] = useState<Plan | null | undefined>(undefined);
  const { data, error, loading, reload } = useAsync((signal) => api.get<{ items: Plan[] }>('/mutual-aid/plans', {}, signal), []);
  const columns: ColumnsType<Plan> = [
    { title: tr('年度', 'Year'), dataIndex: 'year', width: 70 },
    { title: tr('计划', 'Plan'), dataIndex: 'name', render: (v: string, p) => <span>{v}<div style={{ fontSize: 12, color: '#888' }}>{planRuleText(p, tr)}</div></span> },
    { title: tr('类别', 'Kind'), dataIndex: 'kind', width: 110, responsive: ['md'], render: (k: Plan['kind']) => { const x = PLAN_KINDS.find((i) => i.value === k); return x ? (en ? x.en : x.zh) : k; } },
    { title: tr('保费（元）', 'Premium'), dataIndex: 'premiumFen', width: 90, align: 'right', responsive: ['sm'], render: yuan },
    { title: tr('参保人数', 'Enrolled'), dataIndex: 'enrolled', width: 90, align: 'right' },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 90, render: (s: string) => (s === 'open' ? <Tag color="green">{tr('开放', 'Open')}</Tag> : <Tag>{tr('停止', 'Closed')}</Tag>) },
    ...(can('assist.manage') ? [{ title: tr('操作', 'Actions'), key: 'a', width: 80, render: (_: unknown, p: Plan) => <Button size="small" type="link" onClick={() => setEditing(p)}>{tr('修改', 'Edit')}</Button> }] : []),
  ];
  return (
    <Card title={tr('互助保障 · 保障计划', 'Mutual aid · plans')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={can('assist.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(null)}>{tr('新建计划', 'New plan')}</Button>}>
      <MutualAidTabs />
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<Plan> rowKey="id" size={narrow ? 'small' : 'middle'} columns={columns} dataSource={data?.items} loading={loading} pagination={false}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={tr('还没有保障计划', 'No plans yet')} /> }} />
      )}
      <PlanDialog key={editing?.id ?? 'new'} plan={editing ?? null} open={editing !== undefined} onClose={(changed) => { setEditing(undefined); if (changed) reload(); }} />
    </Card>
  );
}
