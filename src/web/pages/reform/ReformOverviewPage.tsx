import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { Col, Flex, Row, Select, Statistic, Table, Typography } from 'antd';
import { AlertOutlined, CheckCircleOutlined, ClockCircleOutlined, FieldTimeOutlined, NotificationOutlined, ProfileOutlined } from '@ant-design/icons';
import { api } from '../../api';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState, Loading } from '../../components/states';
import { Panel } from '../../components/Panel';
import { StatusTag, TASK_STATUSES, STATUS_NAMES, pct, usePlans, type Figures, type TaskRow, type TaskStatus } from './shared';

// ECharts is heavy: loaded only when this page draws its charts.
const StatusPie = lazy(() => import('./ReformCharts').then((m) => ({ default: m.StatusPie })));
const StackedBars = lazy(() => import('./ReformCharts').then((m) => ({ default: m.StackedBars })));

function Figure({ title, value, to, icon, testId }: { title: string; value: number; to: string; icon: ReactNode; testId: string }) {
  return (
    <Link to={to} aria-label={`${title}：${value}`} className="gh-hover" style={{ display: 'block', height: '100%', color: 'inherit' }}>
      <Panel style={{ height: '100%' }} bodyStyle={{ padding: 16 }}>
        <Flex justify="space-between" align="flex-start">
          <Statistic title={title} value={value} styles={{ content: { fontSize: 26 } }} />
          <span aria-hidden style={{ fontSize: 22, color: '#c8102e', opacity: 0.75 }}>{icon}</span>
        </Flex>
        <span data-testid={testId} data-value={value} hidden>{value}</span>
      </Panel>
    </Link>
  );
}

