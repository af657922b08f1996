import type { EChartsOption } from 'echarts';
import type { CohortsReport } from '@shared/contract';
import { base, type Params, type ChartContext } from './common';
import { chartText, percent } from './text';

/**
 * The cohort heat map: creation month (rows) × months since creation (columns), each
 * cell the cohort's cumulative won share, written in the cell as well as coloured.
 */
export function cohortHeatmap(report: CohortsReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const span = Math.max(0, ...report.cohorts.map((c) => c.wonShare.length));
  const data = report.cohorts.flatMap((c, row) =>
    c.wonShare.map((share, k) => ({ value: [k, row, share], drill: `${c.month}:won:${k}` })),
  );
  const max = Math.max(0.01, ...report.cohorts.flatMap((c) => c.wonShare));
  // The value is written in every cell, so colour is not its only carrier; hatching over
  // the numbers would only make them harder to read: no decals here.
  const common = base(t.describe.cohorts(report.cohorts.length));
  return {
    ...common,
    aria: { ...(common.aria as object), decal: { show: false } },
    grid: { left: 88, right: 24, top: 24, bottom: 96 },
    xAxis: {
      type: 'category',
      name: t.monthsSinceCreation,
      nameLocation: 'middle',
      nameGap: 32,
      data: Array.from({ length: span }, (_, k) => String(k)),
    },
    yAxis: {
      type: 'category',
      name: t.creationMonth,
      data: report.cohorts.map((c) => c.month),
      inverse: true,
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
      formatter: (v: unknown) => percent(Number(v)),
    },
    series: [
      {
        type: 'heatmap',
        name: t.wonShare,
        data,
        label: {
          show: span <= 18,
          formatter: (p: Params) => `${Math.round((p.value as number[])[2]! * 100)}`,
        },
      },
    ],
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const v = (p as { value: number[] }).value;
        return `${report.cohorts[v[1]!]!.month} +${v[0]}: ${percent(v[2]!)}`;
      },
    },
  };
}
