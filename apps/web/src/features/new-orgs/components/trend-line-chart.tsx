// The ESM build: the CJS `lib/core` path builds but crashes at runtime with React #130 under Vite 8.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { LineChart } from 'echarts/charts';
import { chartColors, echarts } from '../../../components/chart/echarts-setup';

// The shared setup registers bars and pies; the trend adds lines to the same instance.
echarts.use([LineChart]);

export interface TrendLineChartProps {
  months: string[];
  series: { name: string; data: (number | null)[] }[];
  height?: number;
}

/** Coverage rates (percent) month by month; one line per kind and one for all. */
export default function TrendLineChart({ months, series, height }: TrendLineChartProps) {
  const option = {
    color: chartColors,
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: months, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10), max: 100, axisLabel: { formatter: '{value}%' } },
    series: series.map((s) => ({ name: s.name, type: 'line', data: s.data, smooth: true, showSymbol: months.length <= 12 })),
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: height ?? 280, width: '100%' }} />;
}
