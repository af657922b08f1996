import type { WorkbackNewDeals } from '@shared/contract/forecast-workback';
import { median } from '@shared/domain/statistics';
import { dayOf, DAY_MS } from '@shared/time';
import { closings } from '../../analytics/closings';
import { LOOKBACK_MS } from '../../analytics/forecast';
import { toMoney } from '../../analytics/money';
import type { Snapshot } from '../../analytics/snapshot';
import { firstAtOrAfter } from '../../analytics/sorted';
import type { Period, PeriodInputs } from './period';

export const WEEK_MS = 7 * DAY_MS;
/** The recent creation rate looks back one quarter: long enough to smooth a holiday week out. */
export const RECENT_WEEKS = 13;

/**
 * The typical sales cycle: the median days from creation to won of the kept deals won in
 * the 365 days before as-of (the same wins m averages); the median, because a few deals
 * that took years would drag a mean past what most deals take.
 */
export function typicalCycleDays(s: Snapshot, p: PeriodInputs): number | null {
  const { won } = closings(s);
  const asOf = p.w.asOf;
  const days: number[] = [];
  for (let i = firstAtOrAfter(won.at, asOf - LOOKBACK_MS), end = firstAtOrAfter(won.at, asOf); i < end; i++)
    if (p.kept(won.deal[i]!)) days.push(won.cycleDays[i]!);
  return median(Float64Array.from(days));
}

/** Deals the scope created per week over the RECENT_WEEKS weeks before as-of (at as-of, not deleted before). */
export function recentCreationPerWeek(s: Snapshot, p: PeriodInputs): number {
  const asOf = p.w.asOf;
  const from = asOf - RECENT_WEEKS * WEEK_MS;
  const { createdAt, count } = s.deals;
  let n = 0;
  for (let d = 0; d < count; d++) {
    const c = createdAt[d]!;
    if (c >= from && c < asOf && p.kept(d)) n++;
  }
  return n / RECENT_WEEKS;
}

/**
 * The new deals the rest of the period needs (see the contract): what the open pipeline is
 * not expected to bring (uncovered), in deals of the mean won size at the created→won
 * conversion c = h(first open stage), spread over the weeks in which a new deal still
 * closes within the period at the typical cycle.
 */
export function newDeals(
  p: PeriodInputs,
  period: Period,
  gapCents: number | null,
  expectedCents: number,
  cycleDays: number | null,
  recentPerWeek: number,
): WorkbackNewDeals {
  const asOf = p.w.asOf;
  const c = p.winRates[0]?.h ?? null;
  const m = p.meanWonCents;
  const uncoveredCents = gapCents === null ? null : Math.max(0, gapCents - expectedCents);
  const lastCreation = cycleDays === null ? null : period.endMs - cycleDays * DAY_MS;
  const creationWeeks = lastCreation === null ? null : Math.max(0, (lastCreation - asOf) / WEEK_MS);
  let needed: number | null = null;
  if (uncoveredCents === 0) needed = 0;
  else if (uncoveredCents !== null && m !== null && m > 0 && c !== null && c > 0)
    needed = uncoveredCents / m / c;
  const perWeek =
    needed === 0
      ? 0
      : needed === null || creationWeeks === null || creationWeeks === 0
        ? null
        : needed / creationWeeks;
  return {
    uncovered: uncoveredCents === null ? null : toMoney(uncoveredCents),
    conversion: c,
    meanWon: m === null ? null : toMoney(m),
    cycleDays,
    lastCreationDay: lastCreation === null ? null : dayOf(lastCreation),
    creationWeeks,
    needed,
    perWeek,
    recentPerWeek,
    shortPerWeek: perWeek === null ? null : Math.max(0, perWeek - recentPerWeek),
  };
}
