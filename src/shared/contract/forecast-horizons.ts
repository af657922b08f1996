import { z } from 'zod';
import type { ChannelSpec } from '@shared/contract/define';
import { reportScopeSchema } from '@shared/contract/reports';
import type { MessageRef } from '@shared/messages';

/**
 * Three forecast horizons (issue 14, deliverable 3): the rep plans three months, the manager
 * a year, the director three years. Each horizon forecasts the won amount per period, split
 * into what the open pipeline brings and what pipeline still to be created brings, with a
 * band, and shows the assumptions it used, each derived from the scope's history, said in
 * data terms, and editable (passed in the call, or saved per scope).
 *
 * The three models (all at as-of, over the deals the scope keeps, like the forecast report):
 * - **Open pipeline** (every horizon): each open deal is won with h(its stage) (the forecast
 *   report's historical win rate) and, when won, closes in its close-date month, or slips a
 *   month at a time with the monthly slip rate (a geometric delay: a slipped deal slips again
 *   at the same rate). Overdue and undated deals are due in the as-of month. A deal won after
 *   the horizon's end counts in none of its periods.
 * - **New pipeline, one year** (`quarter` and `year`): deals created from as-of on at the
 *   creation rate, won at the conversion (share of created deals eventually won), at the mean
 *   won size, each win placed in time by the created→won cycle distribution of past wins.
 * - **Run rate, three years** (`threeYears`): the same levels, extended by three trends read
 *   from the complete quarters of the history (creation growth, win-rate trend, deal-size
 *   trend), each applied from the middle of the window the level was read over. With fewer
 *   than four complete quarters the trends are 0 (flat) and a note says so; a trend whose
 *   slope lies within its own noise (under 1.96 standard errors) is held at 0 too, and its
 *   `fallback` says so (the band still carries the slope's doubt).
 *
 * The `quarter` horizon is the first three months of the `year` horizon (the same runs), so
 * the rep's and the manager's figures for those months agree.
 *
 * **The band** is the 10th and 90th percentile (P10, P90) of a seeded Monte Carlo (the same
 * seed gives the same figures on every machine): each run draws which open deals are won and
 * when, and the new pipeline's outcome: for the year, a Poisson number of wins per month with
 * sizes drawn from past wins, under levels drawn from their estimation error (a rate read from
 * fewer deals is less certain); for three years, the trend lines drawn from their fit's
 * uncertainty (so the band widens with distance from the history) plus, per quarter, the
 * history's scatter around its trend. A period's band and the horizon total's band are
 * percentiles of the same runs (so shocks common to every period make the total's band wide,
 * not averaged away). With lumpy deals the mean (`expected`) can fall outside P10–P90.
 *
 * **Drawing it.** `horizonChart(forecast, lang)` (`@shared/charts/horizons`) draws one
 * `HorizonForecast`: `past` as bars of what was won, each period of `periods` stacked
 * `wonSoFar` + `fromOpen` + `fromNew` (= `expected`), the `p10`–`p90` band over them; `total`
 * is the horizon's headline with its own band. Each `Assumption` reads as a row: its `name`
 * (a catalog message; a `stageWinRate` also names its `stage` from the stage model), `value`
 * in its `unit` (shares and points per quarter as fractions, money in the workspace currency),
 * `derivation` (how it was read, with the counts) and, when set, `fallback` (what the history
 * could not say); `overridden` says whether the value is the history's or an edit, `derived`
 * what the history says beside it. A what-if passes `overrides`; keeping an edit is
 * `forecast.assumptions.save`, undoing it a null there or `forecast.assumptions.reset`.
 * `notes` and each horizon's `band` are sentences to show as they are (formatMessage).
 */

export const HORIZONS = ['quarter', 'year', 'threeYears'] as const;
/**
 * `quarter`: the next three months (the as-of month and the two after it, by month), not the
 * calendar quarter; `year`: twelve months the same way; `threeYears`: twelve calendar quarters
 * from the as-of quarter.
 */
export type Horizon = (typeof HORIZONS)[number];

/** The assumptions a horizon forecast reads, each derived from the history and editable. */
export const ASSUMPTION_KEYS = [
  /** h(s) of one open stage (one entry per stage): the share of deals there eventually won. */
  'stageWinRate',
  /** Share of the deals due in a month still open at its end; applied a month at a time. */
  'slipRate',
  /** New deals created per month (30.4375 days). */
  'creationRate',
  /** Share of created deals eventually won. */
  'conversion',
  /** Mean amount of a won deal, in the workspace currency. */
  'meanWonSize',
  /** Median days from creation to won; the whole spread of past cycles is stretched to it. */
  'cycleDays',
  /** Growth of the creation rate per quarter (0.05 = +5% a quarter, compounding). */
  'creationGrowth',
  /** Change of the conversion per quarter, in share points (0.01 = +1 point a quarter). */
  'winRateTrend',
  /** Change of the mean won size per quarter (0.02 = +2% a quarter, compounding). */
  'dealSizeTrend',
] as const;
export type AssumptionKey = (typeof ASSUMPTION_KEYS)[number];

