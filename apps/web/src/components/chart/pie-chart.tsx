import ReactEChartsCore from 'echarts-for-react/esm/core';
import { chartColors, echarts } from './echarts-setup';
import type { PieChartProps } from './types';

export default function PieChart({ items, height }: PieChartProps) {
  const option = {
    color: chartColors,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）', confine: true },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['36%', '60%'],
        center: ['50%', '45%'],
        // Names are short (党委, 党支部); never let ECharts cut them to "党…" on a narrow screen.
        label: { formatter: '{b}\n{c}', overflow: 'none' },
        data: items.map((item) => ({ name: item.name, value: item.value })),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: height ?? 260, width: '100%' }} />;
}
