import {
  dayOf,
  dayStart,
  DAY_MS,
  monthIndex,
  monthLabel,
  monthStart,
  quarterOf,
  quarterRange,
  shiftQuarter,
} from '@shared/time';

/**
 * The calendar periods the horizons speak in. The first period of a horizon is the one that
 * holds the as-of instant (as-of itself, not the day before: a forecast looks forward from
 * as-of, so its first period always has time left); the past periods are the complete ones
 * before it.
 */

/** A calendar period [start, end) in ms, with its label (`2026-11`, `2026Q4`). */
export interface Span {
  label: string;
  start: number;
  end: number;
}

/** The average month and quarter, for rates "per month" and trends "per quarter". */
export const MONTH_DAYS = 365.25 / 12;
export const QUARTER_DAYS = 365.25 / 4;
export const MONTH_MS = MONTH_DAYS * DAY_MS;
export const QUARTER_MS = QUARTER_DAYS * DAY_MS;

const month = (index: number): Span => ({
  label: monthLabel(index),
  start: monthStart(index),
  end: monthStart(index + 1),
});

function quarter(label: string): Span {
  const range = quarterRange(label)!;
  return { label, start: dayStart(range.start), end: dayStart(range.end) };
}

/** The month that holds the instant t, as a month index (time.ts). */
export const monthOfInstant = (t: number): number => monthIndex(t);
/** The quarter that holds the instant t. */
export const quarterOfInstant = (t: number): string => quarterOf(dayOf(t));

/** n months from the one holding `asOf` (offset 0 = that month). */
export function monthsFrom(asOf: number, n: number, offset = 0): Span[] {
  const first = monthOfInstant(asOf) + offset;
  return Array.from({ length: n }, (_, i) => month(first + i));
}

/** The n complete months before the one holding `asOf`, oldest first. */
export const monthsBefore = (asOf: number, n: number): Span[] => monthsFrom(asOf, n, -n);

/** n calendar quarters from the one holding `asOf` (offset 0 = that quarter). */
export function quartersFrom(asOf: number, n: number, offset = 0): Span[] {
  const first = quarterOfInstant(asOf);
  return Array.from({ length: n }, (_, i) => quarter(shiftQuarter(first, offset + i)));
}

/** The n complete quarters before the one holding `asOf`, oldest first. */
export const quartersBefore = (asOf: number, n: number): Span[] => quartersFrom(asOf, n, -n);

/** A period's bounds as `YYYY-MM-DD` days (end exclusive). */
export const days = (span: Span): { start: string; end: string } => ({
  start: dayOf(span.start),
  end: dayOf(span.end),
});

/**
 * Where an instant sits in quarters from as-of (negative before it): the axis the trends are
 * fitted and projected on.
 */
export const quartersFromAsOf = (t: number, asOf: number): number => (t - asOf) / QUARTER_MS;
