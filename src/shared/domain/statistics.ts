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

export function mean(values: ArrayLike<number>, length = values.length): number | null {
  if (length === 0) return null;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[i]!;
  return sum / length;
}

/** Ratio with a null for a zero denominator. */
export const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

/**
 * The value at fractional index q·(n − 1) of the sorted values, interpolated linearly.
 * q = 0.5 gives the median as defined (the mean of the two middle values).
 */
export function quantile(values: Float64Array, length: number, q: number): number | null {
  if (length === 0) return null;
  const position = q * (length - 1);
  const lo = Math.floor(position);
  const below = select(values, length, lo);
  if (position === lo) return below;
  // After select(lo), everything right of lo is ≥ it: the next order statistic is their minimum.
  let above = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < length; i++) if (values[i]! < above) above = values[i]!;
  return below + (above - below) * (position - lo);
}

export const median = (values: Float64Array, length = values.length): number | null =>
  quantile(values, length, 0.5);

export const p75 = (values: Float64Array, length = values.length): number | null =>
  quantile(values, length, 0.75);

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
