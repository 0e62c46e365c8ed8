import { useState } from 'react';
import { Button, Flex, Form, Input, InputNumber, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, api } from '../../api';
import { useLocale } from '../../i18n';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { EVENT_KINDS, EVENT_NAMES, SCHOOL_STAGES, STAGE_INFO } from '../../../shared/aid/details';
import { toFen, fenToInput, yuan } from '../mutual-aid/types';
import type { AidTypeInfo } from './PortalApply';

type Yuan = string;
interface Values {
  reason: string;
  amountYuan?: Yuan;
  details?: {
    bills?: { hospital: string; date: string; totalYuan: Yuan; insuredYuan: Yuan }[];
    child?: { name: string; school: string; stage: string; grade?: string; admissionYear: number };
    event?: { kind: string; date: string; description: string };
  };
  attachmentIds?: number[];
  payee?: { name?: string; bank?: string; account?: string };
}

/** The aid detail as GET /aid/applications/:id returns it, for correcting a returned application. */
export interface AidExisting {
  id: number;
  aid: { reason: string; requestedFen: number | null; details: Record<string, unknown>; attachments: { id: number; name: string; mime: string; size: number; createdAt: string }[]; payeeBank: string | null };
}

/** 'totalFen' in a server field path is 'totalYuan' in the form. */
function formPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p.replace(/Fen$/, 'Yuan')));
}

function toDetails(code: string, d: Values['details']): Record<string, unknown> {
  if (code === 'medical') return { bills: (d?.bills ?? []).map((b) => ({ hospital: b.hospital, date: b.date, totalFen: toFen(b.totalYuan) ?? 0, insuredFen: toFen(b.insuredYuan) ?? 0 })) };
  if (code === 'education') return { child: { ...d?.child, grade: d?.child?.grade || undefined } };
  if (code === 'temporary') return { event: d?.event };
  return {};
}

function fromDetails(code: string, d: Record<string, unknown>): Values['details'] {
  if (code === 'medical') {
    const bills = (d.bills as { hospital: string; date: string; totalFen: number; insuredFen: number }[] | undefined) ?? [];
    return { bills: bills.map((b) => ({ hospital: b.hospital, date: b.date, totalYuan: fenToInput(b.totalFen), insuredYuan: fenToInput(b.insuredFen) })) };
  }
  return d as Values['details'];
}

const moneyRule = (tr: (zh: string, en: string) => string) => ({
  validator: (_: unknown, v: string) => (v === undefined || v === '' || toFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(tr('请输入金额（元），最多两位小数', 'Amount in yuan, at most 2 decimals')))),
});

