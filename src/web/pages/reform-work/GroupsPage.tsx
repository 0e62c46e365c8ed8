import { useState } from 'react';
import { Button, Card, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Timeline, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { GROUP_KINDS, GROUP_ROLES, useSubmit, type Group, type GroupMember } from './shared';

/** 领导小组与专班: each term of the two groups, its members, and every seat's history. */
export default function GroupsPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const manage = can('reform.manage');
  const { params, update } = useUrlFilters();
  const groups = useAsync((signal) => api.get<Page<Group>>('/reform/groups', undefined, signal), []);
  const groupId = params.get('group') ? Number(params.get('group')) : groups.data?.items[0]?.id;
  const group = groups.data?.items.find((g) => g.id === groupId);
  const history = params.get('history') === '1';
  const role = params.get('role') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const members = useAsync((signal) => (groupId ? api.get<Page<GroupMember>>(`/reform/groups/${groupId}/members`, { history: history ? 1 : undefined, role, page, pageSize: 50 }, signal) : Promise.resolve(undefined)),
    [groupId, history, role, page]);
  const [modal, setModal] = useState<{ kind: 'group' } | { kind: 'add' } | { kind: 'change' | 'end'; member: GroupMember } | null>(null);
  const [historyOf, setHistoryOf] = useState<GroupMember | null>(null);
  const close = (saved: boolean) => {
    setModal(null);
    if (saved) { groups.reload(); members.reload(); }
  };

  const columns: ColumnsType<GroupMember> = [
    { title: tr('姓名', 'Name'), dataIndex: 'name', width: 100, render: (v: string, m) => <Button type="link" style={{ padding: 0 }} onClick={() => setHistoryOf(m)}>{v}</Button> },
    { title: tr('小组职务', 'Role'), dataIndex: 'roleName', width: 90, render: (v: string, m) => <Tag color={m.role === 'leader' ? 'red' : m.role === 'deputy' ? 'volcano' : m.role === 'liaison' ? 'blue' : undefined}>{en ? GROUP_ROLES.find((r) => r.code === m.role)?.en : v}</Tag> },
    { title: tr('单位', 'Unit'), dataIndex: 'orgName', ellipsis: true },
    { title: tr('职务', 'Position'), dataIndex: 'positionTitle', ellipsis: true, responsive: ['md'] },
    { title: tr('电话', 'Phone'), key: 'phone', width: 130, responsive: ['lg'], render: (_: unknown, m) => m.phone ?? m.phoneMasked ?? '—' },
    { title: tr('任职', 'Tenure'), key: 'tenure', width: 190, responsive: ['md'], render: (_: unknown, m) => `${m.startedOn} ~ ${m.endedOn ?? tr('至今', 'now')}` },
    ...(manage ? [{
      title: tr('操作', 'Actions'), key: 'act', width: 120, render: (_: unknown, m: GroupMember) => m.current && (
        <Space size={0}>
          <Button size="small" type="link" onClick={() => setModal({ kind: 'change', member: m })}>{tr('变更', 'Change')}</Button>
          <Button size="small" type="link" danger onClick={() => setModal({ kind: 'end', member: m })}>{tr('离任', 'End')}</Button>
        </Space>
      ),
    }] : []),
  ];

  if (groups.error) return <ErrorState error={groups.error} onRetry={groups.reload} />;
  if (!groups.data) return <Loading />;
  return (
    <Card title={tr('领导小组与工作专班', 'Coordination and working groups')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={manage && <Button onClick={() => setModal({ kind: 'group' })}>{tr('新建一届', 'New term')}</Button>}>
      {!groups.data.items.length ? <EmptyState description={tr('还没有建立小组', 'No groups yet')} /> : (
        <>
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            <Select aria-label={tr('选择小组及届次', 'Choose a group and term')} value={groupId} onChange={(v) => update({ group: v })} style={{ flex: '1 1 320px', maxWidth: 520 }}
              options={groups.data.items.map((g) => ({ value: g.id, label: `${g.name}（${tr(`第${g.termNo}届`, `term ${g.termNo}`)} ${g.startYear}–${g.endYear ?? ''}）` }))} />
            <Select aria-label={tr('按小组职务筛选', 'Filter by role')} placeholder={tr('小组职务', 'Role')} allowClear value={role} onChange={(v) => update({ role: v })} style={{ flex: '0 1 130px' }}
              options={GROUP_ROLES.map((r) => ({ value: r.code, label: en ? r.en : r.zh }))} />
            <Checkbox checked={history} onChange={(e) => update({ history: e.target.checked ? 1 : undefined })}>{tr('含已离任', 'Include past members')}</Checkbox>
            {manage && group && <Button type="primary" onClick={() => setModal({ kind: 'add' })}>{tr('增加成员', 'Add member')}</Button>}
          </Flex>
          {group && <Typography.Paragraph type="secondary">{GROUP_KINDS.find((k) => k.code === group.kind)?.[en ? 'en' : 'zh']} · {tr(`现任成员 ${group.currentMembers ?? 0} 人`, `${group.currentMembers ?? 0} current members`)}{group.note ? ` · ${group.note}` : ''}</Typography.Paragraph>}
          {members.error ? <ErrorState error={members.error} onRetry={members.reload} /> : (
            <Table<GroupMember> rowKey="id" size="small" columns={columns} dataSource={members.data?.items} loading={members.loading}
              rowClassName={(m) => (m.current ? '' : 'gh-row-muted')}
              locale={{ emptyText: members.loading ? ' ' : <EmptyState description={tr('本届还没有成员', 'No members in this term')} /> }}
              pagination={{ current: page, pageSize: 50, total: members.data?.total ?? 0, simple: narrow, showSizeChanger: false, onChange: (p) => update({ page: p === 1 ? undefined : p }, false) }} />
          )}
        </>
      )}
      {modal?.kind === 'group' && <GroupModal groups={groups.data.items} onClose={close} />}
      {modal?.kind === 'add' && group && <MemberModal groupId={group.id} onClose={close} />}
      {(modal?.kind === 'change' || modal?.kind === 'end') && <MemberModal member={modal.member} ending={modal.kind === 'end'} onClose={close} />}
      {historyOf && <SeatHistory member={historyOf} onClose={() => setHistoryOf(null)} />}
    </Card>
  );
}

function SeatHistory({ member, onClose }: { member: GroupMember; onClose: () => void }) {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const { data, error, reload } = useAsync((signal) => api.get<{ items: GroupMember[] }>(`/reform/group-members/${member.id}/history`, undefined, signal), [member.id]);
  return (
    <Drawer open onClose={onClose} width={narrow ? '100%' : 480} title={tr(`任职历史：${member.orgName}`, `Seat history: ${member.orgName}`)}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <Timeline items={data.items.map((m) => ({
          color: m.current ? 'green' : 'gray',
          children: <><Typography.Text strong>{m.name}</Typography.Text> · {m.roleName}{m.positionTitle ? ` · ${m.positionTitle}` : ''}<br />
            <Typography.Text type="secondary">{m.startedOn} ~ {m.endedOn ?? tr('至今', 'now')}{m.endReason ? tr(`（${m.endReason}）`, ` (${m.endReason})`) : ''}</Typography.Text></>,
        }))} />
      )}
    </Drawer>
  );
}

