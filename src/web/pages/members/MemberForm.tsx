import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import dayjs from 'dayjs';
import { App, Button, Card, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { validateIdNumber } from '../../../shared/idcard';
import { validateMobile } from '../../../shared/phone';
import { validateCreditCode } from '../../../shared/uscc';
import { todayInShanghai } from '../../../shared/dates';
import { MEMBER_FIELD_LABELS } from '../../../shared/member-input';
import { ApiError, api, errorMessage, type MemberDetail } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useMediaNarrow } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { codeOptions, EDUCATION, EMPLOYMENT_STATUS, ETHNICITIES, HOUSEHOLD_TYPES, JOIN_METHODS, POLITICAL_STATUS, SKILL_LEVELS } from '../../components/codes';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';

interface Values {
  orgId?: number;
  name?: string;
  idNumber?: string;
  phone?: string;
  ethnicity?: string;
  education?: string;
  political?: string;
  householdType?: string;
  employerName?: string;
  employerCreditCode?: string;
  employmentStatus?: string;
  occupation?: string;
  skillLevel?: string;
  joinedOn?: Dayjs | null;
  joinMethod?: string;
  cardNo?: string;
  flags?: string[];
}

const FLAG_FIELDS = ['isIndustrial', 'isMigrant', 'isNewEmployment', 'isModelWorker'] as const;

/** Form values for an existing record: the ID number and mobile show masked and are only sent when retyped. */
function initialFromMember(m: MemberDetail): Values {
  return {
    orgId: m.membership?.orgId,
    name: m.name,
    idNumber: m.idNumberMasked,
    phone: m.phoneMasked ?? '',
    ethnicity: m.ethnicity ?? undefined,
    education: m.education ?? undefined,
    political: m.political ?? undefined,
    householdType: m.householdType ?? undefined,
    employerName: m.employerName ?? '',
    employmentStatus: m.employmentStatus ?? undefined,
    occupation: m.occupation ?? '',
    skillLevel: m.skillLevel ?? undefined,
    joinedOn: m.membership?.joinedOn ? dayjs(m.membership.joinedOn) : null,
    joinMethod: m.membership?.joinMethod ?? undefined,
    cardNo: m.membership?.cardNo ?? '',
    flags: FLAG_FIELDS.filter((f) => m[f]),
  };
}

