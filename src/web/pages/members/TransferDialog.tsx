import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Typography } from 'antd';
import { ApiError, api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

interface LookupHit {
  id: number;
  name: string;
  type: string;
  typeName: string;
}

/** 会籍转出: pick the receiving union (inside the scope, or by exact name / credit code outside it) and a reason. */
export function TransferDialog({ memberId, memberName, fromOrgId, onClose, onDone }: { memberId: number; memberName: string; fromOrgId: number; onClose: () => void; onDone: () => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toOrgId?: number; reason: string }>();
  const [mode, setMode] = useState<'scope' | 'lookup'>('scope');
  const [hits, setHits] = useState<LookupHit[] | null>(null);
  const [lookupError, setLookupError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookup = async (q: string) => {
    setLookupError(null);
    setHits(null);
    form.setFieldValue('toOrgId', undefined);
    if (q.trim().length < 2) {
      setLookupError(tr('请输入接收工会的准确全称或统一社会信用代码', 'Enter the exact full name or credit code'));
      return;
    }
    try {
      const r = await api.get<{ items: LookupHit[] }>('/orgs/lookup', { q: q.trim() });
      setHits(r.items);
      if (r.items.length === 1) form.setFieldValue('toOrgId', r.items[0].id);
    } catch (err) {
      setLookupError(errorMessage(err));
    }
  };

  const submit = async (v: { toOrgId?: number; reason: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(`/members/${memberId}/transfer`, { toOrgId: v.toOrgId, reason: v.reason.trim() });
      message.success(tr('已提交转出，等待接收工会确认', 'Transfer sent; waiting for the receiving union'));
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.details.some((d) => d.field)) {
        form.setFields(err.details.filter((d) => d.field).map((d) => ({ name: d.field as 'toOrgId' | 'reason', errors: [en && d.messageEn ? d.messageEn : d.message] })));
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={tr(`会籍转出：${memberName}`, `Transfer ${memberName}`)}
      onCancel={onClose}
      footer={[
        <Button key="c" onClick={onClose}>{tr('取消', 'Cancel')}</Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()}>{tr('提交转出', 'Send transfer')}</Button>,
      ]}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon role="alert" title={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Radio.Group value={mode} onChange={(e) => { setMode(e.target.value); form.setFieldValue('toOrgId', undefined); setHits(null); }} style={{ marginBottom: 12 }}
          options={[{ value: 'scope', label: tr('本范围内的工会', 'A union in my scope') }, { value: 'lookup', label: tr('其他工会（按全称或信用代码查找）', 'Another union (exact name or code)') }]} />
        {mode === 'lookup' && (
          <div style={{ marginBottom: 12 }}>
            <Input.Search aria-label={tr('接收工会全称或统一社会信用代码', 'Receiving union name or credit code')} placeholder={tr('准确全称或统一社会信用代码', 'Exact name or credit code')} enterButton={tr('查找', 'Find')} onSearch={lookup} />
            {lookupError && <Typography.Text type="danger">{lookupError}</Typography.Text>}
            {hits && hits.length === 0 && <Typography.Text type="secondary">{tr('没有找到，请核对全称或信用代码', 'Not found; check the name or code')}</Typography.Text>}
          </div>
        )}
        <Form.Item name="toOrgId" label={tr('接收工会', 'Receiving union')} rules={[{ required: true, message: tr('请选择接收工会', 'Choose the receiving union') }]}>
          {mode === 'scope' ? (
            <OrgTreeSelect unionsOnly disabledIds={[fromOrgId]} ariaLabel={tr('接收工会', 'Receiving union')} />
          ) : (
            <Radio.Group>
              <Space orientation="vertical">
                {(hits ?? []).map((h) => <Radio key={h.id} value={h.id}>{h.name}（{h.typeName}）</Radio>)}
              </Space>
            </Radio.Group>
          )}
        </Form.Item>
        <Form.Item name="reason" label={tr('转出原因', 'Reason')} rules={[{ required: true, whitespace: true, message: tr('请填写转出原因', 'Give a reason') }, { max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} showCount placeholder={tr('如：调动工作至接收单位', 'e.g. moved to a new employer')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
