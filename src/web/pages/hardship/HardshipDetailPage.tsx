import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Modal, Select, Table, Tag, Timeline, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { AttachmentList } from '../../components/AttachmentUpload';
import { ErrorState, Loading } from '../../components/states';
import { DISABILITY_CATEGORIES, DISABILITY_GRADES, EXIT_REASONS, HEALTH_CONDITIONS } from '../../../shared/hardship/codes';
import type { HealthInfo } from '../../../shared/hardship/input';
import { formatYuan } from '../../../shared/hardship/tier';
import { label, options, tierColor, type HardshipDetail, type Unmasked } from './hardshipApi';

type Action = 'verify' | 'review' | 'exit' | 'unmask';

/** One hardship file: the computed tier with its arithmetic, household, masked health data, history and actions. */
export default function HardshipDetailPage() {
  const { id } = useParams();
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const { data: d, error, loading, reload } = useAsync((signal) => api.get<HardshipDetail>(`/hardship/records/${id}`, undefined, signal), [id]);
  const [action, setAction] = useState<Action | null>(null);
  const [busy, setBusy] = useState(false);
  const [plain, setPlain] = useState<Unmasked | null>(null);
  const [form] = Form.useForm<{ comment?: string; reason?: string; note?: string }>();

  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !d) return <Loading />;

  const health = (h: HealthInfo | null | undefined) => !h ? tr('未登记', 'None') : [
    h.conditions.map((c) => label(HEALTH_CONDITIONS, c, en)).join('、'), h.diagnosis,
    h.disabilityCategory ? `${label(DISABILITY_CATEGORIES, h.disabilityCategory, en)}${label(DISABILITY_GRADES, h.disabilityGrade, en)}` : null,
  ].filter(Boolean).join('；');
  const masked = (v: string | null) => (v ? <Typography.Text type="secondary">{v}</Typography.Text> : tr('未登记', 'None'));

  const run = async (v: { comment?: string; reason?: string; note?: string }) => {
    setBusy(true);
    try {
      if (action === 'unmask') setPlain(await api.post<Unmasked>(`/hardship/records/${id}/unmask`, { reason: v.comment ?? null }));
      else if (action === 'exit') await api.post(`/hardship/records/${id}/exit`, { reason: v.reason, note: v.note ?? null });
      else await api.post(`/hardship/records/${id}/${action}`, { comment: v.comment ?? null });
      if (action !== 'unmask') {
        message.success(tr('已完成', 'Done'));
        reload();
      }
      setAction(null);
      form.resetFields();
    } catch (err) {
      message.error(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const a = d.assessment;
  const titles: Record<Action, string> = {
    verify: tr('核实档案', 'Verify'), review: tr('年度复核', 'Yearly review'), exit: tr('解困脱困', 'Exit'), unmask: tr('查看敏感信息', 'View sensitive data'),
  };

  return (
    <Flex vertical gap={16}>
      <Card
        title={<span>{d.person.name} <Tag color={tierColor(a.tier)}>{a.tierName}</Tag>{d.status === 'exited' && <Tag>{d.statusName}</Tag>}</span>}
        extra={<Link to="/hardship">{tr('返回列表', 'Back to list')}</Link>}
        styles={{ body: { padding: narrow ? 12 : 24 } }}
      >
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {d.canEdit && <Link to={`/hardship/${d.id}/edit`}><Button>{tr('修改', 'Edit')}</Button></Link>}
          {d.canVerify && <Button type="primary" onClick={() => setAction('verify')}>{tr('核实', 'Verify')}</Button>}
          {d.canReview && <Button onClick={() => setAction('review')}>{tr('年度复核', 'Yearly review')}</Button>}
          {d.canExit && <Button danger onClick={() => setAction('exit')}>{tr('解困脱困', 'Exit')}</Button>}
          {d.canUnmask && <Button icon={<EyeOutlined />} onClick={() => setAction('unmask')}>{tr('查看敏感信息', 'View sensitive data')}</Button>}
        </Flex>
        {d.reviewDue && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={tr(`上次复核为 ${d.lastReviewedOn}，已满一年，请进行年度复核`, `Last reviewed ${d.lastReviewedOn}; the yearly review is due`)} />}
        {a.thresholdsChanged && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={tr(`${a.year} 年标准已调整，复核后将按新标准重新认定`, `The ${a.year} thresholds changed; a review will apply them`)} />}
        <Descriptions size="small" column={narrow ? 1 : 3} bordered>
          <Descriptions.Item label={tr('身份证号', 'ID number')}>{d.person.idNumberMasked}</Descriptions.Item>
          <Descriptions.Item label={tr('所属工会', 'Union')}>{d.orgName}</Descriptions.Item>
          <Descriptions.Item label={tr('身份', 'Status')}>{d.identityName}</Descriptions.Item>
          <Descriptions.Item label={tr('致困原因', 'Causes')}>{d.causeNames.join('、')}</Descriptions.Item>
          <Descriptions.Item label={tr('住房', 'Housing')}>{d.housingTypeName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tr('医保', 'Insurance')}>{d.medicalInsuranceName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={tr('健康状况', 'Health')}>{plain ? health(plain.health) : masked(d.health)}</Descriptions.Item>
          <Descriptions.Item label={tr('核实', 'Verified')}>{d.verified ? `${d.verifiedBy ?? ''} ${dayjs(d.verifiedAt).format('YYYY-MM-DD')}` : tr('待核实', 'Not yet')}</Descriptions.Item>
          <Descriptions.Item label={tr('上次复核', 'Last review')}>{d.lastReviewedOn}（{tr('下次', 'next')} {d.reviewDueOn}）</Descriptions.Item>
          {d.status === 'exited' && <Descriptions.Item label={tr('解困脱困', 'Exited')}>{dayjs(d.exitedAt).format('YYYY-MM-DD')} {d.exitReasonName} {d.exitNote}</Descriptions.Item>}
          {d.note && <Descriptions.Item label={tr('备注', 'Note')}>{d.note}</Descriptions.Item>}
        </Descriptions>
      </Card>

      <Card title={tr(`困难类别认定（${a.year} 年标准）`, `Tier (${a.year} thresholds)`)} size="small">
        <ol style={{ margin: 0, paddingLeft: 20 }}>{a.steps.map((s) => <li key={s.zh}>{en ? s.en : s.zh}</li>)}</ol>
        {!a.steps.length && <Typography.Text type="secondary">{tr('该年度标准已删除，无法展示计算过程', 'The thresholds of that year are missing')}</Typography.Text>}
      </Card>

      <Card title={tr(`家庭成员（共 ${a.householdSize} 人，含本人）`, `Household (${a.householdSize} incl. the worker)`)} size="small">
        <Table rowKey="id" size="small" pagination={false} dataSource={d.household} scroll={{ x: 'max-content' }}
          locale={{ emptyText: tr('仅本人', 'The worker only') }}
          columns={[
            { title: tr('姓名', 'Name'), dataIndex: 'name' },
            { title: tr('关系', 'Relation'), dataIndex: 'relationName' },
            { title: tr('出生日期/年龄', 'Birth / age'), render: (_, m) => m.birthDate ?? (m.age !== null ? `${m.age} ${tr('岁', 'yrs')}` : '—') },
            { title: tr('证件号', 'ID'), render: (_, m) => plain?.household.find((x) => x.id === m.id)?.idNumber ?? m.idNumberMasked ?? '—' },
            { title: tr('健康', 'Health'), render: (_, m) => (plain ? health(plain.household.find((x) => x.id === m.id)?.health) : masked(m.health)) },
            { title: tr('单位或学校', 'Employer / school'), dataIndex: 'employerOrSchool' },
          ]} />
      </Card>

      <Card title={tr('收入与刚性支出', 'Income and unavoidable spending')} size="small">
        <Table rowKey={(r, i) => `${r.kind}-${i}`} size="small" pagination={false} scroll={{ x: 'max-content' }}
          dataSource={[...d.incomes.map((x) => ({ ...x, side: tr('收入', 'Income') })), ...d.expenses.map((x) => ({ ...x, side: tr('刚性支出', 'Spending') }))]}
          columns={[
            { title: tr('类型', 'Side'), dataIndex: 'side' },
            { title: tr('项目', 'Item'), dataIndex: 'kindName' },
            { title: tr('金额（元）', 'Amount (yuan)'), dataIndex: 'amountFen', align: 'right', render: (v: number, r) => `${formatYuan(v)} / ${r.period === 'month' ? tr('月', 'month') : tr('年', 'year')}` },
            { title: tr('说明', 'Note'), dataIndex: 'note' },
          ]} />
        {d.accident && (
          <p style={{ marginBottom: 0 }}>{tr('突发事件', 'Sudden event')}：{d.accident.kindName}，{d.accident.consequenceName ?? '—'}，{d.accident.occurredOn}，{tr('费用', 'cost')} {formatYuan(d.accident.costFen)} {tr('元', 'yuan')}；{plain ? plain.accidentDescription ?? '' : masked(d.accident.description)}</p>
        )}
        {d.exclusionNames.length > 0 && <Alert type="warning" style={{ marginTop: 8 }} title={`${tr('排除情形', 'Exclusions')}：${d.exclusionNames.join('、')}`} />}
      </Card>

      <Card title={tr('附件', 'Attachments')} size="small">
        {d.attachments.length ? <AttachmentList items={d.attachments} /> : tr('无附件', 'None')}
        {!d.canUnmask && d.attachments.length > 0 && <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{tr('附件含健康和家庭信息，需“查看困难职工敏感信息”权限才能打开', 'Opening attachments needs the sensitive-data permission')}</Typography.Paragraph>}
      </Card>

      <Card title={tr('认定历史', 'History')} size="small">
        <Timeline items={d.history.map((h) => ({
          key: h.id,
          children: <span>{dayjs(h.at).format('YYYY-MM-DD HH:mm')} {h.actionName} · {h.by} · {h.tierName}（{h.tierYear}，{tr('人均', 'per capita')} {formatYuan(h.perCapitaFen)}）{h.comment ? ` · ${h.comment}` : ''}</span>,
        }))} />
      </Card>

      <Modal open={!!action} title={action ? titles[action] : ''} onCancel={() => setAction(null)} onOk={() => form.submit()} confirmLoading={busy} okText={tr('确定', 'OK')} cancelText={tr('取消', 'Cancel')} destroyOnHidden>
        {action === 'review' && <p>{tr('将按当年标准重新计算困难类别，原认定结果保留在历史中。', 'The tier is recomputed with this year\'s thresholds; the old result stays in the history.')}</p>}
        {action === 'unmask' && <p>{tr('查看健康、残疾和家庭成员证件号会记入审计日志。', 'Viewing health data and ID numbers is recorded in the audit log.')}</p>}
        <Form form={form} layout="vertical" onFinish={run}>
          {action === 'exit' ? (
            <>
              <Form.Item name="reason" label={tr('解困脱困原因', 'Reason')} rules={[{ required: true, message: tr('请选择原因', 'Choose a reason') }]}><Select options={options(EXIT_REASONS, en)} /></Form.Item>
              <Form.Item name="note" label={tr('情况说明', 'Details')}><Input.TextArea maxLength={500} rows={3} /></Form.Item>
            </>
          ) : (
            <Form.Item name="comment" label={action === 'unmask' ? tr('查看事由', 'Reason') : tr('意见', 'Comment')}><Input.TextArea maxLength={action === 'unmask' ? 200 : 500} rows={2} /></Form.Item>
          )}
        </Form>
      </Modal>
    </Flex>
  );
}
