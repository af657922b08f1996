import { DAY_MS } from '@shared/time';
import type { Snapshot } from './snapshot';
import { orderByTime } from './sorted';
import { timelineSummary } from './summary';

/**
 * The deals ever won, sorted by their won time (the first entry into a won stage), and
 * likewise the deals ever lost: the deals a report's window [from, to) closed are one
 * range of each, found by binary search. As of t, a deal's won time is known when it is
 * before t, so a report cuts the range at its as-of.
 *
 * What a report reads of each deal is copied beside it, so a scan reads memory in order
 * instead of jumping between deals (at 200k deals, the jumps cost more than the work).
 */
export interface ClosingIndex {
  at: Float64Array;
  deal: Int32Array;
  /** The deal's deletedAt (+Infinity when not deleted). */
  deletedAt: Float64Array;
}

export interface WonIndex extends ClosingIndex {
  /** The sales cycle: days from creation to the won time. */
  cycleDays: Float64Array;
  /** The deal's last amount, in cents, and when it was set (-Infinity: never changed). */
  finalCents: Float64Array;
  amountSetAt: Float64Array;
}

const indexes = new WeakMap<Snapshot, { won: WonIndex; lost: ClosingIndex }>();

export function closings(s: Snapshot): { won: WonIndex; lost: ClosingIndex } {
  const cached = indexes.get(s);
  if (cached) return cached;
  const summary = timelineSummary(s);
  const won = sortedBy(s, summary.wonAt);
  const { start, at, value, column } = s.amount;
  const last = (d: number) => start[d + 1]! - 1;
  const index = {
    won: {
      ...won,
      cycleDays: Float64Array.from(won.deal, (d, i) => (won.at[i]! - s.deals.createdAt[d]!) / DAY_MS),
      finalCents: Float64Array.from(won.deal, (d) => (last(d) < start[d]! ? column[d]! : value[last(d)]!)),
      amountSetAt: Float64Array.from(won.deal, (d) =>
        last(d) < start[d]! ? Number.NEGATIVE_INFINITY : at[last(d)]!,
      ),
    },
    lost: sortedBy(s, summary.lostAt),
  };
  indexes.set(s, index);
  return index;
}

function sortedBy(s: Snapshot, times: Float64Array): ClosingIndex & { deal: Int32Array } {
  const deals: number[] = [];
  for (let d = 0; d < times.length; d++) if (Number.isFinite(times[d]!)) deals.push(d);
  const order = orderByTime(deals.length, (i) => times[deals[i]!]!);
  const deal = Int32Array.from(order, (i) => deals[i]!);
  return {
    at: Float64Array.from(deal, (d) => times[d]!),
    deal,
    deletedAt: Float64Array.from(deal, (d) => s.deals.deletedAt[d]!),
  };
}
