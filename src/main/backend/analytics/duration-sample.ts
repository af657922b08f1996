import { select } from '@shared/domain/statistics';

/**
 * Durations in days collected by a report, with their mean, median and p75 exact and
 * cheap: a velocity report over the whole history meets half a million visits, and
 * sorting them (50 ms here) or even selecting in them (7 ms) would cost more than the
 * rest of the report.
 *
 * Each value is counted, as it is added, in a histogram of buckets 1/16 day wide (the
 * first also takes anything below 0, the last anything from 256 days on). The bucket
 * never decreases as the value grows, so the buckets keep the values' order: a rank is
 * found by walking the histogram, and only the values of its bucket are collected and
 * selected in.
 */
const PER_DAY = 16;
export const BUCKETS = 256 * PER_DAY;
const DAY_MS = 86_400_000;
export function bucketOf(days: number): number {
  // Truncation is floor for the non-negative values; the clamps keep the order at both ends.
  const b = (days * PER_DAY) | 0;
  return b < 0 || days < 0 ? 0 : b >= BUCKETS || days >= BUCKETS / PER_DAY ? BUCKETS - 1 : b;
}

/**
 * Rows [first, last) of someone else's columns (an exit index) taken as a sample's values
 * without copying them: lengths in ms, their buckets, and the rows' deletion times, a row
 * deleted before asOf left out.
 */
export interface RangeSource {
  ms: Float64Array;
  bucket: Uint16Array;
  deletedAt: Float64Array;
  first: number;
  last: number;
  asOf: number;
}

export class DurationSample {
  private readonly histogram = new Int32Array(BUCKETS);
  /** Each value's bucket, so finding a rank's members reads no value twice. */
  private readonly buckets: Uint16Array;
  /** Per bucket, which collected list its values go to (-1: none); reset after each use. */
  private readonly slot = new Int32Array(BUCKETS).fill(-1);
  count = 0;
  sum = 0;
  /** Set by `takeRange`: the values live there, not in `values`. */
  private range: RangeSource | null = null;

  /** `values`: room for the most values this sample will hold (reused, never grown). */
  constructor(private readonly values: Float64Array) {
    this.buckets = new Uint16Array(values.length);
  }

  /** Empties the sample for another report. */
  reset(): this {
    if (this.count || this.range) this.histogram.fill(0);
    this.range = null;
    this.count = 0;
    this.sum = 0;
    return this;
  }

  /**
   * Makes an empty sample hold the rows of `source` (see RangeSource), whose histogram,
   * count and sum in ms `totals` computes into the histogram it is given. False, with the
   * sample left empty, when `totals` cannot (returns null): the caller adds the rows itself.
   */
  takeRange(
    source: RangeSource,
    totals: (histogram: Int32Array) => { count: number; ms: number } | null,
  ): boolean {
    const got = totals(this.histogram);
    if (got === null) {
      this.histogram.fill(0);
      return false;
    }
    this.range = source;
    this.count = got.count;
    this.sum = got.ms / DAY_MS;
    return true;
  }

  add(days: number): void {
    this.addInBucket(days, bucketOf(days));
  }

  /** `add` for a value whose bucket (bucketOf(days)) was computed ahead, e.g. once per visit. */
  addInBucket(days: number, b: number): void {
    this.buckets[this.count] = b;
    this.values[this.count++] = days;
    this.sum += days;
    this.histogram[b]!++;
  }

  /** How many values are strictly greater than `limit`. */
  countAbove(limit: number): number {
    let n = 0;
    const range = this.range;
    if (range) {
      const { ms, deletedAt, last, asOf } = range;
      for (let i = range.first; i < last; i++) if (!(deletedAt[i]! < asOf) && ms[i]! / DAY_MS > limit) n++;
    } else for (let i = 0; i < this.count; i++) if (this.values[i]! > limit) n++;
    return n;
  }

  /** The value added i-th (0-based), for callers that pair values with their own columns. */
  at(i: number): number {
    if (this.range) throw new Error('a sample over a range has no order of addition');
    return this.values[i]!;
  }

  get mean(): number | null {
    return this.count ? this.sum / this.count : null;
  }

  /** The values at fractional indexes q·(n − 1) of the sorted values, interpolated linearly. */
  quantiles(qs: readonly number[]): (number | null)[] {
    const n = this.count;
    if (n === 0) return qs.map(() => null);
    const ranks = [...new Set(qs.flatMap((q) => [Math.floor(q * (n - 1)), Math.ceil(q * (n - 1))]))];
    const at = this.ranks(ranks);
    return qs.map((q) => {
      const position = q * (n - 1);
      const lo = at.get(Math.floor(position))!;
      const hi = at.get(Math.ceil(position))!;
      return lo + (hi - lo) * (position - Math.floor(position));
    });
  }

  /** The k-th smallest values (0-based ranks), found in one pass over the values. */
  private ranks(ks: readonly number[]): Map<number, number> {
    const at = new Map<number, number>();
    // Each rank's bucket and its rank inside it; then the members of those buckets only.
    const wanted: { k: number; bucket: number; inside: number }[] = [];
    for (const k of ks) {
      let before = 0;
      let bucket = 0;
      while (before + this.histogram[bucket]! <= k) before += this.histogram[bucket++]!;
      wanted.push({ k, bucket, inside: k - before });
    }
    const buckets = [...new Set(wanted.map((w) => w.bucket))];
    const members = buckets.map((b) => new Float64Array(this.histogram[b]!));
    const filled = buckets.map(() => 0);
    const slot = this.slot;
    buckets.forEach((b, m) => (slot[b] = m));
    const range = this.range;
    if (range) {
      const { ms, bucket, deletedAt, last, asOf } = range;
      for (let i = range.first; i < last; i++) {
        const m = slot[bucket[i]!]!;
        if (m >= 0 && !(deletedAt[i]! < asOf)) members[m]![filled[m]!++] = ms[i]! / DAY_MS;
      }
    } else
      for (let i = 0; i < this.count; i++) {
        const m = slot[this.buckets[i]!]!;
        if (m >= 0) members[m]![filled[m]!++] = this.values[i]!;
      }
    for (const b of buckets) slot[b] = -1;
    for (const w of wanted) {
      const m = buckets.indexOf(w.bucket);
      // select reorders: copy per rank only when two ranks share a bucket.
      const into = members[m]!.slice();
      at.set(w.k, select(into, into.length, w.inside));
    }
    return at;
  }
}
