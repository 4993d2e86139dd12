// The ESM build: the CJS `lib/core` path builds but crashes at runtime under Vite 8 (see components/chart).
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { echarts } from '../../../components/chart/echarts-setup';
import type { GridProgress } from '../api/get-surveys';

/**
 * One horizontal bar per grid: people confirmed or corrected, people not found or moved away, and
 * those not yet checked, with the share checked at the end of the bar.
 */
export default function SurveyProgressBars({ grids }: { grids: GridProgress[] }) {
  const categories = grids.map((g) => `${g.divisionName.replace(/(居民委员会|村民委员会)$/, '')} ${g.gridName}`);
  const done = grids.map((g) => g.confirmed + g.corrected);
  const gone = grids.map((g) => g.notFound + g.movedAway);
  const open = grids.map((g) => g.total - g.checked);
  const option = {
    color: ['#52c41a', '#f0a35e', '#d9d9d9'],
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      formatter: (params: { dataIndex: number }[]) => {
        const g = grids[params[0]?.dataIndex ?? 0];
        if (!g) return '';
        return `${categories[params[0]!.dataIndex]}<br/>已核查 ${g.checked} / ${g.total} 人（${g.percent}%）<br/>确认 ${g.confirmed}，修改 ${g.corrected}，查无此人 ${g.notFound}，已迁出 ${g.movedAway}<br/>五个清楚 ${g.complete} 人`;
      },
    },
    legend: { top: 0, data: ['确认或修改', '查无此人或迁出', '未核查'] },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: categories, axisLabel: { width: 120, overflow: 'truncate' } },
    series: [
      { name: '确认或修改', type: 'bar', stack: 'people', data: done, barMaxWidth: 18 },
      { name: '查无此人或迁出', type: 'bar', stack: 'people', data: gone, barMaxWidth: 18 },
      {
        name: '未核查',
        type: 'bar',
        stack: 'people',
        data: open,
        barMaxWidth: 18,
        label: { show: grids.length <= 30, position: 'right', formatter: ({ dataIndex }: { dataIndex: number }) => `${grids[dataIndex]?.percent ?? 0}%` },
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: Math.max(160, grids.length * 30 + 60), width: '100%' }} />;
}
