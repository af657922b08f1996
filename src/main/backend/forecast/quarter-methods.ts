import type { SnapshotMethod, SnapshotScope } from '@shared/contract';
import { dayOf, quarterOf } from '@shared/time';
import type { Db } from '../db/query';
import { forecastReport } from '../analytics/forecast';
import type { Snapshot } from '../analytics/snapshot';
import { simulateQuarter } from './simulate';
import { modelQuarter } from './win-model';

/**
 * What every forecast method says at `asOf` about the quarter's won amount, in cents, for
 * one scope: the forecast report's figures (the same function `funnel report forecast`
 * runs), the simulation's range and the win model's expected amount. A snapshot stores
 * these; the backtest asks them at past instants. Quotas play no part in any of them.
 */
export interface QuarterMethods {
  quarter: string;
  asOf: number;
  /** Per method, cents; the model is absent without enough history before as-of. */
  cents: Partial<Record<SnapshotMethod, number>>;
  wonCents: number;
  openDeals: number;
  /** The simulated range, cents (absent when the simulation was not asked for). */
  range: { p10: number; p50: number; p90: number; runs: number; seed: number } | null;
}

export interface MethodOptions {
  /** Runs of the simulation; 0 leaves it out. */
  runs: number;
  /** Whether the win model is asked (it trains on what was known at as-of, once per month). */
  model: boolean;
}

const cents = (money: number): number => Math.round(money * 100);

export function quarterMethods(
  ws: Db,
  s: Snapshot,
  scope: SnapshotScope,
  asOf: number,
  quarter: string = quarterOf(dayOf(asOf - 1)),
  options: MethodOptions = { runs: 10_000, model: true },
): QuarterMethods {
  const filters = {
    ...(scope.team ? { team: scope.team } : {}),
    ...(scope.owner ? { owner: scope.owner } : {}),
  };
  const report = forecastReport(s, { ...filters, asOf, quarter }, asOf, []);
  const wonCents = cents(report.wonAmount);
  const out: QuarterMethods = {
    quarter,
    asOf,
    // The report's `weighted` is the open deals alone; a forecast of the quarter adds what is won.
    cents: {
      weighted: wonCents + cents(report.weighted),
      commit: cents(report.commit),
      bestCase: cents(report.bestCase),
      pipeline: cents(report.pipeline),
      historical: cents(report.historical),
    },
    wonCents,
    openDeals: report.openDeals,
    range: null,
  };
  if (options.runs > 0) {
    const range = simulateQuarter(s, { ...filters, asOf, quarter }, asOf, { runs: options.runs });
    out.range = {
      p10: cents(range.p10),
      p50: cents(range.p50),
      p90: cents(range.p90),
      runs: range.runs,
      seed: range.seed,
    };
    out.cents.simulation = out.range.p50;
  }
  if (options.model) {
    const model = modelQuarter(s, ws, filters, asOf, quarter);
    if (model) out.cents.model = Math.round(model.expectedCents);
  }
  return out;
}
