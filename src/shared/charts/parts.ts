import {
  BarChart,
  BoxplotChart,
  CustomChart,
  HeatmapChart,
  LineChart,
  PieChart,
  ScatterChart,
} from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The ECharts parts the builders use, registered once with the tree-shaken `echarts/core`
 * (the full bundle is five times the size). The SVG renderer serves the in-app export
 * and server-side rendering alike; the app adds the canvas renderer for the screen.
 */
export function registerChartParts(): void {
  use([
    BarChart,
    BoxplotChart,
    // Interval whiskers (mentor lift): a line with end caps per row.
    CustomChart,
    HeatmapChart,
    LineChart,
    PieChart,
    ScatterChart,
    AriaComponent,
    GridComponent,
    LegendComponent,
    TooltipComponent,
    VisualMapComponent,
    SVGRenderer,
  ]);
}
