import type { EChartsOption } from 'echarts';
import type { WinModelSummary } from '@shared/contract/win-model';
import { base, NEUTRAL, PALETTE } from './common';
import type { ChartLanguage } from './text';

/**
 * The win-probability model's reliability curve (calibration): per decile of the
 * predictions, the mean predicted probability against the share that was won, for the model
 * and for the stage probabilities of the same deals, with the diagonal where a perfectly
 * calibrated forecaster lies. Out of time: the backtest quarters' predictions, each made by
 * a model that had seen nothing after its quarter's start. Both axes are percentages.
 */

const WORDS = {
  en: {
    model: 'Model',
    stage: 'Stage probability',
    ideal: 'Perfect calibration',
    predicted: 'Predicted win probability',
    observed: 'Share won',
    describe: (deals: number, model: string, stage: string) =>
      `Reliability over ${deals} deals of past quarters, predicted against won per decile. Mean gap: model ${model}, stage probabilities ${stage}.`,
    empty: 'Not enough history for a backtest.',
    point: (name: string, p: string, o: string, n: number) =>
      `${name}: predicted ${p}, won ${o} (${n} deals)`,
  },
  'zh-CN': {
    model: '模型',
    stage: '阶段赢率',
    ideal: '完全校准',
    predicted: '预测赢单概率',
    observed: '实际赢单比例',
    describe: (deals: number, model: string, stage: string) =>
      `以往季度 ${deals} 个商机的可靠性曲线：按预测值十等分，比较预测与实际赢单。平均偏差：模型 ${model}，阶段赢率 ${stage}。`,
    empty: '历史数据不足，无法回测。',
    point: (name: string, p: string, o: string, n: number) => `${name}：预测 ${p}，实际 ${o}（${n} 个商机）`,
  },
} as const;

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function reliabilityChart(
  summary: Pick<WinModelSummary, 'reliability'>,
  lang: ChartLanguage,
): EChartsOption {
  const w = WORDS[lang];
  const { model, stage, calibrationError } = summary.reliability;
  const deals = model.reduce((n, b) => n + b.count, 0);
  const description =
    deals === 0 ? w.empty : w.describe(deals, pct(calibrationError.model), pct(calibrationError.stage));
  const points = (bins: typeof model, name: string) =>
    bins.map((b) => ({ value: [b.predicted, b.observed, b.count], name }));
  const axis = (name: string) => ({
    type: 'value' as const,
    min: 0,
    max: 1,
    name,
    nameLocation: 'middle' as const,
    nameGap: 32,
    axisLabel: { fontSize: 13, formatter: (v: number) => `${Math.round(v * 100)}%` },
  });
  return {
    ...base(description),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const { value, name } = p as { value: number[]; name: string };
        return w.point(name, pct(value[0]!), pct(value[1]!), value[2]!);
      },
    },
    legend: { top: 0, data: [w.model, w.stage, w.ideal] },
    grid: { left: 16, right: 24, top: 40, bottom: 16, containLabel: true },
    xAxis: axis(w.predicted),
    yAxis: axis(w.observed),
    series: [
      {
        type: 'line',
        name: w.ideal,
        data: [
          [0, 0],
          [1, 1],
        ],
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', color: NEUTRAL, width: 1.5 },
        itemStyle: { color: NEUTRAL },
      },
      {
        type: 'line',
        name: w.model,
        data: points(model, w.model),
        symbol: 'circle',
        symbolSize: 10,
        lineStyle: { width: 3, color: PALETTE[0] },
        itemStyle: { color: PALETTE[0] },
      },
      {
        type: 'line',
        name: w.stage,
        data: points(stage, w.stage),
        symbol: 'diamond',
        symbolSize: 11,
        lineStyle: { width: 2, type: 'dotted', color: PALETTE[1] },
        itemStyle: { color: PALETTE[1] },
      },
    ],
  };
}
