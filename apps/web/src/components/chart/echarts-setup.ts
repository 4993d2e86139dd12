/**
 * Only the chart types and components we draw are registered, which keeps the ECharts chunk at
 * roughly half the size of the whole library. This module is reached only through lazy imports.
 */
import { BarChart, PieChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export { echarts };

export const chartColors = ['#c8161d', '#e6a23c', '#409eff', '#67c23a', '#909399'];
