import { Link, useNavigate, useParams } from 'react-router';
import { Card, Descriptions, Flex, Image, Table, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { api, attachmentUrl } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { ErrorState, Loading } from '../../components/states';
import { AttachmentList } from '../../components/AttachmentUpload';
import { ApplicationHistory, ApplicationSteps, StatusTag } from '../workflow/ApplicationSteps';
import { DecisionPanel } from '../workflow/DecisionPanel';
import { CalcLines } from './CalcLines';
import { ClaimForm } from './ClaimForm';
import { planRuleText } from './planText';
import { yuan, type Bill, type ClaimDetail } from './types';

/** The bills as entered, with each one's reimbursable base. */
export function BillsTable({ bills }: { bills: (Bill & { seq: number; baseFen: number })[] }) {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  if (narrow) {
    // On a phone each bill is a small card: a six-column table would scroll sideways.
    return (
      <Flex vertical gap={8}>
        {bills.map((b) => (
          <dl key={b.seq} style={{ margin: 0, padding: 10, background: '#fafafa', borderRadius: 8, display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '4px 12px' }}>
            <dt style={{ color: '#888' }}>{tr('医院', 'Hospital')}</dt><dd style={{ margin: 0 }}>{b.hospital}</dd>
            <dt style={{ color: '#888' }}>{tr('日期', 'Dates')}</dt><dd style={{ margin: 0 }}>{b.dischargeDate ? `${b.visitDate} ~ ${b.dischargeDate}` : b.visitDate}</dd>
            <dt style={{ color: '#888' }}>{tr('总费用', 'Total')}</dt><dd style={{ margin: 0 }}>¥{yuan(b.totalFen)}</dd>
            <dt style={{ color: '#888' }}>{tr('医保支付', 'Insurance')}</dt><dd style={{ margin: 0 }}>¥{yuan(b.insurancePaidFen)}</dd>
            <dt style={{ color: '#888' }}>{tr('自费', 'Self-paid')}</dt><dd style={{ margin: 0 }}>¥{yuan(b.selfPaidFen)}</dd>
            <dt style={{ color: '#888' }}>{tr('可报销基数', 'Base')}</dt><dd style={{ margin: 0, fontWeight: 600 }}>¥{yuan(b.baseFen)}</dd>
          </dl>
        ))}
      </Flex>
    );
  }
  return (
    <Table
      rowKey="seq" size="small" pagination={false} dataSource={bills} scroll={{ x: 560 }}
      columns={[
        { title: tr('医院', 'Hospital'), dataIndex: 'hospital' },
        { title: tr('日期', 'Dates'), dataIndex: 'visitDate', render: (v: string, b) => (b.dischargeDate ? `${v} ~ ${b.dischargeDate}` : v) },
        { title: tr('总费用', 'Total'), dataIndex: 'totalFen', align: 'right', render: yuan },
        { title: tr('医保支付', 'Insurance'), dataIndex: 'insurancePaidFen', align: 'right', render: yuan },
        { title: tr('自费', 'Self-paid'), dataIndex: 'selfPaidFen', align: 'right', render: yuan },
        { title: tr('可报销基数', 'Base'), dataIndex: 'baseFen', align: 'right', render: yuan },
      ]}
    />
  );
}

export function Photos({ items }: { items: ClaimDetail['attachments'] }) {
  const images = items.filter((a) => a.mime.startsWith('image/'));
  const files = items.filter((a) => !a.mime.startsWith('image/'));
  return (
    <div>
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Flex gap={8} wrap>
            {images.map((a) => <Image key={a.id} src={attachmentUrl(a.id)} alt={a.name} width={88} height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />)}
          </Flex>
        </Image.PreviewGroup>
      )}
      {(files.length > 0 || images.length === 0) && <AttachmentList items={files} />}
    </div>
  );
}

export default function ClaimDetailPage() {
  const { tr } = useLocale();
  const narrow = useMediaNarrow();
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { data, error, loading, reload } = useAsync((signal) => api.get<ClaimDetail>(`/mutual-aid/claims/${id}`, {}, signal), [id]);
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (!data) return <Loading />;
  const app = data.application;
  const settled = data.status === 'approved' || data.status === 'paid';

  return (
    <Flex vertical gap={16}>
      <Card
        title={<span><Link to="/mutual-aid" aria-label={tr('返回列表', 'Back to the list')}><ArrowLeftOutlined /></Link> <span style={{ marginLeft: 8 }}>{app.title}</span></span>}
        extra={<StatusTag app={app} />}
        loading={loading && !data}
        styles={{ body: { padding: narrow ? 12 : 24 } }}
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
          { key: 'p', label: tr('会员', 'Member'), children: data.personName },
          { key: 'o', label: tr('工会', 'Union'), children: data.orgName },
          { key: 'plan', label: tr('保障计划', 'Plan'), children: `${data.plan.year} ${data.plan.name}` },
          { key: 'e', label: tr('参保日期', 'Enrolled'), children: data.enrolledOn },
          { key: 'r', label: tr('计划规则', 'Rules'), span: 2, children: planRuleText(data.plan, tr) },
          { key: 'd', label: tr('诊断', 'Diagnosis'), span: 2, children: data.diagnosis },
          { key: 'req', label: tr('申请金额', 'Requested'), children: data.requestedFen === null ? '—' : `${yuan(data.requestedFen)} ${tr('元', 'yuan')}` },
          { key: 'ap', label: tr('核定金额', 'Approved'), children: settled && data.approvedFen !== null ? <Typography.Text strong>{yuan(data.approvedFen)} {tr('元', 'yuan')}</Typography.Text> : '—' },
          ...(data.payeeName ? [{ key: 'pay', label: tr('收款账户', 'Payee'), children: `${data.payeeName} ${data.payeeAccountMasked ?? ''}` }] : []),
        ]} />
      </Card>
      <Card size="small" title={tr('审批环节', 'Review steps')}>
        <ApplicationSteps app={app} />
      </Card>
      {app.canDecide && <DecisionPanel app={app} onDone={reload} />}
      {data.canCorrect && (
        <Card size="small" title={tr('修改后重新提交', 'Correct and resubmit')}>
          <ClaimForm plans={[data.plan]} staff existing={data} onDone={() => { reload(); navigate(`/mutual-aid/claims/${id}`); }} />
        </Card>
      )}
      <Card size="small" title={tr('票据', 'Bills')}>
        <BillsTable bills={data.bills} />
      </Card>
      <Card size="small" title={tr('计算过程', 'Arithmetic')} extra={<Typography.Text strong>{tr('可报销', 'Eligible')} ¥{yuan(data.eligibleFen)}</Typography.Text>}>
        <CalcLines calc={data.calc} />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}>
          {tr('终审时按当时本年已获报销重新计算，年度限额不会被突破。', 'Recomputed at the final approval against what was already approved this year, so the yearly cap holds.')}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={tr('票据照片与附件', 'Photos and files')}>
        <Photos items={data.attachments} />
      </Card>
      <Card size="small" title={tr('流转记录', 'History')}>
        <ApplicationHistory app={app} />
      </Card>
    </Flex>
  );
}
