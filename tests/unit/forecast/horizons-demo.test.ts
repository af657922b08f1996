import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastReport, HorizonsResult } from '@shared/contract';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { createBackend } from '@backend/index';
import { formatMessage } from '@shared/messages';
import { call } from '../analytics/support';

/**
 * The horizons on the demo company (three years of history, growing 25% a year): every
 * assumption read from the history, the growth found, the bands around the expected figures,
 * and the three-year band widening with distance from the history.
 */
let ws: Workspace;
let result: HorizonsResult;
let report: ForecastReport;
afterAll(async () => ws.close());
beforeAll(async () => {
  ws = await openWorkspace(':memory:', { create: true });
  generateDemo(ws, { deals: 3000, seed: 11, today: '2026-11-20' });
  const registry = createBackend(ws);
  result = await call<HorizonsResult>(registry, 'forecast.horizons', {});
  report = await call<ForecastReport>(registry, 'report.forecast', {});
}, 120_000);

const horizon = (h: string) => result.horizons.find((x) => x.horizon === h)!;

describe('forecast horizons on the demo company', () => {
  it('reads every assumption from three years of history and finds the growth', () => {
    expect(result.horizons.map((h) => h.horizon)).toEqual(['quarter', 'year', 'threeYears']);
    expect(result.history).toMatchObject({ completeQuarters: 11, enoughForTrends: true });
    expect(result.notes).toEqual([]);
    for (const a of result.assumptions) {
      expect(a.basis, `${a.key} ${a.stage ?? ''}`).toBe('history');
      expect(a.overridden).toBeNull();
      expect(a.n).toBeGreaterThan(10);
    }
    // The demo grows 25% a year: about 5.7% a quarter.
    const growth = result.assumptions.find((a) => a.key === 'creationGrowth')!.value;
    expect(growth).toBeGreaterThan(0.03);
    expect(growth).toBeLessThan(0.09);
  });

  it('writes the counts behind an assumption with their thousands grouped', () => {
    const creation = result.assumptions.find((a) => a.key === 'creationRate')!;
    expect(creation.n).toBeGreaterThanOrEqual(1000);
    const grouped = creation.n.toLocaleString('en-US');
    expect(grouped).toContain(',');
    expect(formatMessage(creation.derivation)).toMatch(new RegExp(`^${grouped} deals created over`));
    expect(formatMessage(creation.derivation, 'zh-CN')).toContain(`共新建 ${grouped} 个商机`);
  });

  it('agrees with the forecast report on what is won so far in the quarter', () => {
    const three = horizon('threeYears');
    expect(three.periods[0]!.period).toBe(report.quarter);
    expect(three.periods[0]!.wonSoFar).toBe(report.wonAmount);
    // The three months are the year's first three.
    expect(horizon('quarter').periods).toEqual(horizon('year').periods.slice(0, 3));
  });

  it('keeps every expected figure inside its band, and widens the three-year band with time', () => {
    for (const h of result.horizons) {
      for (const p of [...h.periods, h.total]) {
        expect(p.p10).toBeLessThanOrEqual(p.expected);
        expect(p.expected).toBeLessThanOrEqual(p.p90);
        expect(p.expected).toBeCloseTo(p.wonSoFar + p.fromOpen + p.fromNew, 1);
      }
    }
    const width = horizon('threeYears').periods.map((p) => (p.p90 - p.p10) / p.expected);
    for (let j = 2; j < width.length; j++) expect(width[j]!).toBeGreaterThan(width[j - 1]! * 0.97);
    expect(width.at(-1)!).toBeGreaterThan(1.5 * width[1]!);
    // Ahead, the open pipeline fades and the new pipeline carries the run rate.
    const last = horizon('threeYears').periods.at(-1)!;
    expect(last.fromOpen).toBeLessThan(0.001 * last.expected);
  });

  it('forecasts a next year in proportion to the last one', () => {
    const year = horizon('year');
    const lastYear = year.past.reduce((a, p) => a + p.won, 0);
    expect(year.total.expected).toBeGreaterThan(0.8 * lastYear);
    expect(year.total.expected).toBeLessThan(1.6 * lastYear);
  });
});
