import type { EChartsOption } from 'echarts';
import type { VelocityReport } from '@shared/contract';
import { base, type Params, NEGATIVE, PALETTE, stageName, type ChartContext, type DrillItem } from './common';
import { chartText, days } from './text';

/**
 * Whiskers at most 1.5 interquartile ranges beyond the box (Tukey), so a handful of
 * year-long visits do not squash every box into a line; the box and median are exact.
 */
function tukey(box: [number, number, number, number, number] | null | undefined): number[] {
  if (!box) return [];
  const [min, q1, median, q3, max] = box;
  const reach = 1.5 * (q3 - q1);
  return [Math.max(min, q1 - reach), q1, median, q3, Math.min(max, q3 + reach)];
}

/** Time in stage per stage: a box plot of the completed visits, the dwell limit marked. */
export function stageTimeBoxplot(report: VelocityReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const names = report.stages.map((s) => stageName(ctx, s.key));
  const summary = report.stages.map((s, i) => `${names[i]}: median ${days(s.medianDays)}`).join('; ');
  return {
    ...base(t.describe.box(summary)),
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, data: [t.daysInStage, t.dwellLimit] },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: t.days },
    series: [
      {
        type: 'boxplot',
        name: t.daysInStage,
        data: report.stages.map((s) => ({ value: tukey(s.box), drill: `visits:${s.key}` })),
      },
      {
        type: 'scatter',
        name: t.dwellLimit,
        symbol: 'rect',
        symbolSize: [48, 4],
        itemStyle: { color: NEGATIVE },
        data: report.stages.map((s) => s.dwellLimitDays),
        tooltip: { formatter: (p: unknown) => `${t.dwellLimit}: ${days((p as { value: number }).value)}` },
      },
    ],
  };
}

/** Open deals per stage and how many of them are stalled (older than the dwell limit). */
export function stalledChart(report: VelocityReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const names = report.stages.map((s) => stageName(ctx, s.key));
  const summary = report.stages.map((s, i) => `${names[i]}: ${s.stalled ?? '—'}/${s.openCount}`).join('; ');
  const open: DrillItem[] = report.stages.map((s) => ({
    value: s.openCount - (s.stalled ?? 0),
    drill: `open:${s.key}`,
  }));
  const stalled: DrillItem[] = report.stages.map((s) => ({
    value: s.stalled ?? 0,
    drill: `stalled:${s.key}`,
  }));
  return {
    ...base(t.describe.stalled(summary)),
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, data: [t.open, t.stalled] },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: t.deals, minInterval: 1 },
    series: [
      { type: 'bar', name: t.open, stack: 'open', data: open, itemStyle: { color: PALETTE[0] } },
      {
        type: 'bar',
        name: t.stalled,
        stack: 'open',
        data: stalled,
        itemStyle: { color: NEGATIVE },
        label: {
          show: true,
          position: 'top',
          formatter: (p: Params) => {
            const s = report.stages[p.dataIndex]!;
            return s.stalled
              ? `${s.stalled}${s.dwellLimitDays !== null ? ` > ${s.dwellLimitDays}d` : ''}`
              : '';
          },
        },
      },
    ],
  };
}

/** The sales cycle's median by the month the deals were won, with the number won as bars. */
export function cycleTrendChart(report: VelocityReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const months = report.cycleByMonth ?? [];
  return {
    ...base(t.describe.cycle(months.length)),
    grid: { left: 64, right: 64, top: 40, bottom: 40 },
    legend: { top: 0, data: [t.medianCycle, t.wonDeals] },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: months.map((m) => m.month) },
    yAxis: [
      { type: 'value', name: t.days },
      { type: 'value', name: t.wonDeals, minInterval: 1 },
    ],
    series: [
      {
        type: 'bar',
        name: t.wonDeals,
        yAxisIndex: 1,
        data: months.map((m) => ({ value: m.count, drill: `cycle:${m.month}` })),
        itemStyle: { opacity: 0.5 },
      },
      { type: 'line', name: t.medianCycle, data: months.map((m) => m.medianDays), symbolSize: 8 },
    ],
  };
}
