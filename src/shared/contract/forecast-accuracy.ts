import { z } from 'zod';
import { text } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';
import { QUARTER } from '@shared/time';

/**
 * Forecast snapshots and forecast accuracy (issue 14, deliverable 5): what each forecast
 * method said about a quarter at a time, kept locally (a sync or an import never rewrites
 * it), and a backtest that replays past quarters from the history to show how close each
 * method came to what was actually won.
 *
 * Every figure is a forecast of the quarter's won amount as PRODUCT.md's forecast report
 * defines it. `commit`, `bestCase`, `pipeline` and `historical` are the report's own figures
 * (they include what is already won); `weighted` is the report's `weighted` (open deals ×
 * stage probability) plus the won amount, so that it too forecasts the whole quarter;
 * `simulation` is the P50 of the quarter's Monte Carlo range; `model` the win-probability
 * model's expected amount (won so far + Σ open × p(deal)).
 */

/** The methods a snapshot records. */
export const SNAPSHOT_METHODS = [
  'weighted',
  'commit',
  'bestCase',
  'pipeline',
  'historical',
  'simulation',
  'model',
] as const;
export type SnapshotMethod = (typeof SNAPSHOT_METHODS)[number];

/** The methods the accuracy compares (best case and pipeline are ceilings, not forecasts). */
export const ACCURACY_METHODS = ['weighted', 'commit', 'historical', 'simulation', 'model'] as const;
export type AccuracyMethod = (typeof ACCURACY_METHODS)[number];

/** The scope of a snapshot: the organisation (neither), a team, a rep, or a rep within a team. */
export const snapshotScopeSchema = z.object({
  team: text.optional(),
  owner: text.optional(),
});
export type SnapshotScope = z.infer<typeof snapshotScopeSchema>;

/** One snapshot: what every method said at `asOf` about the quarter that held it. */
export interface ForecastSnapshot {
  /** When it was written (the computer's clock) and the workspace's "now" it was taken at. */
  takenAt: string;
  asOf: string;
  team: string | null;
  owner: string | null;
  quarter: string;
  /** Per method; a method that had nothing to say then (the model without history) is absent. */
  figures: Partial<Record<SnapshotMethod, number>>;
  /** The simulated range, when the snapshot has one. */
  range: { p10: number; p50: number; p90: number } | null;
  /** Taken by the weekly schedule or asked for by hand. */
  origin: 'schedule' | 'manual';
}

export const snapshotListSchema = snapshotScopeSchema.extend({
  /** Only snapshots of this quarter. */
  quarter: z.string().regex(QUARTER).optional(),
  /** Newest first, at most this many (default 200). */
  limit: z.number().int().min(1).max(2000).optional(),
});

/** The weeks before a quarter's end the backtest replays by default. */
export const DEFAULT_CHECKPOINT_WEEKS = [13, 8, 4, 1] as const;

export const accuracyInputSchema = snapshotScopeSchema.extend({
  /** The instant the past is seen from; default: the workspace's "now". */
  asOf: z.number().int().min(-8.64e15).max(8.64e15).optional(),
  /** How many complete quarters before the as-of quarter are replayed (default 8). */
  quarters: z.number().int().min(1).max(16).optional(),
  /** Weeks before each quarter's end at which every method is asked (default 13, 8, 4, 1). */
  weeks: z.array(z.number().int().min(1).max(13)).min(1).max(13).optional(),
  /** Also each rep's accuracy within the scope (default true). */
  reps: z.boolean().optional(),
});
export type AccuracyInput = z.infer<typeof accuracyInputSchema>;

/** Mean absolute percentage error and bias over the points whose actual is above zero. */
export interface ErrorSummary {
  /** mean(|F − A| / A); null without a point. */
  mape: number | null;
  /** mean((F − A) / A): above zero = the method said too much. */
  bias: number | null;
  /** Points counted (actual above zero and a forecast present). */
  n: number;
}

/** What one stored snapshot said at a checkpoint, when one was taken within half a week of it. */
export interface RecordedAtCheckpoint {
  takenAt: string;
  asOf: string;
  forecasts: Partial<Record<AccuracyMethod, number>>;
}

/** One quarter at one checkpoint: each method's forecast then, against what was won in the quarter. */
export interface AccuracyPoint {
  quarter: string;
  weeksBefore: number;
  /** The replay's as-of: the quarter's end − weeksBefore weeks. */
  asOf: string;
  actual: number;
  /** null: the method could not say (the model without enough history before as-of). */
  forecasts: Record<AccuracyMethod, number | null>;
  /** Highest − lowest forecast among the methods that said something. */
  spread: number | null;
  /** What was actually said at the time (a stored snapshot), beside the replay. */
  recorded: RecordedAtCheckpoint | null;
}

export interface MethodAccuracy extends ErrorSummary {
  method: AccuracyMethod;
  byWeeks: (ErrorSummary & { weeksBefore: number })[];
  /** The same measures over the stored snapshots' figures (null when none matched a checkpoint). */
  recorded: ErrorSummary | null;
}

export interface RepAccuracy {
  owner: string;
  /** Σ won over the replayed quarters. */
  actual: number;
  methods: (ErrorSummary & { method: AccuracyMethod })[];
}

export interface ForecastAccuracy {
  asOf: string;
  team: string | null;
  owner: string | null;
  /** Oldest first. */
  quarters: string[];
  /** Largest first (13 weeks before the end, then closer). */
  weeksBefore: number[];
  methods: AccuracyMethod[];
  /** Methods this build cannot replay (none when every method is available). */
  unavailable: AccuracyMethod[];
  actuals: { quarter: string; actual: number }[];
  points: AccuracyPoint[];
  accuracy: MethodAccuracy[];
  /** Mean of spread / actual over the points with an actual above zero, overall and per checkpoint. */
  spread: { mean: number | null; byWeeks: { weeksBefore: number; mean: number | null }[] };
  reps: RepAccuracy[];
  snapshotVersion: number;
  /** How long the replay took (0 when it came from the cache). */
  elapsedMs: number;
}

export const forecastAccuracyChannels = {
  /** Takes a snapshot of the scope's quarter now (the workspace's "now"), kept locally for good. */
  'forecast.snapshot': {
    input: snapshotScopeSchema,
    result: {} as ForecastSnapshot,
    writes: 'snapshots',
  },
  /** The stored snapshots of exactly this scope, newest first. */
  'forecast.snapshots': { input: snapshotListSchema, result: {} as ForecastSnapshot[] },
  /** The backtest: each method's forecast at each checkpoint of past quarters against the actual. */
  'forecast.accuracy': { input: accuracyInputSchema, result: {} as ForecastAccuracy },
} as const satisfies Record<string, ChannelSpec>;
