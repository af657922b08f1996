import type { EChartsOption } from 'echarts';
import { CHANGE_CATEGORIES, type ChangesReport } from '@shared/contract';
import { base, type Params, NEGATIVE, NEUTRAL, POSITIVE, type ChartContext, type DrillItem } from './common';
import { chartText, compactMoney } from './text';

/**
 * The pipeline-change waterfall: start, each non-zero category as a floating step (up
 * for new, pulled in, reopened, increased; down for slipped, won, lost, removed,
 * decreased), end. A transparent base series lifts each step; every visible bar opens its
 * deals. The steps add up to the end by construction (the report balances to the cent).
 */
export function waterfallChart(report: ChangesReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const steps = CHANGE_CATEGORIES.filter((c) => c !== 'unchanged' && report.totals[c] !== 0);
  const labels = [t.start, ...steps.map((c) => t.categories[c]), t.end];
  const lift: (number | string)[] = [0];
  const bars: DrillItem[] = [{ value: report.start, drill: 'start', itemStyle: { color: NEUTRAL } }];
  let level = report.start;
  for (const c of steps) {
    const delta = report.totals[c];
    const next = level + delta;
    lift.push(Math.min(level, next));
    bars.push({ value: Math.abs(delta), drill: c, itemStyle: { color: delta > 0 ? POSITIVE : NEGATIVE } });
    level = next;
  }
  lift.push(0);
  bars.push({ value: report.end, drill: 'end', itemStyle: { color: NEUTRAL } });
  const signed = [report.start, ...steps.map((c) => report.totals[c]), report.end];
  return {
    ...base(t.describe.waterfall(compactMoney(report.start, ctx.lang), compactMoney(report.end, ctx.lang))),
    grid: { left: 72, right: 24, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: labels, axisLabel: { interval: 0 } },
    yAxis: {
      type: 'value',
      name: t.amount,
      axisLabel: { formatter: (v: number) => compactMoney(v, ctx.lang) },
    },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        data: lift,
        itemStyle: { color: 'transparent' },
        silent: true,
        tooltip: { show: false },
      },
      {
        type: 'bar',
        stack: 'waterfall',
        name: t.amount,
        data: bars,
        barMaxWidth: 80,
        label: {
          show: true,
          position: 'top',
          formatter: (p: Params) => {
            const v = signed[p.dataIndex]!;
            const isStep = p.dataIndex > 0 && p.dataIndex < signed.length - 1;
            return `${isStep && v > 0 ? '+' : ''}${compactMoney(v, ctx.lang)}`;
          },
        },
      },
    ],
  };
}
