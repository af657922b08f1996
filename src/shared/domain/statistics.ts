/**
 * The summary statistics reports use (PRODUCT.md, "Empty sets and quantiles"): over an
 * empty set a mean, a median or a p75 is null, never 0 and never NaN. Median = mean of
 * the two middle values for an even count; p75 = linear interpolation at index
 * 0.75·(n − 1) of the sorted values. Pure: no Node, no DOM.
 *
 * Quantiles select instead of sorting: a velocity report may look at half a million
 * visits, and sorting them would cost more than the rest of the report (quickselect is
 * linear on average). The values are reordered in place.
 */

export function mean(values: Float64Array, length = values.length): number | null {
  if (length === 0) return null;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[i]!;
  return sum / length;
}

/** Ratio with a null for a zero denominator. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/**
 * Values at fractional indexes q·(n − 1) of the sorted values, interpolated linearly
 * (q = 0.5 is the median as defined: the mean of the two middle values for an even count).
 *
 * Exact, without sorting: one pass finds the range, one counts the values into buckets
 * of equal width over it, and only the few buckets holding a wanted rank are collected
 * and selected in. Bucket index floor((v − min)·scale) never decreases as v grows, so the
 * buckets keep the values' order. The values are left as they were.
 */
export function quantiles(values: Float64Array, length: number, qs: readonly number[]): (number | null)[] {
  if (length === 0) return qs.map(() => null);
  const ranks = [...new Set(qs.flatMap((q) => [Math.floor(q * (length - 1)), Math.ceil(q * (length - 1))]))];
  const at = orderStatistics(values, length, ranks);
  return qs.map((q) => {
    const position = q * (length - 1);
    const lo = at.get(Math.floor(position))!;
    const hi = at.get(Math.ceil(position))!;
    return position === Math.floor(position) ? lo : lo + (hi - lo) * (position - Math.floor(position));
  });
}

const BUCKETS = 4096;

function range(values: Float64Array, length: number): [number, number] {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** The k-th smallest values (0-based ranks) of values[0, length), by rank. */
export function orderStatistics(
  values: Float64Array,
  length: number,
  ranks: readonly number[],
): Map<number, number> {
  const [min, max] = range(values, length);
  const result = new Map<number, number>();
  if (min === max || length < BUCKETS) {
    // Small or constant: selecting in a copy is cheaper than bucketing.
    const copy = values.slice(0, length);
    for (const k of ranks) result.set(k, select(copy, length, k));
    return result;
  }
  const scale = BUCKETS / (max - min);
  const buckets = new Int32Array(length);
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < length; i++) {
    const b = Math.min(BUCKETS - 1, Math.floor((values[i]! - min) * scale));
    buckets[i] = b;
    counts[b]!++;
  }
  // Each wanted rank's bucket and its rank inside the bucket.
  const wanted = new Map<number, { rank: number; k: number }[]>();
  for (const k of ranks) {
    let before = 0;
    let b = 0;
    while (before + counts[b]! <= k) before += counts[b++]!;
    const list = wanted.get(b) ?? [];
    list.push({ rank: k - before, k });
    wanted.set(b, list);
  }
  // Per bucket, where its wanted values go (a typed-array lookup per value, not a Map's).
  const slot = new Int32Array(BUCKETS).fill(-1);
  const members: Float64Array[] = [];
  const filled: number[] = [];
  for (const b of wanted.keys()) {
    slot[b] = members.length;
    members.push(new Float64Array(counts[b]!));
    filled.push(0);
  }
  for (let i = 0; i < length; i++) {
    const m = slot[buckets[i]!]!;
    if (m >= 0) members[m]![filled[m]!++] = values[i]!;
  }
  for (const [b, list] of wanted) {
    const into = members[slot[b]!]!;
    for (const { rank, k } of list) result.set(k, select(into, into.length, rank));
  }
  return result;
}

export const median = (values: Float64Array, length = values.length): number | null =>
  quantiles(values, length, [0.5])[0]!;

export const p75 = (values: Float64Array, length = values.length): number | null =>
  quantiles(values, length, [0.75])[0]!;

/**
 * Moves the k-th smallest of values[0, length) to index k, smaller ones before it and
 * larger ones after it (Hoare's quickselect with a median-of-three pivot), and returns it.
 */
export function select(values: Float64Array, length: number, k: number): number {
  let left = 0;
  let right = length - 1;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as pivot: sorted or reversed input (common: visits come in time order) stays linear.
    if (values[mid]! < values[left]!) swap(values, mid, left);
    if (values[right]! < values[left]!) swap(values, right, left);
    if (values[right]! < values[mid]!) swap(values, right, mid);
    const pivot = values[mid]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        swap(values, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k]!;
}

function swap(values: Float64Array, a: number, b: number): void {
  const t = values[a]!;
  values[a] = values[b]!;
  values[b] = t;
}
