// The ESM build: the CJS `lib/core` path builds but crashes at runtime with React #130 under Vite 8.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartColors, echarts } from './echarts-setup';
import type { BarChartProps } from './types';

/** Horizontal bars: Chinese division names are long and stay readable on a phone this way. */
export default function BarChart({ categories, series, onCategoryClick, height }: BarChartProps) {
  const rows = categories.length;
  const option = {
    color: chartColors,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: categories,
      axisLabel: { width: 110, overflow: 'truncate' },
      triggerEvent: Boolean(onCategoryClick),
    },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      data: s.data,
      barMaxWidth: 18,
      label: { show: rows <= 20, position: 'right' },
    })),
  };
  const onEvents = onCategoryClick
    ? {
        click: (params: { componentType?: string; dataIndex?: number; value?: unknown }) => {
          if (params.componentType === 'series' && typeof params.dataIndex === 'number') onCategoryClick(params.dataIndex);
          if (params.componentType === 'yAxis') {
            const index = categories.indexOf(String(params.value));
            if (index >= 0) onCategoryClick(index);
          }
        },
      }
    : undefined;
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      onEvents={onEvents}
      style={{ height: height ?? Math.max(220, rows * (series.length > 1 ? 44 : 26) + 60), width: '100%', cursor: onCategoryClick ? 'pointer' : undefined }}
    />
  );
}
