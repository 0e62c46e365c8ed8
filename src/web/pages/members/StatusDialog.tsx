import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio } from 'antd';
import { ApiError, api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';

export type StatusAction = 'retain' | 'restore' | 'leave';

const RETAIN_REASONS = [
  { value: '退休', en: 'Retired' },
  { value: '失业', en: 'Unemployed' },
  { value: '单位注销', en: 'Employer closed' },
  { value: '其他', en: 'Other' },
];

interface Values {
  kind?: string;
  text?: string;
}

/** 保留会籍 / 恢复会籍 / 退会: POST /members/{id}/status {action, reason}. */
export function StatusDialog({ memberId, memberName, action, onClose, onDone }: { memberId: number; memberName: string; action: StatusAction; onClose: () => void; onDone: () => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const titles: Record<StatusAction, string> = {
    retain: tr(`保留会籍：${memberName}`, `Retain membership: ${memberName}`),
    restore: tr(`恢复会籍：${memberName}`, `Restore membership: ${memberName}`),
    leave: tr(`退会：${memberName}`, `Leave the union: ${memberName}`),
  };
  const okText: Record<StatusAction, string> = {
    retain: tr('保留会籍', 'Retain'),
    restore: tr('恢复会籍', 'Restore'),
    leave: tr('确认退会', 'Confirm leaving'),
  };
  const done: Record<StatusAction, string> = {
    retain: tr('已保留会籍', 'Membership retained'),
    restore: tr('已恢复会籍', 'Membership restored'),
    leave: tr('已办理退会', 'The member has left the union'),
  };

  const submit = async (v: Values) => {
    const text = v.text?.trim() ?? '';
    const reason = action === 'retain' ? (v.kind === '其他' ? text : text ? `${v.kind}：${text}` : v.kind ?? '') : text;
    setBusy(true);
    setError(null);
    try {
      await api.post(`/members/${memberId}/status`, { action, reason: reason.slice(0, 200) });
      message.success(done[action]);
      onDone();
    } catch (err) {
      if (err instanceof ApiError) {
        const reasonErr = err.details.find((d) => d.field === 'reason');
        if (reasonErr) form.setFields([{ name: 'text', errors: [en && reasonErr.messageEn ? reasonErr.messageEn : reasonErr.message] }]);
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const textRequired = action !== 'retain' || kind === '其他';
  return (
    <Modal
      open
      title={titles[action]}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="c" onClick={onClose}>{tr('取消', 'Cancel')}</Button>,
        <Button key="ok" type="primary" danger={action === 'leave'} loading={busy} onClick={() => form.submit()}>{okText[action]}</Button>,
      ]}
    >
      {action === 'leave' && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }}
          title={tr('退会后会籍终止，此人将不再计入会员人数；重新入会须重新登记。', 'Leaving ends the membership; the person no longer counts as a member and must be registered again to rejoin.')} />
      )}
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ kind: action === 'retain' ? '退休' : undefined }}>
        {action === 'retain' && (
          <Form.Item name="kind" label={tr('保留原因', 'Reason')} rules={[{ required: true, message: tr('请选择保留原因', 'Choose a reason') }]}>
            <Radio.Group options={RETAIN_REASONS.map((r) => ({ value: r.value, label: en ? r.en : r.value }))} />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={action === 'retain' ? tr('说明', 'Details') : action === 'restore' ? tr('恢复原因', 'Reason') : tr('退会原因', 'Reason')}
          rules={[{ required: textRequired, whitespace: true, message: tr('请填写原因', 'Give a reason') }, { max: 180 }]}
        >
          <Input.TextArea rows={2} maxLength={180} showCount
            placeholder={action === 'retain' ? tr('选填，如：2026年3月办理退休', 'Optional, e.g. retired in March 2026') : action === 'restore' ? tr('如：重新就业', 'e.g. re-employed') : tr('如：本人申请退会', 'e.g. at the member’s request')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
