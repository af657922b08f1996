import { DAY_MS } from '@shared/time';
import { monthOfInstant } from './periods';
import type { OpenDeal } from './scope-history';

/** The largest open deals are drawn one by one (they shape the band); the rest as a normal sum. */
export const EXACT_DEALS = 512;

/**
 * The open pipeline on a grid of months from the as-of month: each deal's win probability
 * (h of its stage) and the month it is due in, largest first, and per month the expected
 * won amount and, for the deals beyond the largest, the mean and variance of their sum.
 */
export interface OpenPlan {
  /** Cents, largest first; win probability; due month (grid offset, 0 = the as-of month). */
  cents: Float64Array;
  win: Float64Array;
  due: Int32Array;
  slipRate: number;
  /** Per grid month, cents: the expected won amount of every open deal. */
  expected: Float64Array;
  /** Per grid month, cents: mean and variance of the won amount of the deals past the largest. */
  tailMean: Float64Array;
  tailVariance: Float64Array;
  /** How many deals the runs draw one by one. */
  exact: number;
}

/**
 * When a won deal closes: in its due month with 1 − σ, a month later with σ(1 − σ), and so on
 * (a slipped deal may slip again at the same rate σ). Overdue and undated deals are due in the
 * as-of month. What lands after the grid counts in no period.
 */
export function planOpen(
  open: readonly OpenDeal[],
  winRate: readonly number[],
  slipRate: number,
  asOf: number,
  months: number,
): OpenPlan {
  const first = monthOfInstant(asOf);
  const sorted = [...open].sort((a, b) => b.cents - a.cents);
  const due = Int32Array.from(sorted, (o) =>
    Number.isNaN(o.closeDay) ? 0 : Math.max(0, monthOfInstant(o.closeDay * DAY_MS) - first),
  );
  const win = Float64Array.from(sorted, (o) => winRate[o.rank]!);
  const cents = Float64Array.from(sorted, (o) => o.cents);
  const expected = new Float64Array(months);
  const tailMean = new Float64Array(months);
  const tailVariance = new Float64Array(months);
  const exact = Math.min(EXACT_DEALS, sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    let p = win[i]! * (1 - slipRate);
    for (let m = due[i]!; m < months; m++, p *= slipRate) {
      if (p === 0) break;
      expected[m]! += cents[i]! * p;
      if (i >= exact) {
        tailMean[m]! += cents[i]! * p;
        tailVariance[m]! += cents[i]! * cents[i]! * p * (1 - p);
      }
    }
  }
  return { cents, win, due, slipRate, expected, tailMean, tailVariance, exact };
}
