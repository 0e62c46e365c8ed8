import { Button, DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useLocale } from '../../i18n';
import type { FormInstance } from 'antd';
import type { ErrorDetail } from '../../api';
import { EVENT_KINDS, EVENT_NAMES, SCHOOL_STAGES, STAGE_INFO } from '../../../shared/aid/details';
import type { AidType } from '../../../shared/aid/types';
import { fenOf } from './aidApi';

/** The form's values; money is typed in yuan (string mode, exact) and sent as fen. */
export interface AidFormValues {
  personId?: number;
  aidType?: AidType;
  reason?: string;
  amountYuan?: string | null;
  bills?: { hospital?: string; date?: Dayjs; totalYuan?: string; insuredYuan?: string }[];
  child?: { name?: string; school?: string; stage?: string; grade?: string; admissionYear?: number };
  event?: { kind?: string; date?: Dayjs; description?: string };
  attachmentIds?: number[];
  payeeName?: string;
  payeeBank?: string;
  payeeAccount?: string;
}

const day = (d?: Dayjs) => (d ? d.format('YYYY-MM-DD') : undefined);

/** The request body's type-specific details from the form values. */
export function detailsOf(type: AidType, v: AidFormValues): Record<string, unknown> {
  if (type === 'medical') {
    return { bills: (v.bills ?? []).map((b) => ({ hospital: b.hospital, date: day(b.date), totalFen: fenOf(b.totalYuan), insuredFen: fenOf(b.insuredYuan) ?? 0 })) };
  }
  if (type === 'education') {
    const c = v.child ?? {};
    return { child: { name: c.name, school: c.school, stage: c.stage, admissionYear: c.admissionYear, ...(c.grade ? { grade: c.grade } : {}) } };
  }
  if (type === 'temporary') return { event: { kind: v.event?.kind, date: day(v.event?.date), description: v.event?.description } };
  return {};
}

/** Form values back from stored details (correcting a returned application). */
export function valuesOfDetails(type: AidType, d: Record<string, any>): Partial<AidFormValues> {
  const yuan = (fen: number | null | undefined) => (fen == null ? undefined : (fen / 100).toFixed(2));
  if (type === 'medical') return { bills: (d.bills ?? []).map((b: any) => ({ hospital: b.hospital, date: dayjs(b.date), totalYuan: yuan(b.totalFen), insuredYuan: yuan(b.insuredFen) })) };
  if (type === 'education') return { child: d.child };
  if (type === 'temporary') return { event: { ...d.event, date: d.event?.date ? dayjs(d.event.date) : undefined } };
  return {};
}

/** Where a server field error belongs in this form ('details.bills.0.totalFen' → ['bills', 0, 'totalYuan']). */
export function formNameOf(field: string | undefined): (string | number)[] | null {
  if (!field) return null;
  const simple: Record<string, string> = { amountFen: 'amountYuan', 'payee.account': 'payeeAccount', 'payee.bank': 'payeeBank', 'payee.name': 'payeeName', reason: 'reason', personId: 'personId', attachmentIds: 'attachmentIds', aidType: 'aidType' };
  if (simple[field]) return [simple[field]];
  const m = /^details\.(bills)\.(\d+)\.(\w+)$/.exec(field);
  if (m) return ['bills', Number(m[2]), ({ totalFen: 'totalYuan', insuredFen: 'insuredYuan' } as Record<string, string>)[m[3]] ?? m[3]];
  const c = /^details\.(child|event)\.(\w+)$/.exec(field);
  if (c) return [c[1], c[2]];
  return null;
}

/** Per-field errors go beside the field; the rest into the form's alert. */
export function splitErrors(details: ErrorDetail[], en: boolean) {
  const fields: Parameters<FormInstance<AidFormValues>['setFields']>[0] = [];
  const rest: string[] = [];
  for (const d of details) {
    const msg = en && d.messageEn ? d.messageEn : d.message;
    const name = formNameOf(d.field);
    if (name) fields.push({ name: name as never, errors: [msg] });
    else rest.push(msg);
  }
  return { fields, rest };
}

const money = { stringMode: true, min: '0', precision: 2, style: { width: '100%' } } as const;