/** Apply for one aid type (or correct a returned application of it) from the phone. */
export function AidForm({ type, existing, onDone }: { type: AidTypeInfo; existing?: AidExisting; onDone: (id: number) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const code = type.code;
  const initial: Partial<Values> = existing
    ? { reason: existing.aid.reason, amountYuan: fenToInput(existing.aid.requestedFen), details: fromDetails(code, existing.aid.details), attachmentIds: [] }
    : { details: code === 'medical' ? { bills: [{ hospital: '', date: '', totalYuan: '', insuredYuan: '' }] } : {}, attachmentIds: [] };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      reason: v.reason, amountFen: type.needsAmount ? toFen(v.amountYuan) : undefined, details: toDetails(code, v.details), attachmentIds: v.attachmentIds ?? [],
    };
    try {
      const out = existing
        ? await api.patch<{ id: number }>(`/aid/applications/${existing.id}`, body)
        : await api.post<{ id: number }>('/aid/applications', { ...body, aidType: code, payee: { name: v.payee?.name || undefined, bank: v.payee?.bank, account: v.payee?.account?.replace(/\s+/g, '') } });
      onDone(existing?.id ?? out.id);
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      const msg = (d: { message: string; messageEn?: string }) => (en && d.messageEn ? d.messageEn : d.message);
      const known = details.filter((d) => d.field && form.getFieldInstance(formPath(d.field) as never));
      form.setFields(known.map((d) => ({ name: formPath(d.field!), errors: [msg(d)] })) as never);
      setError({ title: err instanceof Error ? err.message : tr('提交失败', 'Failed'), items: details.filter((d) => !known.includes(d)).map(msg) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark="optional" scrollToFirstError>
      <Form.Item name="reason" label={tr('申请理由', 'Reason')} rules={[{ required: true, whitespace: true, min: 2, message: tr('请写明申请理由（至少2个字）', 'Give the reason (2+ characters)') }, { max: 1000 }]}>
        <Input.TextArea rows={4} placeholder={tr('家庭困难情况、遇到的困难等', 'Describe your situation')} />
      </Form.Item>
      {type.needsAmount && (
        <Form.Item name="amountYuan" label={tr('申请金额（元）', 'Amount (yuan)')} rules={[{ required: true, message: tr('请填写申请金额', 'Enter the amount') }, moneyRule(tr)]}
          extra={type.amount ? tr(`本年度每次最高 ${yuan(type.amount.capFen)} 元`, `At most ${yuan(type.amount.capFen)} yuan`) : undefined}>
          <Input size="large" inputMode="decimal" placeholder="0.00" />
        </Form.Item>
      )}
      {code === 'medical' && (
        <Form.List name={['details', 'bills']}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <fieldset key={f.key} style={{ border: '1px solid #eee', borderRadius: 8, padding: '8px 12px 0', marginBottom: 12 }}>
                  <legend style={{ fontSize: 14, width: 'auto', margin: 0, border: 0, padding: '0 4px' }}>
                    {tr(`医疗票据 ${i + 1}`, `Bill ${i + 1}`)}
                    {fields.length > 1 && <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={tr(`删除票据 ${i + 1}`, `Remove bill ${i + 1}`)} />}
                  </legend>
                  <Form.Item name={[f.name, 'hospital']} label={tr('医院', 'Hospital')} rules={[{ required: true, whitespace: true, message: tr('请填写医院', 'Required') }]}><Input /></Form.Item>
                  <Flex gap={8} wrap>
                    <Form.Item name={[f.name, 'date']} label={tr('日期', 'Date')} rules={[{ required: true, message: tr('请填写日期', 'Required') }]} style={{ flex: '1 1 130px' }}><Input type="date" /></Form.Item>
                    <Form.Item name={[f.name, 'totalYuan']} label={tr('总费用（元）', 'Total')} rules={[{ required: true, message: tr('必填', 'Required') }, moneyRule(tr)]} style={{ flex: '1 1 100px' }}><Input inputMode="decimal" /></Form.Item>
                    <Form.Item name={[f.name, 'insuredYuan']} label={tr('医保支付（元）', 'Insurance')} rules={[{ required: true, message: tr('必填', 'Required') }, moneyRule(tr)]} style={{ flex: '1 1 100px' }}><Input inputMode="decimal" /></Form.Item>
                  </Flex>
                </fieldset>
              ))}
              <Button block icon={<PlusOutlined />} onClick={() => add({ hospital: '', date: '', totalYuan: '', insuredYuan: '' })} style={{ marginBottom: 16 }}>{tr('再添一张票据', 'Add a bill')}</Button>
            </>
          )}
        </Form.List>
      )}
      {code === 'education' && (
        <>
          <Flex gap={8} wrap>
            <Form.Item name={['details', 'child', 'name']} label={tr('子女姓名', 'Child')} rules={[{ required: true, whitespace: true, message: tr('必填', 'Required') }]} style={{ flex: '1 1 120px' }}><Input /></Form.Item>
            <Form.Item name={['details', 'child', 'stage']} label={tr('学段', 'Stage')} rules={[{ required: true, message: tr('必填', 'Required') }]} style={{ flex: '1 1 140px' }}>
              <Select options={SCHOOL_STAGES.map((s) => ({ value: s, label: en ? STAGE_INFO[s].en : STAGE_INFO[s].zh }))} />
            </Form.Item>
          </Flex>
          <Form.Item name={['details', 'child', 'school']} label={tr('学校', 'School')} rules={[{ required: true, whitespace: true, message: tr('必填', 'Required') }]}><Input /></Form.Item>
          <Flex gap={8} wrap>
            <Form.Item name={['details', 'child', 'admissionYear']} label={tr('入学年份', 'Admission year')} rules={[{ required: true, message: tr('必填', 'Required') }]} style={{ flex: '1 1 120px' }}><InputNumber min={1990} max={2100} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name={['details', 'child', 'grade']} label={tr('年级', 'Grade')} style={{ flex: '1 1 120px' }}><Input /></Form.Item>
          </Flex>
        </>
      )}
      {code === 'temporary' && (
        <>
          <Flex gap={8} wrap>
            <Form.Item name={['details', 'event', 'kind']} label={tr('事件类别', 'Event')} rules={[{ required: true, message: tr('必填', 'Required') }]} style={{ flex: '1 1 140px' }}>
              <Select options={EVENT_KINDS.map((k) => ({ value: k, label: en ? EVENT_NAMES[k].en : EVENT_NAMES[k].zh }))} />
            </Form.Item>
            <Form.Item name={['details', 'event', 'date']} label={tr('发生日期', 'Date')} rules={[{ required: true, message: tr('必填', 'Required') }]} style={{ flex: '1 1 140px' }}><Input type="date" /></Form.Item>
          </Flex>
          <Form.Item name={['details', 'event', 'description']} label={tr('事件经过', 'What happened')} rules={[{ required: true, whitespace: true, message: tr('必填', 'Required') }, { max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
        </>
      )}
      <Form.Item name="attachmentIds" label={tr('证明材料照片', 'Photos of documents')}
        extra={type.documents.length ? tr(`须附：${type.documents.map((d) => d.zh).join('、')}；单个文件不超过 10 MB`, `Required: ${type.documents.map((d) => d.en).join(', ')}; up to 10 MB each`) : tr('可拍照或选图，单个文件不超过 10 MB', 'Take or pick photos; up to 10 MB each')}>
        <AttachmentUpload photos existing={existing?.aid.attachments} />
      </Form.Item>
      {!existing && (
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <legend style={{ fontSize: 14, marginBottom: 8 }}>{tr('收款账户', 'Payee account')}</legend>
          <Form.Item name={['payee', 'name']} label={tr('收款人（默认本人）', 'Payee (default: yourself)')}><Input /></Form.Item>
          <Form.Item name={['payee', 'bank']} label={tr('开户银行', 'Bank')} rules={[{ required: true, whitespace: true, message: tr('请填写开户银行', 'Enter the bank') }]}><Input placeholder={tr('如：北京银行密云支行', 'e.g. Bank of Beijing, Miyun')} /></Form.Item>
          <Form.Item name={['payee', 'account']} label={tr('银行卡号', 'Account number')} rules={[{ required: true, message: tr('请填写卡号', 'Enter the account') }, { pattern: /^[\d\s]{8,40}$/, message: tr('卡号为 8–32 位数字', '8–32 digits') }]}>
            <Input inputMode="numeric" />
          </Form.Item>
        </fieldset>
      )}
      <FormErrorAlert error={error} />
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="aid-submit">{existing ? tr('修改后重新提交', 'Resubmit') : tr('提交申请', 'Submit')}</Button>
    </Form>
  );
}
