import { describe, expect, it } from 'vitest';
import type { ForecastRange } from '@shared/contract/forecast';
import { rangeHistogramChart, shareAtLeast } from '@shared/charts/forecast-range';
import { renderSvg } from '@shared/charts/svg';

/** A hand-made range: five bins of 10M from 100M, P10/P50/P90 inside them. */
const RANGE: ForecastRange = {
  quarter: '2026Q4',
  runs: 1000,
  seed: 7,
  p10: 112_000_000,
  p50: 125_000_000,
  p90: 138_000_000,
  mean: 125_000_000,
  won: 80_000_000,
  slipRate: 0.25,
  openDeals: 40,
  amountChanges: 120,
  histogram: [
    { from: 100_000_000, to: 110_000_000, runs: 80 },
    { from: 110_000_000, to: 120_000_000, runs: 250 },
    { from: 120_000_000, to: 130_000_000, runs: 340 },
    { from: 130_000_000, to: 140_000_000, runs: 250 },
    { from: 140_000_000, to: 150_000_000, runs: 80 },
  ],
};

type Custom = { name: string; data: number[][] };
const description = (o: ReturnType<typeof rangeHistogramChart>) =>
  (o.aria as { label: { description: string } }).label.description;

describe('range histogram', () => {
  it('draws each bin from its lower to its upper amount, those between P10 and P90 apart from the tails', () => {
    const option = rangeHistogramChart(RANGE, 'en');
    const [inside, outside, marks] = option.series as Custom[];
    expect(inside!.name).toBe('Between P10 and P90 (80% of runs)');
    expect(inside!.data).toEqual([
      [110_000_000, 120_000_000, 250],
      [120_000_000, 130_000_000, 340],
      [130_000_000, 140_000_000, 250],
    ]);
    expect(outside!.data).toEqual([
      [100_000_000, 110_000_000, 80],
      [140_000_000, 150_000_000, 80],
    ]);
    // P10, P50, P90 at their amounts; no quota given, none drawn.
    expect(marks!.data).toEqual([[112_000_000], [125_000_000], [138_000_000]]);
    expect(description(option)).toBe(
      '1000 simulated quarters (seed 7): 80% ended between 112M (P10) and 138M (P90), half above 125M (P50).',
    );
  });

  it('marks the quota with the share of runs that reach it, and says so when it is far off', () => {
    const option = rangeHistogramChart(RANGE, 'en', { quota: 135_000_000 });
    expect((option.series as Custom[])[2]!.data.at(-1)).toEqual([135_000_000]);
    // 250 × 0.5 + 80 of 1000 runs at or above 135M.
    expect(shareAtLeast(RANGE, 135_000_000)).toBeCloseTo(0.205, 10);
    expect(description(option)).toContain('The quota of 135M was reached in 21% of the runs.');
    const xAxis = option.xAxis as { min: number; max: number };
    expect(xAxis.min).toBeLessThan(100_000_000);
    expect(xAxis.max).toBeGreaterThan(150_000_000);

    const far = rangeHistogramChart(RANGE, 'en', { quota: 900_000_000 });
    expect((far.series as Custom[])[2]!.data).toHaveLength(3);
    expect(description(far)).toContain('The quota of 900M lies outside the chart.');
    expect((far.xAxis as { max: number }).max).toBeLessThan(160_000_000);
  });

  it('says when nothing open is due, speaks Chinese and renders to SVG', () => {
    const empty = rangeHistogramChart(
      {
        ...RANGE,
        openDeals: 0,
        won: 5e7,
        p10: 5e7,
        p50: 5e7,
        p90: 5e7,
        histogram: [{ from: 5e7, to: 5e7, runs: 1000 }],
      },
      'en',
      { quota: 6e7 },
    );
    expect(description(empty)).toBe('Nothing open is due in the quarter: every run ends at the 50.0M won.');
    const zh = rangeHistogramChart(RANGE, 'zh-CN', { quota: 1.3e8, dark: true });
    expect(description(zh)).toBe(
      '1000 次模拟季度（随机种子 7）：80% 落在 1.12亿（P10）到 1.38亿（P90）之间，一半高于 1.25亿（P50）。业绩目标 1.30亿 在 33% 的模拟中达成。',
    );
    const svg = renderSvg(zh, 1000, 420, true);
    expect(svg).toContain('<svg');
    expect(svg).toContain('P50 1.25亿');
    expect(svg).toContain('业绩目标 1.30亿');
    expect(svg).toContain('模拟季度数');
    expect(renderSvg(empty, 800, 400)).toContain('P90 50.0M');
  });
});
