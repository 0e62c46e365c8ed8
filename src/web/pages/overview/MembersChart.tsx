import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChildStats } from '../../api';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

interface Props {
  children: ChildStats[];
  labels: { members: string; industrial: string; migrant: string };
  narrow: boolean;
  onPick: (orgId: number) => void;
  ariaLabel: string;
}

/** Horizontal bars: members per child organisation (names are long Chinese strings). */
export default function MembersChart({ children, labels, narrow, onPick, ariaLabel }: Props) {
  const rows = [...children].sort((a, b) => a.members - b.members);
  const height = Math.max(240, rows.length * (narrow ? 26 : 28) + 80);
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.members, labels.industrial, labels.migrant] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { width: narrow ? 96 : 180, overflow: 'truncate' },
    },
    series: [
      { name: labels.members, type: 'bar', data: rows.map((r) => r.members), itemStyle: { color: '#c8102e' }, barMaxWidth: 14, label: { show: !narrow, position: 'right' } },
      { name: labels.industrial, type: 'bar', data: rows.map((r) => r.industrialMembers), itemStyle: { color: '#fa8c16' }, barMaxWidth: 14 },
      { name: labels.migrant, type: 'bar', data: rows.map((r) => r.migrantMembers), itemStyle: { color: '#1677ff' }, barMaxWidth: 14 },
    ],
  };
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        style={{ height, width: '100%' }}
        notMerge
        onEvents={{ click: (p: { dataIndex: number }) => rows[p.dataIndex] && onPick(rows[p.dataIndex].id) }}
      />
    </div>
  );
}
