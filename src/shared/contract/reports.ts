import { z } from 'zod';
import type { AttentionFlag } from '@shared/domain/attention';
import { QUARTER } from '@shared/time';
import { text } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';

/**
 * The analytics reports (PRODUCT.md, "Metric definitions"). Instants are ms since the
 * epoch, already resolved the way PRODUCT.md reads the command line (`--as-of D` = the
 * end of day D, `--from D` = its 00:00 UTC); the CLI and the views parse their own text.
 * Results carry PRODUCT.md's JSON shapes (names and units: money in the workspace
 * currency, rates as fractions, durations in days, null where undefined) plus extra keys
 * the views need.
 */
const instant = z.number().int().min(-8.64e15).max(8.64e15);

export const reportScopeSchema = z.object({
  /** Exclusive; default: the workspace's "now". */
  asOf: instant.optional(),
  /** Inclusive lower bound of the window; default: none. */
  from: instant.optional(),
  /** Exclusive upper bound of the window; default: as-of. */
  to: instant.optional(),
  /** Deals whose team is exactly this. */
  team: text.optional(),
  /** Deals whose owner at as-of is exactly this. */
  owner: text.optional(),
  /** Deals whose product is exactly this (the views' product filter; not a CLI option). */
  product: text.optional(),
});
export type ReportScope = z.infer<typeof reportScopeSchema>;

export const velocityScopeSchema = reportScopeSchema.extend({
  /** Also the box-plot statistics per stage and the sales cycle by month (the velocity view). */
  distribution: z.boolean().optional(),
});
export type VelocityScope = z.infer<typeof velocityScopeSchema>;

export const changesScopeSchema = reportScopeSchema.extend({
  from: instant,
  to: instant,
  /** The close-date period P: [start, end) as instants, or a quarter; default: the quarter of `to` − 1 ms. */
  periodStart: instant.optional(),
  periodEnd: instant.optional(),
  quarter: z.string().regex(QUARTER).optional(),
});
export type ChangesScope = z.infer<typeof changesScopeSchema>;

/** What every report says about the question it answered. */
export interface ReportFrame {
  /** ISO instants; `from` null when the window has no lower bound. */
  asOf: string;
  from: string | null;
  to: string;
  team: string | null;
  owner: string | null;
  /** The snapshot the numbers come from (increases with every change to the workspace). */
  snapshotVersion: number;
}

export interface FunnelStage {
  key: string;
  reached: number;
  reachedAmount: number;
  /** reached(next) / reached(this); for the last open stage won / reached(last); null on 0. */
  conversionToNext: number | null;
}
export interface FunnelReport extends ReportFrame {
  stages: FunnelStage[];
  deals: number;
  open: number;
  won: number;
  lost: number;
  winRate: number | null;
}

export interface VelocityStage {
  key: string;
  count: number;
  meanDays: number | null;
  medianDays: number | null;
  p75Days: number | null;
  openCount: number;
  /** Open visits older than the dwell limit (or than p75Days without one); null when that is null. */
  stalled: number | null;
  dwellLimitDays: number | null;
  /** min, q1, median, q3, max of the completed visits' days; with `distribution` only, null without visits. */
  box?: [number, number, number, number, number] | null;
}
export interface CycleMonth {
  /** `YYYY-MM` of the won time. */
  month: string;
  count: number;
  medianDays: number | null;
}
export interface VelocityReport extends ReportFrame {
  stages: VelocityStage[];
  salesCycle: { count: number; meanDays: number | null; medianDays: number | null };
  winRate: number | null;
  velocityPerDay: number | null;
  /** The factors of velocityPerDay. */
  openDeals: number;
  meanWonAmount: number | null;
  /** With `distribution`: the sales cycle of the deals won in the window, by month won. */
  cycleByMonth?: CycleMonth[];
}

export const CHANGE_CATEGORIES = [
  'new',
  'pulledIn',
  'reopened',
  'increased',
  'decreased',
  'unchanged',
  'slipped',
  'won',
  'lost',
  'removed',
] as const;
export type ChangeCategory = (typeof CHANGE_CATEGORIES)[number];

export interface ChangedDeal {
  id: string;
  category: ChangeCategory;
  /** Signed, in the workspace currency. */
  delta: number;
  amountAtStart: number | null;
  amountAtEnd: number | null;
}
export interface ChangesReport extends ReportFrame {
  /** `YYYY-MM-DD` (periodEnd exclusive) when the period is whole days, else ISO instants. */
  periodStart: string;
  periodEnd: string;
  start: number;
  end: number;
  totals: Record<ChangeCategory, number>;
  counts: Record<ChangeCategory, number>;
  deals: ChangedDeal[];
}

export interface Cohort {
  month: string;
  size: number;
  wonShare: number[];
  reachedShare: Record<string, number>;
}
export interface CohortsReport extends ReportFrame {
  cohorts: Cohort[];
}

