import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

interface Props {
  rows: { key: string; name: string; approvedFen: number; paidFen: number }[];
  labels: { approved: string; paid: string };
  narrow: boolean;
  ariaLabel: string;
  onPick: (key: string) => void;
}

/** Approved and paid amounts (yuan) per row; a click opens the matching applications. */
export default function AidFiguresChart({ rows, labels, narrow, ariaLabel, onPick }: Props) {
  const yuan = (fen: number) => Math.round(fen) / 100;
  const option = {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: [labels.approved, labels.paid] },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', splitNumber: narrow ? 2 : 5, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { width: narrow ? 90 : 160, overflow: 'truncate' } },
    series: [
      { name: labels.approved, type: 'bar', data: rows.map((r) => yuan(r.approvedFen)), itemStyle: { color: '#c8102e' }, barMaxWidth: 14 },
      { name: labels.paid, type: 'bar', data: rows.map((r) => yuan(r.paidFen)), itemStyle: { color: '#52c41a' }, barMaxWidth: 14 },
    ],
  };
  return (
    <div role="img" aria-label={ariaLabel}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(220, rows.length * 34 + 70), width: '100%' }}
        onEvents={{ click: (p: { dataIndex: number }) => rows[p.dataIndex] && onPick(rows[p.dataIndex].key) }} />
    </div>
  );
}
