import type { ModelBacktestQuarter, ReportScope } from '@shared/contract';
import { dayOf, formatTimestamp, quarterOf, quarterRange, dayStart } from '@shared/time';
import type { Db } from '../../db/query';
import { forecastReport } from '../../analytics/forecast';
import { DealScope, resolveWindow } from '../../analytics/scope';
import type { Snapshot } from '../../analytics/snapshot';
import { Evaluation } from './calibrate';
import { HORIZON_MS } from './examples';
import { examplesOf, modelAt } from './model';
import { modelQuarter } from './forecast';
import { predict } from './train';

type Filters = Pick<ReportScope, 'team' | 'owner' | 'product'>;

/**
 * The model replayed on past quarters, each from the quarter's first instant with a model
 * trained only on what was known then, against the stage probabilities of the same deals:
 *
 * - per deal open at the quarter's start (in the scope), the probability of a win within
 *   the horizon by the model and by the stage, scored against what happened (Brier score,
 *   log loss; both lower is better);
 * - the quarter's amount as each would have forecast it at the start (won so far, which is
 *   nothing yet, plus Σ open-in-quarter amount × probability) against the amount won in the
 *   quarter (the forecast report's won amount at the quarter's end). Deals created during
 *   the quarter and won in it are in the actual figure and in neither forecast.
 *
 * A quarter is replayed when its end and its start's horizon have passed by `cutoff` and a
 * model could be trained before it.
 */
export function backtestQuarters(
  ws: Db,
  s: Snapshot,
  filters: Filters,
  cutoff: number,
  now: number,
): { quarters: ModelBacktestQuarter[]; pooled: Evaluation } {
  const set = examplesOf(ws, s, Math.max(now, cutoff));
  const pooled = new Evaluation();
  const quarters: ModelBacktestQuarter[] = [];
  set.instants.forEach((start, k) => {
    const quarter = quarterOf(dayOf(start));
    const range = quarterRange(quarter)!;
    if (dayStart(range.start) !== start) return;
    const end = dayStart(range.end);
    if (end > cutoff || start + HORIZON_MS > cutoff) return;
    const model = modelAt(ws, s, start, now);
    if (!model) return;
    const keep = new DealScope(s, resolveWindow({ ...filters, asOf: start }, start));
    const evaluation = new Evaluation();
    const p = set.width;
    for (let r = k === 0 ? 0 : set.rowEnd[k - 1]!; r < set.rowEnd[k]!; r++) {
      if (!keep.keeps(set.deal[r]!)) continue;
      evaluation.add(
        predict(model, set.x.subarray(r * p, r * p + p)),
        set.stageProbability[r]!,
        set.y[r] === 1,
      );
    }
    const forecast = modelQuarter(s, ws, filters, start, quarter, now)!;
    const actual = forecastReport(s, { ...filters, asOf: end, quarter }, now, []).wonAmount;
    pooled.include(evaluation);
    quarters.push({
      quarter,
      asOf: formatTimestamp(start),
      deals: evaluation.count,
      won: evaluation.won,
      brier: evaluation.brier(),
      logLoss: evaluation.logLoss(),
      forecast: {
        model: forecast.expectedCents / 100,
        stage: (forecast.wonCents + forecast.stageWeightedCents) / 100,
        actual,
      },
      trainedOn: model.examples,
    });
  });
  return { quarters, pooled };
}
