import {
  ACCURACY_METHODS,
  DEFAULT_CHECKPOINT_WEEKS,
  type AccuracyInput,
  type AccuracyMethod,
  type AccuracyPoint,
  type ErrorSummary,
  type ForecastAccuracy,
  type MethodAccuracy,
} from '@shared/contract';
import { forecastError, forecastSpread } from '@shared/domain/forecast-error';
import { formatTimestamp } from '@shared/time';
import type { Db } from '../db/query';
import { toMoney } from '../analytics/money';
import type { Snapshot } from '../analytics/snapshot';
import { replay, type ReplayPoint } from './backtest';
import { recordedAt, type Recorded } from './snapshots';

export const DEFAULT_ACCURACY_QUARTERS = 8;

/**
 * Forecast accuracy for a scope: the backtest's points (replayed from the history, cached
 * per analytics snapshot) beside the stored snapshots taken at the same checkpoints (read
 * afresh: a snapshot written since must show), with MAPE and bias per method, per
 * checkpoint and per rep, and the spread between the methods.
 */
export function forecastAccuracy(ws: Db, s: Snapshot, input: AccuracyInput, now: number): ForecastAccuracy {
  const scope = {
    ...(input.team ? { team: input.team } : {}),
    ...(input.owner ? { owner: input.owner } : {}),
  };
  const asOf = input.asOf ?? now;
  const r = replay(ws, s, {
    scope,
    asOf,
    quarters: input.quarters ?? DEFAULT_ACCURACY_QUARTERS,
    weeks: input.weeks ?? DEFAULT_CHECKPOINT_WEEKS,
    reps: input.reps ?? true,
  });
  const recorded = recordedAt(ws, scope, r.points);
  const points: AccuracyPoint[] = r.points.map((p, i) => ({
    quarter: p.quarter,
    weeksBefore: p.weeksBefore,
    asOf: formatTimestamp(p.asOf),
    actual: toMoney(p.actualCents),
    forecasts: Object.fromEntries(
      ACCURACY_METHODS.map((m) => [m, p.cents[m] === null ? null : toMoney(p.cents[m])]),
    ) as Record<AccuracyMethod, number | null>,
    spread: moneyOrNull(forecastSpread(ACCURACY_METHODS.map((m) => p.cents[m]))),
    recorded: recorded[i]
      ? { takenAt: recorded[i].takenAt, asOf: recorded[i].asOf, forecasts: recorded[i].forecasts }
      : null,
  }));
  const accuracy: MethodAccuracy[] = ACCURACY_METHODS.map((method) => ({
    method,
    ...errorOf(r.points, method),
    byWeeks: r.weeksBefore.map((weeksBefore) => ({
      weeksBefore,
      ...errorOf(
        r.points.filter((p) => p.weeksBefore === weeksBefore),
        method,
      ),
    })),
    recorded: recordedError(r.points, recorded, method),
  }));
  return {
    asOf: formatTimestamp(asOf),
    team: input.team ?? null,
    owner: input.owner ?? null,
    quarters: r.quarters,
    weeksBefore: r.weeksBefore,
    methods: [...ACCURACY_METHODS],
    unavailable: [],
    actuals: r.quarters.map((quarter) => ({
      quarter,
      actual: toMoney(r.points.find((p) => p.quarter === quarter)?.actualCents ?? 0),
    })),
    points,
    accuracy,
    spread: {
      mean: relativeSpread(r.points),
      byWeeks: r.weeksBefore.map((weeksBefore) => ({
        weeksBefore,
        mean: relativeSpread(r.points.filter((p) => p.weeksBefore === weeksBefore)),
      })),
    },
    reps: r.reps.map((rep) => ({
      owner: rep.owner,
      actual: toMoney(
        r.quarters.reduce((sum, q) => sum + (rep.points.find((p) => p.quarter === q)?.actualCents ?? 0), 0),
      ),
      methods: ACCURACY_METHODS.map((method) => ({ method, ...errorOf(rep.points, method) })),
    })),
    snapshotVersion: s.version,
    elapsedMs: r.elapsedMs,
  };
}

/** Mean of spread / actual over the points with an actual above zero and a spread. */
function relativeSpread(points: readonly ReplayPoint[]): number | null {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    const spread = forecastSpread(ACCURACY_METHODS.map((m) => p.cents[m]));
    if (spread === null || !(p.actualCents > 0)) continue;
    sum += spread / p.actualCents;
    n++;
  }
  return n === 0 ? null : sum / n;
}

const moneyOrNull = (cents: number | null) => (cents === null ? null : toMoney(cents));

function errorOf(points: readonly ReplayPoint[], method: AccuracyMethod): ErrorSummary {
  return forecastError(points.map((p) => ({ forecast: p.cents[method], actual: p.actualCents })));
}

function recordedError(
  points: readonly ReplayPoint[],
  recorded: readonly (Recorded | null)[],
  method: AccuracyMethod,
): ErrorSummary | null {
  const pairs = points.flatMap((p, i) => {
    const said = recorded[i]?.cents[method];
    return said === undefined ? [] : [{ forecast: said, actual: p.actualCents }];
  });
  return pairs.length ? forecastError(pairs) : null;
}
