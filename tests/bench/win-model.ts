import type { Workspace } from '@backend/db/connection';
import { buildSnapshot } from '@backend/analytics/load';
import { modelQuarterForecast } from '@backend/forecast/win-model';
import { buildExamples } from '@backend/forecast/win-model/examples';
import { summaryOf } from '@backend/forecast/win-model/handlers';
import { sideFacts } from '@backend/forecast/win-model/side-facts';
import { trainWinModel } from '@backend/forecast/win-model/train';
import { workspaceNow } from '@backend/workspace/settings';
import { dayOf, quarterOf } from '@shared/time';

/** Seconds the first model of a workspace may take (examples + fit), so a drawer opens without a long wait. */
const TARGET_SECONDS = { deals20k: 0.5, deals200k: 2 };

/**
 * The win-probability model on a demo workspace: building the training examples (every
 * deal open at every past month start), fitting the model on them (sampled above 120k
 * rows), the summary with its backtest of every past quarter (one model per quarter), and
 * the quarter's forecast by the model. Each from a fresh snapshot, so nothing is cached.
 */
export function winModelBench(ws: Workspace, target: keyof typeof TARGET_SECONDS) {
  const now = workspaceNow(ws);
  const time = <T>(f: () => T): [T, number] => {
    const t0 = performance.now();
    const value = f();
    return [value, performance.now() - t0];
  };
  const s = buildSnapshot(ws, 1);
  const [set, examplesMs] = time(() => buildExamples(s, sideFacts(ws, s), now));
  const [model, fitMs] = time(() => trainWinModel(set, set.instants.length));
  const fresh = buildSnapshot(ws, 2);
  const [summary, summaryMs] = time(() => summaryOf(ws, fresh, {}, now));
  const quarter = quarterOf(dayOf(now - 1));
  const [expected, forecastMs] = time(() => modelQuarterForecast(fresh, ws, {}, now, quarter));
  const seconds = (examplesMs + fitMs) / 1000;
  return {
    deals: s.deals.count,
    examples: set.rows,
    instants: set.instants.length,
    fittedRows: model?.examples ?? 0,
    sampled: model?.sampled ?? false,
    iterations: model?.fit.iterations ?? 0,
    examplesMs,
    fitMs,
    summaryWithBacktestMs: summaryMs,
    backtestQuarters: summary.backtest.quarters.length,
    brier: summary.backtest.brier,
    quarterForecastMs: forecastMs,
    quarterExpected: expected,
    targetSeconds: TARGET_SECONDS[target],
    met: seconds <= TARGET_SECONDS[target],
  };
}
