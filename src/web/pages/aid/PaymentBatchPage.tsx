import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, DatePicker, Descriptions, Modal, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { API, api, errorMessage } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { fenToYuan, STATUS_COLORS } from '../workflow/types';
import type { BatchDetail } from './aidApi';

type Item = BatchDetail['items'][number];

/** One batch: its payments, the bank file (full accounts, district only, audited), and marking it paid. */
export default function PaymentBatchPage() {
  const { id } = useParams();
  const { tr } = useLocale();
  const { can } = useAuth();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const [paying, setPaying] = useState(false);
  const [paidOn, setPaidOn] = useState<Dayjs>(dayjs());
  const [busy, setBusy] = useState(false);
  const { data: b, error, loading, reload } = useAsync((signal) => api.get<BatchDetail>(`/payments/batches/${id}`, undefined, signal), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !b) return <Loading />;

  const markPaid = async () => {
    setBusy(true);
    try {
      await api.post(`/payments/batches/${b.id}/paid`, { paidOn: paidOn.format('YYYY-MM-DD') });
      message.success(tr('已标记为已发放，申请人将看到“已发放”', 'Marked paid; applicants now see Paid'));
      setPaying(false);
      reload();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const columns: ColumnsType<Item> = [
    { title: tr('序号', 'No.'), dataIndex: 'seq', width: 60 },
    { title: tr('姓名', 'Name'), dataIndex: 'payeeName', width: 90, render: (v: string | null, r) => v ?? r.personName },
    { title: tr('身份证号', 'ID number'), dataIndex: 'idNumberMasked', width: 170, responsive: ['lg'] },
    { title: tr('开户行', 'Bank'), dataIndex: 'payeeBank', ellipsis: true, responsive: ['md'] },
    { title: tr('账号', 'Account'), dataIndex: 'payeeAccount', width: 180, responsive: ['md'] },
    { title: tr('金额（元）', 'Amount (yuan)'), dataIndex: 'amountFen', width: 110, align: 'right', render: fenToYuan },
    { title: tr('用途', 'Purpose'), dataIndex: 'purpose', ellipsis: true, responsive: ['lg'], render: (v: string, r) => <Link to={r.type.startsWith('aid.') ? `/aid/applications/${r.applicationId}` : `/applications/${r.applicationId}`}>{v}</Link> },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 90, render: (s: Item['status']) => <Tag color={STATUS_COLORS[s]}>{s === 'paid' ? tr('已发放', 'Paid') : tr('待发放', 'Waiting')}</Tag> },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={`#${b.id} ${b.title}`}
        extra={<Link to="/aid/payments">{tr('返回批次列表', 'All batches')}</Link>}
        styles={{ body: { padding: narrow ? 12 : 24 } }}
      >
        {b.partial && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tr('只显示您管理范围内的发放明细', 'Only the payments in your scope are shown')} />}
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label={tr('状态', 'Status')}><Tag color={b.status === 'paid' ? 'green' : 'processing'}>{b.statusName}</Tag></Descriptions.Item>
          <Descriptions.Item label={tr('笔数', 'Payments')}>{b.itemCount}</Descriptions.Item>
          <Descriptions.Item label={tr('合计（元）', 'Total (yuan)')}>{fenToYuan(b.partial ? b.visibleTotalFen : b.totalFen)}</Descriptions.Item>
          <Descriptions.Item label={tr('生成', 'Created')}>{b.createdBy} · {dayjs(b.createdAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label={tr('导出代发文件', 'Bank file')}>{b.exportedAt ? dayjs(b.exportedAt).format('YYYY-MM-DD HH:mm') : tr('未导出', 'Not yet')}</Descriptions.Item>
          {b.paidOn && <Descriptions.Item label={tr('发放日期', 'Paid on')}>{b.paidOn}（{b.paidBy}）</Descriptions.Item>}
        </Descriptions>
        {can('assist.manage') && (
          <Space wrap style={{ marginTop: 12 }}>
            <Button icon={<DownloadOutlined />} href={`${API}/payments/batches/${b.id}/export.xlsx`} onClick={() => setTimeout(reload, 1500)}>
              {tr('导出银行代发文件', 'Download the bank file')}
            </Button>
            {b.status === 'open' && <Button type="primary" onClick={() => setPaying(true)}>{tr('标记已发放', 'Mark paid')}</Button>}
          </Space>
        )}
      </Card>
      <Card title={tr('发放明细', 'Payments')} styles={{ body: { padding: narrow ? 8 : 24 } }}>
        <Table<Item> rowKey="seq" size="small" columns={columns} dataSource={b.items} pagination={{ pageSize: 50, hideOnSinglePage: true, simple: narrow }}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={columns.length}>
                <b>{tr(`合计 ${b.items.length} 笔，${fenToYuan(b.visibleTotalFen)} 元`, `Total: ${b.items.length} payments, ${fenToYuan(b.visibleTotalFen)} yuan`)}</b>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          )} />
      </Card>
      <Modal open={paying} title={tr('标记批次已发放', 'Mark the batch paid')} onCancel={() => setPaying(false)} onOk={markPaid} confirmLoading={busy} okText={tr('确认已发放', 'Confirm')}>
        <p>{tr(`确认银行已将 ${b.itemCount} 笔、合计 ${fenToYuan(b.totalFen)} 元发放到账？此操作不可撤销。`, `Confirm the bank paid ${b.itemCount} payments, ${fenToYuan(b.totalFen)} yuan? This cannot be undone.`)}</p>
        <DatePicker aria-label={tr('发放日期', 'Paid on')} value={paidOn} onChange={(d) => d && setPaidOn(d)} disabledDate={(d) => d.isAfter(dayjs())} />
      </Modal>
    </Space>
  );
}
