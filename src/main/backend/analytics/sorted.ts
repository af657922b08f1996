/** The first index whose time is ≥ t, in times sorted ascending (times.length when none). */
export function firstAtOrAfter(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const SECOND = 1000;

/**
 * The indexes 0…n−1 ordered by time(i) ascending, ties by index: the order of an index
 * sorted by time. A comparator sort of 250k indexes takes ~200 ms here; instead each
 * index is packed with its time in whole seconds into one exact float (seconds · 2^bits +
 * index), the floats sorted natively (~20 ms), and the few indexes out of order inside one
 * second put right by insertion. Times too far apart to pack fall back to the comparator.
 * Times are finite milliseconds (the snapshot's).
 */
export function orderByTime(n: number, time: (i: number) => number): Int32Array {
  const times = new Float64Array(n);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = (times[i] = time(i));
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const order = new Int32Array(n);
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  // Every key (whole seconds since min · scale + index) must be an exact float.
  if ((Math.floor((max - min) / SECOND) + 1) * scale > 2 ** 53) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => times[a]! - times[b]! || a - b);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.floor((times[i]! - min) / SECOND) * scale + i;
  keys.sort();
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    order[i] = key - Math.floor(key / scale) * scale;
  }
  // Inside one second the packed order is by index only: insertion puts each run of one
  // second right by time (ties stay by index), and leaves the order across seconds alone.
  let start = 0;
  while (start < n) {
    const second = Math.floor(keys[start]! / scale);
    let end = start + 1;
    while (end < n && Math.floor(keys[end]! / scale) === second) end++;
    for (let i = start + 1; i < end; i++) {
      const o = order[i]!;
      const t = times[o]!;
      let j = i - 1;
      while (j >= start && times[order[j]!]! > t) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = o;
    }
    start = end;
  }
  return order;
}
