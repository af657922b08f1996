import { describe, expect, it } from 'vitest';
import { formatMessage } from '@shared/messages';
import { DAY_MS } from '@shared/time';
import { assumption, daysIn, deal, horizon, horizonsOf, steadyHistory } from './horizons-support';

/**
 * What the horizons read from the history, on workspaces whose answers are known by hand
 * (as-of 2027-01-01T00:00Z; the levels' window is the 365 days of 2026).
 */
const MONTHS_2026 = 365 / (365.25 / 12);

describe('forecast horizons from a steady history', () => {
  // Ten deals a month for three years, every other one won after 3 days, all at 1,000: every
  // deal has closed by as-of, so everything ahead is new pipeline.
  const steady = () =>
    steadyHistory({ from: [2024, 1], to: [2026, 12], perMonth: () => 10, cycleDays: 3, amount: 1000 });

  it('reads the levels: 120 deals in 2026, half of them won, 1,000 each, 3 days', async () => {
    const { result } = await horizonsOf(steady());
    expect(assumption(result, 'creationRate')).toMatchObject({ basis: 'history', n: 120, overridden: null });
    expect(assumption(result, 'creationRate').value).toBeCloseTo(120 / MONTHS_2026, 9);
    expect(assumption(result, 'conversion')).toMatchObject({ value: 0.5, basis: 'history', n: 120 });
    expect(assumption(result, 'meanWonSize')).toMatchObject({ value: 1000, basis: 'history', n: 60 });
    expect(assumption(result, 'cycleDays')).toMatchObject({ value: 3, basis: 'history', n: 60 });
    expect(formatMessage(assumption(result, 'conversion').derivation)).toBe(
      'Of the 120 deals created over the 12 months before as-of, 60 are won so far; given their ages and the sales cycle, 120 of them have had time to be won: 60 ÷ 120.',
    );
    // No deal ever had a close date: none was due, so none slipped.
    expect(assumption(result, 'slipRate')).toMatchObject({ value: 0, basis: 'fallback', n: 0 });
    expect(formatMessage(assumption(result, 'slipRate').fallback!)).toBe(
      'No deal was due in a month of the last 12 complete months: no slip is assumed.',
    );
    expect(result.history).toMatchObject({
      firstCreated: '2024-01-01T00:00:00.000Z',
      completeQuarters: 12,
      enoughForTrends: true,
    });
    expect(result.notes).toEqual([]);
  });

  it('holds the run rate flat: no growth, no win-rate or size trend, the same won amount a day', async () => {
    const { result } = await horizonsOf(steady());
    for (const key of ['creationGrowth', 'winRateTrend', 'dealSizeTrend'] as const) {
      expect(assumption(result, key).basis).toBe('history');
      expect(assumption(result, key).n).toBe(12);
      expect(Math.abs(assumption(result, key).value)).toBeLessThan(1e-9);
    }
    expect(formatMessage(assumption(result, 'creationGrowth').derivation)).toBe(
      'Trend of the deals created per quarter over 12 complete quarters (2024Q1 to 2026Q4), fitted on a log scale; quarters scatter about ±0% around it.',
    );
    // 120 deals a year × ½ × 1,000 = 164.38 won a day; a win lands 3 days after its deal is
    // created, so from the second quarter on each quarter holds exactly its days' worth.
    const perDay = ((120 / 365) * 0.5 * 1000) as number;
    const three = horizon(result, 'threeYears');
    expect(three.periods.map((p) => p.period)).toEqual([
      '2027Q1',
      '2027Q2',
      '2027Q3',
      '2027Q4',
      '2028Q1',
      '2028Q2',
      '2028Q3',
      '2028Q4',
      '2029Q1',
      '2029Q2',
      '2029Q3',
      '2029Q4',
    ]);
    for (const p of three.periods.slice(1)) {
      expect(p.fromOpen).toBe(0);
      expect(p.fromNew).toBeCloseTo(perDay * daysIn(p), 1);
      expect(p.expected).toBe(p.fromNew);
    }
    // The first quarter misses the 3 days before the first new deal can be won.
    expect(three.periods[0]!.fromNew).toBeCloseTo(perDay * (daysIn(three.periods[0]!) - 3), 1);
    // The year holds the same rate month by month.
    const year = horizon(result, 'year');
    expect(year.periods.map((p) => p.period)).toEqual([
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
      '2027-12',
    ]);
    for (const p of year.periods.slice(1)) expect(p.fromNew).toBeCloseTo(perDay * daysIn(p), 1);
    // What each past month won: five deals of 1,000 (the 26th's win lands on the 29th).
    expect(horizon(result, 'quarter').past).toEqual([
      { period: '2026-10', start: '2026-10-01', end: '2026-11-01', won: 5000 },
      { period: '2026-11', start: '2026-11-01', end: '2026-12-01', won: 5000 },
      { period: '2026-12', start: '2026-12-01', end: '2027-01-01', won: 5000 },
    ]);
  });
});

