import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Collapse, Flex, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, api, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { CalcLines } from './CalcLines';
import { fenToInput, toFen, type ClaimCalc, type ClaimDetail, type Plan } from './types';

interface BillValues {
  hospital: string;
  visitDate: string;
  dischargeDate?: string;
  total: string;
  insurance: string;
  selfPaid: string;
}

interface Values {
  planId?: number;
  personId?: number;
  diagnosis: string;
  bills: BillValues[];
  attachmentIds: number[];
  payeeName?: string;
  payeeAccount?: string;
}

const LABELS: Record<string, [string, string]> = {
  planId: ['保障计划', 'Plan'], personId: ['会员', 'Member'], diagnosis: ['诊断', 'Diagnosis'], bills: ['票据', 'Bills'], attachmentIds: ['票据照片', 'Photos'],
};
const BILL_FIELD: Record<string, keyof BillValues> = { hospital: 'hospital', visitDate: 'visitDate', dischargeDate: 'dischargeDate', totalFen: 'total', insurancePaidFen: 'insurance', selfPaidFen: 'selfPaid' };

function toBody(v: Values) {
  return {
    diagnosis: v.diagnosis ?? '',
    bills: (v.bills ?? []).map((b) => ({
      hospital: b.hospital ?? '', visitDate: b.visitDate, dischargeDate: b.dischargeDate || null,
      totalFen: toFen(b.total) ?? 0, insurancePaidFen: toFen(b.insurance) ?? 0, selfPaidFen: toFen(b.selfPaid) ?? 0,
    })),
  };
}

const money = (tr: (zh: string, en: string) => string) => [{
  validator: (_: unknown, v: string) => (v === undefined || v === '' || toFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(tr('请输入金额（元），最多两位小数', 'Amount in yuan, at most 2 decimals')))),
}];

/**
 * A secondary-reimbursement claim: plan, diagnosis, bills, photos. The eligible amount is
 * previewed by the server (it knows what this person already received this year).
 * `staff` adds the member picker; `existing` turns it into the correction of a returned claim.
 */