export interface AttentionDealRow {
  id: string;
  stage: string;
  daysInStage: number;
  pushCount: number;
  flags: AttentionFlag[];
  name: string;
  account: string;
  owner: string;
  amount: number;
  closeDate: string | null;
  /** Days from the last logged activity to as-of; null when unknown (or after as-of). */
  daysSinceActivity: number | null;
  /** The stage's limits, so a view can say "报价比选 12 天 > 7 天". */
  dwellLimitDays: number | null;
  followupDays: number | null;
}
export interface AttentionReport extends ReportFrame {
  deals: AttentionDealRow[];
}

export const pipelineScopeSchema = reportScopeSchema.extend({
  /** Deal-size bands: at least `large` is large, at least `medium` medium, the rest standard. */
  bands: z.object({ large: z.number().min(0), medium: z.number().min(0) }).optional(),
  /** How many month ends the trend shows, the last being as-of (default 12). */
  trendMonths: z.number().int().min(1).max(36).optional(),
});
export type PipelineScope = z.infer<typeof pipelineScopeSchema>;

export const SIZE_BANDS = ['large', 'medium', 'standard'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

/** Size and Shape: the open pipeline at as-of, by stage, size band and product, and its trend. */
export interface PipelineReport extends ReportFrame {
  open: number;
  amount: number;
  stages: { key: string; count: number; amount: number }[];
  bands: { band: SizeBand; count: number; amount: number }[];
  bandThresholds: { large: number; medium: number };
  products: { product: string; count: number; amount: number }[];
  /** Open pipeline at the end of each month (the first instant of the next), the last point at as-of. */
  trend: { at: string; open: number; amount: number }[];
}

/** Rep diagnostics: each owner's conversion and time per stage against everyone in scope. */
export interface RepStageFigures {
  key: string;
  reached: number;
  conversionToNext: number | null;
  medianDays: number | null;
}
export interface RepRow {
  owner: string;
  team: string;
  deals: number;
  won: number;
  lost: number;
  winRate: number | null;
  stages: RepStageFigures[];
  /** The stage where the rep falls furthest behind the scope (conversion or time), null when nowhere clearly. */
  weakestStage: { key: string; reason: 'conversion' | 'time'; gap: number } | null;
}
export interface RepsReport extends ReportFrame {
  all: Omit<RepRow, 'owner' | 'team' | 'weakestStage'>;
  reps: RepRow[];
}

/**
 * "The deals behind this number": a report, the question it answered and one of its
 * cells (each report file in src/main/backend/analytics lists its cell names). The deals
 * table filters to exactly these deals.
 */
export const drillSchema = z.discriminatedUnion('report', [
  z.object({ report: z.literal('funnel'), scope: reportScopeSchema, cell: z.string().max(1000) }),
  z.object({ report: z.literal('velocity'), scope: velocityScopeSchema, cell: z.string().max(1000) }),
  z.object({ report: z.literal('changes'), scope: changesScopeSchema, cell: z.string().max(1000) }),
  z.object({ report: z.literal('cohorts'), scope: reportScopeSchema, cell: z.string().max(1000) }),
  z.object({ report: z.literal('attention'), scope: reportScopeSchema, cell: z.string().max(1000) }),
  z.object({ report: z.literal('pipeline'), scope: pipelineScopeSchema, cell: z.string().max(1000) }),
  z.object({ report: z.literal('reps'), scope: reportScopeSchema, cell: z.string().max(1000) }),
]);
export type Drill = z.infer<typeof drillSchema>;

/** The manager's own yardsticks for the views, kept in the workspace. */
export const analyticsSettingsSchema = z.object({
  /** Benchmark conversion to the next stage, by stage key (a fraction). */
  benchmarks: z.record(z.string().max(200), z.number().min(0).max(1)),
  /** Deal-size bands in the workspace currency. */
  bands: z.object({ large: z.number().min(0), medium: z.number().min(0) }),
});
export type AnalyticsSettings = z.infer<typeof analyticsSettingsSchema>;

export const REPORT_KINDS = [
  'funnel',
  'velocity',
  'changes',
  'cohorts',
  'forecast',
  'attention',
  'mentors',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Reports are reads: they never take the write lock and answer while an import runs. */
export const reportChannels = {
  'report.funnel': { input: reportScopeSchema, result: {} as FunnelReport },
  'report.velocity': { input: velocityScopeSchema, result: {} as VelocityReport },
  'report.changes': { input: changesScopeSchema, result: {} as ChangesReport },
  'report.cohorts': { input: reportScopeSchema, result: {} as CohortsReport },
  'report.attention': { input: reportScopeSchema, result: {} as AttentionReport },
  'report.pipeline': { input: pipelineScopeSchema, result: {} as PipelineReport },
  'report.reps': { input: reportScopeSchema, result: {} as RepsReport },
  'analytics.settings': { input: z.object({}), result: {} as AnalyticsSettings },
  'analytics.saveSettings': {
    input: analyticsSettingsSchema.refine((s) => s.bands.large >= s.bands.medium, {
      message: 'the large band must start at or above the medium one',
      path: ['bands', 'large'],
    }),
    result: {} as AnalyticsSettings,
    writes: 'preferences',
  },
} as const satisfies Record<string, ChannelSpec>;
