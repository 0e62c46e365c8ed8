import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Input, InputNumber, List, Space, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError, api, attachmentUrl, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { ApplicationHistory, ApplicationSteps, StatusTag } from '../workflow/ApplicationSteps';
import { DecisionPanel } from '../workflow/DecisionPanel';
import { fenToYuan } from '../workflow/types';
import { EVENT_NAMES, STAGE_INFO } from '../../../shared/aid/details';
import { fenOf, type AidDetail } from './aidApi';
import { AidTypeFields, detailsOf, splitErrors, valuesOfDetails, type AidFormValues } from './AidFields';

/** The type-specific details as readable lines. */
function DetailLines({ app }: { app: AidDetail }) {
  const { tr, en } = useLocale();
  const d = app.aid.details;
  if (app.aid.aidType === 'medical') {
    return (
      <List size="small" header={tr('医疗费票据', 'Medical bills')} dataSource={(d.bills ?? []) as { hospital: string; date: string; totalFen: number; insuredFen: number }[]}
        renderItem={(b) => <List.Item>{b.date} {b.hospital}：{tr('总额', 'total')} {fenToYuan(b.totalFen)}，{tr('医保报销', 'insurance')} {fenToYuan(b.insuredFen)}，{tr('自付', 'self-paid')} {fenToYuan(b.totalFen - b.insuredFen)}</List.Item>} />
    );
  }
  if (app.aid.aidType === 'education' && d.child) {
    const stage = STAGE_INFO[d.child.stage as keyof typeof STAGE_INFO];
    return <Typography.Paragraph>{tr('子女', 'Child')}：{d.child.name}，{d.child.school}，{en ? stage?.en : stage?.zh}{d.child.grade ? ` ${d.child.grade}` : ''}，{d.child.admissionYear}{tr('年入学', ' admission')}</Typography.Paragraph>;
  }
  if (app.aid.aidType === 'temporary' && d.event) {
    const kind = EVENT_NAMES[d.event.kind as keyof typeof EVENT_NAMES];
    return <Typography.Paragraph>{en ? kind?.en : kind?.zh}（{d.event.date}）：{d.event.description}</Typography.Paragraph>;
  }
  return null;
}

