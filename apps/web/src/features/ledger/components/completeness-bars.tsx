// The ESM build: the CJS `lib/core` path builds but crashes at runtime under Vite 8 (see components/chart).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from '../../../components/chart/echarts-setup';

export interface CompletenessBarsProps {
  categories: string[];
  clear: number[];
  totals: number[];
  /** What is counted, for the tooltip: 五项全清 or one item's name. */
  measure: string;
  /** Legend names of the two parts of a bar. */
  clearLabel: string;
  unclearLabel: string;
  onCategoryClick?: ((index: number) => void) | undefined;
}

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);

/**
 * One horizontal bar per area, split into the people for whom the measure is clear and the rest,
 * with the rate at the end: the size of an area and how far it has got, read together.
 */
export default function CompletenessBars({ categories, clear, totals, measure, clearLabel, unclearLabel, onCategoryClick }: CompletenessBarsProps) {
  const unclear = totals.map((total, i) => total - (clear[i] ?? 0));
  const option = {
    color: ['#52c41a', '#f0a35e'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: { dataIndex: number }[]) => {
        const i = params[0]?.dataIndex ?? 0;
        return `${categories[i]}<br/>${measure}：${clear[i]} / ${totals[i]} 人（${percent(clear[i] ?? 0, totals[i] ?? 0)}%）`;
      },
    },
    legend: { top: 0, data: [clearLabel, unclearLabel] },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { width: 110, overflow: 'truncate' }, triggerEvent: Boolean(onCategoryClick) },
    series: [
      { name: clearLabel, type: 'bar', stack: 'people', data: clear, barMaxWidth: 18 },
      {
        name: unclearLabel,
        type: 'bar',
        stack: 'people',
        data: unclear,
        barMaxWidth: 18,
        label: { show: categories.length <= 30, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => `${percent(clear[dataIndex] ?? 0, totals[dataIndex] ?? 0)}%` },
      },
    ],
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
      style={{ height: Math.max(200, categories.length * 30 + 60), width: '100%', cursor: onCategoryClick ? 'pointer' : undefined }}
    />
  );
}
