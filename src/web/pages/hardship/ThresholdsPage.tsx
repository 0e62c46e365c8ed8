import { useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api, ApiError, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { formatYuan } from '../../../shared/hardship/tier';
import type { ThresholdRow } from './hardshipApi';

interface Values { year: number; dibaoYuan: number; deepPct: number; relativePct: number; accidentPct: number | null; accidentCostPct: number; note?: string }

/** 年度标准: the 低保 standard and multipliers per year; district staff edit, everyone with assist.read reads. */
export default function ThresholdsPage() {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const { data, error, loading, reload } = useAsync((signal) => api.get<{ items: ThresholdRow[]; currentYear: number; canEdit: boolean }>('/hardship/thresholds', undefined, signal), []);
  const [editing, setEditing] = useState<Values | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();

  const open = (r?: ThresholdRow) => {
    const v: Values = r ? { year: r.year, dibaoYuan: r.dibaoFen / 100, deepPct: r.deepPct, relativePct: r.relativePct, accidentPct: r.accidentPct, accidentCostPct: r.accidentCostPct, note: r.note ?? undefined }
      : { year: data?.currentYear ?? new Date().getFullYear(), dibaoYuan: 1395, deepPct: 100, relativePct: 200, accidentPct: 300, accidentCostPct: 80 };
    setEditing(v);
    form.setFieldsValue(v);
  };
  const save = async (v: Values) => {
    setSaving(true);
    try {
      await api.put(`/hardship/thresholds/${v.year}`, { dibaoFen: Math.round(v.dibaoYuan * 100), deepPct: v.deepPct, relativePct: v.relativePct, accidentPct: v.accidentPct ?? null, accidentCostPct: v.accidentCostPct, note: v.note ?? null });
      message.success(tr('已保存', 'Saved'));
      setEditing(null);
      reload();
    } catch (err) {
      if (err instanceof ApiError && err.details.length) {
        const map: Record<string, string> = { dibaoFen: 'dibaoYuan' };
        form.setFields(err.details.map((d) => ({ name: (map[d.field ?? ''] ?? d.field) as keyof Values, errors: [d.message] })));
      } else message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<ThresholdRow> = [
    { title: tr('年度', 'Year'), dataIndex: 'year', width: 70 },
    { title: tr('低保标准（元/人/月）', '低保 (yuan/person/month)'), dataIndex: 'dibaoFen', align: 'right', render: (v: number) => formatYuan(v) },
    { title: tr('深度困难', 'Deep'), dataIndex: 'deepPct', render: (v: number, r) => `${v}%（${formatYuan(Math.round(r.dibaoFen * v / 100))}）` },
    { title: tr('相对困难', 'Relative'), dataIndex: 'relativePct', render: (v: number, r) => `${v}%（${formatYuan(Math.round(r.dibaoFen * v / 100))}）` },
    { title: tr('意外致困', 'Accident'), dataIndex: 'accidentPct', responsive: ['md'], render: (v: number | null, r) => (v === null ? tr('不设收入线', 'No income line') : `${v}%（${formatYuan(Math.round(r.dibaoFen * v / 100))}）`) },
    { title: tr('突发费用占收入', 'Cost share'), dataIndex: 'accidentCostPct', responsive: ['lg'], render: (v: number) => `> ${v}%` },
    { title: tr('说明', 'Note'), dataIndex: 'note', responsive: ['lg'], ellipsis: true },
    ...(data?.canEdit ? [{ title: tr('操作', 'Actions'), key: 'a', width: 80, render: (_: unknown, r: ThresholdRow) => <Button size="small" onClick={() => open(r)}>{tr('修改', 'Edit')}</Button> }] : []),
  ];

  return (
    <Card title={tr('困难职工认定年度标准', 'Hardship thresholds per year')} extra={data?.canEdit && <Button type="primary" onClick={() => open()}>{tr('设置年度标准', 'Set a year')}</Button>} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <p style={{ marginTop: 0 }}>{tr('人均月收入 =（家庭年收入 − 年刚性支出）÷ 12 ÷ 家庭人口，低于“低保标准 × 倍数”即认定为相应类别。修改标准不会自动改变已建档案，年度复核时按当年标准重新认定。',
        'Per-capita monthly figure = (annual income − annual unavoidable spending) ÷ 12 ÷ household size; below 低保 × multiplier gives the tier. Existing files change only when reviewed.')}</p>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<ThresholdRow> rowKey="year" size={narrow ? 'small' : 'middle'} loading={loading} columns={columns} dataSource={data?.items} pagination={false}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={tr('尚未设置任何年度标准，无法建档', 'No thresholds yet; files cannot be assessed')} /> }} />
      )}
      <Modal open={!!editing} title={tr('设置年度标准', 'Set thresholds')} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={saving} okText={tr('保存', 'Save')} cancelText={tr('取消', 'Cancel')} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={save} initialValues={editing ?? undefined}>
          <Form.Item name="year" label={tr('年度', 'Year')} rules={[{ required: true }]}><InputNumber min={2000} max={2100} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="dibaoYuan" label={tr('低保标准（元/人/月）', '低保 (yuan per person per month)')} rules={[{ required: true, message: tr('请填写低保标准', 'Required') }]}><InputNumber min={0.01} precision={2} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="deepPct" label={tr('深度困难倍数（%）', 'Deep multiplier (%)')} rules={[{ required: true }]}><InputNumber min={1} max={1000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="relativePct" label={tr('相对困难倍数（%）', 'Relative multiplier (%)')} rules={[{ required: true }]}><InputNumber min={1} max={1000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="accidentPct" label={tr('意外致困倍数（%，留空表示不设收入线）', 'Accident multiplier (%, empty = none)')}><InputNumber min={1} max={1000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="accidentCostPct" label={tr('突发疾病/意外费用超过家庭年收入的比例（%）', 'Sudden cost above share of annual income (%)')} rules={[{ required: true }]}><InputNumber min={1} max={1000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="note" label={tr('说明', 'Note')}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
