import type { EChartsOption } from 'echarts';
import type { RepsReport } from '@shared/contract';
import { base, stageName, type ChartContext } from './common';
import { chartText, percent } from './text';

/**
 * Rep diagnostics as a heat map: one row per rep, one column per stage, each cell the
 * rep's conversion to the next stage relative to everyone in scope (−50% … +50%),
 * written in the cell; the rep's weakest stage is outlined, so the coaching conversation
 * starts there.
 */
export function repHeatmap(report: RepsReport, ctx: ChartContext): EChartsOption {
  const t = chartText(ctx.lang);
  const keys = report.all.stages.map((s) => s.key);
  const reps = report.reps.filter((r) => r.deals > 0);
  const data = reps.flatMap((rep, row) =>
    rep.stages.map((st, col) => {
      const everyone = report.all.stages[col]!.conversionToNext;
      const relative = st.conversionToNext === null || !everyone ? null : st.conversionToNext / everyone - 1;
      const weakest = rep.weakestStage?.key === st.key;
      return {
        value: [col, row, relative === null ? '-' : Math.max(-0.5, Math.min(0.5, relative))],
        drill: `rep:${rep.owner}:reached:${st.key}`,
        conversion: st.conversionToNext,
        ...(weakest ? { itemStyle: { borderColor: '#000', borderWidth: 3 } } : {}),
      };
    }),
  );
  // The value is written in every cell, so colour is not its only carrier; hatching over
  // the numbers would only make them harder to read: no decals here.
  const common = base(t.describe.reps(reps.length));
  return {
    ...common,
    aria: { ...(common.aria as object), decal: { show: false } },
    grid: { left: 120, right: 24, top: 24, bottom: 88 },
    xAxis: { type: 'category', data: keys.map((k) => stageName(ctx, k)), axisLabel: { interval: 0 } },
    yAxis: { type: 'category', data: reps.map((r) => r.owner), inverse: true },
    visualMap: {
      min: -0.5,
      max: 0.5,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      text: ['+50%', '−50%'],
      inRange: { color: ['#b2182b', '#f7f7f7', '#2166ac'] },
    },
    series: [
      {
        type: 'heatmap',
        name: t.againstAll,
        data,
        label: {
          show: true,
          formatter: (p: unknown) => percent((p as { data: { conversion: number | null } }).data.conversion),
        },
      },
    ],
  };
}