/** How a value reads: a share in [0, 1], deals per month, money, days, a rate or points per quarter. */
export type AssumptionUnit =
  'share' | 'dealsPerMonth' | 'money' | 'days' | 'growthPerQuarter' | 'pointsPerQuarter';

/** The bounds an edited value must keep (also when saved), so a slip of the keyboard cannot make nonsense. */
const share = z.number().finite().min(0).max(1);
const stageKey = z.string().min(1).max(200);
const BOUNDS = {
  /** Below 1: a deal that always slipped would never close. */
  slipRate: z.number().finite().min(0).max(0.95),
  creationRate: z.number().finite().min(0).max(10_000_000),
  conversion: share,
  meanWonSize: z.number().finite().min(0).max(1e13),
  cycleDays: z.number().finite().min(1).max(3650),
  creationGrowth: z.number().finite().min(-0.5).max(1),
  winRateTrend: z.number().finite().min(-0.2).max(0.2),
  dealSizeTrend: z.number().finite().min(-0.5).max(1),
};

/** Edited values, any subset; `stageWinRate` per open stage key. Unknown names are refused. */
export const assumptionValuesSchema = z.strictObject({
  stageWinRate: z.record(stageKey, share).optional(),
  slipRate: BOUNDS.slipRate.optional(),
  creationRate: BOUNDS.creationRate.optional(),
  conversion: BOUNDS.conversion.optional(),
  meanWonSize: BOUNDS.meanWonSize.optional(),
  cycleDays: BOUNDS.cycleDays.optional(),
  creationGrowth: BOUNDS.creationGrowth.optional(),
  winRateTrend: BOUNDS.winRateTrend.optional(),
  dealSizeTrend: BOUNDS.dealSizeTrend.optional(),
});
export type AssumptionValues = z.infer<typeof assumptionValuesSchema>;

/** A scope: the organisation (neither), a team, a rep, or a rep within a team. */
const scopeSchema = reportScopeSchema.pick({ team: true, owner: true });

