import { describe, expect, it } from 'vitest';
import type { HorizonsResult } from '@shared/contract';
import { formatMessage } from '@shared/messages';
import { call, workspaceOf } from '../analytics/support';
import { assumption, deal, horizon, horizonsOf, NOW, STAGES, steadyHistory } from './horizons-support';

/**
 * The open pipeline placed in time by hand, the band's draws, determinism, and edited
 * assumptions moving the figures as they should. As-of 2027-01-01T00:00Z.
 */
const OCT = Date.UTC(2026, 9, 1);
const pipeline = () => [
  deal({ id: 'A', created: OCT, amount: 1000, stage: 'half', closeDate: '2027-02-15' }),
  // Overdue since November: due now.
  deal({ id: 'B', created: OCT, amount: 2000, stage: 'early', closeDate: '2026-11-01' }),
  // No close date: due now too.
  deal({ id: 'C', created: OCT, amount: 300, stage: 'half', closeDate: null }),
];
// Only the open deals: no new pipeline.
const noNew = { creationRate: 0 };

describe('the open pipeline by close month', () => {
  it('wins each deal with its stage’s rate in its due month, overdue and undated deals now', async () => {
    const { result } = await horizonsOf(pipeline(), { overrides: { ...noNew, slipRate: 0 } });
    // Nothing closed yet: h is the stage probability (early 0.2, half 0.5).
    expect(assumption(result, 'stageWinRate', 'early')).toMatchObject({
      value: 0.2,
      basis: 'fallback',
      n: 0,
    });
    const months = horizon(result, 'quarter').periods;
    expect(months.map((p) => [p.period, p.fromOpen, p.fromNew, p.wonSoFar])).toEqual([
      ['2027-01', 2000 * 0.2 + 300 * 0.5, 0, 0],
      ['2027-02', 1000 * 0.5, 0, 0],
      ['2027-03', 0, 0, 0],
    ]);
    expect(horizon(result, 'quarter').total.fromOpen).toBe(1050);
    expect(horizon(result, 'threeYears').periods[0]!.fromOpen).toBe(1050);
  });

  it('slips a won deal a month at a time at the slip rate, and may slip it again', async () => {
    const { result } = await horizonsOf(pipeline(), { overrides: { ...noNew, slipRate: 0.5 } });
    const months = horizon(result, 'year').periods.map((p) => p.fromOpen);
    // B (400 expected) and C (150) due now: half closes in January, a quarter in February…
    // A (500 expected) due in February: 250, then 125 in March.
    expect(months.slice(0, 4)).toEqual([275, 100 + 37.5 + 250, 50 + 18.75 + 125, 25 + 9.38 + 62.5]);
    expect(assumption(result, 'slipRate')).toMatchObject({ value: 0.5, overridden: 'input' });
  });

  it('reads the slip rate from the months before, holding it below 1 so a deal can still close', async () => {
    // B was due in November and still open at its end; nothing else was due: 1 of 1 slipped.
    const { result } = await horizonsOf(pipeline(), { overrides: noNew });
    const slip = assumption(result, 'slipRate');
    expect(slip).toMatchObject({ value: 0.95, derived: 0.95, basis: 'history', n: 1 });
    expect(formatMessage(slip.derivation)).toBe(
      '1 of the 1 deals due in a month over the last 3 complete months (open at the month’s start, close date in it) were still open at its end. A slipped deal moves to the next month and may slip again.',
    );
    expect(formatMessage(slip.fallback!)).toBe(
      'Every deal due slipped (1 of 1): held at 95% a month so that a deal can still close.',
    );
  });
});

describe('the band', () => {
  const tenHalves = () =>
    Array.from({ length: 10 }, (_, i) =>
      deal({ id: `H${i}`, created: OCT, amount: 100, stage: 'half', closeDate: '2027-01-20' }),
    );

  it('is the runs’ P10 and P90: ten deals of 100 at one half give the binomial’s quantiles', async () => {
    const { result } = await horizonsOf(tenHalves(), { overrides: { ...noNew, slipRate: 0 } });
    // Binomial(10, ½): P(X ≤ 2) = 5.5%, P(X ≤ 3) = 17.2%, P(X ≤ 4) = 37.7%, P(X ≤ 5) = 62.3%, P(X ≤ 6) = 82.8%, P(X ≤ 7) = 94.5%.
    expect(horizon(result, 'quarter').periods[0]).toMatchObject({
      expected: 500,
      p10: 300,
      p50: 500,
      p90: 700,
    });
    expect(horizon(result, 'quarter').total).toMatchObject({ expected: 500, p10: 300, p50: 500, p90: 700 });
    expect(result).toMatchObject({ runs: 4000, band: { low: 0.1, high: 0.9 } });
    expect(formatMessage(horizon(result, 'year').band)).toMatch(
      /^The band is the 10th to 90th percentile of 4000 simulated runs/,
    );
  });

  it('is the same for a seed, whether a horizon is asked alone or with the others', async () => {
    const deals = [
      ...steadyHistory({ from: [2025, 1], to: [2026, 12], perMonth: () => 6, cycleDays: 40, amount: 700 }),
      ...tenHalves(),
    ];
    const { registry } = await workspaceOf(STAGES, deals);
    const ask = (input: object) =>
      call<HorizonsResult>(registry, 'forecast.horizons', { asOf: NOW, ...input });
    const all = await ask({});
    expect(await ask({})).toEqual(all);
    for (const h of ['quarter', 'year', 'threeYears'] as const) {
      expect((await ask({ horizon: h })).horizons).toEqual([horizon(all, h)]);
    }
    // Another seed draws other runs; the expected figures do not depend on the draws.
    const other = await ask({ seed: 8, runs: 2000 });
    expect(other).toMatchObject({ seed: 8, runs: 2000 });
    expect(horizon(other, 'threeYears').periods.map((p) => p.expected)).toEqual(
      horizon(all, 'threeYears').periods.map((p) => p.expected),
    );
    expect(horizon(other, 'threeYears').periods.map((p) => p.p90)).not.toEqual(
      horizon(all, 'threeYears').periods.map((p) => p.p90),
    );
  });
});

