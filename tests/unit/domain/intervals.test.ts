import { describe, expect, it } from 'vitest';
import {
  binomial,
  bootstrapMedian,
  bootstrapMedianDifference,
  bootstrapRateDifference,
  medianOf,
  medianReplicates,
  NO_ESTIMATE,
  seededRandom,
  sortedQuantile,
  wilson,
} from '@shared/domain/intervals';

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 1e4) / 1e4);

describe('the Wilson score interval', () => {
  it('meets the published values (Newcombe 1998, Statistics in Medicine 17, table II, method 3)', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, low, high] of cases) {
      const w = wilson(k, n);
      expect([round4(w.low), round4(w.high)], `${k}/${n}`).toEqual([low, high]);
      expect(w.estimate).toBe(k / n);
    }
  });

  it('stays inside [0, 1] at all or nothing, and has nothing to say about no trials', () => {
    expect(wilson(20, 20)).toMatchObject({ estimate: 1, high: 1 });
    expect(wilson(20, 20).low!).toBeCloseTo(1 - 0.1611, 4);
    expect(wilson(0, 0)).toEqual(NO_ESTIMATE);
  });
});

/** P(resampled median = each distinct value), by enumerating every resample of a small sample. */
function exactMedianDistribution(sorted: number[]): Map<number, number> {
  const n = sorted.length;
  const out = new Map<number, number>();
  const total = n ** n;
  for (let code = 0; code < total; code++) {
    const pick: number[] = [];
    for (let i = 0, c = code; i < n; i++, c = Math.floor(c / n)) pick.push(sorted[c % n]!);
    const m = medianOf(pick)!;
    out.set(m, (out.get(m) ?? 0) + 1 / total);
  }
  return out;
}

function frequencies(values: Float64Array): Map<number, number> {
  const out = new Map<number, number>();
  for (const v of values) out.set(v, (out.get(v) ?? 0) + 1 / values.length);
  return out;
}

describe('bootstrap medians drawn through order statistics', () => {
  it('have exactly the distribution of the median of a resample, odd and even sizes', () => {
    for (const sample of [
      [3, 7, 8, 20, 41],
      [1, 2, 2, 9],
      [5, 6, 10, 11, 12, 30],
    ]) {
      const exact = exactMedianDistribution(sample);
      const drawn = frequencies(medianReplicates(sample, { seed: 7, resamples: 200_000 }, seededRandom(7)));
      for (const [value, p] of exact) expect(drawn.get(value) ?? 0, `${sample} → ${value}`).toBeCloseTo(p, 2);
      for (const value of drawn.keys()) expect(exact.has(value), `${sample} drew ${value}`).toBe(true);
    }
  });

  it('give the interval a plain resampling bootstrap gives, on a large sample', () => {
    const values = Array.from({ length: 301 }, (_, i) => (i * 37) % 301);
    const random = seededRandom(99);
    const plain = new Float64Array(4000);
    const scratch = new Float64Array(values.length);
    for (let r = 0; r < plain.length; r++) {
      for (let i = 0; i < values.length; i++) scratch[i] = values[Math.floor(random() * values.length)]!;
      plain[r] = sortedQuantile(scratch.sort(), 0.5);
    }
    plain.sort();
    const ours = bootstrapMedian(values, { seed: 1, resamples: 4000 });
    expect(ours.estimate).toBe(150);
    expect(Math.abs(ours.low! - sortedQuantile(plain, 0.025))).toBeLessThanOrEqual(3);
    expect(Math.abs(ours.high! - sortedQuantile(plain, 0.975))).toBeLessThanOrEqual(3);
  });

  it('are deterministic for a seed, and another seed draws other replicates', () => {
    const values = [12, 30, 31, 45, 60, 61, 90, 120, 121, 200];
    const a = bootstrapMedian(values, { seed: 42, resamples: 999 });
    expect(bootstrapMedian(values, { seed: 42, resamples: 999 })).toEqual(a);
    const diff = (seed: number) =>
      bootstrapMedianDifference(values, [5, 9, 14, 20, 33], { seed, resamples: 999 });
    expect(diff(3)).toEqual(diff(3));
    expect(diff(3)).not.toEqual(diff(4));
    expect(diff(3).estimate).toBe(60.5 - 14);
    expect(diff(3).low!).toBeLessThan(46.5);
    expect(diff(3).high!).toBeGreaterThan(46.5);
    expect(bootstrapMedian([], { seed: 1, resamples: 10 })).toEqual(NO_ESTIMATE);
    expect(bootstrapMedianDifference([1], [], { seed: 1, resamples: 10 })).toEqual(NO_ESTIMATE);
  });
});

describe('binomial draws', () => {
  it('are exact at the ends and have the mean and variance of Binomial(n, p)', () => {
    const random = seededRandom(5);
    expect(binomial(1000, 0, random)).toBe(0);
    expect(binomial(1000, 1, random)).toBe(1000);
    const draws = Array.from({ length: 20_000 }, () => binomial(1000, 0.3, random));
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    const variance = draws.reduce((a, b) => a + (b - mean) ** 2, 0) / (draws.length - 1);
    expect(mean).toBeGreaterThan(299.5);
    expect(mean).toBeLessThan(300.5);
    expect(variance).toBeGreaterThan(200);
    expect(variance).toBeLessThan(220);
  });

  it('give a rate difference its normal-theory width when the groups are large enough', () => {
    // 30/50 against 20/50: 0.2 ± 1.96 · √(0.6·0.4/50 + 0.4·0.6/50) = [0.008, 0.392].
    const d = bootstrapRateDifference(30, 50, 20, 50, { seed: 11, resamples: 20_000 });
    expect(d.estimate).toBeCloseTo(0.2, 12);
    expect(d.low!).toBeCloseTo(0.008, 1);
    expect(d.high!).toBeCloseTo(0.392, 1);
    expect(Math.abs(d.low! - 0.008)).toBeLessThan(0.02);
    expect(Math.abs(d.high! - 0.392)).toBeLessThan(0.02);
    expect(bootstrapRateDifference(1, 0, 1, 2, { seed: 1, resamples: 10 })).toEqual(NO_ESTIMATE);
  });
});
