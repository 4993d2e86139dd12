import { Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { BarChartProps, PieChartProps } from './types';

export type { BarChartProps, BarSeries, PieChartProps } from './types';

// ECharts is large; loading it with the first chart keeps it out of the initial download.
const LazyBarChart = lazy(() => import('./bar-chart'));
const LazyPieChart = lazy(() => import('./pie-chart'));

const fallback = <Skeleton.Node active style={{ width: '100%', height: 220 }} />;

export function BarChart(props: BarChartProps & { testId?: string }) {
  const { testId, ...chart } = props;
  return (
    <div data-testid={testId}>
      <Suspense fallback={fallback}>
        <LazyBarChart {...chart} />
      </Suspense>
    </div>
  );
}

export function PieChart(props: PieChartProps & { testId?: string }) {
  const { testId, ...chart } = props;
  return (
    <div data-testid={testId}>
      <Suspense fallback={fallback}>
        <LazyPieChart {...chart} />
      </Suspense>
    </div>
  );
}
