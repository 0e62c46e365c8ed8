import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { RecordPicker } from './RecordPicker';
import { ACTIVITY_TYPES, useSubmit, type Activity } from './shared';

interface Values { type: string; title: string; heldOn?: Dayjs; orgId?: number; place?: string; participantCount?: number | null; participantList?: string; summary?: string; taskId?: number | null; photoIds?: number[] }

/** One participant per line: “姓名 单位” (the unit is optional). */
function parseList(text: string | undefined) {
  return (text ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => {
    const [name, ...rest] = l.split(/[\s,，、]+/);
    return { name, orgName: rest.join(' ') || null };
  });
}

/** Log or edit an activity with its photos; the server checks the organiser is the user's own. */
export function ActivityForm({ initial, onClose }: { initial?: Activity; onClose: (saved: Activity | null) => void }) {
  const { tr, en } = useLocale();
  const { user } = useAuth();
  const [form] = Form.useForm<Values>();
  const { busy, error, run } = useSubmit(form, ['type', 'title', 'heldOn', 'orgId', 'place', 'participantCount', 'participants', 'summary', 'taskId', 'photoIds']);
  const submit = (v: Values) => {
    const list = parseList(v.participantList);
    const body = {
      type: v.type, title: v.title, heldOn: v.heldOn?.format('YYYY-MM-DD') ?? '', orgId: v.orgId, place: v.place || null,
      participantCount: v.participantCount ?? null, summary: v.summary || null, taskId: v.taskId ?? null, photoIds: v.photoIds ?? [],
      ...(v.participantList !== undefined && { participants: list }),
    };
    let saved: Activity | null = null;
    return run(async () => {
      saved = initial ? await api.patch<Activity>(`/activities/${initial.id}`, body) : await api.post<Activity>('/activities', body);
    }, tr('已保存活动', 'Activity saved')).then((ok) => ok && onClose(saved));
  };
  return (
    <Modal open width={640} title={initial ? tr('编辑活动', 'Edit activity') : tr('登记活动', 'Log an activity')} onCancel={() => onClose(null)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('保存', 'Save')} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initial ? {
        type: initial.type, title: initial.title, heldOn: dayjs(initial.heldOn), orgId: initial.orgId, place: initial.place ?? undefined, participantCount: initial.participantCount,
        summary: initial.summary ?? undefined, taskId: initial.taskId, participantList: initial.participants?.map((p) => [p.name, p.orgName].filter(Boolean).join(' ')).join('\n'),
      } : { orgId: user?.orgId ?? undefined, heldOn: dayjs() }}>
        <Form.Item name="type" label={tr('活动类型', 'Type')} rules={[{ required: true, message: tr('请选择活动类型', 'Choose the type') }]}>
          <Select options={ACTIVITY_TYPES.map((t) => ({ value: t.code, label: en ? t.en : t.zh }))} />
        </Form.Item>
        <Form.Item name="title" label={tr('活动名称', 'Title')} rules={[{ required: true, whitespace: true, message: tr('请填写活动名称', 'Enter the title') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="heldOn" label={tr('活动日期', 'Date')} rules={[{ required: true, message: tr('请选择日期', 'Choose the date') }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
        <Form.Item name="orgId" label={tr('主办单位', 'Organiser')} rules={[{ required: true, message: tr('请选择主办单位', 'Choose the organiser') }]}><OrgTreeSelect ariaLabel={tr('主办单位', 'Organiser')} /></Form.Item>
        <Form.Item name="place" label={tr('地点', 'Place')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="participantCount" label={tr('参加人数', 'Participants')} extra={tr('不填则按名单人数计', 'Left blank, the list is counted')}><InputNumber min={0} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="participantList" label={tr('参加人名单（每行一人：姓名 单位）', 'Participant list (one per line: name unit)')}><Input.TextArea rows={3} /></Form.Item>
        <Form.Item name="summary" label={tr('活动简介', 'Summary')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <Form.Item name="taskId" label={tr('关联改革任务（可选）', 'Linked reform task (optional)')}><RecordPicker kind="task" ariaLabel={tr('关联改革任务', 'Linked reform task')} /></Form.Item>
        <Form.Item name="photoIds" label={tr('活动照片', 'Photos')}><AttachmentUpload photos existing={initial?.photoFiles} /></Form.Item>
      </Form>
    </Modal>
  );
}
