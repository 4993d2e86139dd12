// The ESM build: the CJS `lib/core` path builds but crashes at runtime with React #130 under Vite 8.
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartColors, echarts } from '../../../components/chart/echarts-setup';

export interface StageBarChartProps {
  /** Organization names, one bar each. */
  categories: string[];
  /** One series per stack segment (the five stages), `data[i]` for categories[i]. */
  series: { name: string; data: number[] }[];
  /** A segment was clicked: the organization's index and the segment's (stage) index. */
  onSegmentClick?: (categoryIndex: number, seriesIndex: number) => void;
  /** The organization's name was clicked. */
  onCategoryClick?: (categoryIndex: number) => void;
  height?: number;
}

/** Horizontal stacked bars (organization names stay readable on a phone), segments by stage. */
export default function StageBarChart({ categories, series, onSegmentClick, onCategoryClick, height }: StageBarChartProps) {
  const option = {
    color: chartColors,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { width: 120, overflow: 'truncate' }, triggerEvent: Boolean(onCategoryClick) },
    series: series.map((s) => ({
      name: s.name,
      type: 'bar',
      stack: 'stages',
      data: s.data,
      barMaxWidth: 22,
      emphasis: { focus: 'series' },
      label: { show: categories.length <= 15, formatter: (p: { value: number }) => (p.value ? String(p.value) : '') },
    })),
  };
  const onEvents = {
    click: (params: { componentType?: string; dataIndex?: number; seriesIndex?: number; value?: unknown }) => {
      if (params.componentType === 'series' && typeof params.dataIndex === 'number' && typeof params.seriesIndex === 'number') onSegmentClick?.(params.dataIndex, params.seriesIndex);
      if (params.componentType === 'yAxis') {
        const index = categories.indexOf(String(params.value));
        if (index >= 0) onCategoryClick?.(index);
      }
    },
  };
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={option}
      notMerge
      onEvents={onEvents}
      style={{ height: height ?? Math.max(240, categories.length * 36 + 90), width: '100%', cursor: 'pointer' }}
    />
  );
}
