import type { EChartsOption } from 'echarts';
import type { FunnelReport } from '@shared/contract';
import { base, type Params, stageName, type ChartContext, type DrillItem } from './common';
import { chartText, compactMoney, percent } from './text';

/** Benchmark conversion per stage step (the field's 60% / 40% / 30% for the later steps). */
export type Benchmarks = Record<string, number>;

/**
 * The funnel: deals reached per stage as bars (each opening its deals), conversion to
 * the next stage as a line against the manager's benchmark rates (dashed).
 */
export function funnelChart(
  report: FunnelReport,
  ctx: ChartContext,
  benchmarks: Benchmarks = {},
): EChartsOption {
  const t = chartText(ctx.lang);
  const names = report.stages.map((s) => stageName(ctx, s.key));
  const bars: DrillItem[] = report.stages.map((s) => ({ value: s.reached, drill: `reached:${s.key}` }));
  const summary = report.stages
    .map(
      (s, i) =>
        `${names[i]}: ${s.reached}, ${compactMoney(s.reachedAmount, ctx.lang)}, ${percent(s.conversionToNext)}`,
    )
    .join('; ');
  return {
    ...base(t.describe.funnel(summary)),
    legend: { top: 0, data: [t.reached, t.conversion, t.benchmark] },
    grid: { left: 64, right: 64, top: 48, bottom: 40 },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: [
      { type: 'value', name: t.deals, minInterval: 1 },
      {
        type: 'value',
        name: t.conversion,
        min: 0,
        max: 1,
        axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
      },
    ],
    series: [
      {
        type: 'bar',
        name: t.reached,
        data: bars,
        barMaxWidth: 96,
        // Inside the bar, so the conversion line's labels above never cover it.
        label: {
          show: true,
          position: 'insideBottom',
          color: '#fff',
          fontWeight: 'bold',
          textBorderColor: '#0b3d66',
          textBorderWidth: 2,
          formatter: (p: Params) =>
            `${report.stages[p.dataIndex]!.reached}\n${compactMoney(report.stages[p.dataIndex]!.reachedAmount, ctx.lang)}`,
        },
      },
      {
        type: 'line',
        name: t.conversion,
        yAxisIndex: 1,
        data: report.stages.map((s) => s.conversionToNext),
        label: { show: true, formatter: (p: Params) => percent(p.value as number | null) },
        symbolSize: 10,
      },
      {
        type: 'line',
        name: t.benchmark,
        yAxisIndex: 1,
        data: report.stages.map((s) => benchmarks[s.key] ?? null),
        lineStyle: { type: 'dashed' },
        symbol: 'diamond',
        symbolSize: 10,
      },
    ],
  };
}

/** Teams (or reps) side by side: conversion to the next stage per stage, one series each. */
export function funnelCompareChart(
  reports: readonly { name: string; report: FunnelReport }[],
  ctx: ChartContext,
  drillOf: (name: string, stageKey: string) => string,
): EChartsOption {
  const t = chartText(ctx.lang);
  const keys = reports[0]?.report.stages.map((s) => s.key) ?? [];
  return {
    ...base(
      t.describe.funnel(
        reports
          .map((r) => `${r.name}: ${r.report.stages.map((s) => percent(s.conversionToNext)).join(' → ')}`)
          .join('; '),
      ),
    ),
    legend: { top: 0, type: 'scroll' },
    grid: { left: 64, right: 24, top: 48, bottom: 40 },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: unknown) => percent(v as number | null) },
    xAxis: { type: 'category', data: keys.map((k) => stageName(ctx, k)), axisLabel: { interval: 0 } },
    yAxis: {
      type: 'value',
      name: t.conversion,
      min: 0,
      max: 1,
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    series: reports.map((r) => ({
      type: 'bar' as const,
      name: r.name,
      data: r.report.stages.map((s) => ({ value: s.conversionToNext ?? 0, drill: drillOf(r.name, s.key) })),
    })),
  };
}
