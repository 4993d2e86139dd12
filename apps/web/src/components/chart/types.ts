export interface BarSeries {
  name: string;
  data: number[];
}

export interface BarChartProps {
  categories: string[];
  series: BarSeries[];
  /** Called with the index into `categories` when a bar or its label is clicked. */
  onCategoryClick?: ((index: number) => void) | undefined;
  height?: number;
}

export interface PieChartProps {
  items: { name: string; value: number }[];
  height?: number;
}
