import { closings } from './closings';
import { DealScope, type Window } from './scope';
import type { Snapshot } from './snapshot';
import { firstAtOrAfter } from './sorted';
import { timelineSummary } from './summary';
import { dealMask } from './scratch';

/**
 * The deals closed in a report's window (PRODUCT.md, "Won and lost"): won time or lost
 * time in [from, min(to, as-of)), counted once even when both are (then as won, at its
 * won time), within the report's scope (created before as-of, the filters) and not
 * deleted before as-of.
 */
export interface ClosedDeals {
  deal: number[];
  /** 1 when won in the window. */
  won: number[];
  /** The close that put it in the window: the won time when won in it, else the lost time. */
  at: number[];
  /** Days from created_at to the won time, for the won ones (NaN for the others). */
  cycleDays: number[];
}

export function closedInWindow(s: Snapshot, w: Window): ClosedDeals {
  const keep = new DealScope(s, w);
  const matches = keep.filters ? keep.mark(dealMask(s), s) : null;
  const { won, lost } = closings(s);
  const wonAt = timelineSummary(s).wonAt;
  const until = Math.min(w.to, w.asOf);
  const out: ClosedDeals = { deal: [], won: [], at: [], cycleDays: [] };
  // Won before as-of means created before it too: without a filter only deletion is left to check.
  for (let i = firstAtOrAfter(won.at, w.from), last = firstAtOrAfter(won.at, until); i < last; i++) {
    const d = won.deal[i]!;
    if (won.deletedAt[i]! < w.asOf || (matches && !matches[d])) continue;
    out.deal.push(d);
    out.won.push(1);
    out.at.push(won.at[i]!);
    out.cycleDays.push(won.cycleDays[i]!);
  }
  for (let i = firstAtOrAfter(lost.at, w.from), last = firstAtOrAfter(lost.at, until); i < last; i++) {
    const d = lost.deal[i]!;
    if (lost.deletedAt[i]! < w.asOf || (matches && !matches[d])) continue;
    if (wonAt[d]! >= w.from && wonAt[d]! < until) continue; // closed once, with its win
    out.deal.push(d);
    out.won.push(0);
    out.at.push(lost.at[i]!);
    out.cycleDays.push(Number.NaN);
  }
  return out;
}
