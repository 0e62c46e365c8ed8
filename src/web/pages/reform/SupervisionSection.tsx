import { useState } from 'react';
import { App, Button, DatePicker, Flex, Form, Input, Modal, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { Panel } from '../../components/Panel';
import { EmptyState } from '../../components/states';
import { AttachmentList, AttachmentUpload } from '../../components/AttachmentUpload';
import { SUPERVISION_NAMES, shanghaiDate, type Supervision, type TaskDetail } from './shared';

/** 督办: the task's notices with their replies; district staff issue and close, the lead unit replies. */
export function SupervisionSection({ task, onChange }: { task: TaskDetail; onChange: (t: TaskDetail) => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [issuing, setIssuing] = useState(false);
  const [replying, setReplying] = useState<Supervision | null>(null);
  const late = task.status === 'overdue' || task.status === 'at_risk';
  const hasOpen = task.supervisions.some((s) => s.state === 'awaiting' || s.state === 'reply_overdue');

  const close = (s: Supervision) => Modal.confirm({
    title: tr('办结该督办通知？', 'Close this notice?'),
    content: <Input.TextArea id="close-note" rows={3} placeholder={tr('办结意见（可选）', 'Note (optional)')} />,
    okText: tr('办结', 'Close'), cancelText: tr('取消', 'Cancel'),
    onOk: async () => {
      const note = (document.getElementById('close-note') as HTMLTextAreaElement | null)?.value;
      try {
        onChange(await api.post<TaskDetail>(`/reform/supervisions/${s.id}/close`, { note: note || undefined }));
        message.success(tr('已办结', 'Closed'));
      } catch (err) {
        message.error(errorMessage(err));
        throw err;
      }
    },
  });

  return (
    <Panel title={tr('督办', 'Supervision')} testId="supervision-section"
      extra={task.you.canManage && late && !hasOpen ? <Button danger onClick={() => setIssuing(true)} data-testid="issue-supervision">{tr('发起督办', 'Issue notice')}</Button> : undefined}>
      {task.supervisions.length === 0 ? <EmptyState description={tr('暂无督办通知', 'No supervision notices')} /> : (
        <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {task.supervisions.map((s) => {
            const st = SUPERVISION_NAMES[s.state];
            return (
              <li key={s.id} style={{ borderBottom: '1px solid #f0f0f0', padding: '12px 0' }} data-testid="supervision-item">
                <Flex justify="space-between" wrap gap={8}>
                  <span><Tag color={st.color}>{en ? st.en : st.zh}</Tag>{tr('回复期限', 'Reply by')} {s.replyDue}</span>
                  <Typography.Text type="secondary">{tr('下发', 'Issued')} {shanghaiDate(s.issuedAt)}{s.issuedBy ? ` · ${s.issuedBy}` : ''}</Typography.Text>
                </Flex>
                <Typography.Paragraph style={{ margin: '8px 0' }}>{s.reason}</Typography.Paragraph>
                {s.replyText && (
                  <div style={{ background: '#fafafa', padding: 8, borderRadius: 6 }}>
                    <Typography.Text strong>{tr('回复：', 'Reply: ')}</Typography.Text>{s.replyText}
                    <div><Typography.Text type="secondary">{s.repliedAt ? shanghaiDate(s.repliedAt) : ''} {s.repliedBy ?? ''} {s.repliedLate ? tr('（逾期回复）', '(late)') : ''}</Typography.Text></div>
                    {s.attachments.length > 0 && <AttachmentList items={s.attachments} />}
                  </div>
                )}
                {s.closeNote && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{tr('办结意见：', 'Closing note: ')}{s.closeNote}</Typography.Paragraph>}
                <Flex gap={8} style={{ marginTop: 8 }}>
                  {task.you.canReply && (s.state === 'awaiting' || s.state === 'reply_overdue') && <Button type="primary" size="small" onClick={() => setReplying(s)} data-testid="reply-supervision">{tr('回复督办', 'Reply')}</Button>}
                  {task.you.canManage && s.state !== 'closed' && <Button size="small" onClick={() => close(s)}>{tr('办结', 'Close')}</Button>}
                </Flex>
              </li>
            );
          })}
        </ol>
      )}
      {issuing && <IssueModal task={task} onDone={(t) => { setIssuing(false); if (t) onChange(t); }} />}
      {replying && <ReplyModal s={replying} onDone={(t) => { setReplying(null); if (t) onChange(t); }} />}
    </Panel>
  );
}

function IssueModal({ task, onDone }: { task: TaskDetail; onDone: (t?: TaskDetail) => void }) {
  const { tr } = useLocale();
  const [form] = Form.useForm<{ reason: string; replyDue: dayjs.Dayjs }>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open title={tr('发起督办', 'Issue a supervision notice')} okText={tr('下发', 'Issue')} cancelText={tr('取消', 'Cancel')} onCancel={() => onDone()} onOk={() => form.submit()} destroyOnHidden>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <Form form={form} layout="vertical" initialValues={{ reason: task.status === 'overdue' ? `“${task.title}”已超过完成时限，请说明原因并提出整改措施。` : `“${task.title}”进度滞后，请加快推进。`, replyDue: dayjs().add(7, 'day') }}
        onFinish={async (v) => {
          try {
            const out = await api.post<{ task: TaskDetail }>(`/reform/tasks/${task.id}/supervisions`, { reason: v.reason, replyDue: v.replyDue.format('YYYY-MM-DD') });
            onDone(out.task);
          } catch (err) {
            setError(errorMessage(err));
          }
        }}>
        <Form.Item name="reason" label={tr('督办事由', 'Reason')} rules={[{ required: true, whitespace: true, message: tr('请填写督办事由', 'Enter the reason') }]}><Input.TextArea rows={4} /></Form.Item>
        <Form.Item name="replyDue" label={tr('回复期限', 'Reply by')} rules={[{ required: true, message: tr('请选择回复期限', 'Choose a date') }]}><DatePicker /></Form.Item>
      </Form>
    </Modal>
  );
}

function ReplyModal({ s, onDone }: { s: Supervision; onDone: (t?: TaskDetail) => void }) {
  const { tr } = useLocale();
  const [form] = Form.useForm<{ text: string; attachmentIds?: number[] }>();
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal open title={tr('回复督办', 'Reply to the notice')} okText={tr('提交回复', 'Send reply')} cancelText={tr('取消', 'Cancel')} onCancel={() => onDone()} onOk={() => form.submit()} destroyOnHidden>
      <Typography.Paragraph type="secondary">{s.reason}</Typography.Paragraph>
      {error && <Typography.Text type="danger" role="alert">{error}</Typography.Text>}
      <Form form={form} layout="vertical" onFinish={async (v) => {
        try {
          onDone(await api.post<TaskDetail>(`/reform/supervisions/${s.id}/reply`, { text: v.text, attachmentIds: v.attachmentIds ?? [] }));
        } catch (err) {
          setError(errorMessage(err));
        }
      }}>
        <Form.Item name="text" label={tr('原因和整改措施', 'Causes and measures')} rules={[{ required: true, whitespace: true, message: tr('请填写回复内容', 'Enter the reply') }]}><Input.TextArea rows={5} maxLength={4000} /></Form.Item>
        <Form.Item name="attachmentIds" label={tr('附件', 'Attachments')}><AttachmentUpload /></Form.Item>
      </Form>
    </Modal>
  );
}
