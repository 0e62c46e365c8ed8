import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, List, Modal, Progress, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { RecordPicker } from './RecordPicker';
import { formatBasisPoints, formatFen, useSubmit, yearOptions, YuanInput, yuanRule, type BudgetLine, type Spending } from './shared';

interface Lines { items: BudgetLine[]; totals: { amountFen: number; spentFen: number; remainingFen: number; executionBp: number } }

/** 经费: budget lines per year with execution bars; a line opens its spending ledger. */
export default function BudgetPage() {
  const { tr } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const lineId = params.get('line') ? Number(params.get('line')) : undefined;
  const lines = useAsync((signal) => api.get<Lines>('/reform/budget-lines', { year }, signal), [year]);
  const [adding, setAdding] = useState(false);
  const manage = can('reform.manage');
  const selected = lines.data?.items.find((l) => l.id === lineId);

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={tr('产改保障资金', 'Reform budget')}
        styles={{ body: { padding: narrow ? 12 : 24 } }}
        extra={
          <Space wrap>
            <Select aria-label={tr('预算年度', 'Budget year')} value={year} onChange={(v) => update({ year: v, line: undefined })} options={yearOptions(true).map((y) => ({ value: y, label: tr(`${y}年`, String(y)) }))} style={{ width: 110 }} />
            {manage && <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>{narrow ? tr('新增', 'Add') : tr('新增预算项目', 'New budget line')}</Button>}
          </Space>
        }
      >
        {lines.error ? <ErrorState error={lines.error} onRetry={lines.reload} /> : !lines.data ? <Loading /> : !lines.data.items.length ? (
          <EmptyState description={tr(`${year}年还没有预算项目`, `No budget lines for ${year}`)} />
        ) : (
          <>
            <Typography.Paragraph data-testid="budget-totals">
              {tr(`${year}年合计预算 ${formatFen(lines.data.totals.amountFen)} 元，已支出 ${formatFen(lines.data.totals.spentFen)} 元，执行率 ${formatBasisPoints(lines.data.totals.executionBp)}`,
                `${year}: budget ${formatFen(lines.data.totals.amountFen)} yuan, spent ${formatFen(lines.data.totals.spentFen)} yuan, ${formatBasisPoints(lines.data.totals.executionBp)} executed`)}
            </Typography.Paragraph>
            <List
              dataSource={lines.data.items}
              renderItem={(l) => (
                <List.Item
                  data-testid="budget-line"
                  style={{ cursor: 'pointer', background: l.id === lineId ? '#fff1f0' : undefined, paddingInline: 8 }}
                  onClick={() => update({ line: l.id }, false)}
                  actions={[<Button key="open" type="link" onClick={() => update({ line: l.id }, false)}>{tr('支出明细', 'Ledger')}</Button>]}
                >
                  <div style={{ width: '100%' }}>
                    <Flex justify="space-between" wrap gap={8}>
                      <Typography.Text strong>{l.name}</Typography.Text>
                      <Typography.Text type="secondary">{tr(`预算 ${l.amount} 元 · 已支出 ${l.spent} 元 · 剩余 ${l.remaining} 元`, `Budget ${l.amount} · spent ${l.spent} · left ${l.remaining}`)}</Typography.Text>
                    </Flex>
                    <Progress percent={Math.min(100, l.executionBp / 100)} format={() => formatBasisPoints(l.executionBp)} status={l.remainingFen < 0 ? 'exception' : 'normal'}
                      aria-label={tr(`${l.name}执行率 ${formatBasisPoints(l.executionBp)}`, `${l.name} executed ${formatBasisPoints(l.executionBp)}`)} />
                  </div>
                </List.Item>
              )}
            />
          </>
        )}
      </Card>
      {selected && <Ledger line={selected} manage={manage} onChanged={lines.reload} />}
      {adding && <LineModal year={year} onClose={(saved) => { setAdding(false); if (saved) lines.reload(); }} />}
    </Space>
  );
}

