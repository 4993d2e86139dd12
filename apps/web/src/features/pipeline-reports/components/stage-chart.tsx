import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { StageBarChartProps } from './stage-bar-chart';

// ECharts stays out of the page's first download, as with the shared charts.
const LazyStageBarChart = lazy(() => import('./stage-bar-chart'));

export function StageChart(props: StageBarChartProps & { testId?: string }) {
  const { testId, ...chart } = props;
  return (
    <div data-testid={testId}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
        <LazyStageBarChart {...chart} />
      </Suspense>
    </div>
  );
}
