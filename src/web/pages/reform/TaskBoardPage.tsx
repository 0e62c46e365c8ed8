import { lazy, Suspense, useEffect } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Checkbox, Flex, Progress, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { API, api, queryString, type Page } from '../../api';
import { todayInShanghai } from '../../../shared/dates';
import { useAuth } from '../../auth';
import { useLocale } from '../../i18n';
import { useAsync, useMediaNarrow, useUrlFilters } from '../../components/hooks';
import { EmptyState, ErrorState } from '../../components/states';
import { ListSearch } from '../../components/ListSearch';
import { STATUS_NAMES, StatusTag, TASK_CATEGORIES, TASK_STATUSES, pct, unitOptions, usePlans, useUnits, type TaskRow, type TaskStatus } from './shared';

const TaskFormDrawer = lazy(() => import('./TaskFormDrawer'));

/** 任务台账: the filtered, server-paged task board; every overview figure links here with its filter. */
export default function TaskBoardPage() {
  const { tr, en } = useLocale();
  const { can } = useAuth();
  const narrow = useMediaNarrow();
  const navigate = useNavigate();
  const { params, update, clear } = useUrlFilters();
  const plans = usePlans();
  const units = useUnits();
  const num = (k: string) => (Number(params.get(k)) > 0 ? Number(params.get(k)) : undefined);
  const planId = num('planId');
  const status = (params.get('status') ?? undefined) as TaskStatus | undefined;
  const leadOrgId = num('leadOrgId');
  const unitId = num('unitId');
  const category = params.get('category') ?? undefined;
  const q = params.get('q') ?? '';
  const supervised = params.get('supervised') === 'true' ? 'true' : undefined;
  const late = params.get('late') === 'true' ? 'true' : undefined;
  const page = num('page') ?? 1;
  const pageSize = Math.min(200, num('pageSize') ?? 20);
  const creating = params.get('new') === '1';

  // Open on the current plan (this year's) when no plan is chosen yet.
  useEffect(() => {
    if (!params.has('planId') && plans.data?.length) {
      const year = Number(todayInShanghai().slice(0, 4));
      const current = plans.data.find((p) => p.year === year) ?? plans.data[0];
      update({ planId: current.id }, false);
    }
  }, [plans.data]);

  const filter = { planId, status, leadOrgId, unitId, category, q: q || undefined, supervised, late };
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<TaskRow>>('/reform/tasks', { ...filter, page, pageSize }, signal),
    [planId, status, leadOrgId, unitId, category, q, supervised, late, page, pageSize],
  );

  const columns: ColumnsType<TaskRow> = [
    { title: tr('编号', 'Code'), dataIndex: 'code', width: 90, responsive: ['md'] },
    {
      title: tr('任务名称', 'Task'), dataIndex: 'title',
      render: (title: string, r) => (
        <div>
          <Link to={`/reform/tasks/${r.id}`} data-testid="task-link">{title}</Link>
          {narrow && <div style={{ color: '#888', fontSize: 12 }}>{r.code} · {r.leadOrgName} · {tr('时限', 'Due')} {r.deadline}</div>}
        </div>
      ),
    },
    { title: tr('类别', 'Category'), dataIndex: 'categoryName', width: 110, responsive: ['lg'] },
    { title: tr('牵头单位', 'Lead unit'), dataIndex: 'leadOrgName', width: 170, ellipsis: true, responsive: ['md'] },
    { title: tr('完成时限', 'Deadline'), dataIndex: 'deadline', width: 110, responsive: ['md'] },
    { title: tr('状态', 'Status'), dataIndex: 'status', width: 120, render: (s: TaskStatus, r) => <StatusTag status={s} late={r.late} reasons={r.statusReasons} /> },
    {
      title: tr('进度', 'Progress'), dataIndex: 'percent', width: 130, responsive: ['sm'],
      render: (p: number | null) => (p === null ? <Typography.Text type="secondary">{tr('未报送', 'No report')}</Typography.Text> : <Progress percent={p} size="small" aria-label={pct(p)} />),
    },
    { title: tr('报送', 'Reports'), dataIndex: 'reportCount', width: 70, responsive: ['xl'] },
  ];

  const filtered = !!(status || leadOrgId || unitId || category || q || supervised || late);
  const exportHref = `${API}/reform/tasks/export.xlsx${queryString(filter)}`;

  return (
    <Card
      title={tr('任务台账', 'Task board')}
      extra={
        <Flex gap={8} wrap>
          <Button icon={<DownloadOutlined />} href={exportHref} download aria-label={tr('导出当前筛选的任务台账', 'Export the filtered board')} data-testid="export-tasks">{!narrow && tr('导出', 'Export')}</Button>
          {can('reform.manage') && planId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => update({ new: '1' }, false)}>{narrow ? tr('新建', 'New') : tr('新建任务', 'New task')}</Button>
          )}
        </Flex>
      }
      styles={{ body: { padding: narrow ? 12 : 24 } }}
    >
      <form role="search" onSubmit={(e) => e.preventDefault()}>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select aria-label={tr('工作计划', 'Plan')} value={planId} onChange={(v) => update({ planId: v })} loading={plans.loading} style={{ flex: '1 1 220px', maxWidth: narrow ? undefined : 300 }}
            options={(plans.data ?? []).map((p) => ({ value: p.id, label: p.title }))} placeholder={tr('工作计划', 'Plan')} />
          <ListSearch value={q} onSearch={(v) => update({ q: v })} label={tr('按任务名称或编号搜索', 'Search by title or code')} placeholder={tr('任务名称 / 编号', 'Title / code')} style={{ flex: '1 1 220px', maxWidth: narrow ? undefined : 300 }} />
          <Select aria-label={tr('按状态筛选', 'Filter by status')} placeholder={tr('状态', 'Status')} allowClear value={status} onChange={(v) => update({ status: v })} style={{ flex: '0 1 140px', minWidth: 120 }}
            options={TASK_STATUSES.map((s) => ({ value: s, label: en ? STATUS_NAMES[s].en : STATUS_NAMES[s].zh }))} />
          <Select aria-label={tr('按类别筛选', 'Filter by category')} placeholder={tr('类别', 'Category')} allowClear value={category} onChange={(v) => update({ category: v })} style={{ flex: '0 1 160px', minWidth: 130 }}
            options={TASK_CATEGORIES.map((c) => ({ value: c.code, label: en ? c.nameEn : c.name }))} />
          <Select aria-label={tr('按牵头单位筛选', 'Filter by lead unit')} placeholder={tr('牵头单位', 'Lead unit')} allowClear showSearch optionFilterProp="label" value={leadOrgId} onChange={(v) => update({ leadOrgId: v })}
            style={{ flex: '1 1 200px', maxWidth: narrow ? undefined : 260 }} options={unitOptions(units.data, en)} popupMatchSelectWidth={false} />
          <Flex gap={4} align="center" wrap role="group" aria-label={tr('更多筛选', 'More filters')}>
            <Checkbox checked={!!supervised} onChange={(e) => update({ supervised: e.target.checked ? 'true' : undefined })}>{tr('督办中', 'Under supervision')}</Checkbox>
            <Checkbox checked={!!late} onChange={(e) => update({ late: e.target.checked ? 'true' : undefined })}>{tr('逾期完成', 'Done late')}</Checkbox>
          </Flex>
        </Flex>
        {unitId && (
          <Typography.Paragraph>
            <Button size="small" onClick={() => update({ unitId: undefined })}>{tr('清除“参与单位”筛选', 'Clear the unit filter')} ×</Button>
          </Typography.Paragraph>
        )}
      </form>
      {error ? <ErrorState error={error} onRetry={reload} /> : (
        <Table<TaskRow>
          rowKey="id" size={narrow ? 'small' : 'middle'} columns={columns} dataSource={data?.items} loading={loading}
          onRow={() => ({ 'data-testid': 'task-row' }) as never}
          locale={{
            emptyText: loading ? ' ' : (
              <EmptyState description={filtered ? tr('没有符合条件的任务', 'No task matches') : tr('本计划还没有您可见的任务', 'No visible task in this plan')}>
                {filtered && <Button onClick={() => clear()}>{tr('清除筛选', 'Clear filters')}</Button>}
              </EmptyState>
            ),
          }}
          pagination={{
            current: page, pageSize, total: data?.total ?? 0, showSizeChanger: !narrow, simple: narrow,
            showTotal: (n) => tr(`共 ${n} 项任务`, `${n} tasks`),
            onChange: (p, s) => update({ page: p, pageSize: s }, false),
          }}
        />
      )}
      {creating && planId && (
        <Suspense fallback={null}>
          <TaskFormDrawer planId={planId} onClose={(id) => { update({ new: undefined }, false); if (id) navigate(`/reform/tasks/${id}`); }} />
        </Suspense>
      )}
    </Card>
  );
}
