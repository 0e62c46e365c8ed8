import { useState } from 'react';
import { App, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Select, Slider } from 'antd';
import { api } from '../../api';
import { useLocale } from '../../i18n';
import { useMediaNarrow } from '../../components/hooks';
import { AttachmentUpload } from '../../components/AttachmentUpload';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { periodLabel } from '../../../shared/reform/periods';
import { applyServerErrors, type TaskDetail } from './shared';

interface Values { periodKey: string; percent: number; content: string; values?: Record<string, number | null>; milestonesDone?: number[]; attachmentIds?: number[] }

/**
 * 填报进展: the unit's report for an open period. The lead unit's report is the official one
 * (its percent and figures become the task's); filing again for the same period revises it.
 */
export default function ReportDrawer({ task, onClose }: { task: TaskDetail; onClose: (saved?: TaskDetail) => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<FormError | null>(null);
  const [busy, setBusy] = useState(false);
  const lead = task.you.isLead;
  const pending = task.milestones.filter((m) => !m.doneOn);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const indicatorValues = Object.entries(v.values ?? {}).filter(([, x]) => x !== null && x !== undefined).map(([id, value]) => ({ indicatorId: Number(id), value: value as number }));
    try {
      const out = await api.post<{ id: number; task: TaskDetail }>(`/reform/tasks/${task.id}/reports`, {
        periodKey: v.periodKey, percent: v.percent, content: v.content?.trim() ?? '', indicatorValues, milestonesDone: lead ? v.milestonesDone ?? [] : undefined, attachmentIds: v.attachmentIds ?? [],
      });
      message.success(tr('进展已报送', 'Progress report filed'));
      onClose(out.task);
    } catch (err) {
      setError(applyServerErrors(form, err, en, (f) => (f.startsWith('indicatorValues') ? null : [f])));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open width={narrow ? '100%' : 560} destroyOnHidden onClose={() => onClose()}
      title={lead ? tr('填报进展（牵头单位，正式报送）', 'Report progress (lead unit, official)') : tr('填报进展（配合单位）', 'Report progress (co-unit)')}
      footer={<Flex justify="end" gap={8}><Button onClick={() => onClose()}>{tr('取消', 'Cancel')}</Button><Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="report-submit">{tr('提交', 'Submit')}</Button></Flex>}>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ periodKey: task.you.openPeriods[0], percent: task.percent ?? 0 }}>
        <Form.Item name="periodKey" label={tr('报送期', 'Period')} rules={[{ required: true }]} extra={tr('上一期在结束后10天内仍可补报；同一期再次提交即为修改。', 'The previous period stays open for 10 days; filing again revises.')}>
          <Select options={task.you.openPeriods.map((k) => ({ value: k, label: periodLabel(k, en) }))} aria-label={tr('报送期', 'Period')} />
        </Form.Item>
        <Form.Item label={tr('完成进度（%）', 'Percent complete')} required>
          <Flex gap={12} align="center">
            <Form.Item name="percent" noStyle><Slider min={0} max={100} style={{ flex: 1 }} aria-label={tr('完成进度滑块', 'Percent slider')} /></Form.Item>
            <Form.Item name="percent" noStyle rules={[{ required: true, message: tr('请填写完成进度', 'Enter the percent') }]}><InputNumber min={0} max={100} precision={0} aria-label={tr('完成进度', 'Percent complete')} data-testid="report-percent" /></Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="content" label={tr('进展情况', 'Progress')} rules={[{ required: true, whitespace: true, message: tr('请填写进展情况', 'Describe the progress') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="report-content" />
        </Form.Item>
        {task.indicators.length > 0 && (
          <fieldset style={{ border: 0, padding: 0, margin: '0 0 16px' }}>
            <legend style={{ fontSize: 14, fontWeight: 600 }}>{tr('指标完成值', 'Indicator actuals')}</legend>
            {task.indicators.map((i) => (
              <Form.Item key={i.id} name={['values', String(i.id)]} label={`${i.name}（${tr('目标', 'target')} ${i.target}${i.unit}）`} style={{ marginBottom: 8 }}>
                <InputNumber min={0} addonAfter={i.unit || undefined} style={{ width: '100%' }} />
              </Form.Item>
            ))}
          </fieldset>
        )}
        {lead && pending.length > 0 && (
          <Form.Item name="milestonesDone" label={tr('本期完成的节点', 'Milestones completed')}>
            <Checkbox.Group options={pending.map((m) => ({ value: m.id, label: `${m.title}（${m.dueOn}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="attachmentIds" label={tr('佐证材料', 'Evidence')} extra={tr('图片、PDF、Word、Excel，单个不超过10MB', 'Images, PDF, Word, Excel; up to 10 MB each')}>
          <AttachmentUpload label={tr('上传佐证材料', 'Upload evidence')} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