/** The fields that depend on the aid type: bills, the child at school, the sudden event. */
export function AidTypeFields({ type }: { type: AidType | undefined }) {
  const { tr, en } = useLocale();
  if (type === 'medical') {
    return (
      <Form.List name="bills" initialValue={[{}]}>
        {(fields, { add, remove }) => (
          <Form.Item label={tr('医疗费票据', 'Medical bills')} required>
            {fields.map((f, i) => (
              <Space key={f.key} wrap align="start" style={{ marginBottom: 8 }}>
                <Form.Item name={[f.name, 'hospital']} rules={[{ required: true, message: tr('请填写医院', 'Hospital') }]} noStyle>
                  <Input aria-label={tr(`第${i + 1}张票据医院`, `Bill ${i + 1} hospital`)} placeholder={tr('医院', 'Hospital')} style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'date']} rules={[{ required: true, message: tr('请选择日期', 'Date') }]} noStyle>
                  <DatePicker aria-label={tr(`第${i + 1}张票据日期`, `Bill ${i + 1} date`)} placeholder={tr('票据日期', 'Date')} />
                </Form.Item>
                <Form.Item name={[f.name, 'totalYuan']} rules={[{ required: true, message: tr('请填写总额', 'Total') }]} noStyle>
                  <InputNumber {...money} aria-label={tr(`第${i + 1}张票据总额（元）`, `Bill ${i + 1} total (yuan)`)} placeholder={tr('总额（元）', 'Total (yuan)')} style={{ width: 130 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'insuredYuan']} noStyle>
                  <InputNumber {...money} aria-label={tr(`第${i + 1}张票据医保报销（元）`, `Bill ${i + 1} insurance paid`)} placeholder={tr('医保报销（元）', 'Insurance (yuan)')} style={{ width: 140 }} />
                </Form.Item>
                {fields.length > 1 && <Button aria-label={tr('删除票据', 'Remove bill')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />}
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add({})}>{tr('添加票据', 'Add a bill')}</Button>
          </Form.Item>
        )}
      </Form.List>
    );
  }
  if (type === 'education') {
    return (
      <>
        <Form.Item label={tr('子女姓名', 'Child')} name={['child', 'name']} rules={[{ required: true, message: tr('请填写子女姓名', 'Name') }]}><Input maxLength={40} /></Form.Item>
        <Form.Item label={tr('学校', 'School')} name={['child', 'school']} rules={[{ required: true, message: tr('请填写学校', 'School') }]}><Input maxLength={80} /></Form.Item>
        <Form.Item label={tr('学段', 'Stage')} name={['child', 'stage']} rules={[{ required: true, message: tr('请选择学段', 'Stage') }]}>
          <Select options={SCHOOL_STAGES.map((s) => ({ value: s, label: en ? STAGE_INFO[s].en : STAGE_INFO[s].zh }))} />
        </Form.Item>
        <Form.Item label={tr('年级', 'Grade')} name={['child', 'grade']}><Input maxLength={20} placeholder={tr('如：大一', 'e.g. year 1')} /></Form.Item>
        <Form.Item label={tr('入学年份', 'Admission year')} name={['child', 'admissionYear']} rules={[{ required: true, message: tr('请填写入学年份', 'Year') }]}>
          <InputNumber min={1990} max={2100} style={{ width: 140 }} />
        </Form.Item>
      </>
    );
  }
  if (type === 'temporary') {
    return (
      <>
        <Form.Item label={tr('事件类型', 'Event')} name={['event', 'kind']} rules={[{ required: true, message: tr('请选择事件类型', 'Event kind') }]}>
          <Select options={EVENT_KINDS.map((k) => ({ value: k, label: en ? EVENT_NAMES[k].en : EVENT_NAMES[k].zh }))} />
        </Form.Item>
        <Form.Item label={tr('发生日期', 'Date')} name={['event', 'date']} rules={[{ required: true, message: tr('请选择日期', 'Date') }]}><DatePicker /></Form.Item>
        <Form.Item label={tr('事件经过', 'What happened')} name={['event', 'description']} rules={[{ required: true, message: tr('请描述事件', 'Describe it') }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </>
    );
  }
  return null;
}
