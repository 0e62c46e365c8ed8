import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Drawer, Flex, Form, Input, List, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined, MinusCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ListSearch } from '../../components/ListSearch';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { DecisionTaskModal } from './DecisionTaskModal';
import { MEETING_KINDS, OrgMultiSelect, useSubmit, type Decision, type Meeting } from './shared';

/** 会议: seminars, progress and coordination meetings, their decisions, and 转为任务. */
export default function MeetingsPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const q = params.get('q') ?? undefined;
  const kind = params.get('kind') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const list = useAsync((signal) => api.get<Page<Meeting>>('/reform/meetings', { q, kind, page, pageSize: 20 }, signal), [q, kind, page]);
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const kindLabel = (code: string, zh: string) => (en ? MEETING_KINDS.find((k) => k.code === code)?.en ?? zh : zh);

  const columns: ColumnsType<Meeting> = [
    { title: tr('日期', 'Date'), dataIndex: 'heldOn', width: 110 },
    { title: tr('会议', 'Meeting'), dataIndex: 'title', render: (v: string, m) => <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setOpenId(m.id)}>{v}</Button> },
    { title: tr('类型', 'Kind'), dataIndex: 'kindName', width: 90, responsive: ['md'], render: (v: string, m) => kindLabel(m.kind, v) },
    { title: tr('主办单位', 'Organiser'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('议定事项', 'Decisions'), key: 'd', width: 110, render: (_: unknown, m) => tr(`${m.decisions as number} 项（${m.tasks ?? 0} 项已转任务）`, `${m.decisions as number} (${m.tasks ?? 0} tasks)`) },
  ];

  return (
    <Card title={tr('会议', 'Meetings')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={can('reform.report') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>{narrow ? tr('登记', 'Add') : tr('登记会议', 'Record a meeting')}</Button>}>
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ListSearch value={q ?? ''} onSearch={(v) => update({ q: v })} label={tr('搜索会议名称', 'Search meetings')} placeholder={tr('会议名称', 'Meeting title')} style={{ flex: '1 1 240px', maxWidth: narrow ? undefined : 320 }} />
          <Select aria-label={tr('按会议类型筛选', 'Filter by kind')} placeholder={tr('会议类型', 'Kind')} allowClear value={kind} onChange={(v) => update({ kind: v })}
            options={MEETING_KINDS.map((k) => ({ value: k.code, label: en ? k.en : k.zh }))} style={{ flex: '0 1 140px', minWidth: 120 }} />
          {(q || kind) && <Button type="link" onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
        </Flex>
      </form>
      {list.error ? <ErrorState error={list.error} onRetry={list.reload} /> : (
        <Table<Meeting> rowKey="id" size={narrow ? 'small' : 'middle'} columns={columns} dataSource={list.data?.items} loading={list.loading}
          locale={{ emptyText: list.loading ? ' ' : <EmptyState description={tr('还没有会议记录', 'No meetings yet')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, simple: narrow, showSizeChanger: false, onChange: (p) => update({ page: p === 1 ? undefined : p }, false) }} />
      )}
      {editing && <MeetingForm initial={editing === 'new' ? undefined : editing} onClose={(saved) => { setEditing(null); if (saved) { list.reload(); setOpenId(saved.id); } }} />}
      {openId !== null && <MeetingDrawer id={openId} onClose={() => setOpenId(null)} onEdit={(m) => { setOpenId(null); setEditing(m); }} onChanged={list.reload} />}
    </Card>
  );
}

function MeetingDrawer({ id, onClose, onEdit, onChanged }: { id: number; onClose: () => void; onEdit: (m: Meeting) => void; onChanged: () => void }) {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const { data, error, reload } = useAsync((signal) => api.get<Meeting>(`/reform/meetings/${id}`, undefined, signal), [id]);
  const [converting, setConverting] = useState<Decision | null>(null);
  const decisions = (data?.decisions ?? []) as Decision[];
  return (
    <Drawer open onClose={onClose} width={narrow ? '100%' : 600} title={data?.title ?? tr('会议', 'Meeting')} extra={data?.canEdit && <Button onClick={() => onEdit(data)}>{tr('编辑', 'Edit')}</Button>}>
      {error ? <ErrorState error={error} onRetry={reload} /> : !data ? <Loading /> : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered items={[
            { key: 'k', label: tr('类型', 'Kind'), children: data.kindName },
            { key: 'd', label: tr('日期', 'Date'), children: data.heldOn },
            { key: 'p', label: tr('地点', 'Place'), children: data.place ?? '—' },
            { key: 'o', label: tr('主办单位', 'Organiser'), children: data.orgName },
            { key: 'h', label: tr('主持人', 'Host'), children: data.host ?? '—' },
            { key: 'a', label: tr('参会单位', 'Attending units'), children: data.attendeeOrgs?.map((o) => o.name).join('、') || '—' },
            { key: 'n', label: tr('参会人员', 'Attendees'), children: data.attendeeNames?.join('、') || '—' },
          ]} />
          <div>
            <Typography.Title level={5}>{tr('会议纪要', 'Minutes')}</Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{data.minutes || tr('未填写', 'None')}</Typography.Paragraph>
          </div>
          <List header={<Typography.Text strong>{tr('议定事项', 'Decisions')}</Typography.Text>} bordered dataSource={decisions}
            locale={{ emptyText: tr('没有议定事项', 'No decisions') }}
            renderItem={(d) => (
              <List.Item data-testid="decision" actions={[d.taskId ? <Tag key="t" color="green">{tr(`已转任务 ${d.taskCode ?? ''}`, `Task ${d.taskCode ?? ''}`)}</Tag>
                : data.canMakeTask ? <Button key="c" size="small" onClick={() => setConverting(d)}>{tr('转为任务', 'Make a task')}</Button> : null]}>
                {d.seq}. {d.content}
              </List.Item>
            )} />
        </Space>
      )}
      {converting && data && <DecisionTaskModal meetingId={data.id} decision={converting} onClose={(saved) => { setConverting(null); if (saved) { reload(); onChanged(); } }} />}
    </Drawer>
  );
}

interface Values { kind: string; title: string; heldOn?: Dayjs; place?: string; orgId?: number; host?: string; minutes?: string; attendeeOrgIds?: number[]; attendeeNames?: string; decisions?: string[] }

function MeetingForm({ initial, onClose }: { initial?: Meeting; onClose: (saved: Meeting | null) => void }) {
  const { tr, en } = useLocale();
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit(form, ['kind', 'title', 'heldOn', 'place', 'orgId', 'host', 'minutes', 'attendeeOrgIds', 'attendeeNames', 'decisions']);
  const submit = (v: Values) => {
    const body = {
      ...v, heldOn: v.heldOn?.format('YYYY-MM-DD') ?? '', place: v.place || null, host: v.host || null, minutes: v.minutes || null, attendeeOrgIds: v.attendeeOrgIds ?? [],
      attendeeNames: (v.attendeeNames ?? '').split(/[\n、,，]+/).map((s) => s.trim()).filter(Boolean), decisions: (v.decisions ?? []).filter((d) => d?.trim()),
    };
    let saved: Meeting | null = null;
    return run(async () => {
      saved = initial ? await api.patch<Meeting>(`/reform/meetings/${initial.id}`, body) : await api.post<Meeting>('/reform/meetings', body);
    }, tr('已保存会议', 'Meeting saved')).then((ok) => ok && onClose(saved));
  };
  return (
    <Modal open width={680} title={initial ? tr('编辑会议', 'Edit meeting') : tr('登记会议', 'Record a meeting')} onCancel={() => onClose(null)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial ? {
        kind: initial.kind, title: initial.title, heldOn: dayjs(initial.heldOn), place: initial.place ?? undefined, orgId: initial.orgId, host: initial.host ?? undefined, minutes: initial.minutes ?? undefined,
        attendeeOrgIds: initial.attendeeOrgs?.map((o) => o.id), attendeeNames: initial.attendeeNames?.join('\n'), decisions: (initial.decisions as Decision[]).map((d) => d.content),
      } : { kind: 'progress', orgId: user?.orgId ?? undefined, heldOn: dayjs(), decisions: [''] }}>
        <Flex gap={12} wrap>
          <Form.Item name="kind" label={tr('会议类型', 'Kind')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}><Select options={MEETING_KINDS.map((k) => ({ value: k.code, label: en ? k.en : k.zh }))} /></Form.Item>
          <Form.Item name="heldOn" label={tr('会议日期', 'Date')} rules={[{ required: true, message: tr('请选择日期', 'Choose the date') }]} style={{ flex: '1 1 160px' }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={tr('会议名称', 'Title')} rules={[{ required: true, whitespace: true, message: tr('请填写会议名称', 'Enter the title') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="orgId" label={tr('主办单位', 'Organiser')} rules={[{ required: true, message: tr('请选择主办单位', 'Choose the organiser') }]}><OrgTreeSelect ariaLabel={tr('主办单位', 'Organiser')} /></Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="place" label={tr('地点', 'Place')} style={{ flex: '1 1 220px' }}><Input maxLength={200} /></Form.Item>
          <Form.Item name="host" label={tr('主持人', 'Host')} style={{ flex: '1 1 140px' }}><Input maxLength={60} /></Form.Item>
        </Flex>
        <Form.Item name="attendeeOrgIds" label={tr('参会单位', 'Attending units')}><OrgMultiSelect ariaLabel={tr('参会单位', 'Attending units')} /></Form.Item>
        <Form.Item name="attendeeNames" label={tr('参会人员（每行或用顿号分隔）', 'Attendees (one per line)')}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="minutes" label={tr('会议纪要', 'Minutes')}><Input.TextArea rows={4} maxLength={20000} /></Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <Form.Item label={tr('议定事项', 'Decisions')}>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item {...f} style={{ flex: 1, marginBottom: 8 }}><Input aria-label={tr(`第${i + 1}项议定事项`, `Decision ${i + 1}`)} maxLength={1000} placeholder={tr(`第${i + 1}项`, `No. ${i + 1}`)} /></Form.Item>
                  <MinusCircleOutlined aria-label={tr('删除此项', 'Remove')} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button type="dashed" onClick={() => add('')} icon={<PlusOutlined />}>{tr('增加议定事项', 'Add a decision')}</Button>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
