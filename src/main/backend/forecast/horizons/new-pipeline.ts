import type { ResolvedValues } from './assumptions';
import { relativeSd, type Levels } from './levels';
import { MONTH_MS, quartersFromAsOf, type Span } from './periods';
import type { FactorDoubt, NewPipelinePlan, RunRatePlan } from './runs';
import type { ScopeHistory } from './scope-history';
import type { Trends } from './trends';

/** The creation parts from as-of on: each period from as-of (the first) or its start. */
const fromAsOf = (periods: Span[], asOf: number) =>
  periods.map((p) => ({ start: Math.max(p.start, asOf), end: p.end }));

/**
 * The new pipeline of the year: deals created from as-of on at the creation rate, won at the
 * conversion, each win placed in its month by the cycle's distribution; sizes from past wins.
 */
export function yearNewPipeline(
  h: ScopeHistory,
  levels: Levels,
  v: ResolvedValues,
  year: Span[],
): NewPipelinePlan {
  const parts = fromAsOf(year, h.asOf);
  const placement = v.cycle.placement(parts, year);
  const wins = new Float64Array(year.length);
  parts.forEach((p, i) => {
    const created = (v.creationRate * (p.end - p.start)) / MONTH_MS;
    for (let j = 0; j < year.length; j++) wins[j]! += created * v.conversion * placement[i]![j]!;
  });
  const meanCents = v.meanWonSize * 100;
  const observed = levels.meanWonSize.sizes;
  const observedMean = observed.length ? observed.reduce((a, x) => a + x, 0) / observed.length : 0;
  // Past sizes keep their spread around an edited mean.
  const scale = observedMean > 0 ? meanCents / observedMean : 0;
  const sizes = scale > 0 ? Float64Array.from(observed, (x) => x * scale) : new Float64Array(0);
  return {
    wins,
    sizes,
    meanCents,
    sdCents: relativeSd(sizes) * meanCents,
    conversion: v.conversion,
    sd: {
      creation: levels.creationRate.sd,
      conversion: levels.conversion.sd,
      size: levels.meanWonSize.sd,
    },
  };
}

/**
 * The run rate per creation quarter: the levels (read over the window before as-of) carried
 * along their trends from the window's middle, so a steady history gives a flat run rate and a
 * growing one keeps growing at its pace.
 */
export function runRatePlan(
  h: ScopeHistory,
  levels: Levels,
  trends: Trends,
  v: ResolvedValues,
  quarters: Span[],
): RunRatePlan {
  const { asOf } = h;
  const from = quartersFromAsOf((levels.windowStart + asOf) / 2, asOf);
  const parts = fromAsOf(quarters, asOf).map((p) => {
    const t = quartersFromAsOf((p.start + p.end) / 2, asOf);
    const age = t - from;
    return {
      t,
      created: ((v.creationRate * (p.end - p.start)) / MONTH_MS) * (1 + v.creationGrowth) ** age,
      winRate: Math.min(1, Math.max(0, v.conversion + v.winRateTrend * age)),
      sizeCents: v.meanWonSize * 100 * (1 + v.dealSizeTrend) ** age,
    };
  });
  const perQuarter = v.creationRate * 3;
  const sizeSpread = relativeSd(levels.meanWonSize.sizes);
  // Without a trend line, a quarter scatters by chance alone: the counts' Poisson noise.
  // `scale` makes a doubt relative: the win rate's is read in share points, the others on a log scale.
  const doubt = (
    level: number,
    fit: Trends['creationGrowth']['fit'],
    chance: number,
    scale = 1,
  ): FactorDoubt => ({
    level: level * scale,
    slope: fit ? { se: fit.slopeSe * scale, centre: fit.centre } : null,
    residual: (fit ? fit.residualSd : chance) * scale,
  });
  const perPoint = v.conversion > 0 ? 1 / v.conversion : 0;
  return {
    parts,
    placement: v.cycle.placement(fromAsOf(quarters, asOf), quarters),
    doubt: {
      creation: doubt(
        levels.creationRate.sd,
        trends.creationGrowth.fit,
        1 / Math.sqrt(Math.max(1, perQuarter)),
      ),
      conversion: doubt(
        levels.conversion.sd,
        trends.winRateTrend.fit,
        Math.sqrt((v.conversion * (1 - v.conversion)) / Math.max(1, perQuarter)),
        perPoint,
      ),
      size: doubt(
        levels.meanWonSize.sd,
        trends.dealSizeTrend.fit,
        sizeSpread / Math.sqrt(Math.max(1, perQuarter * v.conversion)),
      ),
    },
  };
}