function GroupModal({ groups, onClose }: { groups: Group[]; onClose: (saved: boolean) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<{ kind: string; name: string; termNo: number; startYear: number; endYear?: number; note?: string; copyFromGroupId?: number }>();
  const { busy, error, run } = useSubmit(form, ['kind', 'name', 'termNo', 'startYear', 'endYear', 'note', 'copyFromGroupId']);
  return (
    <Modal open title={tr('新建一届小组', 'New term')} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ kind: 'coordination', termNo: 1, startYear: new Date().getFullYear() }} onFinish={(v) => run(() => api.post('/reform/groups', v), tr('已保存', 'Saved')).then((ok) => ok && onClose(true))}>
        <Form.Item name="kind" label={tr('小组', 'Group')} rules={[{ required: true }]}><Select options={GROUP_KINDS.map((k) => ({ value: k.code, label: en ? k.en : k.zh }))} /></Form.Item>
        <Form.Item name="name" label={tr('名称', 'Name')} rules={[{ required: true, whitespace: true, message: tr('请填写名称', 'Enter the name') }]}><Input maxLength={100} /></Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="termNo" label={tr('届次', 'Term')} rules={[{ required: true }]} style={{ flex: '1 1 90px' }}><InputNumber min={1} max={100} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="startYear" label={tr('起始年份', 'From')} rules={[{ required: true }]} style={{ flex: '1 1 110px' }}><InputNumber min={1949} max={2100} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="endYear" label={tr('截止年份', 'To')} style={{ flex: '1 1 110px' }}><InputNumber min={1949} max={2100} style={{ width: '100%' }} /></Form.Item>
        </Flex>
        <Form.Item name="copyFromGroupId" label={tr('沿用以下届次的现任成员', 'Start with the current members of')}>
          <Select allowClear options={groups.map((g) => ({ value: g.id, label: `${g.name}（${tr(`第${g.termNo}届`, `term ${g.termNo}`)}）` }))} />
        </Form.Item>
        <Form.Item name="note" label={tr('备注', 'Note')}><Input.TextArea rows={2} maxLength={500} /></Form.Item>
      </Form>
    </Modal>
  );
}

