/**
 * The attention flags (PRODUCT.md, "Metric definitions" → "Attention"): which deals a
 * review should look at, and why. One small predicate per flag, so the report, the
 * pipeline screen and the SQL filters all ask the same question. Pure: no Node, no DOM,
 * no database.
 */
import { DAY_MS, dayOf } from '@shared/time';
import {
  amountCentsAt,
  byChangedAt,
  closeDateAt,
  fieldRows,
  type HistoryRow,
  type TimedValue,
} from '@shared/domain/field-values';
import type { Stage } from '@shared/domain/stages';
import { stageVisits } from '@shared/domain/timeline';

/** The flags in the order PRODUCT.md lists them; reports keep this order. */
export const ATTENTION_FLAGS = ['stalled', 'inactive', 'overdue', 'pushed', 'shrunk', 'noNextStep'] as const;
export type AttentionFlag = (typeof ATTENTION_FLAGS)[number];

/**
 * What the rules need of a stage. `followupDays` is optional so callers may pass stage
 * shapes that do not carry it (older rows, test doubles); a stage without it, like one
 * with null, never flags `inactive`.
 */
export type AttentionStage = Pick<Stage, 'kind' | 'dwellLimitDays'> & { followupDays?: number | null };

/** How far back `shrunk` looks (PRODUCT.md: "existed at as-of − 30 days"). */
export const SHRUNK_LOOKBACK_MS = 30 * DAY_MS;

/**
 * `stalled`: the open visit's age is strictly greater than its stage's dwell limit; a
 * stage without a limit, and a won or lost stage, never stalls. `daysInStage` is a
 * fractional day count, `(asOf − enteredAt) / DAY_MS`, exactly as the pipeline screen
 * computes it, so an age of exactly the limit is not stalled yet.
 */
export function isStalled(
  daysInStage: number,
  stage: Pick<Stage, 'kind' | 'dwellLimitDays'> | undefined,
): boolean {
  return stage?.kind === 'open' && stage.dwellLimitDays !== null && daysInStage > stage.dwellLimitDays;
}

/**
 * The instant before which a visit of `stage` entered is stalled at `asOfMs`, for a SQL
 * filter `stage_entered_at < stalledSince(stage, asOf)`; null when the stage never stalls.
 *
 * For whole-millisecond `asOf` and `entered`, ages `asOf − entered` below 2^53 ms and a
 * limit ≥ 0 (stages.csv rejects negative ones):
 *
 *     isStalled((asOf − entered) / DAY_MS, s)  ⇔  entered < stalledSince(s, asOf)
 *
 * For a whole-day limit this is asOf − limit·DAY_MS. It is not computed that way: with
 * a fractional limit (stages.csv allows `187.2`) limit·DAY_MS, the subtraction and the
 * division in `isStalled` round differently, and the naive bound can disagree with the
 * screen by one millisecond at the boundary (limit 187.2, as-of 12362914179: a visit
 * exactly 187.2 days old passes the naive filter but is not stalled on screen).
 * Instead, bisect for the shortest whole-ms age that `isStalled` itself flags: the
 * division is monotone in the age, so that age is well defined and the two agree by
 * construction (at most 53 divisions per stage and query).
 */
export function stalledSince(
  stage: Pick<Stage, 'kind' | 'dwellLimitDays'> | undefined,
  asOfMs: number,
): number | null {
  const stalledAt = (ageMs: number) => isStalled(ageMs / DAY_MS, stage);
  // No whole-ms age in range reaches the limit (or the stage has none, or is not open).
  if (!stalledAt(Number.MAX_SAFE_INTEGER)) return null;
  let lo = 0; // ages below lo are not stalled
  let hi = Number.MAX_SAFE_INTEGER; // hi is stalled
  while (lo < hi) {
    // lo + (hi − lo)/2, not (lo + hi)/2: the sum can pass 2^53 and round up to hi.
    const mid = lo + Math.floor((hi - lo) / 2);
    if (stalledAt(mid)) hi = mid;
    else lo = mid + 1;
  }
  // Stalled ⇔ asOf − entered ≥ lo ⇔ entered < asOf − lo + 1.
  return asOfMs - lo + 1;
}

/**
 * `inactive`: the last logged activity is known, before as-of, and more than the stage's
 * follow-up days ago (strictly). An unknown activity, one at or after as-of (a report
 * does not know the future), or a stage without a follow-up cadence never flags.
 */
export function isInactive(
  lastActivityAt: number | null,
  asOf: number,
  followupDays: number | null,
): boolean {
  return (
    lastActivityAt !== null &&
    followupDays !== null &&
    // Implied by the next line for a cadence ≥ 0; kept so a later activity never flags whatever the cadence.
    lastActivityAt < asOf &&
    (asOf - lastActivityAt) / DAY_MS > followupDays
  );
}

/**
 * `overdue`: the close date is set and before the as-of day. The as-of day is the UTC
 * day of as-of − 1 ms, because as-of is exclusive: `--as-of 2026-03-04` is 2026-03-05
 * 00:00, whose day is still the 4th, so a deal closing on the 4th is not overdue yet.
 * `YYYY-MM-DD` strings compare like the days they name.
 */
export function isOverdue(closeDate: string | null, asOf: number): boolean {
  if (!closeDate) return false; // null or '': no close date set
  return closeDate < dayOf(asOf - 1);
}

