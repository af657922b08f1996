import { gaussian } from '@shared/domain/intervals';

/**
 * The draws the horizon runs need beyond intervals.ts: a number of wins, and what that many
 * wins add up to. Both from a seeded generator, so a seed gives one figure everywhere.
 */

/** Below this mean a Poisson count is drawn exactly (Knuth); above, by its normal approximation. */
const EXACT_POISSON = 30;
/** Up to this many wins their sizes are drawn one by one; above, their sum by its normal approximation. */
const EXACT_SUM = 64;

/** A Poisson(λ) count. */
export function poisson(lambda: number, random: () => number): number {
  if (!(lambda > 0)) return 0;
  if (lambda < EXACT_POISSON) {
    const limit = Math.exp(-lambda);
    let k = 0;
    for (let p = random(); p > limit; p *= random()) k++;
    return k;
  }
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * gaussian(random)));
}

/**
 * What k wins add up to, each size drawn from past wins (`sizes`; empty: every win is `mean`).
 * Many wins: their sum's normal approximation with the sizes' mean and spread.
 */
export function sumOfWins(
  k: number,
  sizes: Float64Array,
  mean: number,
  sd: number,
  random: () => number,
): number {
  if (k === 0) return 0;
  if (sizes.length === 0) return k * mean;
  if (k <= EXACT_SUM) {
    let sum = 0;
    for (let i = 0; i < k; i++) sum += sizes[Math.floor(random() * sizes.length)]!;
    return sum;
  }
  return Math.max(0, k * mean + Math.sqrt(k) * sd * gaussian(random));
}
