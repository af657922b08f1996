import { bucketOf } from './duration-sample';
import type { Snapshot } from './snapshot';
import { LOST, OPEN, stageView, WON, type StageView } from './stage-view';

/**
 * What each deal's whole timeline says, for the common case of a report whose as-of is
 * after the deal's last stage change (most deals, for most as-of dates): its highest
 * open rank, whether it was ever won, and when its last visit began. A report checks
 * `lastEntered[d] < asOf` and then reads these instead of walking the visits.
 *
 * Depends on the stage model, so it is computed per snapshot (a new stage model makes a
 * new snapshot) on first use, in one pass over the visits.
 */
export interface TimelineSummary {
  view: StageView;
  /** Highest open rank over all visits; the last rank when the deal was ever won; -1 for none. */
  top: Int16Array;
  /** The kind of the last visit's stage (stage-view.ts kinds). */
  lastKind: Uint8Array;
  lastEntered: Float64Array;
  /** The first entry into a won stage (won time), +Infinity when never. */
  wonAt: Float64Array;
  /** The first entry into a lost stage (lost time), +Infinity when never. */
  lostAt: Float64Array;
}

const summaries = new WeakMap<Snapshot, TimelineSummary>();

export function timelineSummary(s: Snapshot): TimelineSummary {
  const cached = summaries.get(s);
  if (cached) return cached;
  const view = stageView(s);
  const n = s.deals.count;
  const m = view.open.length;
  const top = new Int16Array(n);
  const lastKind = new Uint8Array(n);
  const lastEntered = new Float64Array(n);
  const wonAt = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const lostAt = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const { start, stage, enteredAt } = s.visits;
  for (let d = 0; d < n; d++) {
    let best = -1;
    let won = false;
    const end = start[d + 1]!;
    for (let v = start[d]!; v < end; v++) {
      const k = view.kind[stage[v]!]!;
      if (k === OPEN) best = Math.max(best, view.rank[stage[v]!]!);
      else if (k === WON) {
        if (!won) wonAt[d] = enteredAt[v]!;
        won = true;
      } else if (k === LOST && lostAt[d] === Number.POSITIVE_INFINITY) lostAt[d] = enteredAt[v]!;
    }
    top[d] = won ? m - 1 : best;
    lastKind[d] = view.kind[stage[end - 1]!]!;
    lastEntered[d] = enteredAt[end - 1]!;
  }
  const summary = { view, top, lastKind, lastEntered, wonAt, lostAt };
  summaries.set(s, summary);
  return summary;
}

/**
 * Every completed visit (one with a next visit), per stage code, sorted by its exit: the
 * visits a velocity report counts, exits in [from, to) before as-of, are then one
 * contiguous range found by binary search, read without walking any deal's timeline.
 */
export interface ExitIndex {
  exit: Float64Array;
  days: Float64Array;
  deal: Int32Array;
  /** The deal's deletedAt, copied beside each visit: the scan reads memory in order. */
  deletedAt: Float64Array;
  /** Each duration's histogram bucket (duration-sample.ts), computed once. */
  bucket: Uint16Array;
}

const exitIndexes = new WeakMap<Snapshot, ExitIndex[]>();

export function exitIndex(s: Snapshot): ExitIndex[] {
  const cached = exitIndexes.get(s);
  if (cached) return cached;
  const { start, stage, enteredAt } = s.visits;
  const codes = s.dictionaries.stage.size;
  const counts = new Int32Array(codes);
  const n = s.deals.count;
  for (let d = 0; d < n; d++) for (let v = start[d]!; v < start[d + 1]! - 1; v++) counts[stage[v]!]!++;
  const visits = Array.from(counts, (c) => new Int32Array(c));
  const owner = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(codes);
  for (let d = 0; d < n; d++)
    for (let v = start[d]!; v < start[d + 1]! - 1; v++) {
      const code = stage[v]!;
      visits[code]![filled[code]!] = v;
      owner[code]![filled[code]!++] = d;
    }
  const index = visits.map((vs, code) => {
    const order = Int32Array.from(vs.keys()).sort((a, b) => enteredAt[vs[a]! + 1]! - enteredAt[vs[b]! + 1]!);
    const exit = new Float64Array(vs.length);
    const days = new Float64Array(vs.length);
    const deal = new Int32Array(vs.length);
    const deletedAt = new Float64Array(vs.length);
    const bucket = new Uint16Array(vs.length);
    order.forEach((o, i) => {
      const v = vs[o]!;
      exit[i] = enteredAt[v + 1]!;
      days[i] = (enteredAt[v + 1]! - enteredAt[v]!) / 86_400_000;
      deal[i] = owner[code]![o]!;
      deletedAt[i] = s.deals.deletedAt[deal[i]!]!;
      bucket[i] = bucketOf(days[i]!);
    });
    return { exit, days, deal, deletedAt, bucket };
  });
  exitIndexes.set(s, index);
  return index;
}

/** The first index whose exit is ≥ t (exits sorted ascending). */
export function firstExitFrom(exit: Float64Array, t: number): number {
  let lo = 0;
  let hi = exit.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (exit[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
