import { useState } from 'react';
import { useParams } from 'react-router';
import { Alert, App, Button, Flex } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { ApplicationHistory, ApplicationSteps } from '../workflow/ApplicationSteps';
import { fenToYuan, type ApplicationView } from '../workflow/types';
import { ClaimForm } from '../mutual-aid/ClaimForm';
import { CalcLines } from '../mutual-aid/CalcLines';
import { BillsTable, Photos } from '../mutual-aid/ClaimDetailPage';
import type { ClaimDetail } from '../mutual-aid/types';
import { AidForm, type AidExisting } from './AidForm';
import type { AidTypeInfo } from './PortalApply';
import { PortalStatus } from './shared';

const CLAIM_TYPE = 'mutual_aid.claim';

/** The decision in words: what was granted, paid, or why not. */
function Outcome({ app }: { app: ApplicationView }) {
  const { tr } = useLocale();
  const last = [...app.events].reverse().find((e) => e.action === 'reject' || e.action === 'return');
  const when = (v: string | null) => (v ? dayjs(v).format('YYYY-MM-DD') : '');
  if (app.status === 'paid') {
    return <Alert type="success" showIcon data-testid="m-outcome" title={tr(`已发放 ¥${fenToYuan(app.approvedFen)}`, `Paid ¥${fenToYuan(app.approvedFen)}`)} description={tr(`${when(app.paidAt)} 已发放到您的收款账户`, `Paid on ${when(app.paidAt)}`)} />;
  }
  if (app.status === 'approved') {
    return <Alert type="success" showIcon data-testid="m-outcome" title={tr(`已批准 ¥${fenToYuan(app.approvedFen)}，等待发放`, `Approved ¥${fenToYuan(app.approvedFen)}, awaiting payment`)} />;
  }
  if (app.status === 'rejected') {
    return <Alert type="error" showIcon data-testid="m-outcome" title={tr('未获批准', 'Not approved')} description={last?.comment ? tr(`理由：${last.comment}`, `Reason: ${last.comment}`) : undefined} />;
  }
  if (app.status === 'returned') {
    return <Alert type="warning" showIcon data-testid="m-outcome" title={tr('申请被退回，请按意见修改后重新提交', 'Returned: correct it and resubmit')} description={last?.comment ? tr(`意见：${last.comment}`, `Comment: ${last.comment}`) : undefined} />;
  }
  if (app.status === 'withdrawn') return <Alert type="info" showIcon data-testid="m-outcome" title={tr('您已撤回此申请', 'You withdrew this application')} />;
  const step = app.steps[app.currentStep];
  return <Alert type="info" showIcon data-testid="m-outcome" title={tr(`正在由${step?.orgName ?? ''}审批（${step?.name ?? ''}）`, `Being reviewed by ${step?.orgName ?? ''}`)} />;
}

function ClaimPart({ id, correct, onDone }: { id: number; correct: boolean; onDone: () => void }) {
  const { tr } = useLocale();
  const { data, error, reload } = useAsync((signal) => api.get<ClaimDetail>(`/mutual-aid/claims/${id}`, {}, signal), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} compact />;
  if (!data) return <Loading />;
  return (
    <>
      <section className="m-card" aria-labelledby="m-calc">
        <h2 id="m-calc">{tr('报销计算', 'How it is computed')}</h2>
        <CalcLines calc={data.calc} />
      </section>
      <section className="m-card" aria-labelledby="m-bills">
        <h2 id="m-bills">{tr('票据', 'Bills')}</h2>
        <BillsTable bills={data.bills} />
        <div style={{ marginTop: 12 }}><Photos items={data.attachments} /></div>
      </section>
      {correct && (
        <section className="m-card" aria-labelledby="m-correct">
          <h2 id="m-correct">{tr('修改后重新提交', 'Correct and resubmit')}</h2>
          <ClaimForm plans={[data.plan]} existing={data} onDone={() => { reload(); onDone(); }} />
        </section>
      )}
    </>
  );
}

