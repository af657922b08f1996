import type { EChartsOption } from 'echarts';
import { init } from 'echarts/core';
import { registerChartParts } from './parts';

/**
 * A chart option drawn as an SVG document without a DOM (ECharts' server-side
 * rendering): the quarterly deck's pictures and the app's "export as SVG" both come
 * from here, so a chart on screen and on a slide never disagree.
 */
export function renderSvg(option: EChartsOption, width = 1280, height = 720, dark = false): string {
  registerChartParts();
  const chart = init(null, dark ? 'dark' : undefined, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
