import type { EChartsOption } from 'echarts';
import type { PipelineReport } from '@shared/contract';
import { base, type Params, NEUTRAL, stageName, type ChartContext, type DrillItem } from './common';
import { chartText, compactMoney, percent } from './text';

/** Size: the open pipeline's value (bars) and count (line) at each month end. */
export function pipelineTrendChart(report: PipelineReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const labels = report.trend.map((p) => p.at.slice(0, 10));
  return {
    ...base(t.describe.trend(report.trend.length)),
    grid: { left: 72, right: 56, top: 40, bottom: 40 },
    legend: { top: 0, data: [t.amount, t.deals] },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: labels },
    yAxis: [
      { type: 'value', name: t.amount, axisLabel: { formatter: (v: number) => compactMoney(v, ctx.lang) } },
      { type: 'value', name: t.deals, minInterval: 1 },
    ],
    series: [
      {
        type: 'bar',
        name: t.amount,
        data: report.trend.map((p) => ({ value: p.amount, drill: `open@${p.at}` })),
        barMaxWidth: 40,
      },
      { type: 'line', name: t.deals, yAxisIndex: 1, data: report.trend.map((p) => p.open), symbolSize: 8 },
    ],
  };
}

/**
 * A healthy funnel's share of open deals per stage: each stage holds about as many deals
 * as the next stage needs at the field's conversion, so shares fall by a constant ratio.
 * Shown as the reference shape the actual distribution is read against.
 */
export function healthyShares(stages: number, step = 0.7): number[] {
  const raw = Array.from({ length: stages }, (_, i) => step ** i);
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / sum);
}

/** Shape: each open stage's share of the open deals, against a healthy funnel. */
export function stageShapeChart(report: PipelineReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const healthy = healthyShares(report.stages.length);
  const actual: DrillItem[] = report.stages.map((s) => ({
    value: report.open ? s.count / report.open : 0,
    drill: `stage:${s.key}`,
  }));
  return {
    ...base(t.describe.stageShape),
    grid: { left: 64, right: 24, top: 40, bottom: 40 },
    legend: { top: 0, data: [t.actual, t.healthy] },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: unknown) => percent(Number(v)) },
    xAxis: {
      type: 'category',
      data: report.stages.map((s) => stageName(ctx, s.key)),
      axisLabel: { interval: 0 },
    },
    yAxis: {
      type: 'value',
      name: t.share,
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    series: [
      {
        type: 'bar',
        name: t.actual,
        data: actual,
        label: { show: true, position: 'top', formatter: (p: Params) => percent(Number(p.value)) },
      },
      {
        type: 'line',
        name: t.healthy,
        data: healthy,
        lineStyle: { type: 'dashed' },
        itemStyle: { color: NEUTRAL },
        symbol: 'diamond',
      },
    ],
  };
}

/** Shape: the deal-size pyramid, large on top. */
export function sizeBandsChart(report: PipelineReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const bands = report.bands;
  return {
    ...base(t.describe.bands),
    grid: { left: 96, right: 96, top: 16, bottom: 32 },
    xAxis: {
      type: 'value',
      name: t.amount,
      axisLabel: { formatter: (v: number) => compactMoney(v, ctx.lang) },
    },
    yAxis: { type: 'category', data: bands.map((b) => t[b.band]), inverse: true },
    series: [
      {
        type: 'bar',
        name: t.amount,
        data: bands.map((b) => ({ value: b.amount, drill: `band:${b.band}` })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: Params) =>
            `${compactMoney(bands[p.dataIndex]!.amount, ctx.lang)} · ${bands[p.dataIndex]!.count}`,
        },
      },
    ],
  };
}

/** Shape: the product mix of the open pipeline (the ten largest). */
export function productMixChart(report: PipelineReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const products = report.products.slice(0, 10);
  return {
    ...base(t.describe.products),
    tooltip: { trigger: 'item', confine: true },
    series: [
      {
        type: 'pie',
        name: t.openPipeline,
        radius: ['40%', '70%'],
        data: products.map((p) => ({
          name: p.product || t.noProduct,
          value: p.amount,
          drill: `product:${p.product}`,
        })),
        label: { formatter: (p: Params) => `${p.name}\n${(p.percent ?? 0).toFixed(0)}%` },
      },
    ],
  };
}