function LineModal({ year, onClose }: { year: number; onClose: (saved: boolean) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<{ year: number; name: string; amountYuan: string; note?: string }>();
  const { busy, error, run } = useSubmit(form, ['year', 'name', 'amountYuan', 'note']);
  return (
    <Modal open title={tr('新增预算项目', 'New budget line')} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ year }} onFinish={(v) => run(() => api.post('/reform/budget-lines', v), tr('已保存', 'Saved')).then((ok) => ok && onClose(true))}>
        <Form.Item name="year" label={tr('年度', 'Year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="name" label={tr('项目名称', 'Name')} rules={[{ required: true, whitespace: true, message: tr('请填写项目名称', 'Enter the name') }]}><Input maxLength={100} placeholder={tr('如：重点群体培训', 'e.g. training of key groups')} /></Form.Item>
        <Form.Item name="amountYuan" label={tr('预算金额（元）', 'Amount (yuan)')} rules={[{ required: true, message: tr('请填写金额', 'Enter the amount') }, yuanRule(en)]}><YuanInput /></Form.Item>
        <Form.Item name="note" label={tr('说明', 'Note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

function Ledger({ line, manage, onChanged }: { line: BudgetLine; manage: boolean; onChanged: () => void }) {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const [page, setPage] = useState(1);
  const [showVoided, setShowVoided] = useState(false);
  const [adding, setAdding] = useState(false);
  const [voiding, setVoiding] = useState<Spending | null>(null);
  const list = useAsync((signal) => api.get<Page<Spending>>(`/reform/budget-lines/${line.id}/spendings`, { page, pageSize: 20, includeVoided: showVoided ? 1 : undefined }, signal), [line.id, page, showVoided, line.spentFen]);
  const columns: ColumnsType<Spending> = [
    { title: tr('日期', 'Date'), dataIndex: 'spentOn', width: 110 },
    { title: tr('金额（元）', 'Amount'), dataIndex: 'amount', align: 'right', width: 130, render: (v: string, s) => <span style={{ textDecoration: s.voidedAt ? 'line-through' : undefined }}>{v}</span> },
    { title: tr('收款方', 'Payee'), dataIndex: 'payee', ellipsis: true, responsive: ['md'] },
    { title: tr('用途', 'Purpose'), dataIndex: 'purpose', ellipsis: true },
    { title: tr('关联', 'Linked to'), key: 'link', responsive: ['lg'], render: (_: unknown, s) => s.activityTitle ?? s.taskTitle ?? '—' },
    {
      title: tr('状态', 'Status'), key: 'st', width: 120, render: (_: unknown, s) => (
        <Space size={4} wrap>
          {s.overBudget && <Tag color="red" title={s.overReason ?? ''}>{tr('超预算', 'Over budget')}</Tag>}
          {s.voidedAt ? <Tag title={s.voidReason ?? ''}>{tr('已作废', 'Voided')}</Tag> : manage && <Button size="small" type="link" onClick={() => setVoiding(s)}>{tr('作废', 'Void')}</Button>}
        </Space>
      ),
    },
  ];
  const changed = () => {
    onChanged();
    list.reload();
  };
  return (
    <Card title={tr(`${line.year}年 ${line.name} · 支出明细`, `${line.year} ${line.name} · ledger`)} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={<Space wrap><Checkbox checked={showVoided} onChange={(e) => setShowVoided(e.target.checked)}>{tr('含已作废', 'Show voided')}</Checkbox>{manage && <Button type="primary" onClick={() => setAdding(true)}>{tr('登记支出', 'Record spending')}</Button>}</Space>}>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Spending> rowKey="id" size="small" columns={columns} dataSource={list.data?.items} loading={list.loading}
          locale={{ emptyText: list.loading ? ' ' : <EmptyState description={tr('还没有支出记录', 'No spending yet')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, simple: narrow, onChange: setPage }} />
      )}
      {adding && <SpendingModal line={line} onClose={(saved) => { setAdding(false); if (saved) changed(); }} />}
      {voiding && <VoidModal spending={voiding} onClose={(saved) => { setVoiding(null); if (saved) changed(); }} />}
    </Card>
  );
}

interface SpendingValues { spentOn?: Dayjs; amountYuan: string; payee: string; purpose: string; activityId?: number | null; taskId?: number | null; overBudget?: boolean; overReason?: string; voucherIds?: number[] }

function SpendingModal({ line, onClose }: { line: BudgetLine; onClose: (saved: boolean) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<SpendingValues>();
  const over = Form.useWatch('overBudget', form);
  const { busy, error, run } = useSubmit(form, ['spentOn', 'amountYuan', 'payee', 'purpose', 'activityId', 'taskId', 'overReason']);
  const submit = (v: SpendingValues) => run(() => api.post(`/reform/budget-lines/${line.id}/spendings`, { ...v, spentOn: v.spentOn?.format('YYYY-MM-DD') ?? '' }), tr('已登记支出', 'Spending recorded'))
    .then((ok) => ok && onClose(true));
  return (
    <Modal open title={tr(`登记支出：${line.name}`, `Record spending: ${line.name}`)} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{tr(`剩余预算 ${line.remaining} 元`, `Remaining ${line.remaining} yuan`)}</Typography.Paragraph>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="spentOn" label={tr('支出日期', 'Date')} rules={[{ required: true, message: tr('请选择日期', 'Choose the date') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="amountYuan" label={tr('金额（元，最多两位小数）', 'Amount (yuan, 2 decimals)')} rules={[{ required: true, message: tr('请填写金额', 'Enter the amount') }, yuanRule(en)]}><YuanInput /></Form.Item>
        <Form.Item name="payee" label={tr('收款方', 'Payee')} rules={[{ required: true, whitespace: true, message: tr('请填写收款方', 'Enter the payee') }]}><Input maxLength={100} /></Form.Item>
        <Form.Item name="purpose" label={tr('用途', 'Purpose')} rules={[{ required: true, whitespace: true, message: tr('请填写用途', 'Enter the purpose') }]}><Input maxLength={300} /></Form.Item>
        <Form.Item name="activityId" label={tr('关联活动', 'Linked activity')}><RecordPicker kind="activity" ariaLabel={tr('关联活动', 'Linked activity')} /></Form.Item>
        <Form.Item name="taskId" label={tr('关联改革任务', 'Linked reform task')}><RecordPicker kind="task" ariaLabel={tr('关联改革任务', 'Linked reform task')} /></Form.Item>
        <Form.Item name="overBudget" valuePropName="checked"><Checkbox>{tr('超预算支出（须说明原因）', 'Over budget (give a reason)')}</Checkbox></Form.Item>
        {over && <Form.Item name="overReason" label={tr('超预算说明', 'Over-budget reason')} rules={[{ required: true, whitespace: true, message: tr('请说明超预算原因', 'Give the reason') }]}><Input.TextArea rows={2} maxLength={300} /></Form.Item>}
        <Form.Item name="voucherIds" label={tr('凭证', 'Vouchers')}><AttachmentUpload /></Form.Item>
      </Form>
    </Modal>
  );
}

function VoidModal({ spending, onClose }: { spending: Spending; onClose: (saved: boolean) => void }) {
  const { tr } = useLocale();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, run } = useSubmit(form, ['reason']);
  return (
    <Modal open title={tr(`作废支出 ${spending.amount} 元`, `Void ${spending.amount} yuan`)} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okButtonProps={{ danger: true }} okText={tr('作废', 'Void')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={(v) => run(() => api.post(`/reform/spendings/${spending.id}/void`, v), tr('已作废', 'Voided')).then((ok) => ok && onClose(true))}>
        <Form.Item name="reason" label={tr('作废原因', 'Reason')} rules={[{ required: true, whitespace: true, message: tr('请填写原因', 'Enter the reason') }]}><Input.TextArea rows={2} maxLength={300} /></Form.Item>
      </Form>
    </Modal>
  );
}
