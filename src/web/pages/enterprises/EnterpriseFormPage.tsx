import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { App, Button, Card, Col, DatePicker, Flex, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { validateCreditCode } from '../../../shared/uscc';
import { validateIndustryCode } from '../../../shared/codes/industry';
import { MIYUN_DIVISIONS } from '../../../shared/codes/miyun';
import { OWNERSHIP_TYPES } from '../../../shared/codes/union';
import { ApiError, api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ErrorState, Loading } from '../../components/states';
import { codeOptions } from '../../components/codes';
import { ENTERPRISE_FIELD_LABELS, ownershipCode, type Enterprise } from './shared';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';

interface Values {
  name?: string;
  creditCode?: string;
  orgId?: number;
  divisionCode?: string;
  industryCode?: string;
  ownership?: string;
  employees?: number | null;
  unionEstablished?: boolean;
  unionSince?: Dayjs | null;
  inPark?: boolean;
  listed?: boolean;
  address?: string;
}

function EnterpriseForm({ initial }: { initial?: Enterprise }) {
  const { tr, en } = useLocale();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = useMediaNarrow();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const established = Form.useWatch('unionEstablished', form);
  const editing = !!initial;

  useEffect(() => {
    if (established === false) form.setFieldValue('unionSince', null);
  }, [established, form]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      name: v.name?.trim() ?? '',
      creditCode: v.creditCode?.trim() ?? '',
      orgId: v.orgId,
      divisionCode: v.divisionCode || null,
      industryCode: v.industryCode?.trim() || null,
      ownership: v.ownership || null,
      employees: v.employees ?? 0,
      unionEstablished: !!v.unionEstablished,
      unionSince: v.unionEstablished && v.unionSince ? v.unionSince.format('YYYY-MM-DD') : null,
      inPark: !!v.inPark,
      listed: !!v.listed,
      address: v.address?.trim() || null,
    };
    try {
      const saved = editing ? await api.patch<Enterprise>(`/enterprises/${initial!.id}`, body) : await api.post<Enterprise>('/enterprises', body);
      message.success(editing ? tr(`已保存 ${saved.name}`, `Saved ${saved.name}`) : tr(`已新建 ${saved.name}`, `Created ${saved.name}`));
      navigate(`/enterprises/${saved.id}`);
    } catch (err) {
      // Keep what was typed; show each server reason beside its field.
      const details = err instanceof ApiError ? err.details : [];
      const fieldErrors = details.filter((d) => d.field && d.field in ENTERPRISE_FIELD_LABELS);
      if (fieldErrors.length) {
        form.setFields(fieldErrors.map((d) => ({ name: d.field as keyof Values, errors: [en && d.messageEn ? d.messageEn : d.message] })));
        form.scrollToField(fieldErrors[0].field as keyof Values, { block: 'center' });
      }
      const other = details.filter((d) => !fieldErrors.includes(d)).map((d) => `${d.field ? (ENTERPRISE_FIELD_LABELS[d.field]?.[en ? 1 : 0] ?? d.field) + '：' : ''}${en && d.messageEn ? d.messageEn : d.message}`);
      setError({ title: errorMessage(err), items: other });
    } finally {
      setBusy(false);
    }
  };

  const col = (span: number) => ({ xs: 24, md: span });
  return (
    <Card title={editing ? tr(`编辑企业：${initial!.name}`, `Edit: ${initial!.name}`) : tr('新建企业', 'New enterprise')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <FormErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        initialValues={initial ? {
          name: initial.name, creditCode: initial.creditCode, orgId: initial.orgId, divisionCode: initial.divisionCode ?? undefined, industryCode: initial.industryCode ?? undefined,
          ownership: ownershipCode(initial.ownership), employees: initial.employees, unionEstablished: initial.unionEstablished, unionSince: initial.unionSince ? dayjs(initial.unionSince) : null,
          inPark: initial.inPark, listed: initial.listed, address: initial.address ?? undefined,
        } : { orgId: user?.orgId ?? undefined, employees: 0, unionEstablished: false, inPark: false, listed: false }}
      >
        <Row gutter={16}>
          <Col {...col(12)}>
            <Form.Item name="name" label={tr('单位名称', 'Name')} rules={[{ required: true, whitespace: true, message: tr('请填写单位名称', 'Enter the name') }, { max: 120 }]}>
              <Input maxLength={120} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col {...col(12)}>
            <Form.Item name="creditCode" label={tr('统一社会信用代码', 'Unified social credit code')} validateDebounce={250} rules={[
              { required: true, whitespace: true, message: tr('请填写统一社会信用代码', 'Enter the credit code') },
              { validator: async (_r, value?: string) => {
                if (!value?.trim()) return;
                const r = validateCreditCode(value);
                if (!r.ok) throw new Error(en ? r.messageEn : r.message);
              } },
            ]}>
              <Input maxLength={24} autoComplete="off" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col {...col(12)}>
            <Form.Item name="orgId" label={tr('所属工会', 'Covering union')} rules={[{ required: true, message: tr('请选择所属工会', 'Choose the covering union') }]}
              extra={tr('未建会的企业选所在镇街总工会', 'Without its own union: choose the town federation')}>
              <OrgTreeSelect unionsOnly allowClear={false} ariaLabel={tr('所属工会', 'Covering union')} />
            </Form.Item>
          </Col>
          <Col {...col(12)}>
            <Form.Item name="divisionCode" label={tr('所在镇街', 'Town / street')}>
              <Select aria-label={tr('所在镇街', 'Town / street')} allowClear showSearch={{ optionFilterProp: 'label' }}
                options={MIYUN_DIVISIONS.map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item name="industryCode" label={tr('行业代码', 'Industry code')} validateDebounce={250} extra={tr('国民经济行业分类，如 C3811', 'GB/T 4754, e.g. C3811')} rules={[{ validator: async (_r, value?: string) => {
              if (!value?.trim()) return;
              const r = validateIndustryCode(value);
              if (!r.ok) throw new Error(en ? r.messageEn : r.message);
            } }]}>
              <Input maxLength={10} autoComplete="off" style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item name="ownership" label={tr('经济类型', 'Ownership')}>
              <Select aria-label={tr('经济类型', 'Ownership')} allowClear options={codeOptions(OWNERSHIP_TYPES, en)} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item name="employees" label={tr('职工人数', 'Employees')} rules={[{ type: 'integer', min: 0, max: 10_000_000, message: tr('请填写0以上的整数', 'A whole number, 0 or more') }]}>
              <InputNumber min={0} max={10_000_000} precision={0} style={{ width: '100%' }} aria-label={tr('职工人数', 'Employees')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="unionEstablished" label={tr('已建工会', 'Union established')} valuePropName="checked">
              <Switch aria-label={tr('已建工会', 'Union established')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="unionSince" label={tr('建会日期', 'Union founded')}>
              <DatePicker style={{ width: '100%' }} disabled={!established} disabledDate={(d) => d.isAfter(new Date())} aria-label={tr('建会日期', 'Union founded')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="inPark" label={tr('园区企业', 'In a park')} valuePropName="checked">
              <Switch aria-label={tr('园区企业', 'In a park')} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="listed" label={tr('上市企业', 'Listed')} valuePropName="checked">
              <Switch aria-label={tr('上市企业', 'Listed')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={tr('地址', 'Address')} rules={[{ max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} justify="flex-end" wrap>
          <Link to={editing ? `/enterprises/${initial!.id}` : '/enterprises'}><Button>{tr('取消', 'Cancel')}</Button></Link>
          <Button type="primary" htmlType="submit" loading={busy}>{editing ? tr('保存', 'Save') : tr('新建', 'Create')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}

export default function EnterpriseFormPage() {
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  const e = useAsync((signal) => (id ? api.get<Enterprise>(`/enterprises/${id}`, undefined, signal) : Promise.resolve(undefined)), [id]);
  if (!id) return <EnterpriseForm />;
  if (e.error) return <ErrorState error={e.error} onRetry={e.reload} />;
  if (!e.data) return <Loading />;
  return <EnterpriseForm key={id} initial={e.data} />;
}