describe('forecast horizons from a growing history', () => {
  // 20 deals in 2024Q1, 10% more every quarter (rounded), spread evenly over each quarter.
  const quarterly = Array.from({ length: 12 }, (_, k) => Math.round(20 * 1.1 ** k));
  const growing = () =>
    quarterly.flatMap((n, k) => {
      const start = Date.UTC(2024, 3 * k, 1);
      const length = Date.UTC(2024, 3 * k + 3, 1) - start;
      return Array.from({ length: n }, (_, i) =>
        deal({
          id: `G${k}-${i}`,
          created: start + Math.floor((i * length) / n / DAY_MS) * DAY_MS,
          amount: 1000,
          outcome: { result: i % 2 === 1 ? 'won' : 'lost', afterDays: 3 },
        }),
      );
    });

  it('reads the growth of creation (about 10% a quarter) and carries it into the run rate', async () => {
    const { result } = await horizonsOf(growing());
    const growth = assumption(result, 'creationGrowth');
    expect(growth.basis).toBe('history');
    expect(growth.value).toBeGreaterThan(0.09);
    expect(growth.value).toBeLessThan(0.11);
    // Each quarter's new wins per day grow by about that rate (quarter midpoints are ~1 quarter apart).
    const periods = horizon(result, 'threeYears').periods;
    for (let j = 2; j < periods.length; j++) {
      const ratio =
        periods[j]!.fromNew / daysIn(periods[j]!) / (periods[j - 1]!.fromNew / daysIn(periods[j - 1]!));
      expect(ratio).toBeGreaterThan(1 + growth.value - 0.01);
      expect(ratio).toBeLessThan(1 + growth.value + 0.01);
    }
    // The year holds the rate of the last 12 months (199 deals), not its trend.
    expect(assumption(result, 'creationRate').value).toBeCloseTo((43 + 47 + 52 + 57) / MONTHS_2026, 9);
    const year = horizon(result, 'year').periods;
    const perDay = (p: (typeof year)[number]) => p.fromNew / daysIn(p);
    for (const p of year.slice(2)) expect(perDay(p)).toBeCloseTo(perDay(year[1]!), 3);
  });
});

describe('forecast horizons from a noisy history', () => {
  it('holds a trend its own noise could have drawn flat, and says so', async () => {
    // Quarters swing between about 10 and 30 new deals: whatever slope a line finds, it is noise.
    const counts = [30, 10, 31, 11, 29, 12, 31, 11, 30, 12, 31, 12];
    const deals = counts.flatMap((n, k) =>
      Array.from({ length: n }, (_, i) =>
        deal({
          id: `N${k}-${i}`,
          created: Date.UTC(2024, 3 * k, 1) + i * DAY_MS,
          amount: 1000,
          outcome: { result: i % 2 === 1 ? 'won' : 'lost', afterDays: 3 },
        }),
      ),
    );
    const { result } = await horizonsOf(deals);
    const growth = assumption(result, 'creationGrowth');
    expect(growth).toMatchObject({ value: 0, derived: 0, basis: 'history', n: 12 });
    expect(formatMessage(growth.fallback!)).toMatch(
      /^The history’s trend \([+-]\d+(\.\d)?% a quarter\) is within its own noise \(±\d+(\.\d)?%\): taken as 0 \(flat\)\. The band still carries that doubt\.$/,
    );
    expect(formatMessage(growth.derivation)).toMatch(/quarters scatter about ±\d+% around it\.$/);
  });

  it('wins nothing in any run where the win rate has run down to 0', async () => {
    const { result } = await horizonsOf(
      steadyHistory({ from: [2024, 1], to: [2026, 12], perMonth: () => 10, cycleDays: 3, amount: 1000 }),
      { overrides: { winRateTrend: -0.2 } },
    );
    // ½ − 0.2 a quarter from the middle of 2026: nothing left to win from 2027Q3 on, in any run.
    const later = horizon(result, 'threeYears').periods.slice(3);
    for (const p of later) expect([p.fromNew, p.p10, p.p90]).toEqual([0, 0, 0]);
    expect(horizon(result, 'threeYears').periods[0]!.fromNew).toBeGreaterThan(0);
  });
});

