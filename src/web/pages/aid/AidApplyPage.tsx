import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert, App, Button, Card, Form, Input, InputNumber, Select, Spin } from 'antd';
import { ApiError, api, errorMessage, type MemberRow, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { fenToYuan } from '../workflow/types';
import { fenOf, type AidTypeRow } from './aidApi';
import { AidTypeFields, detailsOf, splitErrors, type AidFormValues } from './AidFields';

/** Pick a member in scope by name, ID number or phone (the roster's search). */
function PersonPicker({ value, onChange }: { value?: number; onChange?: (v: number | undefined) => void }) {
  const { tr } = useLocale();
  const [q, setQ] = useState('');
  const found = useAsync((signal) => (q.trim().length >= 1 ? api.get<Page<MemberRow>>('/members', { q: q.trim(), pageSize: 20, status: 'current' }, signal) : Promise.resolve({ items: [], total: 0 })), [q]);
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      aria-label={tr('申请人', 'Applicant')}
      placeholder={tr('输入姓名、身份证号或手机号查找会员', 'Search by name, ID number or phone')}
      value={value}
      onChange={onChange}
      notFoundContent={found.loading ? <Spin size="small" /> : q ? tr('未找到在会会员', 'No current member found') : null}
      options={(found.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name} · ${m.idNumberMasked} · ${m.orgName}` }))}
    />
  );
}

/** 代为申请: union staff file an aid application for a member in their scope. */
export default function AidApplyPage() {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = useMediaNarrow();
  const [form] = Form.useForm<AidFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const types = useAsync((signal) => api.get<AidTypeRow[]>('/aid/types', undefined, signal), []);
  const aidType = Form.useWatch('aidType', form);
  const type = types.data?.find((t) => t.code === aidType);

  if (types.error) return <ErrorState error={types.error} onRetry={types.reload} />;
  if (!types.data) return <Loading />;

  const submit = async (v: AidFormValues) => {
    if (!v.aidType) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        personId: v.personId, aidType: v.aidType, reason: v.reason ?? '', amountFen: fenOf(v.amountYuan), details: detailsOf(v.aidType, v),
        attachmentIds: v.attachmentIds ?? [], payee: { name: v.payeeName || null, bank: v.payeeBank, account: v.payeeAccount },
      };
      const out = await api.post<{ id: number }>('/aid/applications', body);
      message.success(tr('已提交，等待基层工会审核', 'Submitted; waiting for the grassroots review'));
      navigate(`/aid/applications/${out.id}`);
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      const { fields, rest } = splitErrors(details, en);
      form.setFields(fields);
      setError({ title: errorMessage(err), items: rest });
    } finally {
      setBusy(false);
    }
  };

  const amountLabel = aidType === 'medical' ? tr('申请金额（元，可不填，按规则计算）', 'Amount (yuan; optional, computed by the rule)') : tr('申请金额（元）', 'Amount (yuan)');
  return (
    <Card title={tr('代为申请救助', 'Apply for aid on behalf of a member')} styles={{ body: { padding: narrow ? 12 : 24, maxWidth: 760 } }}>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} requiredMark="optional" disabled={busy}>
        <Form.Item label={tr('申请人', 'Applicant')} name="personId" rules={[{ required: true, message: tr('请选择申请人', 'Choose the applicant') }]}>
          <PersonPicker />
        </Form.Item>
        <Form.Item label={tr('救助类型', 'Aid type')} name="aidType" rules={[{ required: true, message: tr('请选择救助类型', 'Choose the aid type') }]}>
          <Select options={types.data.map((t) => ({ value: t.code, label: `${en ? t.nameEn : t.name}（${en ? t.periodNameEn : t.periodName}）`, disabled: !t.open }))} />
        </Form.Item>
        {type && (
          <Alert type={type.open ? 'info' : 'warning'} showIcon style={{ marginBottom: 16 }}
            title={en ? type.ruleEn : type.rule}
            description={type.amount
              ? [
                tr(`本年度上限 ${fenToYuan(type.amount.capFen)} 元`, `Cap this year ${fenToYuan(type.amount.capFen)} yuan`),
                type.amount.fixedFen !== null ? tr(`固定标准 ${fenToYuan(type.amount.fixedFen)} 元`, `Fixed amount ${fenToYuan(type.amount.fixedFen)}`) : null,
                type.amount.thresholdFen !== null ? tr(`起付标准 ${fenToYuan(type.amount.thresholdFen)} 元，救助比例 ${(type.amount.ratioBp ?? 0) / 100}%`, `Threshold ${fenToYuan(type.amount.thresholdFen)}, ratio ${(type.amount.ratioBp ?? 0) / 100}%`) : null,
              ].filter(Boolean).join('；')
              : tr('本年度标准尚未设置，暂不能申请', 'No rule for this year yet')} />
        )}
        <AidTypeFields type={aidType} />
        {type && (type.needsAmount || aidType === 'medical') && (
          <Form.Item label={amountLabel} name="amountYuan" rules={type.needsAmount ? [{ required: true, message: tr('请填写申请金额', 'Enter the amount') }] : []}>
            <InputNumber stringMode min="0.01" precision={2} style={{ width: 200 }} />
          </Form.Item>
        )}
        <Form.Item label={tr('申请理由', 'Reason')} name="reason" rules={[{ required: true, min: 2, message: tr('请写明申请理由', 'Give the reason') }]}>
          <Input.TextArea rows={4} maxLength={1000} showCount />
        </Form.Item>
        <Form.Item
          label={type?.documents.length ? tr(`证明材料（须上传：${type.documents.map((d) => d.zh).join('、')}）`, `Documents (required: ${type.documents.map((d) => d.en).join(', ')})`) : tr('证明材料', 'Documents')}
          name="attachmentIds" required={!!type?.documents.length}
        >
          <AttachmentUpload />
        </Form.Item>
        <Form.Item label={tr('收款人（默认为申请人本人）', 'Payee (default: the applicant)')} name="payeeName"><Input maxLength={40} /></Form.Item>
        <Form.Item label={tr('开户银行', 'Bank')} name="payeeBank" rules={[{ required: true, message: tr('请填写开户银行', 'Enter the bank') }]}><Input maxLength={60} placeholder={tr('如：北京农商银行密云支行', 'e.g. Beijing Rural Commercial Bank, Miyun')} /></Form.Item>
        <Form.Item label={tr('银行账号', 'Account number')} name="payeeAccount" rules={[{ required: true, message: tr('请填写银行账号', 'Enter the account') }]}><Input maxLength={40} inputMode="numeric" autoComplete="off" /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block={narrow}>{tr('提交申请', 'Submit')}</Button>
      </Form>
    </Card>
  );
}
