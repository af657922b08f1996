import { describe, expect, it } from 'vitest';
import type { HorizonForecast } from '@shared/contract';
import { horizonChart, periodLabel } from '@shared/charts/horizons';
import { renderSvg } from '@shared/charts/svg';

/** A hand-made horizon: two past months, three ahead (the first with wins so far). */
const f = (wonSoFar: number, fromOpen: number, fromNew: number, p10: number, p90: number) => ({
  wonSoFar,
  fromOpen,
  fromNew,
  expected: wonSoFar + fromOpen + fromNew,
  p10,
  p50: wonSoFar + fromOpen + fromNew,
  p90,
});
const FORECAST: HorizonForecast = {
  horizon: 'quarter',
  granularity: 'month',
  past: [
    { period: '2026-09', start: '2026-09-01', end: '2026-10-01', won: 90_000 },
    { period: '2026-10', start: '2026-10-01', end: '2026-11-01', won: 110_000 },
  ],
  periods: [
    {
      period: '2026-11',
      start: '2026-11-01',
      end: '2026-12-01',
      ...f(40_000, 50_000, 10_000, 80_000, 125_000),
    },
    { period: '2026-12', start: '2026-12-01', end: '2027-01-01', ...f(0, 60_000, 30_000, 60_000, 130_000) },
    { period: '2027-01', start: '2027-01-01', end: '2027-02-01', ...f(0, 20_000, 50_000, 35_000, 120_000) },
  ],
  total: f(40_000, 130_000, 90_000, 200_000, 330_000),
  uses: ['stageWinRate', 'slipRate', 'creationRate', 'conversion', 'meanWonSize', 'cycleDays'],
  band: { key: 'horizons_band_months', params: { runs: 4000 } },
};

type Series = {
  type: string;
  name: string;
  stack?: string;
  data: (number | null)[];
  areaStyle?: unknown;
};

describe('the horizon chart', () => {
  it('stacks won, open and new pipeline per period beside the past, with the P10–P90 band', () => {
    const option = horizonChart(FORECAST, 'en');
    expect((option.xAxis as { data: string[] }).data).toEqual([
      'Sep 2026',
      'Oct 2026',
      'Nov 2026',
      'Dec 2026',
      'Jan 2027',
    ]);
    const series = option.series as Series[];
    const byName = (name: string) => series.find((s) => s.name === name)!;
    expect(byName('Won')).toMatchObject({ type: 'bar', stack: 'won', data: [90_000, 110_000, 40_000, 0, 0] });
    expect(byName('From open pipeline').data).toEqual([null, null, 50_000, 60_000, 20_000]);
    expect(byName('From new pipeline (to be created)').data).toEqual([null, null, 10_000, 30_000, 50_000]);
    // The band: P10 as an invisible base, the width stacked on it and shaded, both edges dashed.
    expect(byName('Range (P10–P90) base').data).toEqual([null, null, 80_000, 60_000, 35_000]);
    expect(byName('Range (P10–P90)')).toMatchObject({
      stack: 'range',
      data: [null, null, 45_000, 70_000, 85_000],
    });
    expect(byName('Range (P10–P90)').areaStyle).toBeDefined();
    expect(byName('P10').data).toEqual([null, null, 80_000, 60_000, 35_000]);
    expect(byName('P90').data).toEqual([null, null, 125_000, 130_000, 120_000]);
    // A rule on the edge between the past and the first period ahead, and nowhere else.
    const rule = (option.xAxis as { splitLine: { show: boolean; interval: (i: number) => boolean } })
      .splitLine;
    expect(rule.show).toBe(true);
    expect([0, 1, 2, 3, 4].map((i) => rule.interval(i))).toEqual([false, false, true, false, false]);
    expect((option.legend as { data: string[] }).data).toEqual([
      'Won',
      'From open pipeline',
      'From new pipeline (to be created)',
      'Range (P10–P90)',
    ]);
    expect((option.aria as { label: { description: string } }).label.description).toBe(
      'Next 3 months: forecast of the won amount. Won from Sep 2026 to Oct 2026: 200K. ' +
        'Nov 2026: expected 100K (range 80.0K to 125K; won 40.0K, open pipeline 50.0K, new pipeline 10.0K). ' +
        'Dec 2026: expected 90.0K (range 60.0K to 130K; won 0.00, open pipeline 60.0K, new pipeline 30.0K). ' +
        'Jan 2027: expected 70.0K (range 35.0K to 120K; won 0.00, open pipeline 20.0K, new pipeline 50.0K). ' +
        'Total: expected 260K (range 200K to 330K; won 40.0K, open pipeline 130K, new pipeline 90.0K)',
    );
  });

  it('speaks Chinese, names quarters, and renders to SVG in both themes', () => {
    const zh = horizonChart(FORECAST, 'zh-CN');
    expect((zh.xAxis as { data: string[] }).data[2]).toBe('2026年11月');
    expect((zh.legend as { data: string[] }).data).toEqual([
      '已赢单',
      '来自在途商机',
      '来自待新建商机',
      '区间（P10–P90）',
    ]);
    expect((zh.aria as { label: { description: string } }).label.description).toMatch(
      /^未来 3 个月赢单金额预测。2026年9月至2026年10月已赢单 20\.0万。2026年11月：预期 10\.0万（区间 8\.00万 至 12\.5万；/,
    );
    expect(periodLabel('2027Q3', 'en')).toBe('Q3 2027');
    expect(periodLabel('2027Q3', 'zh-CN')).toBe('2027年Q3');
    for (const dark of [false, true]) {
      const svg = renderSvg(zh, 1280, 720, dark);
      expect(svg).toContain('<svg');
      expect(svg).toContain('来自待新建商机');
    }
    const three = horizonChart(
      {
        ...FORECAST,
        horizon: 'threeYears',
        granularity: 'quarter',
        past: [],
        periods: [{ ...FORECAST.periods[0]!, period: '2026Q4' }],
      },
      'en',
    );
    expect((three.xAxis as { data: string[] }).data).toEqual(['Q4 2026']);
    // Without a past there is no rule to draw.
    expect((three.xAxis as { splitLine: { show: boolean } }).splitLine.show).toBe(false);
    expect(renderSvg(three, 800, 500)).toContain('From open pipeline');
  });
});
