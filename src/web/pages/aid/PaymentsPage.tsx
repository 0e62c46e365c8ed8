import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Flex, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { api, errorMessage, type Page } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { fenToYuan } from '../workflow/types';
import type { BatchRow, PayableRow } from './aidApi';

/** Approved applications not yet in a batch; the district picks some (or all of a type) into a new batch. */
function Payable() {
  const { tr } = useLocale();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const type = params.get('type') ?? undefined;
  const page = Number(params.get('page') ?? 1) || 1;
  const [selected, setSelected] = useState<number[]>([]);
  const [title, setTitle] = useState('');
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const types = useAsync((signal) => api.get<{ type: string; name: string; nameEn: string }[]>('/workflow/types', undefined, signal), []);
  const { data, error, loading, reload } = useAsync((signal) => api.get<Page<PayableRow> & { totalFen: number }>('/payments/payable', { type, page, pageSize: 50 }, signal), [type, page]);
  const chosen = (data?.items ?? []).filter((i) => selected.includes(i.id));
  const chosenFen = chosen.reduce((s, i) => s + i.approvedFen, 0);

  const create = async () => {
    setBusy(true);
    try {
      const body = selected.length ? { applicationIds: selected, title: title || undefined } : { type, title: title || undefined };
      const b = await api.post<{ id: number; itemCount: number; totalFen: number }>('/payments/batches', body);
      message.success(tr(`已生成批次：${b.itemCount} 笔，合计 ${fenToYuan(b.totalFen)} 元`, `Batch created: ${b.itemCount}, ${fenToYuan(b.totalFen)} yuan`));
      navigate(`/aid/payments/${b.id}`);
    } catch (err) {
      message.error(errorMessage(err));
      reload();
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  const columns: ColumnsType<PayableRow> = [
    { title: tr('申请', 'Application'), dataIndex: 'title', ellipsis: true, render: (v: string, r) => <Link to={r.type.startsWith('aid.') ? `/aid/applications/${r.id}` : `/applications/${r.id}`}>{v}</Link> },
    { title: tr('类型', 'Type'), dataIndex: 'typeName', width: 110, responsive: ['md'] },
    { title: tr('受理工会', 'Filed with'), dataIndex: 'orgName', ellipsis: true, responsive: ['lg'] },
    { title: tr('收款账户', 'Account'), dataIndex: 'payeeAccount', width: 190, responsive: ['lg'], render: (v: string | null, r) => (v ? `${r.payeeName ?? ''} ${v}` : <Tag color="error">{tr('无账号', 'No account')}</Tag>) },
    { title: tr('核定金额（元）', 'Granted (yuan)'), dataIndex: 'approvedFen', width: 120, align: 'right', render: fenToYuan },
  ];
  return (
    <>
      <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
        <Select aria-label={tr('申请类型', 'Type')} allowClear placeholder={tr('全部类型', 'All types')} value={type} style={{ width: 170 }}
          onChange={(v) => { setSelected([]); update({ type: v }); }} options={(types.data ?? []).map((t) => ({ value: t.type, label: t.name }))} />
        <Typography.Text>{tr(`待发放 ${data?.total ?? 0} 笔，合计 ${fenToYuan(data?.totalFen ?? 0)} 元`, `${data?.total ?? 0} waiting, ${fenToYuan(data?.totalFen ?? 0)} yuan`)}</Typography.Text>
        {can('assist.manage') && (
          <Button type="primary" disabled={!selected.length && !type} onClick={() => setOpen(true)}>
            {selected.length ? tr(`将选中的 ${selected.length} 笔生成批次`, `Batch the ${selected.length} selected`) : tr('将该类型全部生成批次', 'Batch all of this type')}
          </Button>
        )}
      </Flex>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<PayableRow>
          rowKey="id" size={narrow ? 'small' : 'middle'} loading={loading} columns={columns} dataSource={data?.items}
          rowSelection={can('assist.manage') ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]), getCheckboxProps: (r) => ({ disabled: !r.payeeAccount, 'aria-label': tr(`选择 ${r.title}`, `Select ${r.title}`) }) } : undefined}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={tr('没有待发放的申请', 'Nothing waits for payment')} /> }}
          pagination={{ current: page, pageSize: 50, total: data?.total ?? 0, simple: narrow, hideOnSinglePage: true, onChange: (p) => update({ page: p }, false) }}
        />
      )}
      <Modal open={open} title={tr('生成发放批次', 'Create a payment batch')} onCancel={() => setOpen(false)} onOk={create} confirmLoading={busy} okText={tr('生成', 'Create')}>
        <p>{selected.length
          ? tr(`共 ${selected.length} 笔，合计 ${fenToYuan(chosenFen)} 元。`, `${selected.length} payments, ${fenToYuan(chosenFen)} yuan.`)
          : tr(`该类型全部待发放申请（${data?.total ?? 0} 笔，${fenToYuan(data?.totalFen ?? 0)} 元）。`, `All waiting applications of this type (${data?.total ?? 0}).`)}</p>
        <Input aria-label={tr('批次名称', 'Batch title')} placeholder={tr('批次名称（可不填）', 'Title (optional)')} value={title} onChange={(e) => setTitle(e.target.value)} maxLength={100} />
      </Modal>
    </>
  );
}

function Batches() {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, error, loading, reload } = useAsync((signal) => api.get<Page<BatchRow>>('/payments/batches', { page, pageSize: 20 }, signal), [page]);
  const columns: ColumnsType<BatchRow> = [
    { title: tr('批次', 'Batch'), dataIndex: 'title', render: (v: string, r) => <Link to={`/aid/payments/${r.id}`}>#{r.id} {v}</Link> },
    { title: tr('笔数', 'Payments'), dataIndex: 'itemCount', width: 80, align: 'right', responsive: ['sm'] },
    { title: tr('合计（元）', 'Total (yuan)'), dataIndex: 'totalFen', width: 120, align: 'right', render: fenToYuan },
    { title: tr('生成', 'Created'), dataIndex: 'createdAt', width: 110, responsive: ['md'], render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 86, render: (s: string, r) => <Tag color={s === 'paid' ? 'green' : 'processing'}>{r.statusName}</Tag> },
  ];
  return error ? <ErrorState error={error} onRetry={reload} /> : (
    <Table<BatchRow> rowKey="id" size={narrow ? 'small' : 'middle'} loading={loading} columns={columns} dataSource={data?.items}
      locale={{ emptyText: loading ? ' ' : <EmptyState description={tr('还没有发放批次', 'No payment batches yet')} /> }}
      pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, simple: narrow, hideOnSinglePage: true, onChange: (p) => update({ page: p }, false) }} />
  );
}

/** 发放批次: batches of approved applications (any type), and what still waits for one. */
export default function PaymentsPage() {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const { params, update } = useUrlFilters();
  const view = params.get('view') === 'payable' ? 'payable' : 'batches';
  return (
    <Card title={tr('发放批次', 'Payment batches')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Segmented aria-label={tr('视图', 'View')} style={{ marginBottom: 16 }} value={view} onChange={(v) => update({ view: v === 'payable' ? 'payable' : undefined }, true, ['type'])}
        options={[{ value: 'batches', label: tr('批次', 'Batches') }, { value: 'payable', label: tr('待发放', 'Waiting for payment') }]} />
      {view === 'payable' ? <Payable /> : <Batches />}
    </Card>
  );
}
