import { BUCKETS, bucketOf } from './duration-sample';
import type { Snapshot } from './snapshot';
import { firstAtOrAfter, orderByTime } from './sorted';

/**
 * Every completed visit (one with a next visit), per stage code, sorted by its exit: the
 * visits a velocity report counts, exits in [from, to) before as-of, are then one
 * contiguous range found by binary search, read without walking any deal's timeline.
 *
 * For a report without a filter, the range's histogram of durations (duration-sample.ts)
 * and their sum come from running totals kept every EVERY visits: two checkpoints and at
 * most 2·EVERY visits read, whatever the window, then the visits of deleted deals taken
 * out. Only the few histogram buckets that hold a wanted quantile are read visit by visit.
 */
export const EVERY = 2048;

export interface ExitIndex {
  exit: Float64Array;
  /** The visit's length in ms (an integer: entry and exit are whole ms). */
  ms: Float64Array;
  deal: Int32Array;
  /** The deal's deletedAt, copied beside each visit: the scan reads memory in order. */
  deletedAt: Float64Array;
  /** Each duration's histogram bucket (duration-sample.ts), computed once. */
  bucket: Uint16Array;
  /** Running histograms: checkpoint j (at j·BUCKETS) counts the visits [0, j·EVERY). */
  histograms: Int32Array;
  /** Running sums of `ms` at the same checkpoints; null when a sum could lose a ms. */
  msSums: Float64Array | null;
  /** The positions of the visits whose deal is deleted, ascending. */
  deleted: Int32Array;
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
  const index = visits.map((vs, code): ExitIndex => {
    const order = orderByTime(vs.length, (o) => enteredAt[vs[o]! + 1]!);
    const count = vs.length;
    const exit = new Float64Array(count);
    const ms = new Float64Array(count);
    const deal = new Int32Array(count);
    const deletedAt = new Float64Array(count);
    const bucket = new Uint16Array(count);
    const histograms = new Int32Array((Math.floor(count / EVERY) + 1) * BUCKETS);
    const sums = new Float64Array(Math.floor(count / EVERY) + 1);
    const running = new Int32Array(BUCKETS);
    const deleted: number[] = [];
    let sum = 0;
    for (let i = 0; i < count; i++) {
      if (i % EVERY === 0) {
        histograms.set(running, (i / EVERY) * BUCKETS);
        sums[i / EVERY] = sum;
      }
      const o = order[i]!;
      const v = vs[o]!;
      const d = owner[code]![o]!;
      const length = enteredAt[v + 1]! - enteredAt[v]!;
      exit[i] = enteredAt[v + 1]!;
      ms[i] = length;
      deal[i] = d;
      deletedAt[i] = s.deals.deletedAt[d]!;
      if (deletedAt[i]! !== Number.POSITIVE_INFINITY) deleted.push(i);
      const b = (bucket[i] = bucketOf(length / DAY));
      running[b]!++;
      sum += length;
    }
    if (count % EVERY === 0) {
      histograms.set(running, (count / EVERY) * BUCKETS);
      sums[count / EVERY] = sum;
    }
    return {
      exit,
      ms,
      deal,
      deletedAt,
      bucket,
      histograms,
      msSums: Number.isSafeInteger(sum) ? sums : null,
      deleted: Int32Array.from(deleted),
    };
  });
  exitIndexes.set(s, index);
  return index;
}

const DAY = 86_400_000;

/** The first index whose exit is ≥ t (exits sorted ascending). */
export const firstExitFrom = firstAtOrAfter;

/**
 * The durations of the visits [first, last) of one stage's index whose deal still exists
 * at asOf: their histogram (into `histogram`, cleared first), count and sum in ms, from
 * the running totals. Null when the index keeps no exact sums (a caller then scans).
 */
export function rangeTotals(
  index: ExitIndex,
  first: number,
  last: number,
  asOf: number,
  histogram: Int32Array,
): { count: number; ms: number } | null {
  const { histograms, msSums, bucket, ms } = index;
  if (msSums === null) return null;
  const a = Math.floor(first / EVERY);
  const b = Math.floor(last / EVERY);
  const from = a * BUCKETS;
  const to = b * BUCKETS;
  for (let k = 0; k < BUCKETS; k++) histogram[k] = histograms[to + k]! - histograms[from + k]!;
  let sum = msSums[b]! - msSums[a]!;
  for (let i = b * EVERY; i < last; i++) {
    histogram[bucket[i]!]!++;
    sum += ms[i]!;
  }
  for (let i = a * EVERY; i < first; i++) {
    histogram[bucket[i]!]!--;
    sum -= ms[i]!;
  }
  let count = last - first;
  const { deleted, deletedAt } = index;
  for (let j = firstIndexAtLeast(deleted, first); j < deleted.length && deleted[j]! < last; j++) {
    const i = deleted[j]!;
    if (deletedAt[i]! < asOf) {
      histogram[bucket[i]!]!--;
      sum -= ms[i]!;
      count--;
    }
  }
  return { count, ms: sum };
}

function firstIndexAtLeast(sorted: Int32Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
