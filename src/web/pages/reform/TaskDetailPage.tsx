import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Descriptions, Flex, Popconfirm, Progress, Table, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { api, errorMessage } from '../../api';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow } from '../../components/hooks';
import { ErrorState, EmptyState, Loading } from '../../components/states';
import { Panel } from '../../components/Panel';
import { AttachmentList } from '../../components/AttachmentUpload';
import { periodLabel } from '../../../shared/reform/periods';
import { StatusTag, pct, shanghaiDate, type TaskDetail } from './shared';
import { SupervisionSection } from './SupervisionSection';

const ReportDrawer = lazy(() => import('./ReportDrawer'));
const TaskFormDrawer = lazy(() => import('./TaskFormDrawer'));

/** One task: milestones, indicators, every unit's reports, supervision — and the reader's actions. */
export default function TaskDetailPage() {
  const { id } = useParams();
  const { tr, en } = useLocale();
  const { message } = App.useApp();
  const narrow = useMediaNarrow();
  const loaded = useAsync((signal) => api.get<TaskDetail>(`/reform/tasks/${id}`, undefined, signal), [id]);
  const [task, setTask] = useState<TaskDetail | undefined>();
  const [drawer, setDrawer] = useState<'report' | 'edit' | null>(null);
  useEffect(() => setTask(loaded.data), [loaded.data]);

  if (loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!task) return <Loading />;
  const t = task;

  const complete = async (completed: boolean) => {
    try {
      setTask(await api.post<TaskDetail>(`/reform/tasks/${t.id}/complete`, { completed }));
      message.success(completed ? tr('已标记完成', 'Marked done') : tr('已撤销完成标记', 'Mark withdrawn'));
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Flex vertical gap={16}>
      <Link to={`/reform/tasks?planId=${t.planId}`}>← {tr('返回任务台账', 'Back to the task board')}</Link>
      <Panel
        title={<span data-testid="task-title">{t.code} {t.title}</span>}
        extra={
          <Flex gap={8} wrap>
            {t.you.canReport && <Button type="primary" icon={<FileAddOutlined />} onClick={() => setDrawer('report')} data-testid="open-report">{tr('填报进展', 'Report progress')}</Button>}
            {t.you.canManage && <Button icon={<EditOutlined />} onClick={() => setDrawer('edit')}>{tr('编辑', 'Edit')}</Button>}
            {t.you.canManage && (
              <Popconfirm title={t.completedOn ? tr('撤销完成标记？', 'Withdraw the done mark?') : tr('确认该任务已完成？', 'Mark this task done?')} onConfirm={() => complete(!t.completedOn)} okText={tr('确定', 'OK')} cancelText={tr('取消', 'Cancel')}>
                <Button icon={<CheckOutlined />}>{t.completedOn ? tr('撤销完成', 'Reopen') : tr('标记完成', 'Mark done')}</Button>
              </Popconfirm>
            )}
          </Flex>
        }
      >
        <Flex gap={16} align="center" wrap style={{ marginBottom: 12 }}>
          <StatusTag status={t.status} late={t.late} reasons={t.statusReasons} />
          <div style={{ flex: '1 1 200px', maxWidth: 360 }}>
            <Progress percent={t.percent ?? 0} aria-label={tr(`完成进度 ${pct(t.percent)}`, `Progress ${pct(t.percent)}`)} />
          </div>
          <span data-testid="task-percent" data-value={t.percent ?? ''} hidden>{t.percent ?? ''}</span>
          <Typography.Text type="secondary">{tr(`正式进度 ${pct(t.percent)}，共 ${t.reportCount} 次报送`, `Official ${pct(t.percent)}, ${t.reportCount} reports`)}</Typography.Text>
        </Flex>
        <Descriptions column={narrow ? 1 : 2} size="small" bordered items={[
          { key: 'cat', label: tr('类别', 'Category'), children: t.categoryName },
          { key: 'plan', label: tr('所属计划', 'Plan'), children: t.planTitle },
          { key: 'lead', label: tr('牵头单位', 'Lead unit'), children: <>{t.leadOrgName}{t.you.isLead && <Tag color="red" style={{ marginLeft: 8 }}>{tr('本单位', 'You')}</Tag>}</> },
          { key: 'co', label: tr('配合单位', 'Co-units'), children: t.coUnits.length ? t.coUnits.map((c) => c.name).join('、') : '—' },
          { key: 'start', label: tr('开始日期', 'Start'), children: t.startOn },
          { key: 'deadline', label: tr('完成时限', 'Deadline'), children: <>{t.deadline}{t.doneOn && <Typography.Text type="secondary">{tr(`（${t.doneOn} 完成）`, ` (done ${t.doneOn})`)}</Typography.Text>}</> },
          { key: 'cycle', label: tr('报送周期', 'Report cycle'), children: t.reportCycle === 'monthly' ? tr('按月', 'Monthly') : tr('按季度', 'Quarterly') },
          { key: 'source', label: tr('任务来源', 'Source'), children: t.source ?? '—' },
          ...(t.description ? [{ key: 'desc', label: tr('任务描述', 'Description'), children: t.description, span: narrow ? 1 : 2 }] : []),
        ]} />
      </Panel>

      <Flex gap={16} wrap>
        <Panel title={tr('节点', 'Milestones')} style={{ flex: '1 1 320px' }}>
          {t.milestones.length === 0 ? <EmptyState description={tr('未设置节点', 'No milestones')} /> : (
            <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {t.milestones.map((m) => (
                <li key={m.id} style={{ padding: '6px 0', borderBottom: '1px solid #f5f5f5' }}>
                  <Flex justify="space-between" gap={8} wrap>
                    <span>{m.title}</span>
                    <span>{m.dueOn} {m.doneOn ? <Tag color="green">{tr(`${m.doneOn} 完成`, `done ${m.doneOn}`)}</Tag> : m.missed ? <Tag color="red">{tr('逾期未完成', 'Missed')}</Tag> : <Tag>{tr('未到期', 'Pending')}</Tag>}</span>
                  </Flex>
                </li>
              ))}
            </ul>
          )}
        </Panel>
        <Panel title={tr('指标', 'Indicators')} style={{ flex: '1 1 320px' }}>
          {t.indicators.length === 0 ? <EmptyState description={tr('未设置指标', 'No indicators')} /> : (
            <Table size="small" rowKey="id" pagination={false} dataSource={t.indicators} columns={[
              { title: tr('指标', 'Indicator'), dataIndex: 'name' },
              { title: tr('目标', 'Target'), dataIndex: 'target', render: (v: number, r) => `${v}${r.unit}` },
              { title: tr('完成', 'Actual'), dataIndex: 'actual', render: (v: number | null, r) => (v === null ? '—' : `${v}${r.unit}`) },
              { title: tr('完成率', 'Rate'), key: 'rate', render: (_: unknown, r) => (r.actual === null || !r.target ? '—' : `${Math.round((r.actual / r.target) * 100)}%`) },
            ]} />
          )}
        </Panel>
      </Flex>

      <Panel title={tr('进展报送', 'Progress reports')} testId="reports-section">
        {t.reports.length === 0 ? <EmptyState description={tr('还没有报送进展', 'No report yet')} /> : (
          <ol style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {t.reports.map((r) => (
              <li key={r.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="report-item">
                <Flex justify="space-between" wrap gap={8}>
                  <span>
                    <Typography.Text strong>{periodLabel(r.periodKey, en)}</Typography.Text>
                    <Tag color={r.official ? 'red' : 'default'} style={{ marginLeft: 8 }}>{r.official ? tr('牵头单位·正式', 'Lead · official') : tr('配合单位', 'Co-unit')}</Tag>
                    {r.orgName}
                  </span>
                  <span>{pct(r.percent)} · <Typography.Text type="secondary">{shanghaiDate(r.submittedAt)}{r.submittedBy ? ` ${r.submittedBy}` : ''}{r.revision > 1 ? tr(`（第${r.revision}次修改）`, ` (rev. ${r.revision})`) : ''}</Typography.Text></span>
                </Flex>
                <Typography.Paragraph style={{ margin: '6px 0' }}>{r.content}</Typography.Paragraph>
                {r.indicatorValues.length > 0 && (
                  <Typography.Paragraph type="secondary" style={{ margin: '0 0 6px' }}>
                    {r.indicatorValues.map((v) => {
                      const i = t.indicators.find((x) => x.id === v.indicatorId);
                      return i ? `${i.name} ${v.value}${i.unit}` : '';
                    }).join('；')}
                  </Typography.Paragraph>
                )}
                {r.attachments.length > 0 && <AttachmentList items={r.attachments} />}
              </li>
            ))}
          </ol>
        )}
      </Panel>

      <SupervisionSection task={t} onChange={setTask} />

      <Suspense fallback={null}>
        {drawer === 'report' && <ReportDrawer task={t} onClose={(saved) => { setDrawer(null); if (saved) setTask(saved); }} />}
        {drawer === 'edit' && <TaskFormDrawer planId={t.planId} task={t} onClose={(savedId) => { setDrawer(null); if (savedId) loaded.reload(); }} />}
      </Suspense>
    </Flex>
  );
}
