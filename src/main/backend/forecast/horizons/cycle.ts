import { sortedQuantile } from '@shared/domain/intervals';
import { DAY_MS } from '@shared/time';
import type { Span } from './periods';

/**
 * The created→won cycle as a distribution of days (the lags of past wins), which places a
 * new deal's win in time and tells how much of a young cohort could have been won by now.
 */
export class CycleDistribution {
  /** Days, ascending. */
  readonly lags: Float64Array;

  constructor(lagDays: ArrayLike<number>) {
    this.lags = Float64Array.from(lagDays).sort();
  }

  get size(): number {
    return this.lags.length;
  }

  /** The median lag in days; null without lags. */
  get median(): number | null {
    return this.size ? sortedQuantile(this.lags, 0.5) : null;
  }

  /** The share of lags ≤ days: how likely a deal that will be won is won by that age. */
  cdf(days: number): number {
    let lo = 0;
    let hi = this.lags.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lags[mid]! <= days) lo = mid + 1;
      else hi = mid;
    }
    return this.size ? lo / this.size : 0;
  }

  /**
   * The same shape with its median moved to `medianDays` (an edited cycle): every lag scaled
   * by the same factor. A distribution whose median is 0 (wins on the day of creation) has no
   * shape to stretch, so it becomes `medianDays` for every deal.
   */
  withMedian(medianDays: number): CycleDistribution {
    const m = this.median;
    if (m === null || m <= 0) return new CycleDistribution([medianDays]);
    const factor = medianDays / m;
    return new CycleDistribution(Array.from(this.lags, (d) => d * factor));
  }

  /**
   * placement[i][j]: of the deals created evenly over creation part i (an interval in ms) and
   * eventually won, the share won inside period j (what lands after the last period is in
   * none). Exact for even creation: each lag moves the creation interval, and the share is the
   * overlap with the period. Lags are grouped by whole day (a day is nothing at a month's scale).
   */
  placement(creation: readonly { start: number; end: number }[], periods: readonly Span[]): Float64Array[] {
    const byDay = new Map<number, number>();
    for (const d of this.lags) {
      const day = Math.round(d);
      byDay.set(day, (byDay.get(day) ?? 0) + 1);
    }
    const n = this.size;
    return creation.map(({ start, end }) => {
      const row = new Float64Array(periods.length);
      const width = end - start;
      if (!(width > 0) || n === 0) return row;
      for (const [day, count] of byDay) {
        const a = start + day * DAY_MS;
        const b = end + day * DAY_MS;
        for (let j = 0; j < periods.length; j++) {
          const p = periods[j]!;
          if (p.start >= b) break;
          const overlap = Math.min(b, p.end) - Math.max(a, p.start);
          if (overlap > 0) row[j]! += (overlap / width) * (count / n);
        }
      }
      return row;
    });
  }
}
