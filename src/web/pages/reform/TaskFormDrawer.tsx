import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useMediaNarrow } from '../../components/hooks';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { TASK_CATEGORIES, applyServerErrors, unitOptions, useUnits, type TaskDetail } from './shared';

interface Values {
  code?: string; title: string; category: string; leadOrgId: number; coOrgIds?: number[]; deadline: Dayjs; startOn?: Dayjs;
  reportCycle: 'monthly' | 'quarterly'; description?: string; source?: string;
  milestones?: { id?: number; title: string; dueOn: Dayjs; doneOn?: Dayjs | null }[];
  indicators?: { id?: number; name: string; unit?: string; target: number }[];
}

const d = (s: string | null | undefined) => (s ? dayjs(s) : undefined);
const ymd = (v: Dayjs | null | undefined) => (v ? v.format('YYYY-MM-DD') : undefined);

/** 新建任务 / 编辑任务 (district staff): the task with its co-units, milestones and indicators. */
export default function TaskFormDrawer({ planId, task, onClose }: { planId: number; task?: TaskDetail; onClose: (id?: number) => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const units = useUnits();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);

  const initial: Partial<Values> = task ? {
    code: task.code, title: task.title, category: task.category, leadOrgId: task.leadOrgId, coOrgIds: task.coUnits.map((c) => c.id),
    deadline: d(task.deadline), startOn: d(task.startOn), reportCycle: task.reportCycle, description: task.description ?? undefined, source: task.source ?? undefined,
    milestones: task.milestones.map((m) => ({ id: m.id, title: m.title, dueOn: d(m.dueOn)!, doneOn: d(m.doneOn) ?? null })),
    indicators: task.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, target: i.target })),
  } : { reportCycle: 'monthly', milestones: [], indicators: [] };

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      ...(task ? {} : { planId }),
      code: v.code?.trim() || undefined, title: v.title?.trim() ?? '', category: v.category, leadOrgId: v.leadOrgId, coOrgIds: v.coOrgIds ?? [],
      deadline: ymd(v.deadline), startOn: ymd(v.startOn), reportCycle: v.reportCycle, description: v.description?.trim() || null, source: v.source?.trim() || null,
      milestones: (v.milestones ?? []).map((m) => ({ id: m.id, title: m.title?.trim() ?? '', dueOn: ymd(m.dueOn) ?? '', doneOn: ymd(m.doneOn) ?? null })),
      indicators: (v.indicators ?? []).map((i) => ({ id: i.id, name: i.name?.trim() ?? '', unit: i.unit?.trim() ?? '', target: i.target })),
    };
    try {
      const saved = task ? await api.patch<TaskDetail>(`/reform/tasks/${task.id}`, body) : await api.post<TaskDetail>('/reform/tasks', body);
      message.success(task ? tr('已保存任务', 'Task saved') : tr(`已新建任务 ${saved.code}`, `Created task ${saved.code}`));
      onClose(saved.id);
    } catch (err) {
      setError(applyServerErrors(form, err, en));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={narrow ? '100%' : 640} title={task ? tr(`编辑任务 ${task.code}`, `Edit task ${task.code}`) : tr('新建任务', 'New task')} onClose={() => onClose()} destroyOnHidden
      footer={<Flex justify="end" gap={8}><Button onClick={() => onClose()}>{tr('取消', 'Cancel')}</Button><Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="task-save">{tr('保存', 'Save')}</Button></Flex>}>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} requiredMark>
        <Flex gap={12} wrap>
          <Form.Item name="code" label={tr('任务编号', 'Code')} tooltip={tr('留空自动编号', 'Empty: numbered automatically')} style={{ flex: '0 1 140px' }}><Input maxLength={20} /></Form.Item>
          <Form.Item name="category" label={tr('类别', 'Category')} rules={[{ required: true, message: tr('请选择任务类别', 'Choose a category') }]} style={{ flex: '1 1 180px' }}>
            <Select options={TASK_CATEGORIES.map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="title" label={tr('任务名称', 'Title')} rules={[{ required: true, whitespace: true, message: tr('请填写任务名称', 'Enter the title') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="leadOrgId" label={tr('牵头单位', 'Lead unit')} rules={[{ required: true, message: tr('请选择牵头单位', 'Choose the lead unit') }]}>
          <Select showSearch optionFilterProp="label" options={unitOptions(units.data, en)} loading={units.loading} />
        </Form.Item>
        <Form.Item name="coOrgIds" label={tr('配合单位', 'Co-units')}>
          <Select mode="multiple" showSearch optionFilterProp="label" options={unitOptions(units.data, en)} loading={units.loading} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="startOn" label={tr('开始日期', 'Start')} tooltip={tr('进度时间线的起点；留空为计划年度首日或今天', 'Start of the schedule line')} style={{ flex: '1 1 150px' }}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="deadline" label={tr('完成时限', 'Deadline')} rules={[{ required: true, message: tr('请选择完成时限', 'Choose the deadline') }]} style={{ flex: '1 1 150px' }}><DatePicker style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="reportCycle" label={tr('报送周期', 'Report cycle')} style={{ flex: '1 1 120px' }}>
            <Select options={[{ value: 'monthly', label: tr('按月', 'Monthly') }, { value: 'quarterly', label: tr('按季度', 'Quarterly') }]} />
          </Form.Item>
        </Flex>
        <Form.Item name="description" label={tr('任务描述', 'Description')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        <Form.Item name="source" label={tr('任务来源', 'Source')}><Input maxLength={500} placeholder={tr('如：区产改工作要点、推进会决定', 'e.g. work points, a meeting decision')} /></Form.Item>

        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{tr('节点', 'Milestones')}</legend>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'title']} rules={[{ required: true, message: tr('节点名称', 'Title') }]}><Input aria-label={tr('节点名称', 'Milestone title')} placeholder={tr('节点名称', 'Title')} /></Form.Item>
                  <Form.Item name={[name, 'dueOn']} rules={[{ required: true, message: tr('节点日期', 'Due') }]}><DatePicker aria-label={tr('节点日期', 'Due date')} placeholder={tr('节点日期', 'Due')} /></Form.Item>
                  <Form.Item name={[name, 'doneOn']}><DatePicker aria-label={tr('完成日期', 'Done on')} placeholder={tr('完成日期', 'Done on')} /></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={tr('删除节点', 'Remove milestone')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>{tr('添加节点', 'Add milestone')}</Button>
            </fieldset>
          )}
        </Form.List>
        <Form.List name="indicators">
          {(fields, { add, remove }) => (
            <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
              <legend style={{ fontSize: 14, fontWeight: 600 }}>{tr('指标', 'Indicators')}</legend>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" wrap style={{ display: 'flex' }}>
                  <Form.Item name={[name, 'name']} rules={[{ required: true, message: tr('指标名称', 'Name') }]}><Input aria-label={tr('指标名称', 'Indicator')} placeholder={tr('指标名称', 'Indicator')} /></Form.Item>
                  <Form.Item name={[name, 'target']} rules={[{ required: true, message: tr('目标值', 'Target') }]}><InputNumber min={0} aria-label={tr('目标值', 'Target')} placeholder={tr('目标值', 'Target')} /></Form.Item>
                  <Form.Item name={[name, 'unit']}><Input aria-label={tr('计量单位', 'Unit')} placeholder={tr('单位', 'Unit')} style={{ width: 80 }} /></Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={tr('删除指标', 'Remove indicator')} onClick={() => remove(name)} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>{tr('添加指标', 'Add indicator')}</Button>
            </fieldset>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