/**
 * `overdue` over a day number (days since 1970-01-01, as the analytics snapshot keeps
 * close dates): the same rule as isOverdue, whose as-of day is floor((asOf − 1) / day).
 */
export function isOverdueDay(closeDay: number | null, asOf: number): boolean {
  return closeDay !== null && closeDay < Math.floor((asOf - 1) / DAY_MS);
}

/**
 * How often the close date was pushed out before `asOf`: close-date rows stamped before
 * as-of, in time order (ties keep the given order), each compared with the row just
 * before it; a row counts when both hold a date and its date is later. The first row has
 * nothing before it, and a row after a cleared date (empty value) is no push, nor is
 * clearing a date.
 *
 * @param closeDateRows the deal's `close_date` history rows only.
 */
export function pushCount(closeDateRows: readonly TimedValue[], asOf: number): number {
  const rows = byChangedAt(closeDateRows).filter((r) => r.changedAt < asOf);
  let pushes = 0;
  for (let i = 1; i < rows.length; i++) {
    const before = rows[i - 1]!.value;
    const after = rows[i]!.value;
    // '' (a cleared date) sorts before every date, so clearing is never "later"; the date
    // set after a cleared one has no date to be compared with, hence the explicit test.
    if (before !== '' && after > before) pushes++;
  }
  return pushes;
}

/** `pushed` needs this many pushes (PRODUCT.md: `pushCount` ≥ 2): one slip happens, a pattern is a signal. */
export const PUSHES_TO_FLAG = 2;

/** `pushed`: the close date was pushed out at least twice before as-of. */
export function isPushed(closeDateRows: readonly TimedValue[], asOf: number): boolean {
  return pushCount(closeDateRows, asOf) >= PUSHES_TO_FLAG;
}

/**
 * `shrunk`: the deal existed 30 days before as-of (created strictly before then) and
 * its amount at as-of is less than its amount then. Both amounts follow "Field values",
 * so a deal without amount rows (its column at both instants) never shrinks.
 *
 * @param columnCents the deal's `amount_cents`, used only when it has no amount rows.
 */
export function isShrunk(
  createdAt: number,
  history: readonly HistoryRow[],
  columnCents: number,
  asOf: number,
): boolean {
  const then = asOf - SHRUNK_LOOKBACK_MS;
  return (
    createdAt < then && amountCentsAt(history, asOf, columnCents) < amountCentsAt(history, then, columnCents)
  );
}

/**
 * `noNextStep`: empty or only white space, where white space is what String#trim
 * removes (so the ideographic space U+3000, common in Chinese input, counts as blank).
 */
export function hasNoNextStep(nextStep: string): boolean {
  return nextStep.trim() === '';
}

/** A deal's columns in storage units (ms since the epoch, cents, `YYYY-MM-DD`). */
export interface AttentionDeal {
  createdAt: number;
  stage: string;
  amountCents: number;
  closeDate: string | null;
  forecastCategory: string;
  owner: string;
  nextStep: string;
  lastActivityAt: number | null;
  deletedAt: number | null;
}

export interface AttentionResult {
  /** The stage key at as-of. */
  stage: string;
  /** The open visit's age at as-of, in fractional days. */
  daysInStage: number;
  pushCount: number;
  /** The flags that apply, in PRODUCT.md order; empty when none does (the report leaves the deal out). */
  flags: AttentionFlag[];
}

/**
 * The attention verdict for one deal at `asOf`, or null when the deal is not a candidate:
 * it must exist at as-of (created strictly before), not be deleted before as-of (a
 * deletion at or after as-of is unknown to the report) and be open at as-of. A stage key
 * missing from `stages` has no kind, so the deal counts as not open.
 *
 * @param history all of the deal's history rows (any field), in file order.
 */
export function attentionFlags(
  deal: AttentionDeal,
  history: readonly HistoryRow[],
  stages: readonly (AttentionStage & Pick<Stage, 'key'>)[],
  asOf: number,
): AttentionResult | null {
  if (!(deal.createdAt < asOf)) return null;
  if (deal.deletedAt !== null && deal.deletedAt < asOf) return null;
  const visits = stageVisits(deal.createdAt, deal.stage, fieldRows(history, 'stage'), asOf);
  const open = visits[visits.length - 1]!;
  const stage = stages.find((s) => s.key === open.stage);
  if (stage?.kind !== 'open') return null;

  const daysInStage = (asOf - open.enteredAt) / DAY_MS;
  const pushes = pushCount(fieldRows(history, 'close_date'), asOf);
  const applies: Record<AttentionFlag, boolean> = {
    stalled: isStalled(daysInStage, stage),
    inactive: isInactive(deal.lastActivityAt, asOf, stage.followupDays ?? null),
    overdue: isOverdue(closeDateAt(history, asOf, deal.closeDate), asOf),
    pushed: pushes >= PUSHES_TO_FLAG,
    shrunk: isShrunk(deal.createdAt, history, deal.amountCents, asOf),
    noNextStep: hasNoNextStep(deal.nextStep),
  };
  return {
    stage: open.stage,
    daysInStage,
    pushCount: pushes,
    flags: ATTENTION_FLAGS.filter((f) => applies[f]),
  };
}
