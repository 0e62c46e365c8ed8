import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Flex, Input, Modal, Segmented, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { api, errorMessage, type Page } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';

interface TransferRow {
  id: number;
  personId: number;
  personName: string | null;
  fromOrgId: number;
  fromOrgName: string;
  toOrgId: number;
  toOrgName: string;
  reason: string | null;
  status: 'pending' | 'accepted' | 'rejected' | 'cancelled';
  requestedAt: string;
  decidedAt: string | null;
  decisionNote: string | null;
}

const STATUS: Record<string, { color: string; zh: string; en: string }> = {
  pending: { color: 'orange', zh: '待接收', en: 'Pending' },
  accepted: { color: 'green', zh: '已接收', en: 'Accepted' },
  rejected: { color: 'red', zh: '已拒绝', en: 'Rejected' },
  cancelled: { color: 'default', zh: '已撤回', en: 'Cancelled' },
};

type Decision = 'accept' | 'reject' | 'cancel';

/** 会籍接转: transfers waiting for us to receive, and the ones we sent out. */
export default function TransfersPage() {
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const [params, setParams] = useSearchParams();
  const direction = params.get('direction') === 'out' ? 'out' : 'in';
  const status = params.get('status') ?? (direction === 'in' ? 'pending' : undefined);
  const page = Number(params.get('page') ?? 1) || 1;
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<TransferRow>>('/transfers', { direction, status, page, pageSize: 20 }, signal),
    [direction, status, page],
  );
  const [deciding, setDeciding] = useState<{ row: TransferRow; decision: Decision } | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  const decide = async () => {
    if (!deciding) return;
    setBusy(true);
    try {
      await api.post(`/transfers/${deciding.row.id}/${deciding.decision}`, note.trim() ? { note: note.trim() } : {});
      message.success({ accept: tr('已接收转入', 'Transfer accepted'), reject: tr('已拒绝转入', 'Transfer rejected'), cancel: tr('已撤回转出', 'Transfer cancelled') }[deciding.decision]);
      setDeciding(null);
      setNote('');
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<TransferRow> = [
    { title: tr('会员', 'Member'), dataIndex: 'personName', width: 100, render: (n: string | null, r) => <Link to={`/members?member=${r.personId}`}>{n ?? `#${r.personId}`}</Link> },
    { title: tr('转出工会', 'From'), dataIndex: 'fromOrgName', ellipsis: true, responsive: direction === 'in' ? undefined : ['md'] },
    { title: tr('接收工会', 'To'), dataIndex: 'toOrgName', ellipsis: true, responsive: direction === 'out' ? undefined : ['md'] },
    { title: tr('原因', 'Reason'), dataIndex: 'reason', ellipsis: true, responsive: ['lg'] },
    { title: tr('申请时间', 'Requested'), dataIndex: 'requestedAt', width: 110, responsive: ['md'], render: (v: string) => dayjs(v).format('YYYY-MM-DD') },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 84, render: (s: string) => <Tag color={STATUS[s]?.color}>{STATUS[s] ? (en ? STATUS[s].en : STATUS[s].zh) : s}</Tag> },
    {
      title: tr('操作', 'Actions'), width: narrow ? 120 : 150,
      render: (_: unknown, r) => r.status !== 'pending' ? (r.decisionNote ?? '') : direction === 'in' ? (
        <Space size={4} wrap>
          <Button size="small" type="primary" onClick={() => setDeciding({ row: r, decision: 'accept' })}>{tr('接收', 'Accept')}</Button>
          <Button size="small" danger onClick={() => setDeciding({ row: r, decision: 'reject' })}>{tr('拒绝', 'Reject')}</Button>
        </Space>
      ) : (
        <Button size="small" onClick={() => setDeciding({ row: r, decision: 'cancel' })}>{tr('撤回', 'Cancel')}</Button>
      ),
    },
  ];

  const title = deciding && { accept: tr('接收转入', 'Accept the transfer'), reject: tr('拒绝转入', 'Reject the transfer'), cancel: tr('撤回转出', 'Cancel the transfer') }[deciding.decision];

  return (
    <Card title={tr('会籍接转', 'Membership transfers')} styles={{ body: { padding: narrow ? 12 : 24 } }}>
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={tr('方向', 'Direction')}
          value={direction}
          onChange={(v) => setParams({ direction: String(v) })}
          options={[{ value: 'in', label: tr('转入（待我方接收）', 'Incoming') }, { value: 'out', label: tr('我方转出', 'Outgoing') }]}
        />
        <Select
          aria-label={tr('状态', 'Status')}
          allowClear
          placeholder={tr('全部状态', 'All statuses')}
          value={status}
          onChange={(v) => setParams({ direction, ...(v ? { status: v } : { status: '' }) })}
          options={Object.entries(STATUS).map(([k, v]) => ({ value: k, label: en ? v.en : v.zh }))}
          style={{ width: 140 }}
        />
      </Flex>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<TransferRow>
          rowKey="id"
          size={narrow ? 'small' : 'middle'}
          loading={loading}
          columns={columns}
          dataSource={data?.items}
          locale={{ emptyText: loading ? ' ' : <EmptyState description={direction === 'in' ? tr('没有待接收的转入', 'Nothing waiting to be received') : tr('没有转出记录', 'No outgoing transfers')} /> }}
          pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, simple: narrow, hideOnSinglePage: true, onChange: (p) => setParams({ direction, ...(status ? { status } : {}), page: String(p) }) }}
        />
      )}
      <Modal open={!!deciding} title={title} onCancel={() => setDeciding(null)} onOk={decide} confirmLoading={busy} okText={tr('确定', 'Confirm')} cancelText={tr('取消', 'Cancel')} destroyOnHidden>
        {deciding && (
          <>
            <p>{tr(`${deciding.row.personName ?? ''}：${deciding.row.fromOrgName} → ${deciding.row.toOrgName}`, `${deciding.row.personName ?? ''}: ${deciding.row.fromOrgName} → ${deciding.row.toOrgName}`)}</p>
            <Input.TextArea aria-label={tr('备注', 'Note')} placeholder={tr('备注（可选）', 'Note (optional)')} maxLength={200} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </>
        )}
      </Modal>
    </Card>
  );
}
