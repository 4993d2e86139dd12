import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { TrendLineChartProps } from './trend-line-chart';

// ECharts stays out of the page's first download, as with the shared charts.
const LazyTrendLineChart = lazy(() => import('./trend-line-chart'));

export function TrendChart(props: TrendLineChartProps & { testId?: string }) {
  const { testId, ...chart } = props;
  return (
    <div data-testid={testId}>
      <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 280 }} />}>
        <LazyTrendLineChart {...chart} />
      </Suspense>
    </div>
  );
}