export function ClaimForm({ plans, staff, existing, onDone }: { plans: Plan[]; staff?: boolean; existing?: ClaimDetail; onDone: (id: number) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ calc?: ClaimCalc; problem?: string }>({});
  const [people, setPeople] = useState<{ value: number; label: string }[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const initial: Partial<Values> = existing
    ? {
      planId: existing.plan.id, diagnosis: existing.diagnosis, attachmentIds: [],
      bills: existing.bills.map((b) => ({ hospital: b.hospital, visitDate: b.visitDate, dischargeDate: b.dischargeDate ?? undefined, total: fenToInput(b.totalFen), insurance: fenToInput(b.insurancePaidFen), selfPaid: fenToInput(b.selfPaidFen) })),
    }
    : { planId: plans.length === 1 ? plans[0].id : undefined, bills: [{ hospital: '', visitDate: '', total: '', insurance: '', selfPaid: '0' }], attachmentIds: [] };

  const runPreview = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(async () => {
      const v = form.getFieldsValue(true) as Values;
      const ready = v.planId && (!staff || v.personId || existing) && v.bills?.length && v.bills.every((b) => b?.visitDate && toFen(b.total) && toFen(b.insurance) !== null && toFen(b.selfPaid || '0') !== null);
      if (!ready) return setPreview({});
      try {
        const calc = await api.post<ClaimCalc>('/mutual-aid/claims/preview', { planId: v.planId, personId: staff ? v.personId ?? existing?.personId : undefined, ...toBody({ ...v, diagnosis: v.diagnosis || '-' }) });
        setPreview({ calc });
      } catch (err) {
        setPreview({ problem: err instanceof ApiError ? [err.message, ...err.details.map((d) => d.message)].filter((x, i, a) => a.indexOf(x) === i).join('；') : tr('暂时无法试算', 'Cannot preview now') });
      }
    }, 400);
  };
  useEffect(() => {
    if (existing) runPreview();
    return () => clearTimeout(timer.current);
  }, []);

  const searchPeople = async (q: string) => {
    if (q.trim().length < 2) return;
    const r = await api.get<Page<{ id: number; name: string; orgName: string; idNumberMasked: string }>>('/members', { q: q.trim(), pageSize: 20 });
    setPeople(r.items.map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}，${m.idNumberMasked}）` })));
  };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const payee = v.payeeName && v.payeeAccount ? { name: v.payeeName.trim(), account: v.payeeAccount.trim() } : undefined;
    const body = { ...toBody(v), attachmentIds: v.attachmentIds ?? [], payee };
    try {
      const out = existing
        ? await api.put<{ id: number }>(`/mutual-aid/claims/${existing.id}`, body)
        : await api.post<{ id: number }>('/mutual-aid/claims', { ...body, planId: v.planId, personId: staff ? v.personId : undefined });
      onDone(out.id);
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      const msg = (d: { message: string; messageEn?: string }) => (en && d.messageEn ? d.messageEn : d.message);
      const fields: { name: (string | number)[]; errors: string[] }[] = [];
      const other: string[] = [];
      for (const d of details) {
        const m = /^bills\.(\d+)\.(\w+)$/.exec(d.field ?? '');
        if (m && BILL_FIELD[m[2]]) fields.push({ name: ['bills', Number(m[1]), BILL_FIELD[m[2]]], errors: [msg(d)] });
        else if (d.field && d.field in LABELS && d.field !== 'bills') fields.push({ name: [d.field], errors: [msg(d)] });
        else other.push(msg(d));
      }
      form.setFields(fields as never);
      setError({ title: err instanceof Error ? err.message : tr('提交失败', 'Failed'), items: other });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} onValuesChange={runPreview} requiredMark="optional" scrollToFirstError>
      {!existing && (
        <Form.Item name="planId" label={tr('保障计划', 'Plan')} rules={[{ required: true, message: tr('请选择保障计划', 'Choose a plan') }]}>
          <Select size="large" placeholder={tr('选择已参加的计划', 'Choose a plan you are enrolled in')} options={plans.map((p) => ({ value: p.id, label: `${p.year} ${p.name}` }))} />
        </Form.Item>
      )}
      {staff && !existing && (
        <Form.Item name="personId" label={tr('报销会员', 'Member')} rules={[{ required: true, message: tr('请选择会员', 'Choose the member') }]} extra={tr('输入姓名（至少两个字）或完整身份证号查找', 'Type a name (2+ characters) or a full ID number')}>
          <Select showSearch={{ filterOption: false, onSearch: (q) => void searchPeople(q) }} options={people} placeholder={tr('查找会员', 'Find a member')} notFoundContent={null} />
        </Form.Item>
      )}
      <Form.Item name="diagnosis" label={tr('疾病诊断 / 事故原因', 'Diagnosis / cause')} rules={[{ required: true, whitespace: true, message: tr('请填写诊断', 'Diagnosis is required') }, { max: 200 }]}>
        <Input size="large" placeholder={tr('如：急性阑尾炎住院手术', 'e.g. appendectomy')} />
      </Form.Item>

      <Form.List name="bills">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f, i) => (
              <fieldset key={f.key} className="gh-bill" style={{ border: '1px solid #eee', borderRadius: 8, padding: '8px 12px 0', marginBottom: 12 }}>
                <legend style={{ fontSize: 14, padding: '0 4px', width: 'auto', margin: 0, border: 0 }}>
                  {tr(`票据 ${i + 1}`, `Bill ${i + 1}`)}
                  {fields.length > 1 && <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={tr(`删除票据 ${i + 1}`, `Remove bill ${i + 1}`)} />}
                </legend>
                <Form.Item name={[f.name, 'hospital']} label={tr('医院', 'Hospital')} rules={[{ required: true, whitespace: true, message: tr('请填写医院', 'Hospital is required') }]}>
                  <Input placeholder={tr('如：北京市密云区医院', 'e.g. Miyun District Hospital')} />
                </Form.Item>
                <Flex gap={8} wrap>
                  <Form.Item name={[f.name, 'visitDate']} label={tr('入院/就诊日期', 'Visit date')} rules={[{ required: true, message: tr('请填写日期', 'Date is required') }]} style={{ flex: '1 1 140px' }}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dischargeDate']} label={tr('出院日期', 'Discharge')} style={{ flex: '1 1 140px' }}>
                    <Input type="date" />
                  </Form.Item>
                </Flex>
                <Flex gap={8} wrap>
                  <Form.Item name={[f.name, 'total']} label={tr('总费用（元）', 'Total (yuan)')} rules={[{ required: true, message: tr('请填写总费用', 'Total is required') }, ...money(tr)]} style={{ flex: '1 1 100px' }}>
                    <Input inputMode="decimal" placeholder="0.00" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'insurance']} label={tr('医保支付（元）', 'Insurance (yuan)')} rules={[{ required: true, message: tr('请填写医保支付', 'Required') }, ...money(tr)]} style={{ flex: '1 1 100px' }}>
                    <Input inputMode="decimal" placeholder="0.00" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'selfPaid']} label={tr('自费（元）', 'Self-paid (yuan)')} tooltip={tr('医保目录外、全部由个人负担的费用，不予报销', 'Items outside the insurance catalogue; not reimbursed')} rules={money(tr)} style={{ flex: '1 1 100px' }}>
                    <Input inputMode="decimal" placeholder="0.00" />
                  </Form.Item>
                </Flex>
              </fieldset>
            ))}
            {fields.length < 20 && (
              <Button block icon={<PlusOutlined />} onClick={() => add({ hospital: '', visitDate: '', total: '', insurance: '', selfPaid: '0' })} style={{ marginBottom: 16 }}>
                {tr('再添一张票据', 'Add a bill')}
              </Button>
            )}
          </>
        )}
      </Form.List>

      <Form.Item name="attachmentIds" label={tr('票据、诊断证明照片', 'Photos of bills and diagnosis')} extra={tr('可拍照或选图，单个文件不超过 10 MB', 'Take or pick photos; up to 10 MB each')}>
        <AttachmentUpload photos existing={existing?.attachments} />
      </Form.Item>

      {!existing && (
        <Collapse ghost items={[{
          key: 'payee', label: tr('收款账户（京卡，可不填，默认由工会核实）', 'Payee account (optional)'),
          children: (
            <Flex gap={8} wrap>
              <Form.Item name="payeeName" label={tr('户名', 'Account name')} style={{ flex: '1 1 120px' }}><Input /></Form.Item>
              <Form.Item name="payeeAccount" label={tr('卡号', 'Card number')} rules={[{ pattern: /^[\d\s]{8,40}$/, message: tr('卡号为 8–40 位数字', '8–40 digits') }]} style={{ flex: '2 1 200px' }}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Flex>
          ),
        }]} />
      )}

      <section aria-live="polite" data-testid="claim-preview" style={{ margin: '8px 0 16px' }}>
        {preview.calc && (
          <Alert type="info" showIcon title={<span>{tr('按计划规则可报销', 'Eligible under the plan')} <Typography.Text strong>¥{(preview.calc.eligibleFen / 100).toFixed(2)}</Typography.Text></span>}
            description={<CalcLines calc={preview.calc} />} />
        )}
        {preview.problem && <Alert type="warning" showIcon title={preview.problem} />}
      </section>
      <FormErrorAlert error={error} />
      <Space>
        <Button type="primary" htmlType="submit" size="large" loading={busy} data-testid="claim-submit">{existing ? tr('修改后重新提交', 'Resubmit') : tr('提交报销申请', 'Submit claim')}</Button>
      </Space>
    </Form>
  );
}
