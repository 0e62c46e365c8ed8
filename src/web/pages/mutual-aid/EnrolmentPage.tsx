import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UsergroupAddOutlined } from '@ant-design/icons';
import { api, errorMessage, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { OrgTreeSelect } from '../../components/OrgTreeSelect';
import { ListSearch } from '../../components/ListSearch';
import { EmptyState, ErrorState } from '../../components/states';
import { MutualAidTabs } from './MutualAidTabs';
import { yuan, type Enrolment, type Plan } from './types';

const num = (v: string | null) => (v ? Number(v) || undefined : undefined);

/** Enrol every current member of a union (or of one enterprise in it) for a plan year. */
function BulkEnrolDialog({ plans, open, onClose }: { plans: Plan[]; open: boolean; onClose: (changed: boolean) => void }) {
  const { tr } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ planId: number; orgId: number; enrolledOn?: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { planId: number; orgId: number; enrolledOn?: string }) => {
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ eligible: number; enrolled: number; alreadyEnrolled: number; premiumFen: number }>('/mutual-aid/enrolments/bulk', { ...v, enrolledOn: v.enrolledOn || undefined });
      message.success(tr(`新参保 ${r.enrolled} 人（已参保跳过 ${r.alreadyEnrolled} 人），应缴 ${yuan(r.premiumFen)} 元`, `${r.enrolled} enrolled, ${r.alreadyEnrolled} already; premium ${yuan(r.premiumFen)}`));
      form.resetFields();
      onClose(true);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={tr('按工会批量参保', 'Enrol a union')} onCancel={() => onClose(false)} onOk={() => form.submit()} okText={tr('参保', 'Enrol')} confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit}>
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form.Item name="planId" label={tr('保障计划', 'Plan')} rules={[{ required: true, message: tr('请选择计划', 'Choose a plan') }]}>
          <Select options={plans.filter((p) => p.status === 'open').map((p) => ({ value: p.id, label: `${p.year} ${p.name}（${yuan(p.premiumFen)} 元/人）` }))} />
        </Form.Item>
        <Form.Item name="orgId" label={tr('工会（含下级全部在会会员）', 'Union (all current members below it)')} rules={[{ required: true, message: tr('请选择工会', 'Choose a union') }]}>
          <OrgTreeSelect unionsOnly ariaLabel={tr('工会', 'Union')} />
        </Form.Item>
        <Form.Item name="enrolledOn" label={tr('参保日期（默认今天；等待期从此日起算）', 'Enrolment date (default today; the waiting period starts here)')}>
          <Input type="date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function EnrolmentPage() {
  const { tr } = useLocale();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const narrow = useMediaNarrow();
  const { params, update, clear } = useUrlFilters();
  const f = { planId: num(params.get('planId')), orgId: num(params.get('orgId')), status: (params.get('status') ?? undefined) as 'active' | 'cancelled' | undefined, q: params.get('q') ?? undefined };
  const page = num(params.get('page')) ?? 1;
  const pageSize = Math.min(200, num(params.get('pageSize')) ?? 20);
  const [bulk, setBulk] = useState(false);
  const plans = useAsync((signal) => api.get<{ items: Plan[] }>('/mutual-aid/plans', {}, signal), []);
  const { data, error, loading, reload } = useAsync((signal) => api.get<Page<Enrolment>>('/mutual-aid/enrolments', { ...f, page, pageSize }, signal), [f.planId, f.orgId, f.status, f.q, page, pageSize]);
  const filtered = Object.values(f).some((v) => v !== undefined);

  const cancel = (e: Enrolment) => {
    let reason = '';
    modal.confirm({
      title: tr(`为 ${e.personName} 办理退保`, `Cancel ${e.personName}'s enrolment`),
      content: <Input.TextArea aria-label={tr('退保原因', 'Reason')} placeholder={tr('退保原因（必填），如：离职', 'Reason (required)')} onChange={(ev) => { reason = ev.target.value; }} />,
      okText: tr('退保', 'Cancel enrolment'), okButtonProps: { danger: true },
      onOk: async () => {
        if (!reason.trim()) {
          message.error(tr('请填写退保原因', 'Give a reason'));
          throw new Error('reason');
        }
        try {
          await api.post(`/mutual-aid/enrolments/${e.id}/cancel`, { reason: reason.trim() });
          message.success(tr('已退保', 'Cancelled'));
          reload();
        } catch (err) {
          message.error(errorMessage(err));
          throw err;
        }
      },
    });
  };

  const columns: ColumnsType<Enrolment> = [
    { title: tr('会员', 'Member'), dataIndex: 'personName' },
    { title: tr('身份证号', 'ID number'), dataIndex: 'idNumberMasked', responsive: ['lg'], render: (v: string) => <span style={{ fontFamily: 'monospace' }}>{v}</span> },
    { title: tr('计划', 'Plan'), dataIndex: 'planName', ellipsis: true, render: (v: string, r) => `${r.year} ${v}` },
    { title: tr('工会', 'Union'), dataIndex: 'orgName', ellipsis: true, responsive: ['md'] },
    { title: tr('参保日期', 'Enrolled'), dataIndex: 'enrolledOn', width: 110, responsive: ['sm'] },
    { title: tr('保费（元）', 'Premium'), dataIndex: 'premiumFen', align: 'right', width: 90, responsive: ['lg'], render: yuan },
    {
      title: tr('状态', 'Status'), dataIndex: 'status', width: 120,
      render: (s: string, r) => (s === 'active'
        ? <Flex gap={4} align="center"><Tag color="green">{r.statusName}</Tag>{can('assist.review') && <Button size="small" type="link" onClick={() => cancel(r)}>{tr('退保', 'Cancel')}</Button>}</Flex>
        : <span title={r.cancelReason ?? ''}><Tag>{r.statusName}</Tag><div style={{ fontSize: 12, color: '#888' }}>{r.cancelledOn}</div></span>),
    },
  ];

  return (
    <Card title={tr('互助保障 · 参保名单', 'Mutual aid · enrolment')} styles={{ body: { padding: narrow ? 12 : 24 } }}
      extra={can('assist.review') && <Button type="primary" icon={<UsergroupAddOutlined />} onClick={() => setBulk(true)}>{tr('按工会参保', 'Enrol a union')}</Button>}>
      <MutualAidTabs />
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <ListSearch value={f.q ?? ''} onSearch={(v) => update({ q: v })} label={tr('按姓名搜索', 'Search by name')} placeholder={tr('会员姓名', 'Member name')} style={{ flex: '1 1 200px', maxWidth: narrow ? undefined : 260 }} />
          <Select aria-label={tr('按计划筛选', 'Filter by plan')} placeholder={tr('保障计划', 'Plan')} allowClear value={f.planId} onChange={(v) => update({ planId: v })} style={{ flex: '1 1 180px', maxWidth: 260 }}
            options={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.year} ${p.name}` }))} popupMatchSelectWidth={false} />
          <Select aria-label={tr('按状态筛选', 'Filter by status')} placeholder={tr('状态', 'Status')} allowClear value={f.status} onChange={(v) => update({ status: v })} style={{ flex: '0 1 120px' }}
            options={[{ value: 'active', label: tr('参保中', 'Active') }, { value: 'cancelled', label: tr('已退保', 'Cancelled') }]} />
          <div style={{ flex: '1 1 200px', maxWidth: narrow ? undefined : 280 }}>
            <OrgTreeSelect unionsOnly value={f.orgId} onChange={(v) => update({ orgId: v })} ariaLabel={tr('按工会筛选', 'Filter by union')} placeholder={tr('全部工会', 'All unions')} />
          </div>
          {filtered && <Button type="link" onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
        </Flex>
      </form>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <>
          <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>{data ? tr(`共 ${data.total} 条参保记录`, `${data.total} enrolments`) : '\u00a0'}</Typography.Text>
          <Table<Enrolment> rowKey="id" size={narrow ? 'small' : 'middle'} columns={columns} dataSource={data?.items} loading={loading}
            locale={{ emptyText: loading ? ' ' : <EmptyState description={filtered ? tr('没有符合条件的参保记录', 'No enrolment matches') : tr('还没有会员参保', 'Nobody is enrolled yet')} /> }}
            pagination={{ current: page, pageSize, total: data?.total ?? 0, simple: narrow, onChange: (p, s) => update({ page: p === 1 ? undefined : p, pageSize: s === 20 ? undefined : s }, false) }} />
        </>
      )}
      <BulkEnrolDialog plans={plans.data?.items ?? []} open={bulk} onClose={(changed) => { setBulk(false); if (changed) reload(); }} />
    </Card>
  );
}
