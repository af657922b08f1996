import { describe, expect, it } from 'vitest';
import type { ReliabilityBin, WinModelSummary } from '@shared/contract';
import { reliabilityChart } from '@shared/charts/reliability';
import { renderSvg } from '@shared/charts/svg';

/** The reliability chart: each decile drawn where it came from, both methods, the diagonal, in both languages. */
const bin = (predicted: number, observed: number, count = 100): ReliabilityBin => ({
  predicted,
  observed,
  count,
  low: predicted - 0.02,
  high: predicted + 0.02,
});
const summary: Pick<WinModelSummary, 'reliability'> = {
  reliability: {
    model: [bin(0.1, 0.12), bin(0.3, 0.28), bin(0.7, 0.66, 50)],
    stage: [bin(0.1, 0.2), bin(0.25, 0.3), bin(0.65, 0.7, 50)],
    calibrationError: { model: 0.0272, stage: 0.07 },
  },
};

type Series = { type: string; name: string; data: ({ value: number[] } | number[])[] };

describe('reliability chart', () => {
  it('plots predicted against observed per decile for the model and the stages, beside the diagonal', () => {
    const option = reliabilityChart(summary, 'en');
    const [ideal, model, stage] = option.series as Series[];
    expect(ideal!.data).toEqual([
      [0, 0],
      [1, 1],
    ]);
    expect(model!.name).toBe('Model');
    expect(model!.data.map((d) => (d as { value: number[] }).value)).toEqual([
      [0.1, 0.12, 100],
      [0.3, 0.28, 100],
      [0.7, 0.66, 50],
    ]);
    expect(stage!.data.map((d) => (d as { value: number[] }).value[1])).toEqual([0.2, 0.3, 0.7]);
    const description = (option.aria as { label: { description: string } }).label.description;
    expect(description).toBe(
      'Reliability over 250 deals of past quarters, predicted against won per decile. Mean gap: model 2.7%, stage probabilities 7.0%.',
    );
  });

  it('speaks Chinese, says when there is no backtest, and renders to SVG', () => {
    const zh = reliabilityChart(summary, 'zh-CN');
    expect((zh.series as Series[])[2]!.name).toBe('阶段赢率');
    const empty = reliabilityChart(
      { reliability: { model: [], stage: [], calibrationError: { model: null, stage: null } } },
      'zh-CN',
    );
    expect((empty.aria as { label: { description: string } }).label.description).toBe(
      '历史数据不足，无法回测。',
    );
    const svg = renderSvg(zh, 800, 500);
    expect(svg).toContain('<svg');
    expect(svg).toContain('预测赢单概率');
  });
});