export const horizonsInputSchema = reportScopeSchema.pick({ asOf: true, team: true, owner: true }).extend({
  /** One horizon; default: all three. */
  horizon: z.enum(HORIZONS).optional(),
  /** Values to use in this call only, over the saved ones and the derived ones. */
  overrides: assumptionValuesSchema.optional(),
  /** Monte Carlo runs (default 4,000) and seed (default fixed): the band's figures. */
  runs: z.number().int().min(500).max(50_000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});
export type HorizonsInput = z.infer<typeof horizonsInputSchema>;

/** What the forecast of one period (or a horizon's total) is made of. Money in the workspace currency. */
export interface HorizonFigures {
  /** Won before as-of in the period (only the first period has any): every run starts from it. */
  wonSoFar: number;
  /** Expected wins from the deals open at as-of. */
  fromOpen: number;
  /** Expected wins from deals created from as-of on. */
  fromNew: number;
  /** wonSoFar + fromOpen + fromNew: the forecast (draw it as the three stacked). */
  expected: number;
  /** Percentiles of the runs' won amount (wonSoFar included). */
  p10: number;
  p50: number;
  p90: number;
}

export interface HorizonPeriod extends HorizonFigures {
  /** `2026-11` for a month, `2026Q4` for a quarter. */
  period: string;
  /** The calendar period, `YYYY-MM-DD`, end exclusive (the first one holds as-of). */
  start: string;
  end: string;
}

/** What was won in a past period of the same kind, for context beside the forecast. */
export interface PastPeriod {
  period: string;
  start: string;
  end: string;
  /** Σ amount at as-of of the deals whose first won time is in the period. */
  won: number;
}

export interface HorizonForecast {
  horizon: Horizon;
  granularity: 'month' | 'quarter';
  /** Oldest first: 3 months, 12 months or 12 quarters, the first holding as-of. */
  periods: HorizonPeriod[];
  /** Over every period: the band is the percentiles of the runs' totals. */
  total: HorizonFigures;
  /** As many complete periods before the first, oldest first (the history to compare with). */
  past: PastPeriod[];
  /** The assumptions this horizon reads. */
  uses: AssumptionKey[];
  /** How this horizon's band is drawn, in words. */
  band: MessageRef;
}

/** One assumption as used, with where its value came from. */
export interface Assumption {
  key: AssumptionKey;
  /** The open stage of a `stageWinRate`; null for the others. */
  stage: string | null;
  unit: AssumptionUnit;
  /** The value the forecast used. */
  value: number;
  /** What the history says (or the fallback when it cannot say). */
  derived: number;
  /** The value saved for this scope, null when none. */
  saved: number | null;
  /** Whether the value is the derived one, or was edited: saved for the scope or passed in this call. */
  overridden: 'saved' | 'input' | null;
  /** 'history': read from the scope's deals; 'fallback': the history could not say (see `fallback`). */
  basis: 'history' | 'fallback';
  /** How many observations the derived value rests on (deals, wins, quarters…: `derivation` says which). */
  n: number;
  /** Which horizons read it. */
  horizons: Horizon[];
  /** Its name, and how it is derived in data terms with the figures behind it (catalog messages). */
  name: MessageRef;
  derivation: MessageRef;
  /** When the history fell short: what the value falls back to, or which wider window it reads. */
  fallback: MessageRef | null;
}

/** How much history the scope has. */
export interface HistoryDepth {
  /** The first creation among the scope's deals, null when it has none. */
  firstCreated: string | null;
  /** Months (30.4375 days) the levels are read over: 12, or fewer when the history is shorter. */
  levelMonths: number;
  /** Complete calendar quarters before the as-of quarter since the first creation (at most 12 are read). */
  completeQuarters: number;
  /** At least four complete quarters: the three-year trends are read from the history. */
  enoughForTrends: boolean;
}

export interface HorizonsResult {
  asOf: string;
  team: string | null;
  owner: string | null;
  snapshotVersion: number;
  runs: number;
  seed: number;
  /** The band's percentiles (P10 and P90). */
  band: { low: 0.1; high: 0.9 };
  /** The horizons asked for (all three by default), in the order of HORIZONS. */
  horizons: HorizonForecast[];
  /** Every assumption the asked horizons read: stage win rates by stage order, then by ASSUMPTION_KEYS. */
  assumptions: Assumption[];
  history: HistoryDepth;
  /** What the reader must know (not enough history, a saved value no longer applicable). */
  notes: MessageRef[];
}

/** The assumptions saved for one scope (exactly that scope: nothing is inherited). */
export interface SavedAssumptions {
  team: string | null;
  owner: string | null;
  values: AssumptionValues;
  /** When the newest of them was saved; null when none is. */
  savedAt: string | null;
}

/** Edits to save: a value per name, null to return it to the derived value. */
export const assumptionsSaveSchema = scopeSchema.extend({
  values: z.strictObject({
    stageWinRate: z.record(stageKey, share.nullable()).optional(),
    slipRate: BOUNDS.slipRate.nullable().optional(),
    creationRate: BOUNDS.creationRate.nullable().optional(),
    conversion: BOUNDS.conversion.nullable().optional(),
    meanWonSize: BOUNDS.meanWonSize.nullable().optional(),
    cycleDays: BOUNDS.cycleDays.nullable().optional(),
    creationGrowth: BOUNDS.creationGrowth.nullable().optional(),
    winRateTrend: BOUNDS.winRateTrend.nullable().optional(),
    dealSizeTrend: BOUNDS.dealSizeTrend.nullable().optional(),
  }),
});
export type AssumptionsSave = z.infer<typeof assumptionsSaveSchema>;

export const forecastHorizonsChannels = {
  /** The horizons' forecasts per period with their bands, and the assumptions behind them. */
  'forecast.horizons': { input: horizonsInputSchema, result: {} as HorizonsResult },
  /**
   * Saves edited assumptions for a scope; a value of null returns that one to the derived
   * value (a stage's win rate likewise, inside `stageWinRate`). The values not named keep
   * what was saved.
   */
  'forecast.assumptions.save': {
    input: assumptionsSaveSchema,
    result: {} as SavedAssumptions,
    writes: 'assumptions',
  },
  /** Returns every assumption of the scope to its derived value (removes what was saved). */
  'forecast.assumptions.reset': {
    input: scopeSchema,
    result: {} as SavedAssumptions,
    writes: 'assumptions',
  },
  /** What is saved for a scope. */
  'forecast.assumptions': { input: scopeSchema, result: {} as SavedAssumptions },
} as const satisfies Record<string, ChannelSpec>;
