import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Checkbox, Col, DatePicker, Divider, Flex, Form, Input, InputNumber, Row, Select, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, ApiError, errorMessage, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { ErrorState, Loading } from '../../components/states';
import {
  ACCIDENT_CONSEQUENCES, ACCIDENT_KINDS, DISABILITY_CATEGORIES, DISABILITY_GRADES, EXCLUSIONS, EXPENSE_KINDS, HARDSHIP_CAUSES,
  HARDSHIP_IDENTITIES, HARDSHIP_TIERS, HEALTH_CONDITIONS, HOUSING_TYPES, INCOME_KINDS, MEDICAL_INSURANCE, PERIODS, RELATIONS,
} from '../../../shared/hardship/codes';
import { tierInputOf, type HardshipInput, type HealthInfo } from '../../../shared/hardship/input';
import { computeTier, formatYuan, type TierThresholds } from '../../../shared/hardship/tier';
import { options, tierColor, type HardshipDetail, type ThresholdRow } from './hardshipApi';

interface HealthForm { conditions?: string[]; diagnosis?: string; disabilityCategory?: string; disabilityGrade?: string }
interface Money { kind: string; amountYuan: number; period: 'month' | 'year'; note?: string }
interface Values {
  personId?: number;
  identity: string; mainCause: string; causes: string[]; housingType?: string; medicalInsurance?: string; singleParent?: boolean; zeroEmployment?: boolean;
  health?: HealthForm;
  household: { id?: number; name: string; relation: string; birthDate?: Dayjs; age?: number; idNumber?: string; health?: HealthForm; identity?: string; employerOrSchool?: string; idNumberMasked?: string | null }[];
  incomes: Money[]; expenses: Money[];
  hasAccident?: boolean;
  accident?: { kind: string; consequence?: string; occurredOn?: Dayjs; costYuan?: number; description?: string };
  exclusions?: string[]; note?: string; attachmentIds?: number[];
}

const fen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100);
/** An empty health block means "keep what is stored" when editing, "none" when creating. */
function healthOut(h: HealthForm | undefined, editing: boolean): HealthInfo | null | undefined {
  if (!h?.conditions?.length && !h?.diagnosis && !h?.disabilityCategory) return editing ? undefined : null;
  return { conditions: h.conditions ?? [], diagnosis: h.diagnosis || null, disabilityCategory: h.disabilityCategory || null, disabilityGrade: h.disabilityGrade || null };
}

function toInput(v: Values, editing: boolean): HardshipInput & { attachmentIds?: number[] } {
  return {
    identity: v.identity, mainCause: v.mainCause, causes: v.causes ?? [], housingType: v.housingType ?? null, medicalInsurance: v.medicalInsurance ?? null,
    singleParent: !!v.singleParent, zeroEmployment: !!v.zeroEmployment, health: healthOut(v.health, editing),
    household: (v.household ?? []).map((m) => ({
      id: m.id ?? null, name: m.name ?? '', relation: m.relation, birthDate: m.birthDate ? m.birthDate.format('YYYY-MM-DD') : null, age: m.age ?? null,
      idNumber: m.idNumber ? m.idNumber : m.id ? undefined : null, health: healthOut(m.health, !!m.id), identity: m.identity ?? null, employerOrSchool: m.employerOrSchool ?? null,
    })),
    incomes: (v.incomes ?? []).filter((x) => x?.kind).map((x) => ({ kind: x.kind, amountFen: fen(x.amountYuan), period: x.period ?? 'month', note: x.note ?? null })),
    expenses: (v.expenses ?? []).filter((x) => x?.kind).map((x) => ({ kind: x.kind, amountFen: fen(x.amountYuan), period: x.period ?? 'year', note: x.note ?? null })),
    accident: v.hasAccident && v.accident ? {
      kind: v.accident.kind, consequence: v.accident.consequence ?? null, occurredOn: v.accident.occurredOn?.format('YYYY-MM-DD') ?? '', costFen: fen(v.accident.costYuan),
      description: v.accident.description ? v.accident.description : editing ? undefined : null,
    } : null,
    exclusions: v.exclusions ?? [], note: v.note ?? null, attachmentIds: v.attachmentIds ?? [],
  };
}

