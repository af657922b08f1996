/**
 * Confidence intervals at 95% for the lift of mentored deals (and any later view that
 * must not read noise as proof, e.g. a forecast's range): the Wilson score interval for
 * a proportion, and percentile bootstrap intervals for a median and for differences.
 * Pure and deterministic: the bootstrap draws from a seeded PRNG, so one seed gives one
 * figure on every machine, in every run. No Node, no DOM.
 *
 * Written here rather than taken from a statistics package: the three formulas are a few
 * lines each, the published values they must meet are tested, and the packages that
 * offer them (simple-statistics, jStat) bring Math.random-based resampling that cannot
 * be seeded, which is the one property a reproducible figure needs.
 */

/** The standard normal quantile for a two-sided 95% interval (Φ⁻¹(0.975)). */
export const Z95 = 1.959963984540054;

/** A 95% interval around an estimate; all null when there is nothing to estimate. */
export interface Estimate {
  estimate: number | null;
  low: number | null;
  high: number | null;
}

export const NO_ESTIMATE: Estimate = Object.freeze({ estimate: null, low: null, high: null });

/**
 * Wilson score interval for k successes in n trials (Wilson 1927): unlike the normal
 * approximation it stays inside [0, 1] and is honest at 0/n and n/n, which small groups of
 * deals often are. n = 0 has no estimate.
 */
export function wilson(k: number, n: number, z = Z95): Estimate {
  if (n === 0) return NO_ESTIMATE;
  const p = k / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At k = 0 or k = n one bound is exactly 0 or 1; rounding must not push it past.
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Mulberry32: a 32-bit state PRNG with uniform output in [0, 1). Small, fast and the
 * same on every JavaScript engine (integer arithmetic through Math.imul), unlike
 * Math.random, which cannot be seeded.
 */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The value at fractional index q·(n − 1) of sorted values, interpolated (PRODUCT.md's quantile rule). */
export function sortedQuantile(sorted: ArrayLike<number>, q: number): number {
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.ceil(position);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (position - lo);
}

/** Median of values (mean of the two middle ones for an even count); null when empty. */
export function medianOf(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  return sortedQuantile(Float64Array.from(values).sort(), 0.5);
}

export interface BootstrapOptions {
  seed: number;
  resamples: number;
}

/** A standard normal draw (Marsaglia's polar method). */
export function gaussian(random: () => number): number {
  for (;;) {
    const u = 2 * random() - 1;
    const v = 2 * random() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

/** A Gamma(shape, 1) draw, shape ≥ 1 (Marsaglia and Tsang 2000). */
function gamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = gaussian(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A Beta(a, b) draw, a, b ≥ 1. */
function beta(a: number, b: number, random: () => number): number {
  const x = gamma(a, random);
  return x / (x + gamma(b, random));
}

/**
 * A Binomial(n, p) draw, exact: while n is large, the median order statistic of the n
 * uniforms (a Beta draw) says on which side of p half of them fall, and only the other half
 * is left to count (Knuth, TAOCP vol. 2, 3.4.1 F); the last few are counted one by one.
 * O(log n) draws instead of n.
 */
export function binomial(n: number, p: number, random: () => number): number {
  let wins = 0;
  while (n > 16) {
    const a = 1 + (n >> 1);
    const b = n + 1 - a;
    const x = beta(a, b, random);
    if (x >= p) {
      n = a - 1;
      p /= x;
    } else {
      wins += a;
      n = b - 1;
      p = (p - x) / (1 - x);
    }
  }
  for (let i = 0; i < n; i++) if (random() < p) wins++;
  return wins;
}

/**
 * The medians of `resamples` bootstrap resamples (n draws with replacement) of the sorted
 * values, without drawing the n values: a resample's i-th smallest index is floor(n·U₍ᵢ₎),
 * U₍ᵢ₎ the i-th order statistic of n uniforms, which is Beta(i, n − i + 1); the next one up
 * is U₍ᵢ₎ plus the minimum of the n − i uniforms above it. So a resample's median costs a
 * few draws whatever n is, and has exactly the distribution of the resampled median.
 */
export function medianReplicates(
  sorted: ArrayLike<number>,
  { resamples }: BootstrapOptions,
  random: () => number,
): Float64Array {
  const n = sorted.length;
  const at = (u: number) => sorted[Math.min(n - 1, Math.floor(n * u))]!;
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    if (n === 1) replicates[r] = sorted[0]!;
    else if (n % 2 === 1) replicates[r] = at(beta((n + 1) / 2, (n + 1) / 2, random));
    else {
      const m = n / 2;
      const lower = beta(m, n - m + 1, random);
      const upper = lower + (1 - lower) * (1 - random() ** (1 / (n - m)));
      replicates[r] = (at(lower) + at(upper)) / 2;
    }
  }
  return replicates;
}

/** Percentile interval (2.5%, 97.5%) of the bootstrap replicates around the sample estimate. */
function percentile(estimate: number, replicates: Float64Array): Estimate {
  replicates.sort();
  return { estimate, low: sortedQuantile(replicates, 0.025), high: sortedQuantile(replicates, 0.975) };
}

const sorted = (values: ArrayLike<number>) => Float64Array.from(values).sort();

/**
 * Percentile bootstrap 95% interval of the median: the 2.5th and 97.5th percentiles of the
 * medians of `resamples` resamples with replacement. Deterministic for a seed. Empty
 * values have no estimate.
 */
export function bootstrapMedian(values: ArrayLike<number>, options: BootstrapOptions): Estimate {
  if (values.length === 0) return NO_ESTIMATE;
  const s = sorted(values);
  return percentile(sortedQuantile(s, 0.5), medianReplicates(s, options, seededRandom(options.seed)));
}

/**
 * Median(a) − median(b) with a percentile bootstrap 95% interval: each replicate resamples
 * both groups independently (they are separate samples of deals). Either group empty: no
 * estimate.
 */
export function bootstrapMedianDifference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  options: BootstrapOptions,
): Estimate {
  if (a.length === 0 || b.length === 0) return NO_ESTIMATE;
  const sa = sorted(a);
  const sb = sorted(b);
  const random = seededRandom(options.seed);
  const ra = medianReplicates(sa, options, random);
  const rb = medianReplicates(sb, options, random);
  for (let r = 0; r < ra.length; r++) ra[r] = ra[r]! - rb[r]!;
  return percentile(sortedQuantile(sa, 0.5) - sortedQuantile(sb, 0.5), ra);
}

/**
 * Win rate ka/na − kb/nb with a percentile bootstrap 95% interval: each replicate resamples
 * both groups' outcomes with replacement, i.e. draws each group's wins as Binomial(n, k/n).
 * Either group empty: no estimate.
 */
export function bootstrapRateDifference(
  ka: number,
  na: number,
  kb: number,
  nb: number,
  { seed, resamples }: BootstrapOptions,
): Estimate {
  if (na === 0 || nb === 0) return NO_ESTIMATE;
  const random = seededRandom(seed);
  const replicates = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++)
    replicates[r] = binomial(na, ka / na, random) / na - binomial(nb, kb / nb, random) / nb;
  return percentile(ka / na - kb / nb, replicates);
}
