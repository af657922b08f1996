import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccuracyMethod,
  ForecastAccuracy,
  ForecastRange,
  ForecastReport,
  ModelForecast,
} from '@shared/contract';
import { ACCURACY_METHODS } from '@shared/contract';
import { forecastError } from '@shared/domain/forecast-error';
import { DAY_MS, dayStart, quarterRange } from '@shared/time';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { createBackend } from '@backend/index';
import type { Registry } from '@backend/registry';
import { BACKTEST_RUNS } from '@backend/forecast/backtest';
import { call } from '../analytics/support';

/**
 * The backtest on the demo's three years of history: every replayed figure is what the
 * forecast report, the simulation and the win model say at that as-of, the actual is the
 * report's won amount at the quarter's end, and the error measures are the formulas over
 * exactly those points.
 */
const TODAY = '2026-11-20';
const QUARTERS = 4;
let ws: Workspace;
let registry: Registry;
let acc: ForecastAccuracy;

// Shared by the tests (the demo and its backtest are built once), closed at the end.
const opened: Workspace[] = [];
afterAll(async () => {
  for (const w of opened.splice(0)) await w.close();
});

async function demoBackend(): Promise<{ ws: Workspace; registry: Registry }> {
  const w = await openWorkspace(':memory:', { create: true });
  opened.push(w);
  generateDemo(w, { deals: 3000, seed: 11, today: TODAY });
  return { ws: w, registry: createBackend(w) };
}

beforeAll(async () => {
  ({ ws, registry } = await demoBackend());
  acc = await call<ForecastAccuracy>(registry, 'forecast.accuracy', { quarters: QUARTERS });
}, 120_000);

const money = (x: number) => Math.round(x * 100) / 100;
/** Figures are kept in whole cents: equal to the cent (half a cent either way from rounding). */
const toTheCent = (actual: number | null, expected: number) =>
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(0.0051);