function fromDetail(d: HardshipDetail): Values {
  const money = (x: HardshipDetail['incomes'][number]): Money => ({ kind: x.kind, amountYuan: x.amountFen / 100, period: x.period, note: x.note ?? undefined });
  return {
    identity: d.identity, mainCause: d.mainCause, causes: d.causes, housingType: d.housingType ?? undefined, medicalInsurance: d.medicalInsurance ?? undefined,
    singleParent: d.singleParent, zeroEmployment: d.zeroEmployment,
    household: d.household.map((m) => ({ id: m.id, name: m.name, relation: m.relation, birthDate: m.birthDate ? dayjs(m.birthDate) : undefined, age: m.age ?? undefined, identity: m.identity ?? undefined, employerOrSchool: m.employerOrSchool ?? undefined, idNumberMasked: m.idNumberMasked })),
    incomes: d.incomes.map(money), expenses: d.expenses.map(money),
    hasAccident: !!d.accident,
    accident: d.accident ? { kind: d.accident.kind, consequence: d.accident.consequence ?? undefined, occurredOn: dayjs(d.accident.occurredOn), costYuan: d.accident.costFen / 100 } : undefined,
    exclusions: d.exclusions, note: d.note ?? undefined,
  };
}

/** Health and disability fields (sensitive): stored encrypted, shown only through the audited unmask. */
function HealthFields({ name, editing }: { name: (string | number)[]; editing: boolean }) {
  const { tr, en } = useLocale();
  return (
    <Row gutter={8}>
      <Col xs={24} md={8}><Form.Item name={[...name, 'conditions']} label={tr('健康状况', 'Health')} extra={editing ? tr('留空则保留已登记的信息', 'Leave empty to keep what is stored') : undefined}><Select mode="multiple" allowClear options={options(HEALTH_CONDITIONS, en)} /></Form.Item></Col>
      <Col xs={24} md={6}><Form.Item name={[...name, 'diagnosis']} label={tr('诊断', 'Diagnosis')}><Input maxLength={200} /></Form.Item></Col>
      <Col xs={12} md={5}><Form.Item name={[...name, 'disabilityCategory']} label={tr('残疾类别', 'Disability')}><Select allowClear options={options(DISABILITY_CATEGORIES, en)} /></Form.Item></Col>
      <Col xs={12} md={5}><Form.Item name={[...name, 'disabilityGrade']} label={tr('残疾等级', 'Grade')}><Select allowClear options={options(DISABILITY_GRADES, en)} /></Form.Item></Col>
    </Row>
  );
}

function MoneyList({ name, kinds, defaultPeriod, title }: { name: 'incomes' | 'expenses'; kinds: typeof INCOME_KINDS; defaultPeriod: 'month' | 'year'; title: string }) {
  const { tr, en } = useLocale();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          <Divider titlePlacement="start">{title}</Divider>
          {fields.map((f) => (
            <Row key={f.key} gutter={8} align="middle">
              <Col xs={24} sm={8}><Form.Item name={[f.name, 'kind']} label={tr('项目', 'Item')} rules={[{ required: true, message: tr('请选择', 'Required') }]}><Select options={options(kinds, en)} /></Form.Item></Col>
              <Col xs={12} sm={5}><Form.Item name={[f.name, 'amountYuan']} label={tr('金额（元）', 'Yuan')} rules={[{ required: true, message: tr('请填写', 'Required') }]}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item></Col>
              <Col xs={12} sm={4}><Form.Item name={[f.name, 'period']} label={tr('周期', 'Period')} initialValue={defaultPeriod}><Select options={options(PERIODS, en)} /></Form.Item></Col>
              <Col xs={20} sm={6}><Form.Item name={[f.name, 'note']} label={tr('说明', 'Note')}><Input maxLength={100} /></Form.Item></Col>
              <Col xs={4} sm={1}><Button type="text" aria-label={tr('删除此项', 'Remove')} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} /></Col>
            </Row>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ period: defaultPeriod })}>{tr('添加', 'Add')}{title}</Button>
        </>
      )}
    </Form.List>
  );
}