/** The applicant corrects a returned application; saving sends it back to the first step. */
function CorrectionForm({ app, onDone }: { app: AidDetail; onDone: () => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<AidFormValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<FormError | null>(null);
  const initial: AidFormValues = {
    reason: app.aid.reason, amountYuan: app.aid.requestedFen != null ? (app.aid.requestedFen / 100).toFixed(2) : null, payeeBank: app.aid.payeeBank ?? undefined,
    ...valuesOfDetails(app.aid.aidType, app.aid.details),
  };
  const submit = async (v: AidFormValues) => {
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/aid/applications/${app.id}`, { reason: v.reason, amountFen: fenOf(v.amountYuan), details: detailsOf(app.aid.aidType, v), attachmentIds: v.attachmentIds ?? [], payee: { bank: v.payeeBank } });
      message.success(tr('已修改并重新提交', 'Corrected and resubmitted'));
      onDone();
    } catch (err) {
      const { fields, rest } = splitErrors(err instanceof ApiError ? err.details : [], en);
      form.setFields(fields);
      setError({ title: errorMessage(err), items: rest });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={tr('修改后重新提交', 'Correct and resubmit')}>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={busy} style={{ maxWidth: 720 }}>
        <AidTypeFields type={app.aid.aidType} />
        <Form.Item label={tr('申请金额（元）', 'Amount (yuan)')} name="amountYuan"><InputNumber stringMode min="0.01" precision={2} style={{ width: 200 }} /></Form.Item>
        <Form.Item label={tr('申请理由', 'Reason')} name="reason" rules={[{ required: true, min: 2, message: tr('请写明申请理由', 'Give the reason') }]}><Input.TextArea rows={4} maxLength={1000} showCount /></Form.Item>
        <Form.Item label={tr('补充材料', 'More documents')} name="attachmentIds"><AttachmentUpload existing={app.aid.attachments} /></Form.Item>
        <Form.Item label={tr('开户银行', 'Bank')} name="payeeBank" rules={[{ required: true, message: tr('请填写开户银行', 'Enter the bank') }]}><Input maxLength={60} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>{tr('重新提交', 'Resubmit')}</Button>
      </Form>
    </Card>
  );
}

/** 救助申请详情: what was asked and why, the amount's arithmetic, the documents, the review steps. */
export default function AidApplicationPage() {
  const { id } = useParams();
  const { tr, en } = useLocale();
  const { data: app, error, loading, reload } = useAsync((signal) => api.get<AidDetail>(`/aid/applications/${id}`, undefined, signal), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !app) return <Loading />;
  const a = app.aid;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<span>{app.title} <StatusTag app={app} /></span>} extra={<Link to="/aid/applications">{tr('返回列表', 'Back to list')}</Link>}>
        {a.samePeriod.length > 0 && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title={tr('此人本期还有其他同类申请，同一类型每期只能批准一次', 'This person has other applications of this type in this period; only one can be approved')}
            description={a.samePeriod.map((s) => <Link key={s.id} to={`/aid/applications/${s.id}`} style={{ marginRight: 12 }}>#{s.id}</Link>)} />
        )}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={tr('救助类型', 'Aid type')}>{en ? a.aidTypeNameEn : a.aidTypeName}</Descriptions.Item>
          <Descriptions.Item label={tr('期间', 'Period')}>{en ? a.periodNameEn : a.periodName}</Descriptions.Item>
          <Descriptions.Item label={tr('申请人', 'Applicant')}>{app.personName}（{a.idNumberMasked}）</Descriptions.Item>
          <Descriptions.Item label={tr('受理工会', 'Filed with')}>{app.orgName}</Descriptions.Item>
          <Descriptions.Item label={tr('困难类别（申请时）', 'Hardship tier (when filed)')}>{a.hardshipTierName ?? tr('无档案', 'No record')}</Descriptions.Item>
          <Descriptions.Item label={tr('按规则计算（元）', 'By the rule (yuan)')}>{fenToYuan(a.computedFen)}</Descriptions.Item>
          <Descriptions.Item label={tr('核定金额（元）', 'Granted (yuan)')}>{fenToYuan(app.approvedFen)}</Descriptions.Item>
          <Descriptions.Item label={tr('收款', 'Payee')}>{app.payeeName} {a.payeeBank} {app.payeeAccount}</Descriptions.Item>
          <Descriptions.Item label={tr('提交时间', 'Submitted')}>{dayjs(app.submittedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          {a.campaignName && <Descriptions.Item label={tr('所属活动', 'Campaign')}><Link to={`/aid/campaigns/${a.campaignId}`}>{a.campaignName}</Link></Descriptions.Item>}
          {app.paymentBatchId && <Descriptions.Item label={tr('发放批次', 'Payment batch')}><Link to={`/aid/payments/${app.paymentBatchId}`}>#{app.paymentBatchId}</Link>{app.paidAt ? ` · ${dayjs(app.paidAt).format('YYYY-MM-DD')}` : ''}</Descriptions.Item>}
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 12 }}><b>{tr('申请理由', 'Reason')}：</b>{a.reason}</Typography.Paragraph>
        <DetailLines app={app} />
        <Typography.Paragraph type="secondary">{tr('金额计算', 'Amount')}：{a.amountSteps.map((s) => (en ? s.en : s.zh)).join('；')}</Typography.Paragraph>
        <List size="small" header={tr('证明材料', 'Documents')} dataSource={a.attachments} locale={{ emptyText: tr('无', 'None') }}
          renderItem={(f) => <List.Item><a href={attachmentUrl(f.id)} target="_blank" rel="noreferrer"><PaperClipOutlined /> {f.name}</a></List.Item>} />
      </Card>
      <Card title={tr('审批环节', 'Review steps')}><ApplicationSteps app={app} /></Card>
      <DecisionPanel app={app} onDone={reload} />
      {app.canResubmit && <CorrectionForm app={app} onDone={reload} />}
      <Card title={tr('流转记录', 'History')}><ApplicationHistory app={app} /></Card>
    </Space>
  );
}
