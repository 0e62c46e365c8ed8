import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { FormErrorAlert, type FormError } from '../../components/FormErrorAlert';
import { todayInShanghai } from '../../../shared/dates';
import { applyServerErrors, usePlans, type Plan } from './shared';

/** 工作计划: the yearly plans; district staff create them. */
export default function PlansPage() {
  const { tr } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const plans = usePlans();
  const [creating, setCreating] = useState(false);
  return (
    <Card title={tr('年度工作计划', 'Yearly plans')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={can('reform.manage') && <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>{tr('新建计划', 'New plan')}</Button>}>
      {plans.error ? <ErrorState error={plans.error} onRetry={plans.reload} /> : (
        <Table<Plan> rowKey="id" loading={plans.loading} dataSource={plans.data} pagination={false} size={narrow ? 'small' : 'middle'}
          locale={{ emptyText: plans.loading ? ' ' : <EmptyState description={tr('还没有工作计划', 'No plans yet')} /> }}
          columns={[
            { title: tr('年度', 'Year'), dataIndex: 'year', width: 80 },
            { title: tr('计划名称', 'Title'), dataIndex: 'title', render: (v: string, r) => <Link to={`/reform/plans/${r.id}`}>{v}</Link> },
            { title: tr('状态', 'Status'), dataIndex: 'status', width: 90, render: (s: string) => (s === 'published' ? <Tag color="green">{tr('已发布', 'Published')}</Tag> : <Tag>{tr('草稿', 'Draft')}</Tag>) },
            { title: tr('任务数', 'Tasks'), dataIndex: 'taskCount', width: 80, render: (n: number, r) => <Link to={`/reform/tasks?planId=${r.id}`}>{n}</Link> },
          ]} />
      )}
      {creating && <CreatePlan onDone={(saved) => { setCreating(false); if (saved) plans.reload(); }} />}
    </Card>
  );
}

function CreatePlan({ onDone }: { onDone: (saved?: Plan) => void }) {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ year: number; title: string; status: 'draft' | 'published' }>();
  const [error, setError] = useState<FormError | null>(null);
  const year = Number(todayInShanghai().slice(0, 4)) + 1;
  return (
    <Modal open title={tr('新建年度工作计划', 'New yearly plan')} okText={tr('保存', 'Save')} cancelText={tr('取消', 'Cancel')} onCancel={() => onDone()} onOk={() => form.submit()} destroyOnHidden>
      <FormErrorAlert error={error} />
      <Form form={form} layout="vertical" initialValues={{ year, title: `密云区${year}年产业工人队伍建设改革工作计划`, status: 'draft' }}
        onFinish={async (v) => {
          try {
            const p = await api.post<Plan>('/reform/plans', v);
            message.success(tr('已新建计划', 'Plan created'));
            onDone(p);
          } catch (err) {
            setError(applyServerErrors(form, err, en));
          }
        }}>
        <Form.Item name="year" label={tr('年度', 'Year')} rules={[{ required: true, message: tr('请填写年度', 'Enter the year') }]}><InputNumber min={2000} max={2100} /></Form.Item>
        <Form.Item name="title" label={tr('计划名称', 'Title')} rules={[{ required: true, whitespace: true, message: tr('请填写计划名称', 'Enter the title') }]}><Input maxLength={200} /></Form.Item>
        <Form.Item name="status" label={tr('状态', 'Status')}><Select options={[{ value: 'draft', label: tr('草稿', 'Draft') }, { value: 'published', label: tr('已发布', 'Published') }]} /></Form.Item>
      </Form>
    </Modal>
  );
}
