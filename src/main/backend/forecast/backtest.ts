import {
  ACCURACY_METHODS,
  DEFAULT_CHECKPOINT_WEEKS,
  type AccuracyMethod,
  type SnapshotScope,
} from '@shared/contract';
import { DAY_MS, dayOf, dayStart, quarterOf, quarterRange } from '@shared/time';
import type { Db } from '../db/query';
import { forecastReport } from '../analytics/forecast';
import type { Snapshot } from '../analytics/snapshot';
import { quarterMethods, type MethodOptions } from './quarter-methods';

/**
 * The backtest: past quarters replayed from the history. At each checkpoint (N weeks
 * before a quarter's end) every method is asked what the quarter would close at, exactly
 * as it would have answered at that instant (the report and the simulation read the
 * history cut at as-of; the model is trained only on what was known then), and the answer
 * is set against the actual: the quarter's won amount as the forecast report defines it,
 * read at the quarter's end.
 *
 * The history is today's: a sync that rewrote the past rewrites the replay too. What was
 * really said at the time is in the stored snapshots, which the accuracy shows beside it.
 */
export interface ReplayPoint {
  quarter: string;
  weeksBefore: number;
  asOf: number;
  actualCents: number;
  cents: Record<AccuracyMethod, number | null>;
}

export interface RepReplay {
  owner: string;
  points: ReplayPoint[];
}

export interface Replay {
  quarters: string[];
  weeksBefore: number[];
  points: ReplayPoint[];
  reps: RepReplay[];
  elapsedMs: number;
}

export interface ReplayRequest {
  scope: SnapshotScope;
  asOf: number;
  quarters: number;
  weeks: readonly number[];
  reps: boolean;
}

/**
 * Runs of the simulation per checkpoint (the range view uses 10,000). With 1,000 runs the
 * median's own sampling error is about 4% of the range's spread, under a percent of the
 * quarter on the demo, far below the 10–40% the methods miss by; and the replay asks at
 * every checkpoint of every quarter for the scope and each rep (the runs were a third of
 * the backtest's time at 2,000).
 */
export const BACKTEST_RUNS = 1_000;

/** The quarters before the one holding `asOf`, oldest first. */
export function pastQuarters(asOf: number, count: number): string[] {
  const out: string[] = [];
  let quarter = quarterOf(dayOf(asOf - 1));
  for (let i = 0; i < count; i++) {
    quarter = quarterOf(dayOf(dayStart(quarterRange(quarter)!.start) - DAY_MS));
    out.unshift(quarter);
  }
  return out;
}

/** The quarter's end (exclusive) as an instant. */
export const quarterEnd = (quarter: string): number => dayStart(quarterRange(quarter)!.end);

/**
 * Every replay of one analytics snapshot, by request: a snapshot never changes, and any
 * write to the deals makes a new one (see analytics/mentor-tags.ts), so a cached replay is
 * never older than the history it replays.
 */
const cache = new WeakMap<Snapshot, Map<string, Replay>>();

export function replay(ws: Db, s: Snapshot, request: ReplayRequest): Replay {
  const key = JSON.stringify([
    request.scope.team ?? null,
    request.scope.owner ?? null,
    request.asOf,
    request.quarters,
    request.weeks,
    request.reps,
  ]);
  let kept = cache.get(s);
  if (!kept) {
    kept = new Map();
    cache.set(s, kept);
  }
  const hit = kept.get(key);
  if (hit) return { ...hit, elapsedMs: 0 };
  const started = performance.now();
  const quarters = pastQuarters(request.asOf, request.quarters);
  const weeksBefore = [...new Set(request.weeks.length ? request.weeks : DEFAULT_CHECKPOINT_WEEKS)].sort(
    (a, b) => b - a,
  );
  const options: MethodOptions = { runs: BACKTEST_RUNS, model: true };
  const actuals = (scope: SnapshotScope) => quarters.map((q) => actualOf(s, scope, q));
  const scopes: { scope: SnapshotScope; actuals: number[]; points: ReplayPoint[] }[] = [
    { scope: request.scope, actuals: actuals(request.scope), points: [] },
  ];
  if (request.reps && !request.scope.owner) {
    // The reps whose accuracy can be measured: those who won something in one of the
    // quarters (a rep with nothing won has no percentage error to show).
    for (const owner of ownersOf(s)) {
      const scope = { ...request.scope, owner };
      const won = actuals(scope);
      if (won.some((cents) => cents > 0)) scopes.push({ scope, actuals: won, points: [] });
    }
  }
  // Checkpoint by checkpoint, every scope at each: what the model derives per instant (the
  // owners' records, its training cutoff) is computed once per instant, not once per rep.
  for (const [i, quarter] of quarters.entries()) {
    const end = quarterEnd(quarter);
    for (const weeks of weeksBefore) {
      const asOf = end - weeks * 7 * DAY_MS;
      for (const entry of scopes) {
        const said = quarterMethods(ws, s, entry.scope, asOf, quarter, options);
        const cents = Object.fromEntries(ACCURACY_METHODS.map((m) => [m, said.cents[m] ?? null])) as Record<
          AccuracyMethod,
          number | null
        >;
        entry.points.push({ quarter, weeksBefore: weeks, asOf, actualCents: entry.actuals[i]!, cents });
      }
    }
  }
  const [own, ...reps] = scopes;
  const result: Replay = {
    quarters,
    weeksBefore,
    points: own!.points,
    reps: reps.map((r) => ({ owner: r.scope.owner!, points: r.points })),
    elapsedMs: performance.now() - started,
  };
  kept.set(key, result);
  return result;
}

/** What closed: the quarter's won amount by the forecast report, read at the quarter's end. */
export function actualOf(s: Snapshot, scope: SnapshotScope, quarter: string): number {
  const end = quarterEnd(quarter);
  const report = forecastReport(s, { ...filtersOf(scope), asOf: end, quarter }, end, []);
  return Math.round(report.wonAmount * 100);
}

const filtersOf = (scope: SnapshotScope) => ({
  ...(scope.team ? { team: scope.team } : {}),
  ...(scope.owner ? { owner: scope.owner } : {}),
});

/** Every owner the history knows, in the order of their names. */
function ownersOf(s: Snapshot): string[] {
  return [...new Set(s.dictionaries.owner.values)].filter((o) => o !== '').sort((a, b) => a.localeCompare(b));
}
