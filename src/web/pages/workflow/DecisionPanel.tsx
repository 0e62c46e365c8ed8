import { useState } from 'react';
import { Alert, App, Button, Card, Input, InputNumber, Space } from 'antd';
import { api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { fenToYuan, type ApplicationView } from './types';

type Action = 'approve' | 'return' | 'reject';

/**
 * Approve / return for changes / reject the current step, with a comment (required to
 * return or reject) and, optionally, the amount granted. The server decides who may.
 */
export function DecisionPanel({ app, onDone }: { app: ApplicationView; onDone: () => void }) {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [yuan, setYuan] = useState<number | null>(app.approvedFen !== null ? app.approvedFen / 100 : app.amountFen !== null ? app.amountFen / 100 : null);
  const [busy, setBusy] = useState<Action | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!app.canDecide) return null;
  const step = app.steps[app.currentStep];

  const send = async (action: Action) => {
    setBusy(action);
    setError(null);
    try {
      const approvedFen = action === 'approve' && yuan !== null && app.amountFen !== null ? Math.round(yuan * 100) : undefined;
      await api.post(`/applications/${app.id}/decide`, { action, comment: comment.trim() || undefined, approvedFen });
      message.success({ approve: tr('已同意', 'Approved'), return: tr('已退回申请人修改', 'Returned to the applicant'), reject: tr('已不予批准', 'Rejected') }[action]);
      setComment('');
      onDone();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card size="small" title={tr(`审批：${step.name}（${step.orgName}）`, `Review: ${step.nameEn} (${step.orgName})`)}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error && <Alert type="error" showIcon title={error} role="alert" />}
        {app.amountFen !== null && (
          <label style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
            <span>{tr('核定金额（元）', 'Amount granted (yuan)')}</span>
            <InputNumber aria-label={tr('核定金额（元）', 'Amount granted (yuan)')} min={0} max={app.amountFen / 100} precision={2} value={yuan} onChange={(v) => setYuan(v)} style={{ width: 160 }} />
            <span style={{ color: '#888' }}>{tr(`申请 ${fenToYuan(app.amountFen)} 元`, `requested ${fenToYuan(app.amountFen)}`)}</span>
          </label>
        )}
        <Input.TextArea
          aria-label={tr('审批意见', 'Comment')}
          placeholder={tr('审批意见（退回或不予批准时必填）', 'Comment (required to return or reject)')}
          rows={3}
          maxLength={500}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <Space wrap>
          <Button type="primary" loading={busy === 'approve'} disabled={!!busy} onClick={() => send('approve')}>{tr('同意', 'Approve')}</Button>
          <Button loading={busy === 'return'} disabled={!!busy} onClick={() => send('return')}>{tr('退回修改', 'Return for changes')}</Button>
          <Button danger loading={busy === 'reject'} disabled={!!busy} onClick={() => send('reject')}>{tr('不予批准', 'Reject')}</Button>
        </Space>
      </Space>
    </Card>
  );
}
