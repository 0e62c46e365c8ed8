import { DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { api, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { FormErrorAlert } from '../../components/FormErrorAlert';
import { TASK_CATEGORIES } from '../../../shared/reform/categories';
import { OrgMultiSelect, useSubmit, type Decision } from './shared';

interface Plan { id: number; year: number; title: string; status: string }
interface Values { planId?: number; title?: string; category?: string; leadOrgId?: number; coOrgIds?: number[]; deadline?: Dayjs }

/** 转为任务: the decision becomes a reform task of a plan, created by the reform-tasks module. */
export function DecisionTaskModal({ meetingId, decision, onClose }: { meetingId: number; decision: Decision; onClose: (saved: boolean) => void }) {
  const { tr, en } = useLocale();
  const [form] = Form.useForm<Values>();
  const plans = useAsync((signal) => api.get<Page<Plan>>('/reform/plans', undefined, signal), []);
  const { busy, error, run } = useSubmit(form, ['planId', 'title', 'category', 'leadOrgId', 'coOrgIds', 'deadline']);
  const submit = (v: Values) => run(() => api.post(`/reform/meetings/${meetingId}/decisions/${decision.id}/task`, { ...v, deadline: v.deadline?.format('YYYY-MM-DD') ?? '' }), tr('已转为任务', 'Task created'))
    .then((ok) => ok && onClose(true));
  return (
    <Modal open title={tr('议定事项转为改革任务', 'Make the decision a reform task')} onCancel={() => onClose(false)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('创建任务', 'Create task')} destroyOnHidden>
      <Typography.Paragraph type="secondary">{decision.seq}. {decision.content}</Typography.Paragraph>
      <FormErrorAlert error={error} />
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ title: decision.content.slice(0, 200) }}>
        <Form.Item name="planId" label={tr('所属工作计划', 'Plan')} rules={[{ required: true, message: tr('请选择计划', 'Choose the plan') }]}>
          <Select loading={plans.loading} options={plans.data?.items.map((p) => ({ value: p.id, label: `${p.year} ${p.title}` }))} notFoundContent={tr('还没有工作计划', 'No plans yet')} />
        </Form.Item>
        <Form.Item name="title" label={tr('任务名称', 'Task title')} rules={[{ required: true, whitespace: true, message: tr('请填写任务名称', 'Enter the title') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="category" label={tr('任务类别', 'Category')} rules={[{ required: true, message: tr('请选择类别', 'Choose the category') }]}>
          <Select options={TASK_CATEGORIES.map((c) => ({ value: c.code, label: en ? c.nameEn ?? c.name : c.name }))} />
        </Form.Item>
        <Form.Item name="leadOrgId" label={tr('牵头单位', 'Lead unit')} rules={[{ required: true, message: tr('请选择牵头单位', 'Choose the lead unit') }]}><OrgTreeSelect ariaLabel={tr('牵头单位', 'Lead unit')} /></Form.Item>
        <Form.Item name="coOrgIds" label={tr('配合单位', 'Co-units')}><OrgMultiSelect ariaLabel={tr('配合单位', 'Co-units')} /></Form.Item>
        <Form.Item name="deadline" label={tr('完成时限', 'Deadline')} rules={[{ required: true, message: tr('请选择完成时限', 'Choose the deadline') }]}><DatePicker style={{ width: '100%' }} /></Form.Item>
      </Form>
    </Modal>
  );
}
