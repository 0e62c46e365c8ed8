import { useState } from 'react';
import { App, Button, Card, Form, InputNumber, Modal, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ApiError, api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { ErrorState } from '../../components/states';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { AID_TYPE_INFO, type AidType } from '../../../shared/aid/types';
import { fenToYuan } from '../workflow/types';
import { AID_TYPE_CODES, fenOf, type YearRule } from './aidApi';

interface Row {
  aidType: AidType;
  rule?: YearRule;
}
interface Values {
  capYuan?: string;
  fixedYuan?: string | null;
  thresholdYuan?: string | null;
  ratioPercent?: number | null;
}

const yuan = (fen: number | null | undefined) => (fen == null ? null : (fen / 100).toFixed(2));

/** 救助标准: each year's cap, fixed standard, and the medical threshold and ratio (district sets them). */
export default function AidRulesPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const year = Number(params.get('year') ?? new Date().getFullYear());
  const [editing, setEditing] = useState<AidType | null>(null);
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Values>();
  const { data, error: loadError, loading, reload } = useAsync((signal) => api.get<YearRule[]>('/aid/rules', { year }, signal), [year]);
  const rows: Row[] = AID_TYPE_CODES.map((t) => ({ aidType: t, rule: data?.find((r) => r.aidType === t) }));

  const open = (r: Row) => {
    setError(null);
    form.setFieldsValue({ capYuan: yuan(r.rule?.capFen) ?? undefined, fixedYuan: yuan(r.rule?.fixedFen), thresholdYuan: yuan(r.rule?.thresholdFen), ratioPercent: r.rule?.ratioBp != null ? r.rule.ratioBp / 100 : null });
    setEditing(r.aidType);
  };
  const save = async (v: Values) => {
    if (!editing) return;
    setBusy(true);
    try {
      await api.put(`/aid/rules/${year}/${editing}`, {
        capFen: fenOf(v.capYuan), fixedFen: fenOf(v.fixedYuan), thresholdFen: fenOf(v.thresholdYuan), ratioBp: v.ratioPercent == null ? null : Math.round(v.ratioPercent * 100),
      });
      message.success(tr('已保存', 'Saved'));
      setEditing(null);
      reload();
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      setError({ title: errorMessage(err), items: details.map((d) => (en && d.messageEn ? d.messageEn : d.message)) });
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<Row> = [
    { title: tr('救助类型', 'Aid type'), dataIndex: 'aidType', render: (t: AidType) => (en ? AID_TYPE_INFO[t].en : AID_TYPE_INFO[t].zh) },
    { title: tr('上限（元）', 'Cap (yuan)'), key: 'cap', align: 'right', render: (_, r) => (r.rule ? fenToYuan(r.rule.capFen) : <span style={{ color: '#cf1322' }}>{tr('未设置', 'Not set')}</span>) },
    { title: tr('固定标准（元）', 'Fixed (yuan)'), key: 'fixed', align: 'right', responsive: ['sm'], render: (_, r) => fenToYuan(r.rule?.fixedFen) },
    { title: tr('起付标准（元）', 'Threshold'), key: 'threshold', align: 'right', responsive: ['md'], render: (_, r) => fenToYuan(r.rule?.thresholdFen) },
    { title: tr('比例', 'Ratio'), key: 'ratio', align: 'right', responsive: ['md'], render: (_, r) => (r.rule?.ratioBp != null ? `${r.rule.ratioBp / 100}%` : '—') },
    ...(can('assist.manage') ? [{ title: tr('操作', 'Action'), key: 'act', width: 80, render: (_: unknown, r: Row) => <Button size="small" onClick={() => open(r)} aria-label={tr(`设置${AID_TYPE_INFO[r.aidType].zh}`, `Set ${AID_TYPE_INFO[r.aidType].en}`)}>{tr('设置', 'Set')}</Button> }] : []),
  ];
  return (
    <Card title={tr('救助标准', 'Aid amounts per year')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={<Select aria-label={tr('年度', 'Year')} value={year} onChange={(v) => update({ year: v })} style={{ width: 100 }}
        options={Array.from({ length: 7 }, (_, i) => new Date().getFullYear() + 1 - i).map((y) => ({ value: y, label: y }))} />}>
      {loadError ? <ErrorState error={loadError} onRetry={reload} /> : <Table<Row> rowKey="aidType" size="small" loading={loading} pagination={false} columns={columns} dataSource={rows} />}
      <Modal open={!!editing} title={editing ? tr(`${year}年度 ${AID_TYPE_INFO[editing].zh} 标准`, `${AID_TYPE_INFO[editing].en}, ${year}`) : ''} onCancel={() => setEditing(null)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')}>
        <FormErrorAlert error={error} />
        <Form form={form} layout="vertical" onFinish={save}>
          <Form.Item label={tr('每件申请上限（元）', 'Cap per application (yuan)')} name="capYuan" rules={[{ required: true, message: tr('请填写上限', 'Enter the cap') }]}><InputNumber stringMode min="0.01" precision={2} style={{ width: 200 }} /></Form.Item>
          <Form.Item label={tr('固定标准（元，可不填）', 'Fixed amount (optional)')} name="fixedYuan"><InputNumber stringMode min="0.01" precision={2} style={{ width: 200 }} /></Form.Item>
          {editing === 'medical' && (
            <>
              <Form.Item label={tr('起付标准（元）', 'Threshold (yuan)')} name="thresholdYuan" rules={[{ required: true, message: tr('请填写', 'Required') }]}><InputNumber stringMode min="0" precision={2} style={{ width: 200 }} /></Form.Item>
              <Form.Item label={tr('救助比例（%）', 'Ratio (%)')} name="ratioPercent" rules={[{ required: true, message: tr('请填写', 'Required') }]}><InputNumber min={0.01} max={100} precision={2} style={{ width: 120 }} /></Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Card>
  );
}
