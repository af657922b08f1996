import type {
  DealWinProbability,
  ModelForecast,
  ReportScope,
  WinModelSummary,
  winModelChannels,
} from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { dayOf, formatTimestamp, quarterOf } from '@shared/time';
import type { Db } from '../../db/query';
import type { BackendContext } from '../../context';
import type { Handlers } from '../../registry';
import { dealIndex } from '../../analytics/review-deals';
import { frame, resolveWindow } from '../../analytics/scope';
import type { Snapshot } from '../../analytics/snapshot';
import { workspaceNow } from '../../workspace/settings';
import { backtestQuarters } from './backtest';
import { HORIZON_DAYS } from './examples';
import { explain } from './explain';
import { modelQuarter } from './forecast';
import { modelAt, Predictor } from './model';

/**
 * The model's channels over the analytics snapshot: the summary (training, coefficients,
 * out-of-time reliability and backtest), one deal's probability with its factors, and the
 * quarter by the model. Models are trained on first use and kept per snapshot (model.ts).
 */
export const winModelHandlers = ({ ws, analytics }: BackendContext): Handlers<typeof winModelChannels> => ({
  'model.summary': (scope) => summaryOf(ws, analytics.current(), scope, workspaceNow(ws)),
  'model.deal': ({ dealId, asOf }) =>
    dealProbability(ws, analytics.current(), dealId, asOf ?? workspaceNow(ws)),
  'model.forecast': (scope): ModelForecast => {
    const now = workspaceNow(ws);
    const asOf = scope.asOf ?? now;
    const quarter = scope.quarter ?? quarterOf(dayOf(asOf - 1));
    const q = modelQuarter(analytics.current(), ws, scope, asOf, quarter, now);
    return {
      quarter,
      asOf: formatTimestamp(asOf),
      status: q ? 'trained' : 'notEnoughHistory',
      expected: q ? q.expectedCents / 100 : null,
      won: q ? q.wonCents / 100 : 0,
      open: q ? q.openCents / 100 : 0,
      openDeals: q ? q.openDeals : 0,
      stageWeighted: q ? q.stageWeightedCents / 100 : 0,
    };
  },
});

const summaries = new WeakMap<Snapshot, Map<string, WinModelSummary>>();

export function summaryOf(ws: Db, s: Snapshot, scope: ReportScope, now: number): WinModelSummary {
  const w = resolveWindow(scope, now);
  const key = JSON.stringify([w.asOf, w.team, w.owner, w.product, now]);
  let bySnapshot = summaries.get(s);
  if (!bySnapshot) summaries.set(s, (bySnapshot = new Map()));
  const cached = bySnapshot.get(key);
  if (cached) return cached;
  const model = modelAt(ws, s, w.asOf, now);
  const { quarters, pooled } = backtestQuarters(ws, s, scope, w.asOf, now);
  const summary: WinModelSummary = {
    ...frame(w, s),
    status: model ? 'trained' : 'notEnoughHistory',
    horizonDays: HORIZON_DAYS,
    trainedAt: model ? formatTimestamp(model.trainedAt) : null,
    trainingMs: model ? model.trainingMs : null,
    training: model && {
      examples: model.examples,
      won: model.positives,
      instants: model.instants,
      firstInstant: formatTimestamp(model.firstInstant),
      lastInstant: formatTimestamp(model.lastInstant),
      sampled: model.sampled,
      seed: model.seed,
    },
    intercept: model ? model.fit.intercept : null,
    coefficients: model
      ? model.names.map((feature, j) => ({
          feature,
          coefficient: model.fit.coef[j]!,
          mean: model.fit.mean[j]!,
          sd: model.fit.sd[j]!,
          used: model.fit.sd[j]! > 0,
        }))
      : [],
    reliability: pooled.reliability(),
    backtest: { quarters, brier: pooled.brier(), logLoss: pooled.logLoss() },
  };
  if (bySnapshot.size >= 8) bySnapshot.clear();
  bySnapshot.set(key, summary);
  return summary;
}

export function dealProbability(ws: Db, s: Snapshot, dealId: string, asOf: number): DealWinProbability {
  const d = dealIndex(s, dealId);
  if (d < 0) throw new WorkbenchError('not_found', msg('deal_missing', { id: dealId }));
  const base = { dealId, asOf: formatTimestamp(asOf), horizonDays: HORIZON_DAYS };
  const model = modelAt(ws, s, asOf, workspaceNow(ws));
  const empty = { probability: null, stage: null, stageProbability: null, factors: [] };
  if (!model) return { ...base, ...empty, status: 'notEnoughHistory' };
  const predictor = new Predictor(ws, s, model, asOf);
  const prediction = predictor.predict(d);
  if (!prediction) return { ...base, ...empty, status: 'notOpen' };
  const stage = predictor.view.stage[prediction.facts.stageCode]!;
  return {
    ...base,
    status: 'scored',
    probability: prediction.probability,
    stage: stage.key,
    stageProbability: stage.probability,
    factors: explain(s, predictor.view, model, prediction.facts, prediction.row),
  };
}
