import type { ReportScope } from '@shared/contract';
import { dayNumber, DAY_MS, quarterRange } from '@shared/time';
import type { Db } from '../../db/query';
import { valueAt, visitAt } from '../../analytics/deal-state';
import { DealScope, resolveWindow } from '../../analytics/scope';
import type { Snapshot } from '../../analytics/snapshot';
import { OPEN, stageView, WON } from '../../analytics/stage-view';
import { timelineSummary } from '../../analytics/summary';
import { workspaceNow } from '../../workspace/settings';
import { modelAt, Predictor } from './model';

/** The quarter by the model, in cents, with what it is made of. */
export interface ModelQuarter {
  /** Won so far + Σ open-in-quarter amount × p(deal). */
  expectedCents: number;
  wonCents: number;
  openCents: number;
  openDeals: number;
  /** Σ open amount × the stage's probability, the same deals (the weighted method). */
  stageWeightedCents: number;
}

/**
 * The model as one more forecast method: for the deals a forecast report at `asOf` counts
 * (its scope's team, owner and product filters; PRODUCT.md's "Forecast" selection of the
 * won and open deals of the quarter), the won amount so far plus each open deal's amount
 * times its win probability. The model is trained only on what was known at `asOf`, so a
 * backtest at a past as-of sees no later data. Null when there was too little history
 * before `asOf` to train on.
 */
export function modelQuarter(
  s: Snapshot,
  ws: Db,
  scope: Pick<ReportScope, 'team' | 'owner' | 'product'>,
  asOf: number,
  quarter: string,
  now = workspaceNow(ws),
): ModelQuarter | null {
  const range = quarterRange(quarter);
  if (!range) throw new RangeError(`not a quarter: ${quarter}`);
  const model = modelAt(ws, s, asOf, now);
  if (!model) return null;
  const predictor = new Predictor(ws, s, model, asOf);
  const firstDay = dayNumber(range.start);
  const endDay = dayNumber(range.end);
  const qStart = firstDay * DAY_MS;
  const qEnd = endDay * DAY_MS;
  const view = stageView(s);
  const summary = timelineSummary(s);
  const keep = new DealScope(s, resolveWindow({ ...scope, asOf }, asOf));
  const out: ModelQuarter = {
    expectedCents: 0,
    wonCents: 0,
    openCents: 0,
    openDeals: 0,
    stageWeightedCents: 0,
  };
  for (let d = 0; d < s.deals.count; d++) {
    if (s.deals.deletedAt[d]! < asOf || !keep.keeps(d)) continue;
    const code = s.visits.stage[visitAt(s, d, asOf)]!;
    const kind = view.kind[code];
    if (kind === WON) {
      const wonAt = summary.wonAt[d]!;
      if (wonAt >= qStart && wonAt < qEnd) out.wonCents += valueAt(s.amount, d, asOf);
    } else if (kind === OPEN) {
      const closeDay = valueAt(s.closeDay, d, asOf);
      if (!(closeDay >= firstDay && closeDay < endDay)) continue;
      const cents = valueAt(s.amount, d, asOf);
      // The report's open deal is open for the model too (both read the stage before as-of).
      const p = predictor.predict(d)?.probability ?? view.stage[code]!.probability;
      out.openDeals++;
      out.openCents += cents;
      out.expectedCents += cents * p;
      out.stageWeightedCents += cents * view.stage[code]!.probability;
    }
  }
  out.expectedCents += out.wonCents;
  return out;
}

/**
 * The quarter's expected amount by the model, in the workspace currency (what the
 * forecast accuracy backtest calls as a method); null without enough history before as-of.
 */
export function modelQuarterForecast(
  s: Snapshot,
  ws: Db,
  scope: Pick<ReportScope, 'team' | 'owner' | 'product'>,
  asOf: number,
  quarter: string,
): number | null {
  const q = modelQuarter(s, ws, scope, asOf, quarter);
  return q === null ? null : q.expectedCents / 100;
}
