import { useEffect, useState } from 'react';
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { validateCreditCode } from '../../../shared/uscc';
import { canContain, ORG_TYPES } from '../../../shared/codes/union';
import { MIYUN_DIVISIONS } from '../../../shared/codes/miyun';
import { ApiError, api, errorMessage, type Org } from '../../api';
import { useLocale } from '../../i18n';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';

export const ORG_FIELD_LABELS: Record<string, [string, string]> = {
  name: ['名称', 'Name'],
  shortName: ['简称', 'Short name'],
  type: ['类型', 'Type'],
  parentId: ['上级组织', 'Parent'],
  creditCode: ['统一社会信用代码', 'Credit code'],
  divisionCode: ['行政区划代码', 'Division code'],
  foundedOn: ['成立日期', 'Founded'],
  term: ['届期', 'Term'],
  chair: ['工会主席', 'Chair'],
  address: ['地址', 'Address'],
  phone: ['联系电话', 'Phone'],
  status: ['状态', 'Status'],
  closedOn: ['撤销日期', 'Closed on'],
  closeReason: ['撤销原因', 'Close reason'],
};

export function divisionOptions(en: boolean) {
  return [
    { value: '110118', label: en ? '110118 Miyun District' : '110118 密云区' },
    ...MIYUN_DIVISIONS.map((d) => ({ value: d.code, label: `${d.code} ${d.name}` })),
  ];
}

interface Values {
  name?: string;
  shortName?: string;
  type?: string;
  creditCode?: string;
  divisionCode?: string;
  foundedOn?: Dayjs | null;
  term?: string;
  chair?: string;
  address?: string;
  phone?: string;
}

