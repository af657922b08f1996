import { z } from 'zod';
import { QUARTER } from '@shared/time';
import type { ChannelSpec } from './define';
import { reportScopeSchema, type ReportFrame } from './reports';

/**
 * The quarter's forecast (PRODUCT.md, "Forecast — funnel report forecast"): exact
 * figures from the analytics engine, each the same number wherever it is shown (the
 * forecast view, the deck, the CLI).
 */
export const forecastScopeSchema = reportScopeSchema.extend({
  /** `2026Q4`; default: the quarter of the as-of day. */
  quarter: z.string().regex(QUARTER).optional(),
});
export type ForecastScope = z.infer<typeof forecastScopeSchema>;

export interface GapPlanStage {
  stage: string;
  /** Deals needed in this stage now to close the gap: gap / m / h(s); fractional; null when undefined. */
  deals: number | null;
  /** Pipeline amount needed in this stage: gap / h(s); null when h(s) = 0. */
  amount: number | null;
}

/** The historical win rate h(s) of one open stage, and where it came from. */
export interface StageWinRate {
  stage: string;
  h: number;
  /** Deals that reached the stage and closed in the 365 days before as-of. */
  closed: number;
  won: number;
  /** 'history' when at least 20 closed, else the stage's probability. */
  source: 'history' | 'probability';
}

export interface ForecastReport extends ReportFrame {
  quarter: string;
  /** The quarter's days, `YYYY-MM-DD`, end exclusive. */
  quarterStart: string;
  quarterEnd: string;
  weighted: number;
  commit: number;
  bestCase: number;
  pipeline: number;
  historical: number;
  quota: number | null;
  coverage: number | null;
  gapPlan: GapPlanStage[];
  /** Extra keys for the views and the deck. */
  wonAmount: number;
  openAmount: number;
  openDeals: number;
  /** Σ open by forecast category at as-of. */
  openByCategory: Record<string, number>;
  /** quota − won amount; null without a quota. */
  gap: number | null;
  /** Mean amount of the deals won in the 365 days before as-of (m of gapPlan). */
  meanWonAmount: number | null;
  winRates: StageWinRate[];
}

/**
 * The quarter's range by simulation (Monte Carlo over the open deals of the forecast): each
 * run wins an open deal with h(its stage), slips it out of the quarter with the scope's
 * historical slip rate, and moves its amount by a change drawn from the scope's history;
 * the won amount so far is added to every run. Deterministic for a seed.
 */
export interface ForecastRange {
  quarter: string;
  runs: number;
  seed: number;
  p10: number;
  p50: number;
  p90: number;
  mean: number;
  /** Won in the quarter so far (every run starts from it). */
  won: number;
  /** Share of the scope's deals due in a past quarter that were still open at its end. */
  slipRate: number;
  /** How many open deals and amount changes the simulation drew from. */
  openDeals: number;
  amountChanges: number;
  /** The runs' totals in 20 equal bins from the lowest to the highest, for a histogram. */
  histogram: { from: number; to: number; runs: number }[];
}

export const forecastRangeSchema = forecastScopeSchema.extend({
  runs: z.number().int().min(100).max(100_000).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
});

/** One quota (quotas.csv): empty team and owner = the organisation's, empty owner = the team's. */
export interface Quota {
  quarter: string;
  team: string;
  owner: string;
  amount: number;
}

const quotaKey = {
  quarter: z.string().regex(QUARTER),
  team: z.string().trim().max(200),
  owner: z.string().trim().max(200),
};

export const forecastChannels = {
  /** PRODUCT.md's forecast report (what `funnel report forecast --json` prints). */
  'report.forecast': { input: forecastScopeSchema, result: {} as ForecastReport },
  /** P10/P50/P90 of the quarter by simulation (default 10,000 runs, a fixed seed). */
  'forecast.range': { input: forecastRangeSchema, result: {} as ForecastRange },
  /** The quotas of some quarters (all without), by quarter, team, owner. */
  'quotas.list': {
    input: z.object({ quarters: z.array(z.string().regex(QUARTER)).max(40).optional() }),
    result: {} as Quota[],
  },
  /**
   * Sets quotas (the quota editor): `amount` null removes the row. An owner's quota names
   * the team it is set for (empty: any team); the whole batch is written or none of it.
   */
  'quotas.save': {
    input: z.object({
      quotas: z
        .array(z.object({ ...quotaKey, amount: z.number().finite().min(0).max(1e13).nullable() }))
        .min(1)
        .max(10_000),
    }),
    result: {} as { saved: number; removed: number },
    writes: 'quotas',
  },
} as const satisfies Record<string, ChannelSpec>;
