import { DAY_MS } from '@shared/time';
import { closings } from '../../analytics/closings';
import { valueAt, visitAt } from '../../analytics/deal-state';
import { quarterInputs } from '../../analytics/forecast';
import type { Snapshot } from '../../analytics/snapshot';
import { firstAtOrAfter, orderByTime } from '../../analytics/sorted';
import { OPEN, WON } from '../../analytics/stage-view';

/** One deal open at as-of, as the horizons read it. */
export interface OpenDeal {
  cents: number;
  /** Open rank of its stage at as-of (index into the stage win rates). */
  rank: number;
  /** Its close date at as-of as a day number; NaN when it has none. */
  closeDay: number;
}

/** The scope's deals created before as-of, by creation: when, which deal, and its first won time. */
export interface CreatedDeals {
  /** Creation instants, ascending. */
  at: Float64Array;
  /** The snapshot's deal index of each. */
  deal: Int32Array;
  /** The first won time, Infinity when not won before as-of. */
  wonAt: Float64Array;
}

/** The deals won before as-of, by won time: when, how long they took, for how much. */
export interface Wins {
  at: Float64Array;
  /** Days from creation to the first won time. */
  lagDays: Float64Array;
  cents: Float64Array;
  /** 1 when the deal is won at as-of (not reopened or lost since): the forecast report's won amount counts only those. */
  wonNow: Uint8Array;
}

/**
 * Everything the horizons read of the scope's deals at as-of, in one pass: the forecast's
 * inputs (the window, the kept deals, h(s)), every open deal, every created deal, every win.
 * "Kept" is the forecast report's rule: created before as-of, not deleted before it, of the
 * team and of the owner at as-of.
 */
export interface ScopeHistory {
  inputs: ReturnType<typeof quarterInputs>;
  asOf: number;
  open: OpenDeal[];
  created: CreatedDeals;
  /** A deal's amount at as-of, in cents (read when needed: most created deals never are). */
  amountOf: (deal: number) => number;
  wins: Wins;
  /** The first creation among the kept deals; null when there is none. */
  firstCreated: number | null;
}

export function readScopeHistory(
  s: Snapshot,
  scope: { asOf?: number | undefined; team?: string | undefined; owner?: string | undefined },
  now: number,
): ScopeHistory {
  const inputs = quarterInputs(s, scope, now);
  const { w, kept, view, summary } = inputs;
  const asOf = w.asOf;
  const open: OpenDeal[] = [];
  const createdDeals: number[] = [];
  for (let d = 0; d < s.deals.count; d++) {
    if (!kept(d)) continue;
    createdDeals.push(d);
    const code = s.visits.stage[visitAt(s, d, asOf)]!;
    if (view.kind[code] !== OPEN) continue;
    open.push({
      cents: valueAt(s.amount, d, asOf),
      rank: view.rank[code]!,
      closeDay: valueAt(s.closeDay, d, asOf),
    });
  }
  // Explicit loops into typed arrays: `TypedArray.from` with a mapping function walks an
  // iterator, several times slower over 200k deals.
  const order = orderByTime(createdDeals.length, (i) => s.deals.createdAt[createdDeals[i]!]!);
  const n = order.length;
  const created: CreatedDeals = {
    at: new Float64Array(n),
    deal: new Int32Array(n),
    wonAt: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const d = createdDeals[order[i]!]!;
    created.at[i] = s.deals.createdAt[d]!;
    created.deal[i] = d;
    // The first won time is known as of as-of only when it is before as-of.
    created.wonAt[i] = summary.wonAt[d]! < asOf ? summary.wonAt[d]! : Number.POSITIVE_INFINITY;
  }

  const { won } = closings(s);
  const end = firstAtOrAfter(won.at, asOf);
  const wins: Wins = {
    at: new Float64Array(end),
    lagDays: new Float64Array(end),
    cents: new Float64Array(end),
    wonNow: new Uint8Array(end),
  };
  let k = 0;
  for (let i = 0; i < end; i++) {
    const d = won.deal[i]!;
    if (!kept(d)) continue;
    wins.at[k] = won.at[i]!;
    wins.lagDays[k] = (won.at[i]! - s.deals.createdAt[d]!) / DAY_MS;
    wins.cents[k] = valueAt(s.amount, d, asOf);
    wins.wonNow[k] = view.kind[s.visits.stage[visitAt(s, d, asOf)]!] === WON ? 1 : 0;
    k++;
  }
  return {
    inputs,
    asOf,
    open,
    created,
    amountOf: (d) => valueAt(s.amount, d, asOf),
    wins: {
      at: wins.at.subarray(0, k),
      lagDays: wins.lagDays.subarray(0, k),
      cents: wins.cents.subarray(0, k),
      wonNow: wins.wonNow.subarray(0, k),
    },
    firstCreated: created.at.length ? created.at[0]! : null,
  };
}

/** The index range [from, to) of ascending `times` within [start, end). */
export function rangeOf(times: Float64Array, start: number, end: number): [number, number] {
  return [firstAtOrAfter(times, start), firstAtOrAfter(times, end)];
}