/** 登记会员 and 编辑会员: one form; in edit mode it is prefilled and sends a PATCH. */
export function MemberForm({ member }: { member?: MemberDetail }) {
  const editing = !!member;
  const maskedId = member?.idNumberMasked;
  const maskedPhone = member?.phoneMasked ?? '';
  const { tr, en } = useLocale();
  const { user } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = useMediaNarrow();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const idNumber = Form.useWatch('idNumber', form);
  const idInfo = idNumber && idNumber !== maskedId ? validateIdNumber(idNumber, { today: todayInShanghai(), minBirthDate: '1900-01-01' }) : null;

  const msg = (r: { message: string; messageEn: string }) => (en ? r.messageEn : r.message);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const flags = new Set(v.flags ?? []);
    const body: Record<string, unknown> = {
      ...(editing ? {} : { orgId: v.orgId }),
      name: v.name?.trim() ?? '',
      ethnicity: v.ethnicity ?? null,
      education: v.education ?? null,
      political: v.political ?? null,
      householdType: v.householdType ?? null,
      employerName: v.employerName?.trim() || null,
      employmentStatus: v.employmentStatus ?? null,
      occupation: v.occupation?.trim() || null,
      skillLevel: v.skillLevel ?? null,
      joinedOn: v.joinedOn ? v.joinedOn.format('YYYY-MM-DD') : null,
      joinMethod: v.joinMethod ?? null,
      cardNo: v.cardNo?.trim() || null,
    };
    // Masked values stand for "unchanged": the full number is only sent when a new one was typed.
    const id = v.idNumber?.trim() ?? '';
    if (!editing || id !== maskedId) body.idNumber = id;
    const phone = v.phone?.trim() ?? '';
    if (!editing || phone !== maskedPhone) body.phone = phone || null;
    const code = v.employerCreditCode?.trim() ?? '';
    if (!editing || code) body.employerCreditCode = code || null;
    for (const f of FLAG_FIELDS) body[f] = flags.has(f);
    try {
      if (member) {
        await api.patch(`/members/${member.id}`, body);
        message.success(tr(`已保存 ${body.name} 的信息`, `Saved ${body.name}`));
        navigate(`/members?member=${member.id}`);
      } else {
        const created = await api.post<{ id: number }>('/members', body);
        message.success(tr(`已登记会员 ${body.name}`, `Registered ${body.name}`));
        navigate(`/members?member=${created.id}`);
      }
    } catch (err) {
      // Keep everything typed; put each of the server's reasons beside its field.
      const known = new Set(Object.keys(form.getFieldsValue(true)).concat(['orgId', 'name', 'idNumber', 'phone', 'employerCreditCode', 'joinedOn']));
      const details = err instanceof ApiError ? err.details : [];
      const fieldErrors = details.filter((d) => d.field && known.has(d.field));
      if (fieldErrors.length) {
        form.setFields(fieldErrors.map((d) => ({ name: d.field as keyof Values, errors: [en && d.messageEn ? d.messageEn : d.message] })));
        form.scrollToField(fieldErrors[0].field as keyof Values, { block: 'center' });
      }
      const other = details.filter((d) => !(d.field && known.has(d.field))).map((d) => `${d.field ? (MEMBER_FIELD_LABELS as Record<string, string>)[d.field] ?? d.field : ''}${d.field ? '：' : ''}${en && d.messageEn ? d.messageEn : d.message}`);
      setError({ title: errorMessage(err), items: other });
    } finally {
      setBusy(false);
    }
  };

  const col = (span: number) => ({ xs: 24, md: span });

  return (
    <Card title={editing ? tr(`编辑会员：${member.name}`, `Edit member: ${member.name}`) : tr('登记会员', 'Register a member')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <FormErrorAlert error={error} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onFinishFailed={({ errorFields }) => errorFields[0] && form.scrollToField(errorFields[0].name, { block: 'center' })}
        initialValues={member ? initialFromMember(member) : { orgId: user?.orgId ?? undefined, flags: [] }}
        scrollToFirstError={false}
      >
        <Typography.Title level={5}>{tr('会籍', 'Membership')}</Typography.Title>
        <Row gutter={16}>
          <Col {...col(12)}>
            {editing ? (
              <Form.Item label={tr('所属工会', 'Union')} extra={tr('变更所属工会请使用“会籍转出”', 'To change the union, use “Transfer out”')}>
                <Input value={member.membership?.orgName ?? ''} disabled aria-label={tr('所属工会', 'Union')} />
              </Form.Item>
            ) : (
              <Form.Item name="orgId" label={tr('所属工会', 'Union')} rules={[{ required: true, message: tr('请选择所属工会', 'Choose the union') }]}>
                <OrgTreeSelect unionsOnly ariaLabel={tr('所属工会', 'Union')} allowClear={false} />
              </Form.Item>
            )}
          </Col>
          <Col {...col(6)}>
            <Form.Item name="joinedOn" label={tr('入会时间', 'Joined on')}>
              <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(new Date())} aria-label={tr('入会时间', 'Joined on')} />
            </Form.Item>
          </Col>
          <Col {...col(6)}>
            <Form.Item name="joinMethod" label={tr('入会方式', 'Join method')}>
              <Select allowClear options={codeOptions(JOIN_METHODS, en)} aria-label={tr('入会方式', 'Join method')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{tr('个人信息', 'Personal details')}</Typography.Title>
        <Row gutter={16}>
          <Col {...col(8)}>
            <Form.Item name="name" label={tr('姓名', 'Name')} rules={[
              { required: true, whitespace: true, message: tr('请填写姓名', 'Enter the name') },
              { pattern: /^[\u3400-\u9fffA-Za-z·•.\s]{2,30}$/, message: tr('姓名应为2至30个汉字或字母', 'Name: 2–30 Chinese characters or letters') },
            ]}>
              <Input autoComplete="off" maxLength={30} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item
              name="idNumber"
              label={tr('身份证号码', 'ID number')}
              validateDebounce={250}
              extra={editing && idNumber === maskedId ? tr('已脱敏显示；如需更正，请输入完整的新号码', 'Shown masked; type the full new number to correct it') : idInfo?.ok ? <span data-testid="id-derived">{tr(`${idInfo.gender === 'M' ? '男' : '女'}，${idInfo.birthDate} 出生`, `${idInfo.gender === 'M' ? 'Male' : 'Female'}, born ${idInfo.birthDate}`)}</span> : undefined}
              rules={[
                { required: true, whitespace: true, message: tr('请填写身份证号码', 'Enter the ID number') },
                { validator: async (_r, value?: string) => {
                  if (!value?.trim() || (editing && value === maskedId)) return;
                  const r = validateIdNumber(value, { today: todayInShanghai(), minBirthDate: '1900-01-01' });
                  if (!r.ok) throw new Error(msg(r));
                } },
              ]}
            >
              <Input autoComplete="off" maxLength={22} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item name="phone" label={tr('手机号码', 'Mobile')} validateDebounce={250}
              extra={editing && maskedPhone ? tr('已脱敏显示；如需更改，请输入完整的新号码', 'Shown masked; type the full new number to change it') : undefined}
              rules={[{ validator: async (_r, value?: string) => {
              if (!value?.trim() || (editing && value === maskedPhone)) return;
              const r = validateMobile(value);
              if (!r.ok) throw new Error(msg(r));
            } }]}>
              <Input autoComplete="off" inputMode="tel" maxLength={20} />
            </Form.Item>
          </Col>
          <Col {...col(6)}>
            <Form.Item name="ethnicity" label={tr('民族', 'Ethnicity')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={codeOptions(ETHNICITIES, en)} aria-label={tr('民族', 'Ethnicity')} />
            </Form.Item>
          </Col>
          <Col {...col(6)}>
            <Form.Item name="education" label={tr('学历', 'Education')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={codeOptions(EDUCATION, en)} aria-label={tr('学历', 'Education')} />
            </Form.Item>
          </Col>
          <Col {...col(6)}>
            <Form.Item name="political" label={tr('政治面貌', 'Political status')}>
              <Select allowClear options={codeOptions(POLITICAL_STATUS, en)} aria-label={tr('政治面貌', 'Political status')} />
            </Form.Item>
          </Col>
          <Col {...col(6)}>
            <Form.Item name="householdType" label={tr('户籍类型', 'Household type')}>
              <Select allowClear options={codeOptions(HOUSEHOLD_TYPES, en)} aria-label={tr('户籍类型', 'Household type')} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{tr('工作信息', 'Employment')}</Typography.Title>
        <Row gutter={16}>
          <Col {...col(12)}>
            <Form.Item name="employerName" label={tr('工作单位', 'Employer')} rules={[{ max: 120 }]}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col {...col(12)}>
            <Form.Item name="employerCreditCode" label={tr('工作单位统一社会信用代码', 'Employer credit code')} validateDebounce={250} rules={[{ validator: async (_r, value?: string) => {
              if (!value?.trim()) return;
              const r = validateCreditCode(value);
              if (!r.ok) throw new Error(msg(r));
            } }]}>
              <Input autoComplete="off" maxLength={24} style={{ fontFamily: 'monospace' }} placeholder={editing ? tr('如需更改工作单位，请输入其信用代码', 'Type a code to change the employer') : undefined} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item name="employmentStatus" label={tr('就业状态', 'Employment status')}>
              <Select allowClear options={codeOptions(EMPLOYMENT_STATUS, en)} aria-label={tr('就业状态', 'Employment status')} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item name="occupation" label={tr('职业', 'Occupation')} rules={[{ max: 60 }]}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col {...col(8)}>
            <Form.Item name="skillLevel" label={tr('技能等级', 'Skill level')}>
              <Select allowClear options={codeOptions(SKILL_LEVELS, en)} aria-label={tr('技能等级', 'Skill level')} />
            </Form.Item>
          </Col>
          <Col {...col(12)}>
            <Form.Item name="cardNo" label={tr('会员卡号', 'Card number')} rules={[{ max: 40 }]}>
              <Input maxLength={40} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="flags" label={tr('标识', 'Flags')}>
              <Checkbox.Group options={[
                { value: 'isIndustrial', label: tr('产业工人', 'Industrial worker') },
                { value: 'isMigrant', label: tr('农民工', 'Migrant worker') },
                { value: 'isNewEmployment', label: tr('新就业形态劳动者', 'New employment form') },
                { value: 'isModelWorker', label: tr('劳模', 'Model worker') },
              ]} />
            </Form.Item>
          </Col>
        </Row>
        <Flex gap={8} justify="flex-end" wrap>
          {editing ? (
            <Link to={`/members?member=${member.id}`}><Button>{tr('取消', 'Cancel')}</Button></Link>
          ) : (
            <Link to="/members"><Button>{tr('返回花名册', 'Back to roster')}</Button></Link>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>{editing ? tr('保存', 'Save') : tr('登记', 'Register')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
