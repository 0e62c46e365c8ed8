import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { STATUS_NAMES, TASK_STATUSES, type Counts, type TaskStatus } from './shared';

echarts.use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

const COLORS: Record<TaskStatus, string> = { on_track: '#52c41a', at_risk: '#fa8c16', overdue: '#f5222d', done: '#1677ff' };

interface Row extends Counts { key: string | number; name: string }

/** Tasks by status (pie) — a click opens the board filtered by that status. */
export function StatusPie({ totals, en, narrow, onPick, ariaLabel }: { totals: Counts; en: boolean; narrow: boolean; onPick: (s: TaskStatus) => void; ariaLabel: string }) {
  const option = {
    animationDuration: 300,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [{
      type: 'pie', radius: ['40%', '68%'], center: ['50%', '45%'], label: narrow ? { show: true, position: 'inside', formatter: '{c}', color: '#fff' } : { formatter: '{b}\n{c}' },
      data: TASK_STATUSES.map((s) => ({ name: en ? STATUS_NAMES[s].en : STATUS_NAMES[s].zh, value: totals[s], status: s, itemStyle: { color: COLORS[s] } })),
    }],
  };
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: 280 }} notMerge onEvents={{ click: (p: { data?: { status?: TaskStatus } }) => p.data?.status && onPick(p.data.status) }} />
    </div>
  );
}

/** Stacked horizontal bars by status per unit or category — a click opens that row's tasks. */
export function StackedBars({ rows, en, narrow, onPick, ariaLabel }: { rows: Row[]; en: boolean; narrow: boolean; onPick: (key: string | number, status: TaskStatus) => void; ariaLabel: string }) {
  const sorted = [...rows].reverse();
  const option = {
    animationDuration: 300,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisLabel: { width: narrow ? 90 : 160, overflow: 'truncate' } },
    series: TASK_STATUSES.map((s) => ({
      name: en ? STATUS_NAMES[s].en : STATUS_NAMES[s].zh, type: 'bar', stack: 'all', barMaxWidth: 16, itemStyle: { color: COLORS[s] },
      data: sorted.map((r) => r[s]),
    })),
  };
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height: Math.max(220, sorted.length * 24 + 70) }} notMerge
        onEvents={{ click: (p: { dataIndex: number; seriesIndex: number }) => onPick(sorted[p.dataIndex].key, TASK_STATUSES[p.seriesIndex]) }} />
    </div>
  );
}

export default { StatusPie, StackedBars };