/** 建档 / 修改: the tier is never typed — a live preview computes it with this year's thresholds as the form changes. */
export default function HardshipFormPage() {
  const { id } = useParams();
  const editing = !!id;
  const navigate = useNavigate();
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form) as Values | undefined;
  const [saving, setSaving] = useState(false);
  const [formError, setFormError] = useState<FormError | null>(null);
  const [people, setPeople] = useState<{ value: number; label: string }[]>([]);
  const th = useAsync((signal) => api.get<{ items: ThresholdRow[]; currentYear: number }>('/hardship/thresholds', undefined, signal), []);
  const existing = useAsync((signal) => (id ? api.get<HardshipDetail>(`/hardship/records/${id}`, undefined, signal) : Promise.resolve(null)), [id]);

  const thresholds: TierThresholds | null = useMemo(() => {
    const r = th.data?.items.find((x) => x.year === th.data?.currentYear);
    return r ? { year: r.year, dibaoFen: r.dibaoFen, deepPct: r.deepPct, relativePct: r.relativePct, accidentPct: r.accidentPct, accidentCostPct: r.accidentCostPct } : null;
  }, [th.data]);
  const preview = useMemo(() => {
    if (!thresholds || !values) return null;
    try {
      return computeTier(tierInputOf(toInput({ ...values, household: values.household ?? [], incomes: values.incomes ?? [], expenses: values.expenses ?? [] }, editing)), thresholds);
    } catch {
      return null;
    }
  }, [values, thresholds, editing]);

  const search = async (q: string) => {
    if (q.trim().length < 2) return;
    const res = await api.get<Page<{ id: number; name: string; idNumberMasked: string; orgName: string }>>('/members', { q, pageSize: 20 });
    setPeople(res.items.map((p) => ({ value: p.id, label: `${p.name} ${p.idNumberMasked}（${p.orgName}）` })));
  };

  const submit = async (v: Values) => {
    setSaving(true);
    setFormError(null);
    try {
      const body = toInput(v, editing);
      const out = editing ? await api.put<{ id: number }>(`/hardship/records/${id}`, body) : await api.post<{ id: number }>('/hardship/records', { ...body, personId: v.personId });
      message.success(tr('已保存', 'Saved'));
      navigate(`/hardship/${out.id}`);
    } catch (err) {
      if (err instanceof ApiError) {
        const fieldErrors = err.details.filter((d) => d.field);
        form.setFields(fieldErrors.map((d) => ({ name: d.field!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p === 'amountFen' ? 'amountYuan' : p === 'costFen' ? 'costYuan' : p)) as never, errors: [d.message] })));
        setFormError({ title: err.message, items: err.details.map((d) => d.message) });
      } else setFormError({ title: errorMessage(err), items: [] });
    } finally {
      setSaving(false);
    }
  };

  if (th.error) return <ErrorState error={th.error} onRetry={th.reload} />;
  if (existing.error) return <ErrorState error={existing.error} onRetry={existing.reload} />;
  if (th.loading || existing.loading) return <Loading />;
  const initial: Partial<Values> = existing.data ? fromDetail(existing.data) : { causes: [], household: [], incomes: [{ kind: 'wage', amountYuan: 0, period: 'month' }], expenses: [] };

  return (
    <Card title={editing ? tr(`修改困难职工档案：${existing.data?.person.name ?? ''}`, 'Edit hardship file') : tr('困难职工建档', 'New hardship file')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      {!thresholds && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={tr(`尚未设置 ${th.data?.currentYear} 年认定标准，无法建档，请联系区总工会`, 'This year\'s thresholds are not set; files cannot be assessed')} />}
      <FormErrorAlert error={formError} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initial} scrollToFirstError>
        {!editing && (
          <Form.Item name="personId" label={tr('职工（会员）', 'Worker (member)')} rules={[{ required: true, message: tr('请搜索并选择职工', 'Choose the worker') }]} extra={tr('输入姓名或完整身份证号搜索本组织范围内的会员', 'Search by name or full ID number')}>
            <Select showSearch filterOption={false} onSearch={search} options={people} notFoundContent={tr('输入至少两个字搜索', 'Type at least two characters')} />
          </Form.Item>
        )}
        <Row gutter={8}>
          <Col xs={24} md={6}><Form.Item name="identity" label={tr('身份', 'Status')} rules={[{ required: true, message: tr('请选择', 'Required') }]}><Select options={options(HARDSHIP_IDENTITIES, en)} /></Form.Item></Col>
          <Col xs={24} md={6}><Form.Item name="mainCause" label={tr('主要致困原因', 'Main cause')} rules={[{ required: true, message: tr('请选择', 'Required') }]}><Select options={options(HARDSHIP_CAUSES, en)} /></Form.Item></Col>
          <Col xs={24} md={12}><Form.Item name="causes" label={tr('其他致困原因', 'Other causes')}><Select mode="multiple" allowClear options={options(HARDSHIP_CAUSES, en)} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="housingType" label={tr('住房类型', 'Housing')}><Select allowClear options={options(HOUSING_TYPES, en)} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="medicalInsurance" label={tr('医保状况', 'Insurance')}><Select allowClear options={options(MEDICAL_INSURANCE, en)} /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="singleParent" valuePropName="checked" label=" "><Checkbox>{tr('单亲家庭', 'Single parent')}</Checkbox></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="zeroEmployment" valuePropName="checked" label=" "><Checkbox>{tr('零就业家庭', 'No one employed')}</Checkbox></Form.Item></Col>
        </Row>
        <Divider titlePlacement="start">{tr('本人健康与残疾（敏感信息，加密保存）', 'Health and disability (sensitive, encrypted)')}</Divider>
        <HealthFields name={['health']} editing={editing} />

        <Form.List name="household">
          {(fields, { add, remove }) => (
            <>
              <Divider titlePlacement="start">{tr('共同生活的家庭成员（不含本人）', 'Household members (besides the worker)')}</Divider>
              {fields.map((f) => (
                <Card key={f.key} size="small" style={{ marginBottom: 8 }} title={tr(`成员 ${f.name + 1}`, `Member ${f.name + 1}`)}
                  extra={<Button type="text" aria-label={tr('删除此成员', 'Remove member')} icon={<MinusCircleOutlined />} onClick={() => remove(f.name)} />}>
                  <Form.Item name={[f.name, 'id']} hidden><Input /></Form.Item>
                  <Row gutter={8}>
                    <Col xs={12} md={4}><Form.Item name={[f.name, 'name']} label={tr('姓名', 'Name')} rules={[{ required: true, message: tr('请填写', 'Required') }]}><Input maxLength={40} /></Form.Item></Col>
                    <Col xs={12} md={4}><Form.Item name={[f.name, 'relation']} label={tr('关系', 'Relation')} rules={[{ required: true, message: tr('请选择', 'Required') }]}><Select options={options(RELATIONS, en)} /></Form.Item></Col>
                    <Col xs={12} md={4}><Form.Item name={[f.name, 'birthDate']} label={tr('出生日期', 'Birth date')}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
                    <Col xs={12} md={3}><Form.Item name={[f.name, 'age']} label={tr('或年龄', 'or age')}><InputNumber min={0} max={120} style={{ width: '100%' }} /></Form.Item></Col>
                    <Col xs={24} md={5}><Form.Item name={[f.name, 'idNumber']} label={tr('身份证号（选填）', 'ID number (optional)')} extra={values?.household?.[f.name]?.idNumberMasked ? tr(`已登记 ${values.household[f.name].idNumberMasked}，留空保留`, 'Stored; leave empty to keep') : undefined}><Input maxLength={18} /></Form.Item></Col>
                    <Col xs={24} md={4}><Form.Item name={[f.name, 'employerOrSchool']} label={tr('单位或学校', 'Employer / school')}><Input maxLength={100} /></Form.Item></Col>
                  </Row>
                  <HealthFields name={[f.name, 'health']} editing={!!values?.household?.[f.name]?.id} />
                </Card>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})}>{tr('添加家庭成员', 'Add a member')}</Button>
            </>
          )}
        </Form.List>

        <MoneyList name="incomes" kinds={INCOME_KINDS} defaultPeriod="month" title={tr('家庭收入', 'Household income')} />
        <MoneyList name="expenses" kinds={EXPENSE_KINDS} defaultPeriod="year" title={tr('刚性支出', 'Unavoidable spending')} />

        <Divider titlePlacement="start">{tr('突发事件与排除情形', 'Sudden event and exclusions')}</Divider>
        <Form.Item name="hasAccident" valuePropName="checked"><Checkbox>{tr('因灾害、事故、突发疾病等突发事件致困', 'Hardship from a sudden event')}</Checkbox></Form.Item>
        {values?.hasAccident && (
          <Row gutter={8}>
            <Col xs={12} md={5}><Form.Item name={['accident', 'kind']} label={tr('事件类型', 'Kind')} rules={[{ required: true, message: tr('请选择', 'Required') }]}><Select options={options(ACCIDENT_KINDS, en)} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name={['accident', 'consequence']} label={tr('后果', 'Consequence')}><Select allowClear options={options(ACCIDENT_CONSEQUENCES, en)} /></Form.Item></Col>
            <Col xs={12} md={5}><Form.Item name={['accident', 'occurredOn']} label={tr('发生日期', 'Date')} rules={[{ required: true, message: tr('请选择', 'Required') }]}><DatePicker style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={12} md={4}><Form.Item name={['accident', 'costYuan']} label={tr('当年费用（元）', 'Cost (yuan)')}><InputNumber min={0} precision={2} style={{ width: '100%' }} /></Form.Item></Col>
            <Col xs={24} md={6}><Form.Item name={['accident', 'description']} label={tr('经过（敏感，加密）', 'What happened (sensitive)')} extra={editing ? tr('留空则保留已登记的内容', 'Leave empty to keep') : undefined}><Input maxLength={500} /></Form.Item></Col>
          </Row>
        )}
        <Form.Item name="exclusions" label={tr('排除情形', 'Exclusions')}><Checkbox.Group options={options(EXCLUSIONS, en)} /></Form.Item>
        <Form.Item name="note" label={tr('备注', 'Note')}><Input.TextArea maxLength={500} rows={2} /></Form.Item>
        <Form.Item name="attachmentIds" label={tr('证明材料（诊断证明、收入证明等）', 'Documents')}><AttachmentUpload existing={existing.data?.attachments ?? []} /></Form.Item>

        <Card size="small" style={{ marginBottom: 16, background: '#fafafa' }} aria-live="polite" title={tr('认定预览（系统计算，不可手填）', 'Tier preview (computed, not typed)')}>
          {preview ? (
            <>
              <Tag color={tierColor(preview.tier)} style={{ fontSize: 14 }}>{en ? HARDSHIP_TIERS.find((t) => t.code === preview.tier)?.nameEn : HARDSHIP_TIERS.find((t) => t.code === preview.tier)?.name}</Tag>
              <Typography.Text>{tr(`人均每月 ${formatYuan(preview.perCapitaFen)} 元`, `¥${formatYuan(preview.perCapitaFen)} per person per month`)}</Typography.Text>
              <ol style={{ marginBottom: 0, paddingLeft: 20 }}>{preview.steps.map((s) => <li key={s.zh}>{en ? s.en : s.zh}</li>)}</ol>
            </>
          ) : <Typography.Text type="secondary">{tr('填写收入和家庭成员后显示', 'Shown once income and household are filled in')}</Typography.Text>}
        </Card>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={saving} disabled={!thresholds}>{tr('保存', 'Save')}</Button>
          <Button onClick={() => navigate(-1)}>{tr('取消', 'Cancel')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