describe('edited assumptions', () => {
  const steady = () =>
    steadyHistory({ from: [2024, 1], to: [2026, 12], perMonth: () => 10, cycleDays: 3, amount: 1000 });
  const fromNew = (r: HorizonsResult, h: 'year' | 'threeYears') =>
    horizon(r, h).periods.map((p) => p.fromNew);

  it('move the new pipeline in proportion: conversion, creation rate and size', async () => {
    const { registry } = await workspaceOf(STAGES, steady());
    const ask = (overrides: object) =>
      call<HorizonsResult>(registry, 'forecast.horizons', { asOf: NOW, overrides });
    const base = await ask({});
    const cases = [
      [{ conversion: 0.25 }, 0.5],
      [{ creationRate: 2 * assumption(base, 'creationRate').value }, 2],
      [{ meanWonSize: 3000 }, 3],
      [{ conversion: 1, meanWonSize: 500 }, 1],
    ] as const;
    for (const [overrides, factor] of cases) {
      const edited = await ask(overrides);
      fromNew(edited, 'year').forEach((x, j) => expect(x).toBeCloseTo(fromNew(base, 'year')[j]! * factor, 1));
      fromNew(edited, 'threeYears').forEach((x, j) =>
        expect(x).toBeCloseTo(fromNew(base, 'threeYears')[j]! * factor, 1),
      );
    }
    const edited = await ask({ conversion: 0.25 });
    expect(assumption(edited, 'conversion')).toMatchObject({
      value: 0.25,
      derived: 0.5,
      saved: null,
      overridden: 'input',
      basis: 'history',
    });
    expect(assumption(edited, 'meanWonSize').overridden).toBeNull();
  });

  it('stretch the cycle: at a 33-day median nothing created from January 1 is won in January', async () => {
    const { result } = await horizonsOf(steady(), { overrides: { cycleDays: 33 } });
    expect(assumption(result, 'cycleDays')).toMatchObject({ value: 33, derived: 3, overridden: 'input' });
    const year = fromNew(result, 'year');
    expect(year[0]).toBe(0);
    expect(year[1]).toBeGreaterThan(0);
  });

  it('give the run rate a trend: +10% new deals a quarter compounds quarter on quarter', async () => {
    const { result } = await horizonsOf(steady(), { overrides: { creationGrowth: 0.1 } });
    const periods = horizon(result, 'threeYears').periods;
    const days = (p: { start: string; end: string }) =>
      (Date.parse(p.end) - Date.parse(p.start)) / 86_400_000;
    for (let j = 2; j < periods.length; j++) {
      const ratio =
        periods[j]!.fromNew / days(periods[j]!) / (periods[j - 1]!.fromNew / days(periods[j - 1]!));
      expect(ratio).toBeGreaterThan(1.09);
      expect(ratio).toBeLessThan(1.11);
    }
  });

  it('set a stage’s win rate', async () => {
    const { result } = await horizonsOf(pipeline(), {
      overrides: { ...noNew, slipRate: 0, stageWinRate: { early: 1 } },
    });
    expect(horizon(result, 'quarter').periods[0]!.fromOpen).toBe(2000 + 150);
    expect(assumption(result, 'stageWinRate', 'early')).toMatchObject({
      value: 1,
      derived: 0.2,
      overridden: 'input',
    });
    expect(assumption(result, 'stageWinRate', 'half').overridden).toBeNull();
  });
});

describe('bad input', () => {
  it('is refused with what is wrong and where', async () => {
    const { registry } = await workspaceOf(STAGES, pipeline());
    const refusal = async (input: object) => {
      const r = await registry.dispatch('forecast.horizons', { asOf: NOW, ...input }, 'cli');
      if (r.ok) throw new Error('accepted');
      return [r.error.code, r.error.message];
    };
    expect(await refusal({ overrides: { conversion: 1.5 } })).toEqual([
      'invalid_input',
      expect.stringMatching(/^Invalid input for forecast\.horizons: overrides\.conversion: .*1/),
    ]);
    expect(await refusal({ overrides: { growth: 0.1 } })).toEqual([
      'invalid_input',
      expect.stringMatching(/^Invalid input for forecast\.horizons: overrides: .*"growth"/),
    ]);
    expect(await refusal({ overrides: { stageWinRate: { won: 0.5 } } })).toEqual([
      'invalid_input',
      'Stage "won" is not an open stage of the stage model (open stages: early, half).',
    ]);
    expect(await refusal({ horizon: 'decade' })).toEqual([
      'invalid_input',
      expect.stringMatching(/^Invalid input for forecast\.horizons: horizon: /),
    ]);
    expect(await refusal({ runs: 10 })).toEqual([
      'invalid_input',
      expect.stringMatching(/^Invalid input for forecast\.horizons: runs: /),
    ]);
    expect(await refusal({ overrides: { slipRate: 1 } })).toEqual([
      'invalid_input',
      expect.stringMatching(/overrides\.slipRate/),
    ]);
  });
});
