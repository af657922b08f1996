import type { FunnelStage } from '@shared/contract';
import { LOOKBACK_MS } from '../../analytics/forecast';
import { funnelReport } from '../../analytics/funnel';
import { MIN_SAMPLE, WEAKNESS_GAP } from '../../analytics/reps';
import type { Snapshot } from '../../analytics/snapshot';
import type { RowScope } from './period';

/**
 * The scope's conversion per open stage to the next (to won for the last): the funnel report
 * over the deals created in the 365 days before as-of, the same year h(s) and m look back
 * over. Memoised per scope within one work-back: the organisation's or a team's funnel is
 * every row's benchmark below it.
 */
export class Conversions {
  private readonly cache = new Map<string, FunnelStage[]>();

  constructor(
    private readonly s: Snapshot,
    private readonly now: number,
  ) {}

  of(scope: RowScope): FunnelStage[] {
    const key = JSON.stringify([scope.team ?? null, scope.owner ?? null]);
    let stages = this.cache.get(key);
    if (!stages) {
      stages = funnelReport(
        this.s,
        {
          asOf: scope.asOf,
          from: scope.asOf - LOOKBACK_MS,
          ...(scope.team !== undefined ? { team: scope.team } : {}),
          ...(scope.owner !== undefined ? { owner: scope.owner } : {}),
        },
        this.now,
      ).stages;
      this.cache.set(key, stages);
    }
    return stages;
  }
}

/**
 * How far (relatively) a stage's conversion falls below its benchmark when that is low
 * enough to coach on, else null. Low = at least WEAKNESS_GAP (20%) below the benchmark, on
 * at least MIN_SAMPLE (5) deals that reached the stage: the very rule Rep diagnostics uses to
 * name a rep's stage to coach, so the two views never disagree about what is weak. A relative
 * gap, because 5 points matter at a 20% step and not at a 90% one; a minimum sample, because
 * one lost deal out of three is no pattern. Without a benchmark (or one of 0) nothing is low.
 */
export function lowConversionGap(
  conversion: number | null,
  reached: number,
  benchmark: number | null,
): number | null {
  if (conversion === null || benchmark === null || !(benchmark > 0) || reached < MIN_SAMPLE) return null;
  // Compared as a product: benchmark × 0.8 is exact for the round rates managers set, where
  // (benchmark − conversion) / benchmark can land a hair under 0.2 (0.5 against 0.4).
  if (!(conversion <= benchmark * (1 - WEAKNESS_GAP))) return null;
  return (benchmark - conversion) / benchmark;
}
