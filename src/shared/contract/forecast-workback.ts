import { z } from 'zod';
import type { ChannelSpec } from '@shared/contract/define';
import { reportScopeSchema } from '@shared/contract/reports';

/**
 * Working back from the target (倒推, issue 14, deliverable 4): from a quarter's or a
 * year's target to the pipeline each open stage must hold now and the new deals to create
 * each week, against what the scope holds and creates, per team or rep, with a diagnosis
 * in words (too few new deals → 客户识别/线索; a weak stage → coach there).
 *
 * It extends the forecast report's `gapPlan` (PRODUCT.md, "Forecast") and never
 * contradicts it: for a quarter whose target is the scope's quota, each stage's `needDeals`
 * and `needAmount` are exactly gapPlan's `deals` (gap / m / h(s)) and `amount` (gap / h(s)),
 * with the same gap (target − won so far), h(s) and m.
 *
 * How the parts are defined (all at as-of, over the deals the scope keeps):
 * - **won**: Σ amount of the deals won at as-of whose first won time is in the period (the
 *   forecast's won amount; for a year, its four quarters').
 * - **have** per stage: the open deals in that stage whose close date is in the period (the
 *   forecast's open deals), their count and amount.
 * - **expected**: Σ have amount × h(stage), what those deals are expected to win (so
 *   won + expected is the forecast's `historical` figure); **uncovered** = max(0, gap − expected),
 *   what the open pipeline is not expected to bring and new deals must.
 * - **new deals**: uncovered / m / c, with c the created→won conversion = h(first open
 *   stage) (every deal reaches the first stage; so with nothing in the pipeline the new deals
 *   needed are gapPlan's first-stage deals). A new deal takes the typical cycle (median days
 *   from creation to won of the wins in the 365 days before as-of) to close, so only deals
 *   created before the period's end − that cycle count: they are spread over the weeks from
 *   as-of to that day (`creationWeeks`). A deal created later is more likely than not to
 *   close after the period, so it is not counted on (a deliberate simplification: slower deals
 *   created early and faster ones created late roughly cancel out). No week left → the gap
 *   must come from the open pipeline (finding `too_late_for_new_deals`).
 * - **recent creation rate**: deals created in the 13 weeks before as-of, per week.
 */

/** A quarter (`2026Q4`) or a calendar year (`2026`). */
export const WORKBACK_PERIOD = /^(\d{4})(?:Q([1-4]))?$/;

export const workbackInputSchema = reportScopeSchema.pick({ asOf: true, team: true, owner: true }).extend({
  period: z.string().regex(WORKBACK_PERIOD, 'period must be a quarter like 2026Q4 or a year like 2026'),
  /**
   * The amount to work back from, in the workspace currency. Default: the quota of exactly
   * the scope (PRODUCT.md's rule; for a year the scope's rows of its four quarters summed).
   */
  target: z.number().finite().min(0).max(1e13).optional(),
});
export type WorkbackInput = z.infer<typeof workbackInputSchema>;

/** One open stage: what it must hold now against what it holds. */
export interface WorkbackStage {
  stage: string;
  /** h(s), the stage's historical win rate (the forecast's `winRates`), and where it came from. */
  h: number;
  hSource: 'history' | 'probability';
  /**
   * gap / m / h(s), fractional (gapPlan's `deals`); 0 when the gap is closed (won ≥ target);
   * null without a target, or when m is null or 0 or h(s) = 0.
   */
  needDeals: number | null;
  /** gap / h(s) (gapPlan's `amount`); 0 when the gap is closed; null without a target or when h(s) = 0. */
  needAmount: number | null;
  /** Open deals in this stage due in the period, and their amount. */
  haveDeals: number;
  haveAmount: number;
  /** max(0, need − have); null when the need is. */
  shortDeals: number | null;
  shortAmount: number | null;
  /**
   * The scope's conversion from this stage to the next (to won for the last) over the deals
   * created in the 365 days before as-of (`report.funnel`'s `conversionToNext`), and the
   * benchmark it is judged against (see `benchmark` of the row); null when undefined.
   */
  conversion: number | null;
  /** How many of those deals reached the stage (the conversion's denominator). */
  reached: number;
  benchmark: number | null;
}