/** Create a child organisation (parent given) or edit an existing one. */
export function OrgFormModal({ open, parent, org, onClose, onSaved }: { open: boolean; parent?: Org; org?: Org; onClose: () => void; onSaved: (org: Org) => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ title: string; items: string[] } | null>(null);
  const editing = !!org;
  const type = Form.useWatch('type', form);
  const allowedTypes = parent ? ORG_TYPES.filter((t) => canContain(parent.type, t.code)) : ORG_TYPES.filter((t) => t.code === org?.type);

  useEffect(() => {
    if (!open || (!org && allowedTypes.length === 0)) return;
    setError(null);
    form.resetFields();
    if (org) {
      form.setFieldsValue({
        name: org.name, shortName: org.shortName ?? undefined, type: org.type, creditCode: org.creditCode ?? undefined, divisionCode: org.divisionCode ?? undefined,
        foundedOn: org.foundedOn ? dayjs(org.foundedOn) : null, term: org.term ?? undefined, chair: org.chair ?? undefined, address: org.address ?? undefined, phone: org.phone ?? undefined,
      });
    } else if (parent) {
      form.setFieldsValue({ type: allowedTypes.length === 1 ? allowedTypes[0].code : allowedTypes.find((t) => t.code === 'grassroots')?.code, divisionCode: parent.divisionCode ?? undefined });
    }
  }, [open, org?.id, parent?.id]);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {
      name: v.name?.trim() ?? '',
      shortName: v.shortName?.trim() || null,
      creditCode: v.creditCode?.trim() || null,
      divisionCode: v.divisionCode || null,
      foundedOn: v.foundedOn ? v.foundedOn.format('YYYY-MM-DD') : null,
      term: v.term?.trim() || null,
      chair: v.chair?.trim() || null,
      address: v.address?.trim() || null,
      phone: v.phone?.trim() || null,
    };
    if (!editing) {
      body.type = v.type;
      body.parentId = parent!.id;
    }
    try {
      const saved = editing ? await api.patch<Org>(`/orgs/${org!.id}`, body) : await api.post<Org>('/orgs', body);
      message.success(editing ? tr(`已保存 ${saved.name}`, `Saved ${saved.name}`) : tr(`已新建 ${saved.name}`, `Created ${saved.name}`));
      onSaved(saved);
    } catch (err) {
      const details = err instanceof ApiError ? err.details : [];
      const known = new Set(Object.keys(ORG_FIELD_LABELS));
      const fieldErrors = details.filter((d) => d.field && known.has(d.field) && d.field !== 'parentId');
      if (fieldErrors.length) form.setFields(fieldErrors.map((d) => ({ name: d.field as keyof Values, errors: [en && d.messageEn ? d.messageEn : d.message] })));
      const other = details.filter((d) => !fieldErrors.includes(d)).map((d) => `${d.field ? (ORG_FIELD_LABELS[d.field]?.[en ? 1 : 0] ?? d.field) + '：' : ''}${en && d.messageEn ? d.messageEn : d.message}`);
      setError({ title: errorMessage(err), items: other });
    } finally {
      setBusy(false);
    }
  };

  const col = (span: number) => ({ xs: 24, md: span });
  return (
    <Modal
      open={open}
      title={editing ? tr(`编辑：${org!.name}`, `Edit: ${org!.name}`) : tr(`新建下级组织（上级：${parent?.name ?? ''}）`, `New sub-organisation under ${parent?.name ?? ''}`)}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={editing ? tr('保存', 'Save') : tr('新建', 'Create')}
      cancelText={tr('取消', 'Cancel')}
      confirmLoading={busy}
      width={760}
      forceRender
    >
      {error && (
        <Alert type="error" showIcon role="alert" data-testid="org-form-error" style={{ marginBottom: 12 }} title={error.title}
          description={error.items.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{error.items.map((i) => <li key={i}>{i}</li>)}</ul> : undefined} />
      )}
      {!editing && allowedTypes.length === 0 ? (
        <Alert type="warning" showIcon title={tr('该类型的组织下不能再设立下级组织', 'This kind of organisation cannot have sub-organisations')} />
      ) : (
        <Form<Values> form={form} name={editing ? `org-edit-${org!.id}` : `org-create-${parent?.id ?? 0}`} layout="vertical" onFinish={submit} requiredMark>
          <Row gutter={12}>
            <Col {...col(16)}>
              <Form.Item name="name" label={tr('组织名称', 'Name')} rules={[{ required: true, whitespace: true, message: tr('请填写组织名称', 'Enter the name') }, { max: 100 }]}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...col(8)}>
              <Form.Item name="type" label={tr('组织类型', 'Type')} rules={[{ required: true, message: tr('请选择组织类型', 'Choose the type') }]}
                extra={!editing && parent ? tr('仅列出上级组织可设立的类型', 'Only types the parent may contain') : undefined}>
                <Select aria-label={tr('组织类型', 'Type')} disabled={editing} options={allowedTypes.map((t) => ({ value: t.code, label: en ? t.nameEn : t.name }))} />
              </Form.Item>
            </Col>
            <Col {...col(12)}>
              <Form.Item name="creditCode" label={tr('统一社会信用代码', 'Unified social credit code')} validateDebounce={250} rules={[{ validator: async (_r, value?: string) => {
                if (!value?.trim()) return;
                const r = validateCreditCode(value);
                if (!r.ok) throw new Error(en ? r.messageEn : r.message);
                if (type && type !== 'member_unit' && !r.value.startsWith('81')) throw new Error(tr('工会法人统一社会信用代码应以81开头', 'A union credit code starts with 81'));
              } }]}>
                <Input autoComplete="off" maxLength={24} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
            <Col {...col(12)}>
              <Form.Item name="divisionCode" label={tr('行政区划代码', 'Division code')}>
                <Select aria-label={tr('行政区划代码', 'Division code')} allowClear showSearch={{ optionFilterProp: 'label' }} options={divisionOptions(en)} />
              </Form.Item>
            </Col>
            <Col {...col(8)}>
              <Form.Item name="foundedOn" label={tr('成立日期', 'Founded on')}>
                <DatePicker style={{ width: '100%' }} aria-label={tr('成立日期', 'Founded on')} disabledDate={(d) => d.isAfter(new Date())} />
              </Form.Item>
            </Col>
            <Col {...col(8)}>
              <Form.Item name="term" label={tr('届期', 'Term')} rules={[{ max: 40 }]}>
                <Input maxLength={40} placeholder={tr('如：第三届（2023—2028）', 'e.g. 3rd (2023–2028)')} />
              </Form.Item>
            </Col>
            <Col {...col(8)}>
              <Form.Item name="chair" label={tr('工会主席', 'Chair')} rules={[{ max: 40 }]}>
                <Input maxLength={40} />
              </Form.Item>
            </Col>
            <Col {...col(16)}>
              <Form.Item name="address" label={tr('地址', 'Address')} rules={[{ max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col {...col(8)}>
              <Form.Item name="phone" label={tr('联系电话', 'Phone')} rules={[{ max: 30 }, { pattern: /^[\d\s()+-]*$/, message: tr('电话只能包含数字和 - ( ) +', 'Digits and - ( ) + only') }]}>
                <Input maxLength={30} inputMode="tel" />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </Modal>
  );
}

/** Move an organisation (and its subtree) under another parent. */
export function OrgMoveModal({ open, org, onClose, onSaved }: { open: boolean; org: Org; onClose: () => void; onSaved: (org: Org) => void }) {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const [target, setTarget] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setTarget(undefined);
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    if (!target) {
      setError(tr('请选择新的上级组织', 'Choose the new parent'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.patch<Org>(`/orgs/${org.id}`, { parentId: target });
      message.success(tr(`已移动 ${saved.name}`, `Moved ${saved.name}`));
      onSaved(saved);
    } catch (err) {
      const d = err instanceof ApiError ? err.details.map((x) => x.message).join('；') : '';
      setError(d && d !== errorMessage(err) ? `${errorMessage(err)}：${d}` : errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={tr(`移动：${org.name}`, `Move: ${org.name}`)} onCancel={onClose} onOk={submit} okText={tr('移动', 'Move')} cancelText={tr('取消', 'Cancel')} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{tr('整个下级组织树将随之移动；会员会籍不变。', 'The whole subtree moves along; memberships stay.')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={tr('新的上级组织', 'New parent')} required>
          <OrgTreeSelect ariaLabel={tr('新的上级组织', 'New parent')} unionsOnly value={target} onChange={setTarget} disabledIds={[org.id, ...(org.parentId ? [org.parentId] : [])]} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" data-testid="org-move-error" title={error} />}
    </Modal>
  );
}

/** Close (撤销) an organisation with a reason; the server refuses while it has members or open children. */
export function OrgCloseModal({ open, org, onClose, onSaved }: { open: boolean; org: Org; onClose: () => void; onSaved: (org: Org) => void }) {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) {
      setReason('');
      setError(null);
    }
  }, [open]);
  const submit = async () => {
    if (!reason.trim()) {
      setError(tr('请填写撤销原因', 'Enter the reason'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.post<Org>(`/orgs/${org.id}/close`, { reason: reason.trim() });
      message.success(tr(`已撤销 ${saved.name}`, `Closed ${saved.name}`));
      onSaved(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={tr(`撤销：${org.name}`, `Close: ${org.name}`)} onCancel={onClose} onOk={submit} okText={tr('撤销组织', 'Close organisation')} okButtonProps={{ danger: true }} cancelText={tr('取消', 'Cancel')} confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">{tr('只有没有会员、没有未撤销下级组织的组织才能撤销。', 'Only an organisation without members or open sub-organisations can be closed.')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={tr('撤销原因', 'Reason')} required htmlFor="org-close-reason">
          <Input.TextArea id="org-close-reason" aria-label={tr('撤销原因', 'Reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} rows={3} />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon role="alert" data-testid="org-close-error" title={error} />}
    </Modal>
  );
}