function AidPart({ app, onDone }: { app: ApplicationView; onDone: () => void }) {
  const { tr } = useLocale();
  const detail = useAsync((signal) => api.get<AidExisting>(`/aid/applications/${app.id}`, {}, signal), [app.id]);
  const types = useAsync((signal) => (app.canResubmit ? api.get<AidTypeInfo[]>('/aid/types', {}, signal) : Promise.resolve([])), [app.id, app.canResubmit]);
  if (detail.error || types.error) return <ErrorState error={detail.error ?? types.error} onRetry={() => { detail.reload(); types.reload(); }} compact />;
  if (!detail.data || !types.data) return <Loading />;
  const type = types.data.find((t) => t.code === app.type.replace(/^aid\./, ''));
  return (
    <>
      <section className="m-card" aria-labelledby="m-aid-what">
        <h2 id="m-aid-what">{tr('申请内容', 'What was asked')}</h2>
        <p style={{ whiteSpace: 'pre-wrap' }}>{detail.data.aid.reason}</p>
        <Photos items={detail.data.aid.attachments} />
      </section>
      {app.canResubmit && type && (
        <section className="m-card" aria-labelledby="m-correct">
          <h2 id="m-correct">{tr('修改后重新提交', 'Correct and resubmit')}</h2>
          <AidForm type={type} existing={{ ...detail.data, id: app.id }} onDone={() => { detail.reload(); onDone(); }} />
        </section>
      )}
    </>
  );
}

/** One application: the outcome, the steps with comments and times, corrections when returned. */
export default function PortalApplicationDetail() {
  const { tr } = useLocale();
  const { message, modal } = App.useApp();
  const id = Number(useParams().id);
  const { data: app, error, reload } = useAsync((signal) => api.get<ApplicationView>(`/applications/${id}`, {}, signal), [id]);
  const [busy, setBusy] = useState(false);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!app) return <Loading />;

  const withdraw = () => modal.confirm({
    title: tr('撤回此申请？', 'Withdraw this application?'), okText: tr('撤回', 'Withdraw'), okButtonProps: { danger: true }, cancelText: tr('取消', 'Cancel'),
    onOk: async () => {
      setBusy(true);
      try {
        await api.post(`/applications/${id}/withdraw`, {});
        message.success(tr('已撤回', 'Withdrawn'));
        reload();
      } catch (err) {
        message.error(errorMessage(err));
      } finally {
        setBusy(false);
      }
    },
  });

  return (
    <>
      <section className="m-card" aria-labelledby="m-app-title">
        <Flex justify="space-between" align="start" gap={8}>
          <h2 id="m-app-title" style={{ marginBottom: 4 }}>{app.typeName}</h2>
          <PortalStatus status={app.status} />
        </Flex>
        <div style={{ color: '#888', fontSize: 13, marginBottom: 12 }}>{app.title}</div>
        <div className="m-row"><span>{tr('提交时间', 'Submitted')}</span><span>{dayjs(app.submittedAt).format('YYYY-MM-DD HH:mm')}</span></div>
        {app.amountFen !== null && <div className="m-row"><span>{tr('申请金额', 'Requested')}</span><span>¥{fenToYuan(app.amountFen)}</span></div>}
        {(app.status === 'approved' || app.status === 'paid') && <div className="m-row"><span>{tr('核定金额', 'Granted')}</span><span className="m-big">¥{fenToYuan(app.approvedFen)}</span></div>}
        <div style={{ marginTop: 12 }}><Outcome app={app} /></div>
      </section>
      <section className="m-card" aria-labelledby="m-steps">
        <h2 id="m-steps">{tr('审批进度', 'Review steps')}</h2>
        <ApplicationSteps app={app} vertical />
      </section>
      {app.type === CLAIM_TYPE
        ? <ClaimPart id={app.id} correct={app.canResubmit} onDone={reload} />
        : app.type.startsWith('aid.') && <AidPart app={app} onDone={reload} />}
      <section className="m-card" aria-labelledby="m-history">
        <h2 id="m-history">{tr('办理记录', 'History')}</h2>
        <ApplicationHistory app={app} />
      </section>
      {app.canWithdraw && <Button block size="large" danger loading={busy} onClick={withdraw}>{tr('撤回申请', 'Withdraw')}</Button>}
    </>
  );
}