describe('forecast horizons with little history', () => {
  it('says there is not enough history, and which assumption falls back to what', async () => {
    const { result } = await horizonsOf(
      steadyHistory({ from: [2026, 8], to: [2026, 12], perMonth: () => 10, cycleDays: 3, amount: 1000 }),
    );
    // August to December: 2026Q4 is the only complete quarter (Q3 began before the first deal).
    expect(result.history).toMatchObject({ completeQuarters: 1, enoughForTrends: false });
    const months = (Date.UTC(2027, 0, 1) - Date.UTC(2026, 7, 1)) / DAY_MS / (365.25 / 12);
    expect(result.history.levelMonths).toBeCloseTo(months, 2);
    expect(result.notes.map((n) => formatMessage(n))).toEqual([
      'The scope’s history covers 5 months: the rates are read over those months instead of 12.',
      'Not enough history for the three-year trends: 1 of the 4 complete quarters needed. Creation growth, win-rate trend and deal-size trend are 0 (flat), and the three-year band shows chance alone (from the counts), not the history’s scatter.',
    ]);
    for (const key of ['creationGrowth', 'winRateTrend', 'dealSizeTrend'] as const) {
      const a = assumption(result, key);
      expect(a).toMatchObject({ value: 0, basis: 'fallback', n: 1, horizons: ['threeYears'] });
      expect(formatMessage(a.fallback!)).toBe(
        'Not enough history: 1 of the 4 complete quarters with data needed, so taken as 0 (flat).',
      );
    }
    // The levels are read over the five months there are.
    expect(assumption(result, 'creationRate').value).toBeCloseTo(50 / months, 9);
    expect(assumption(result, 'creationRate').basis).toBe('history');
    // Flat: every full quarter ahead wins the same amount a day.
    const periods = horizon(result, 'threeYears').periods.slice(1);
    for (const p of periods)
      expect(p.fromNew / daysIn(p)).toBeCloseTo(periods[0]!.fromNew / daysIn(periods[0]!), 3);
  });

  it('reads the cycle and the size from the whole history when the last year won fewer than 20', async () => {
    const deals = [
      ...steadyHistory({
        from: [2024, 1],
        to: [2024, 6],
        perMonth: () => 10,
        cycleDays: 10,
        amount: 2000,
        prefix: 'O',
      }),
      ...steadyHistory({
        from: [2026, 6],
        to: [2026, 6],
        perMonth: () => 10,
        cycleDays: 10,
        amount: 500,
        prefix: 'R',
      }),
    ];
    const { result } = await horizonsOf(deals);
    const size = assumption(result, 'meanWonSize');
    // 30 old wins of 2,000 and 5 recent ones of 500.
    expect(size).toMatchObject({ basis: 'history', n: 35 });
    expect(size.value).toBeCloseTo((30 * 2000 + 5 * 500) / 35, 6);
    expect(formatMessage(size.fallback!)).toBe(
      'Only 5 deals were won in the 365 days before as-of (20 wanted): all 35 wins before as-of are read.',
    );
    expect(formatMessage(size.derivation, 'zh-CN')).toBe(
      '基准日前的全部历史赢单的 35 个商机的平均金额（按基准日金额）。',
    );
    expect(assumption(result, 'cycleDays')).toMatchObject({ value: 10, n: 35 });
  });

  it('answers a scope without deals with zeros, each fallback said', async () => {
    const { result } = await horizonsOf(
      steadyHistory({ from: [2026, 1], to: [2026, 12], perMonth: () => 4, cycleDays: 3, amount: 1000 }),
      { owner: 'Nobody' },
    );
    expect(result.owner).toBe('Nobody');
    expect(result.history).toEqual({
      firstCreated: null,
      levelMonths: 0,
      completeQuarters: 0,
      enoughForTrends: false,
    });
    expect(assumption(result, 'creationRate')).toMatchObject({ value: 0, basis: 'fallback' });
    // Nothing won: the first stage's win rate (its probability: nothing closed), and the dwell limits (10 + 10 days).
    expect(assumption(result, 'conversion')).toMatchObject({ value: 0.2, basis: 'fallback' });
    expect(formatMessage(assumption(result, 'cycleDays').fallback!)).toBe(
      'No deal won before as-of: the open stages’ dwell limits added up (20 days), the same for every new deal.',
    );
    expect(assumption(result, 'stageWinRate', 'half')).toMatchObject({ value: 0.5, basis: 'fallback', n: 0 });
    for (const h of result.horizons) {
      expect(h.total).toEqual({ wonSoFar: 0, fromOpen: 0, fromNew: 0, expected: 0, p10: 0, p50: 0, p90: 0 });
    }
  });
});