/** The new deals the rest of the period needs, against the scope's recent creation rate. */
export interface WorkbackNewDeals {
  /** max(0, gap − expected); null without a target. */
  uncovered: number | null;
  /** The created→won conversion c = h(first open stage). */
  conversion: number | null;
  /** m: the mean won amount of the 365 days before as-of. */
  meanWon: number | null;
  /** Median days from creation to won of the wins in the 365 days before as-of; null without wins. */
  cycleDays: number | null;
  /** The period's end − the cycle, `YYYY-MM-DD`: a deal created after it typically closes too late. */
  lastCreationDay: string | null;
  /** Weeks from as-of to lastCreationDay (0 when it has passed, null without a cycle). */
  creationWeeks: number | null;
  /** uncovered / m / c, fractional; 0 when nothing is uncovered; null when m or c is missing. */
  needed: number | null;
  /** needed / creationWeeks; 0 when nothing is needed; null when it cannot be said or no week is left. */
  perWeek: number | null;
  /** Deals created per week over the `recentWeeks` weeks before as-of. */
  recentPerWeek: number;
  /** max(0, perWeek − recentPerWeek); null when perWeek is. */
  shortPerWeek: number | null;
}

export const WORKBACK_FINDINGS = [
  /** No target and no quota for the period: `figures` {}. */
  'needs_target',
  /** Won ≥ target (`figures` won, target) or the open pipeline's expected wins cover the gap (expected, gap). */
  'covered',
  /** Needs more new deals a week than the scope creates: perWeek, recentPerWeek, lastCreationDay. */
  'too_few_new_deals',
  /** Creating enough new deals: perWeek, recentPerWeek. */
  'new_deals_on_pace',
  /** No week left to create deals that close in time: uncovered, cycleDays, daysLeft. */
  'too_late_for_new_deals',
  /** The stage's conversion is well below the benchmark: conversion, benchmark, reached. */
  'low_conversion',
  /** No win in the 365 days before as-of: deal counts cannot be worked out: uncovered. */
  'no_won_history',
] as const;
export type WorkbackFindingCode = (typeof WORKBACK_FINDINGS)[number];

/** One point of the diagnosis: what, where, the figures behind it, and a sentence in each language. */
export interface WorkbackFinding {
  code: WorkbackFindingCode;
  /** The open stage concerned (`low_conversion`), else null. */
  stage: string | null;
  figures: Record<string, number | string | null>;
  words: { en: string; zh: string };
}

/** Whose conversion a stage is judged against (see `benchmark` of WorkbackRow). */
export type WorkbackBenchmark = 'settings' | 'organisation' | 'team';

/** The work-back of one scope: the whole scope, or one of its teams or reps. */
export interface WorkbackRow {
  team: string | null;
  owner: string | null;
  /** `needsTarget`: no target given and no quota of exactly this scope for the period. */
  status: 'ready' | 'needsTarget';
  target: number | null;
  /**
   * `input`: the caller's; `quota`: the scope's own quota rows; `share`: a breakdown row's
   * part of the caller's target, in proportion to its quota among the rows' quotas.
   */
  targetSource: 'input' | 'quota' | 'share' | null;
  /** The quarters whose quota rows make the target (a year may have fewer than four). */
  quotaQuarters: string[];
  won: number;
  /** target − won; null without a target. */
  gap: number | null;
  /** Σ have × h(s): what the open deals due in the period are expected to win. */
  expected: number;
  /**
   * What low conversion is judged against: `settings` (the organisation itself: the benchmark
   * rates set for the funnel view), `organisation` (a team, or a rep outside a team: the
   * organisation's conversion) or `team` (a rep of a team: the team's, their peers').
   */
  benchmark: WorkbackBenchmark;
  stages: WorkbackStage[];
  newDeals: WorkbackNewDeals;
  /** The diagnosis, most important first: the target's state, new deals, then weak stages by gap. */
  findings: WorkbackFinding[];
}

export interface Workback extends WorkbackRow {
  period: string;
  kind: 'quarter' | 'year';
  /** The period's days, `YYYY-MM-DD`, end exclusive. */
  periodStart: string;
  periodEnd: string;
  asOf: string;
  /** Weeks from as-of (or the period's start, when later) to the period's end. */
  weeksLeft: number;
  /** The weeks the recent creation rate looks back over (13). */
  recentWeeks: number;
  /** The rows below: each team of the organisation, each rep of a team, none for a rep. */
  breakdown: 'team' | 'owner' | null;
  rows: WorkbackRow[];
  snapshotVersion: number;
}

export const workbackChannels = {
  /**
   * Works back from the target for a quarter or a year. Without `target` and without a
   * quota of exactly the scope, `status` is `needsTarget` with a finding asking for one
   * (the figures the scope holds are still there), not an error.
   */
  'forecast.workback': { input: workbackInputSchema, result: {} as Workback },
} as const satisfies Record<string, ChannelSpec>;