interface MemberValues { name?: string; orgId?: number; positionTitle?: string; role?: string; phone?: string; date?: Dayjs; reason?: string }

/** Add a member, change one (ends the row and starts the next) or end one's tenure. */
function MemberModal({ groupId, member, ending, onClose }: { groupId?: number; member?: GroupMember; ending?: boolean; onClose: (saved: boolean) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<MemberValues>();
  const { busy, error, run } = useSubmit(form, ['name', 'orgId', 'positionTitle', 'role', 'phone', 'reason', 'date']);
  const submit = (v: MemberValues) => {
    const date = v.date?.format('YYYY-MM-DD');
    const call = ending ? () => api.post(`/reform/group-members/${member!.id}/end`, { endedOn: date, reason: v.reason ?? '' })
      : member ? () => api.post(`/reform/group-members/${member.id}/change`, { name: v.name, orgId: v.orgId, positionTitle: v.positionTitle ?? null, role: v.role, phone: v.phone ?? null, changedOn: date, reason: v.reason ?? '' })
        : () => api.post(`/reform/groups/${groupId}/members`, { name: v.name, orgId: v.orgId, positionTitle: v.positionTitle || null, role: v.role, phone: v.phone || null, startedOn: date });
    return run(call, tr('已保存', 'Saved')).then((ok) => ok && onClose(true));
  };
  const title = ending ? tr(`离任：${member!.name}`, `End tenure: ${member!.name}`) : member ? tr(`成员变更：${member.name}`, `Change: ${member.name}`) : tr('增加成员', 'Add member');
  return (
    <Modal open title={title} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')} okButtonProps={{ danger: ending }} destroyOnHidden>
      {member && !ending && <Typography.Paragraph type="secondary">{tr('变更会结束当前任职记录并开始一条新记录，历史可在姓名处查看。', 'A change ends the current record and starts a new one; click the name for the history.')}</Typography.Paragraph>}
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ date: dayjs(), ...(member && !ending ? { name: member.name, orgId: member.orgId, positionTitle: member.positionTitle ?? undefined, role: member.role, phone: member.phone ?? undefined } : {}) }}>
        {!ending && <>
          <Form.Item name="name" label={tr('姓名', 'Name')} rules={[{ required: true, whitespace: true, message: tr('请填写姓名', 'Enter the name') }]}><Input maxLength={40} /></Form.Item>
          <Form.Item name="orgId" label={tr('所在单位', 'Unit')} rules={[{ required: true, message: tr('请选择单位', 'Choose the unit') }]}><OrgTreeSelect ariaLabel={tr('所在单位', 'Unit')} /></Form.Item>
          <Form.Item name="positionTitle" label={tr('职务', 'Position')}><Input maxLength={60} /></Form.Item>
          <Form.Item name="role" label={tr('小组职务', 'Role in the group')} rules={[{ required: true, message: tr('请选择', 'Choose one') }]}><Select options={GROUP_ROLES.map((r) => ({ value: r.code, label: en ? r.en : r.zh }))} /></Form.Item>
          <Form.Item name="phone" label={tr('联系电话', 'Phone')}><Input maxLength={20} inputMode="tel" /></Form.Item>
        </>}
        <Form.Item name="date" label={ending ? tr('离任日期', 'End date') : member ? tr('变更日期', 'Change date') : tr('任职日期', 'Start date')} rules={[{ required: true, message: tr('请选择日期', 'Choose the date') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
        {member && <Form.Item name="reason" label={ending ? tr('离任原因', 'Reason') : tr('变更原因', 'Reason')} rules={[{ required: true, whitespace: true, message: tr('请填写原因', 'Enter the reason') }]}><Input maxLength={200} /></Form.Item>}
      </Form>
    </Modal>
  );
}
