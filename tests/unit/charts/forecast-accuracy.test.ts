import { describe, expect, it } from 'vitest';
import type { AccuracyMethod, ForecastAccuracy } from '@shared/contract/forecast-accuracy';
import { ACCURACY_METHODS } from '@shared/contract/forecast-accuracy';
import { accuracyByWeeksChart, forecastVsActualChart } from '@shared/charts/forecast-accuracy';
import { renderSvg } from '@shared/charts/svg';

/** A hand-made accuracy result: two quarters, two checkpoints, one stored snapshot. */
const f = (
  weighted: number,
  commit: number,
  model: number | null,
): Record<AccuracyMethod, number | null> => ({
  weighted,
  commit,
  historical: weighted + 5,
  simulation: weighted - 5,
  model,
});
const err = (mape: number, bias: number, n = 4) => ({ mape, bias, n });
const ACC: ForecastAccuracy = {
  asOf: '2026-11-20T23:59:59.999Z',
  team: null,
  owner: null,
  quarters: ['2026Q2', '2026Q3'],
  weeksBefore: [8, 1],
  methods: [...ACCURACY_METHODS],
  unavailable: [],
  actuals: [
    { quarter: '2026Q2', actual: 100 },
    { quarter: '2026Q3', actual: 200 },
  ],
  points: [
    {
      quarter: '2026Q2',
      weeksBefore: 8,
      asOf: '',
      actual: 100,
      forecasts: f(70, 50, null),
      spread: 25,
      recorded: null,
    },
    {
      quarter: '2026Q2',
      weeksBefore: 1,
      asOf: '',
      actual: 100,
      forecasts: f(95, 90, 97),
      spread: 10,
      recorded: { takenAt: '', asOf: '', forecasts: { commit: 88 } },
    },
    {
      quarter: '2026Q3',
      weeksBefore: 8,
      asOf: '',
      actual: 200,
      forecasts: f(150, 120, 160),
      spread: 40,
      recorded: null,
    },
    {
      quarter: '2026Q3',
      weeksBefore: 1,
      asOf: '',
      actual: 200,
      forecasts: f(210, 190, 205),
      spread: 20,
      recorded: null,
    },
  ],
  accuracy: ACCURACY_METHODS.map((method, i) => ({
    method,
    ...err(0.1 + i / 100, -0.05),
    byWeeks: [
      { weeksBefore: 8, ...err(0.3 + i / 100, -0.25, 2) },
      { weeksBefore: 1, ...err(0.05 + i / 100, 0.01, 2) },
    ],
    recorded: method === 'commit' ? err(0.12, -0.12, 1) : null,
  })),
  spread: { mean: 0.2, byWeeks: [] },
  reps: [],
  snapshotVersion: 1,
  elapsedMs: 0,
};

type Line = { type: string; name: string; data: (number | null)[]; symbol: string };

describe('forecast accuracy charts', () => {
  it('draws MAPE per method over the checkpoints, farthest first, one line per method', () => {
    const option = accuracyByWeeksChart(ACC, 'en');
    expect((option.xAxis as { data: string[] }).data).toEqual(['8 weeks before', '1 week before']);
    const series = option.series as Line[];
    expect(series.map((s) => s.name)).toEqual([
      'Weighted',
      'Commit',
      'Historical',
      'Simulation P50',
      'Win model',
    ]);
    expect(series[1]!.data.map((x) => Math.round(x! * 100) / 100)).toEqual([0.31, 0.06]);
    // Each method a symbol of its own: the lines stay apart without colour.
    expect(new Set(series.map((s) => s.symbol)).size).toBe(series.length);
    const zh = accuracyByWeeksChart(ACC, 'zh-CN');
    expect((zh.xAxis as { data: string[] }).data).toEqual(['结束前 8 周', '结束前 1 周']);
    expect((zh.aria as { label: { description: string } }).label.description).toContain(
      '承诺（偏差 -5.0%）：31.0% → 6.0%',
    );
  });

  it('at one checkpoint: the actual as bars, each method as a line, a stored snapshot as a hollow mark', () => {
    const option = forecastVsActualChart(ACC, 1, 'en');
    const series = option.series as Line[];
    expect(series[0]).toMatchObject({ type: 'bar', name: 'Won (actual)', data: [100, 200] });
    expect(series.find((s) => s.name === 'Commit')!.data).toEqual([90, 190]);
    expect(series.find((s) => s.name === 'Win model')!.data).toEqual([97, 205]);
    const recorded = series.filter((s) => s.type === 'scatter');
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ name: 'Commit (said then)', data: [88, null], symbol: 'emptyRect' });
    // Eight weeks out the model had nothing to say for Q2: a gap, not a zero.
    expect(forecastVsActualChart(ACC, 8, 'en').series as Line[]).toContainEqual(
      expect.objectContaining({ name: 'Win model', data: [null, 160] }),
    );
  });

  it('renders as SVG without a DOM (the deck path) in both languages', () => {
    const en = renderSvg(forecastVsActualChart(ACC, 1, 'en'), 1200, 600);
    expect(en).toContain('<svg');
    expect(en).toContain('Commit (said then)');
    const zh = renderSvg(accuracyByWeeksChart(ACC, 'zh-CN'), 1200, 600);
    expect(zh).toContain('赢单模型');
    expect(zh).toContain('偏差');
  });
});