/** 产改总览: the plan's figures, each opening its records; for a unit, its own tasks and what is due next. */
export default function ReformOverviewPage() {
  const { tr, en } = useLocale();
  const { user, can } = useAuth();
  const narrow = useMediaNarrow();
  const navigate = useNavigate();
  const { params, update } = useUrlFilters();
  const plans = usePlans();
  const planParam = Number(params.get('planId')) > 0 ? Number(params.get('planId')) : undefined;
  const figs = useAsync((signal) => api.get<Figures>('/reform/figures', { planId: planParam }, signal), [planParam]);
  // District staff and auditors see the whole district; a unit's staff see their unit's tasks.
  const district = can('reform.manage') || user?.role === 'auditor';

  if (figs.error) return <ErrorState error={figs.error} onRetry={figs.reload} />;
  const f = figs.data;
  if (!f) return <Loading />;
  const planId = f.planId ?? undefined;
  const board = (q: Record<string, string | number | undefined>) => `/reform/tasks?${new URLSearchParams(Object.entries({ planId, ...q }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString()}`;
  const sup = f.supervision;
  // Deadlines and milestones in one list, soonest first.
  const due = [
    ...f.dueNext.tasks.map((t) => ({ key: `t${t.id}`, on: t.deadline, taskId: t.id, label: `${t.code} ${t.title}`, what: tr(`完成时限（当前 ${pct(t.percent)}）`, `deadline (now ${pct(t.percent)})`) })),
    ...f.dueNext.milestones.map((m) => ({ key: `m${m.id}`, on: m.dueOn, taskId: m.taskId, label: `${m.code} ${m.taskTitle}`, what: tr(`节点“${m.title}”`, `milestone “${m.title}”`) })),
  ].sort((a, b) => a.on.localeCompare(b.on));

  const taskCols = [
    { title: tr('任务', 'Task'), dataIndex: 'title', render: (v: string, r: TaskRow) => <Link to={`/reform/tasks/${r.id}`}>{r.code} {v}</Link> },
    { title: tr('牵头单位', 'Lead'), dataIndex: 'leadOrgName', responsive: ['md' as const], ellipsis: true },
    { title: tr('完成时限', 'Deadline'), dataIndex: 'deadline', width: 110, responsive: ['sm' as const] },
    { title: tr('进度', 'Progress'), dataIndex: 'percent', width: 80, responsive: ['sm' as const], render: (p: number | null) => pct(p) },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 110, render: (s: TaskStatus, r: TaskRow) => <StatusTag status={s} late={r.late} reasons={r.statusReasons} /> },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>{district ? tr('产改总览', 'Reform overview') : tr(`我的任务 · ${user?.orgName ?? ''}`, `My tasks · ${user?.orgName ?? ''}`)}</Typography.Title>
        <Select aria-label={tr('工作计划', 'Plan')} value={planId} onChange={(v) => update({ planId: v })} loading={plans.loading} style={{ minWidth: 260, maxWidth: '100%' }}
          options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} />
      </Flex>
      {f.totals.total === 0 ? (
        <Panel><EmptyState description={district ? tr('本计划还没有任务', 'No task in this plan yet') : tr('本单位在本计划中没有牵头或配合的任务', 'Your unit has no task in this plan')} /></Panel>
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col xs={12} md={8} xl={4}><Figure title={tr('任务总数', 'Tasks')} value={f.totals.total} to={board({})} icon={<ProfileOutlined />} testId="fig-total" /></Col>
            <Col xs={12} md={8} xl={4}><Figure title={tr('正常推进', 'On track')} value={f.totals.on_track} to={board({ status: 'on_track' })} icon={<ClockCircleOutlined />} testId="fig-on_track" /></Col>
            <Col xs={12} md={8} xl={4}><Figure title={tr('存在风险', 'At risk')} value={f.totals.at_risk} to={board({ status: 'at_risk' })} icon={<AlertOutlined />} testId="fig-at_risk" /></Col>
            <Col xs={12} md={8} xl={4}><Figure title={tr('已逾期', 'Overdue')} value={f.totals.overdue} to={board({ status: 'overdue' })} icon={<FieldTimeOutlined />} testId="fig-overdue" /></Col>
            <Col xs={12} md={8} xl={4}><Figure title={tr('已完成', 'Done')} value={f.totals.done} to={board({ status: 'done' })} icon={<CheckCircleOutlined />} testId="fig-done" /></Col>
            <Col xs={12} md={8} xl={4}><Figure title={tr('督办待回复', 'Notices awaiting reply')} value={sup.awaiting + sup.reply_overdue} to={board({ supervised: 'true' })} icon={<NotificationOutlined />} testId="fig-supervision" /></Col>
          </Row>
          {(sup.reply_overdue > 0 || sup.replied > 0) && (
            <Typography.Text type="secondary">{tr(`督办：逾期未回复 ${sup.reply_overdue} 件，已回复待办结 ${sup.replied} 件，已办结 ${sup.closed} 件`, `Notices: ${sup.reply_overdue} reply overdue, ${sup.replied} replied, ${sup.closed} closed`)}</Typography.Text>
          )}

          {!district && (
            <Panel title={tr('近期到期（60天内）', 'Due next (60 days)')} testId="due-next">
              {due.length === 0 ? <EmptyState description={tr('60天内没有到期的任务或节点', 'Nothing due in 60 days')} /> : (
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {due.slice(0, 10).map((d) => (
                    <li key={d.key} style={{ marginBottom: 4 }}>
                      <Typography.Text strong>{d.on}</Typography.Text> <Link to={`/reform/tasks/${d.taskId}`}>{d.label}</Link>
                      <Typography.Text type="secondary"> — {d.what}</Typography.Text>
                    </li>
                  ))}
                </ul>
              )}
            </Panel>
          )}

          <Row gutter={[12, 12]}>
            <Col xs={24} lg={10}>
              <Panel title={tr('按状态', 'By status')} style={{ height: '100%' }}>
                <Suspense fallback={<Loading />}>
                  <StatusPie totals={f.totals} en={en} narrow={narrow} onPick={(s) => navigate(board({ status: s }))} ariaLabel={tr('任务状态分布图，点击扇区查看任务', 'Tasks by status; click a slice to list them')} />
                </Suspense>
              </Panel>
            </Col>
            <Col xs={24} lg={14}>
              <Panel title={tr('按类别', 'By category')} style={{ height: '100%' }}>
                <Suspense fallback={<Loading />}>
                  <StackedBars rows={f.byCategory.map((c) => ({ ...c, key: c.code }))} en={en} narrow={narrow} onPick={(k, s) => navigate(board({ category: k, status: s }))} ariaLabel={tr('按类别的任务状态图', 'Tasks by category')} />
                </Suspense>
              </Panel>
            </Col>
          </Row>

          {f.overdue.length > 0 && (
            <Panel title={tr(`逾期任务（${f.overdue.length}）`, `Overdue tasks (${f.overdue.length})`)} testId="overdue-list">
              <Table size="small" rowKey="id" pagination={false} columns={taskCols} dataSource={f.overdue} />
            </Panel>
          )}

          {district && (
            <Panel title={tr('按牵头单位', 'By lead unit')}>
              <Suspense fallback={<Loading />}>
                <StackedBars rows={f.byUnit.slice(0, 40).map((u) => ({ ...u, key: u.orgId }))} en={en} narrow={narrow} onPick={(k, s) => navigate(board({ leadOrgId: k, status: s }))} ariaLabel={tr('按牵头单位的任务状态图', 'Tasks by lead unit')} />
              </Suspense>
              <Table size="small" rowKey="orgId" pagination={false} style={{ marginTop: 12 }} scroll={{ x: 520 }} dataSource={f.byUnit}
                columns={[
                  { title: tr('牵头单位', 'Lead unit'), dataIndex: 'name', render: (v: string, r) => <Link to={board({ leadOrgId: r.orgId })}>{v}</Link> },
                  { title: tr('任务', 'Tasks'), dataIndex: 'total', width: 64 },
                  ...TASK_STATUSES.map((s) => ({
                    title: en ? STATUS_NAMES[s].en : STATUS_NAMES[s].zh, dataIndex: s, width: 80,
                    render: (v: number, r: { orgId: number }) => (v ? <Link to={board({ leadOrgId: r.orgId, status: s })}>{v}</Link> : 0),
                  })),
                ]} />
            </Panel>
          )}
        </>
      )}
    </Flex>
  );
}