describe('forecast accuracy backtest on the demo history', () => {
  it('replays the quarters before the as-of quarter at 13, 8, 4 and 1 weeks before each end', () => {
    // The workspace clock is in 2026Q4: the four quarters before it.
    expect(acc.quarters).toEqual(['2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    expect(acc.weeksBefore).toEqual([13, 8, 4, 1]);
    expect(acc.points).toHaveLength(QUARTERS * 4);
    const q = acc.points.find((p) => p.quarter === '2026Q2' && p.weeksBefore === 4)!;
    expect(Date.parse(q.asOf)).toBe(dayStart('2026-07-01') - 28 * DAY_MS);
    expect(acc.methods).toEqual([...ACCURACY_METHODS]);
    expect(acc.actuals.every((a) => a.actual > 0)).toBe(true);
  });

  it("each figure is the forecast report's (and the range's and the model's) at the same as-of", async () => {
    for (const p of acc.points) {
      const asOf = Date.parse(p.asOf);
      const report = await call<ForecastReport>(registry, 'report.forecast', { asOf, quarter: p.quarter });
      toTheCent(p.forecasts.commit, report.commit);
      toTheCent(p.forecasts.historical, report.historical);
      toTheCent(p.forecasts.weighted, report.wonAmount + report.weighted);
      const end = dayStart(quarterRange(p.quarter)!.end);
      const atEnd = await call<ForecastReport>(registry, 'report.forecast', {
        asOf: end,
        quarter: p.quarter,
      });
      expect(p.actual).toBe(atEnd.wonAmount);
      const range = await call<ForecastRange>(registry, 'forecast.range', {
        asOf,
        quarter: p.quarter,
        runs: BACKTEST_RUNS,
      });
      toTheCent(p.forecasts.simulation, range.p50);
      const model = await call<ModelForecast>(registry, 'model.forecast', { asOf, quarter: p.quarter });
      if (model.expected === null) expect(p.forecasts.model).toBeNull();
      else toTheCent(p.forecasts.model, model.expected);
      const said = ACCURACY_METHODS.map((m) => p.forecasts[m]).filter((x): x is number => x !== null);
      toTheCent(p.spread, Math.max(...said) - Math.min(...said));
    }
    // The model is trained on the demo's history by then: it says something at every checkpoint.
    expect(acc.points.every((p) => p.forecasts.model !== null)).toBe(true);
  }, 120_000);

  it('MAPE and bias are the formulas over exactly those points, overall and per checkpoint', () => {
    const pairs = (method: AccuracyMethod, weeks?: number) =>
      acc.points
        .filter((p) => weeks === undefined || p.weeksBefore === weeks)
        .map((p) => ({ forecast: p.forecasts[method], actual: p.actual }));
    for (const m of acc.accuracy) {
      const all = forecastError(pairs(m.method));
      expect(m.n).toBe(QUARTERS * 4);
      expect(m.mape).toBeCloseTo(all.mape!, 9);
      expect(m.bias).toBeCloseTo(all.bias!, 9);
      for (const b of m.byWeeks) {
        const e = forecastError(pairs(m.method, b.weeksBefore));
        expect([b.n, money(b.mape!), money(b.bias!)]).toEqual([e.n, money(e.mape!), money(e.bias!)]);
      }
      expect(m.recorded).toBeNull();
    }
    // Closer to the end, less is left to guess: commit and weighted miss far less a week out.
    for (const method of ['commit', 'weighted'] as const) {
      const m = acc.accuracy.find((a) => a.method === method)!;
      expect(m.byWeeks.at(-1)!.mape!).toBeLessThan(m.byWeeks[0]!.mape! / 2);
    }
    // Commit is what the reps committed to plus what is won: it says too little, never too much, on average.
    expect(acc.accuracy.find((a) => a.method === 'commit')!.bias!).toBeLessThan(0);
    expect(acc.spread.mean).toBeGreaterThan(0);
  });

  it("each rep's accuracy is the rep's own backtest (the scope narrowed to the rep)", async () => {
    expect(acc.reps.length).toBeGreaterThan(10);
    const rep = acc.reps[3]!;
    const own = await call<ForecastAccuracy>(registry, 'forecast.accuracy', {
      quarters: QUARTERS,
      owner: rep.owner,
    });
    expect(own.reps).toEqual([]);
    expect(rep.actual).toBeCloseTo(
      own.actuals.reduce((sum, a) => sum + a.actual, 0),
      2,
    );
    expect(rep.methods).toEqual(own.accuracy.map(({ method, mape, bias, n }) => ({ method, mape, bias, n })));
    // The reps' actuals add up to the organisation's (every won deal has one owner at its end).
    const total = acc.actuals.reduce((sum, a) => sum + a.actual, 0);
    expect(money(acc.reps.reduce((sum, r) => sum + r.actual, 0))).toBeCloseTo(money(total), 1);
  }, 120_000);

  it('is deterministic: the same demo gives the same figures, and the replay is cached per analytics snapshot', async () => {
    const again = await demoBackend();
    const other = await call<ForecastAccuracy>(again.registry, 'forecast.accuracy', { quarters: QUARTERS });
    const strip = (a: ForecastAccuracy) => ({ ...a, elapsedMs: 0, snapshotVersion: 0 });
    expect(strip(other)).toEqual(strip(acc));
    const cached = await call<ForecastAccuracy>(registry, 'forecast.accuracy', { quarters: QUARTERS });
    expect(cached.elapsedMs).toBe(0);
    expect(strip(cached)).toEqual(strip(acc));
  }, 120_000);

  it('shows what a stored snapshot said at a checkpoint beside the replay, within half a week of it', async () => {
    const point = acc.points.find((p) => p.quarter === '2026Q1' && p.weeksBefore === 8)!;
    const insert = ws.sqlite.prepare(
      `insert into forecast_snapshots(taken_at, as_of, horizon, period_start, period_end, quarter, method, amount_cents)
       values(?, ?, 'rep', '2026-01-01', '2026-04-01', '2026Q1', ?, ?)`,
    );
    const asOf = Date.parse(point.asOf);
    // Said 2 days after the checkpoint: commit 10% above what was won, weighted 20% below.
    const actualCents = Math.round(point.actual * 100);
    insert.run(asOf + 2 * DAY_MS, asOf + 2 * DAY_MS, 'commit', Math.round(actualCents * 1.1));
    insert.run(asOf + 2 * DAY_MS, asOf + 2 * DAY_MS, 'weighted', Math.round(actualCents * 0.8));
    // Four days before the 4-weeks checkpoint (more than half a week): matches none.
    const far = Date.parse(acc.points.find((p) => p.quarter === '2026Q1' && p.weeksBefore === 4)!.asOf);
    insert.run(far - 4 * DAY_MS, far - 4 * DAY_MS, 'commit', 1);
    const withRecorded = await call<ForecastAccuracy>(registry, 'forecast.accuracy', { quarters: QUARTERS });
    const p = withRecorded.points.find((x) => x.quarter === '2026Q1' && x.weeksBefore === 8)!;
    expect(p.recorded).toEqual({
      takenAt: new Date(asOf + 2 * DAY_MS).toISOString(),
      asOf: new Date(asOf + 2 * DAY_MS).toISOString(),
      forecasts: {
        commit: Math.round(actualCents * 1.1) / 100,
        weighted: Math.round(actualCents * 0.8) / 100,
      },
    });
    // The replay beside it is unchanged.
    expect(p.forecasts).toEqual(point.forecasts);
    expect(withRecorded.points.filter((x) => x.recorded !== null)).toHaveLength(1);
    const commit = withRecorded.accuracy.find((a) => a.method === 'commit')!.recorded!;
    expect(commit.n).toBe(1);
    expect(commit.mape).toBeCloseTo(0.1, 6);
    expect(commit.bias).toBeCloseTo(0.1, 6);
    const weighted = withRecorded.accuracy.find((a) => a.method === 'weighted')!.recorded!;
    expect(weighted.bias).toBeCloseTo(-0.2, 6);
    expect(withRecorded.accuracy.find((a) => a.method === 'historical')!.recorded).toBeNull();
  });
});
