import { msg, type MessageRef } from '@shared/messages';
import { Z95 } from '@shared/domain/intervals';
import { DAY_MS } from '@shared/time';
import type { CycleDistribution } from './cycle';
import { percentFigure, type Derived } from './derived';
import { fitLine, type LineFit } from './line-fit';
import { quartersBefore, quartersFromAsOf, type Span } from './periods';
import { rangeOf, type ScopeHistory } from './scope-history';

/** Quarters of history the trends read at most (three years, the director's horizon mirrored). */
export const TREND_QUARTERS = 12;
/** Fewer complete quarters than this and a trend is not read: the forecast holds it flat. */
export const MIN_TREND_QUARTERS = 4;

/**
 * A trend as the run rate uses it: the value (growth per quarter, or points per quarter),
 * the line it came from (null when none could be read) and whether it is multiplicative.
 */
export interface Trend extends Derived {
  fit: LineFit | null;
}

export interface Trends {
  /** The complete quarters read (at most 12), oldest first, and how many the history holds. */
  quarters: Span[];
  completeQuarters: number;
  creationGrowth: Trend;
  winRateTrend: Trend;
  dealSizeTrend: Trend;
}

/** The bounds an edited trend must keep (the contract's); a derived one beyond them is held there. */
const LIMITS = {
  creationGrowth: [-0.5, 1],
  winRateTrend: [-0.2, 0.2],
  dealSizeTrend: [-0.5, 1],
} as const;

/** The complete calendar quarters before the as-of quarter that start at or after the first deal. */
export function completeQuarters(h: ScopeHistory): Span[] {
  if (h.firstCreated === null) return [];
  // 400 quarters is a century: more than any CRM holds.
  const all = quartersBefore(h.asOf, 400);
  return all.filter((q) => q.start >= h.firstCreated!);
}

/**
 * The three trends of the run rate, each a line through the last (up to 12) complete quarters
 * on the axis "quarters from as-of":
 * - creation growth: ln(deals created in the quarter), so the slope is a growth rate;
 * - win-rate trend: each creation quarter's win rate, won so far ÷ the deals that have had
 *   time to be won by their age (the cycle's distribution), weighted by that denominator;
 * - deal-size trend: ln(mean won amount of the quarter's wins), weighted by their number.
 * Fewer than four quarters with data, or a slope within its 95% noise (|slope| < 1.96 standard
 * errors): the trend is 0 and says why.
 */
export function deriveTrends(h: ScopeHistory, cycle: CycleDistribution, cycleFromHistory: boolean): Trends {
  const complete = completeQuarters(h);
  const quarters = complete.slice(-TREND_QUARTERS);
  const x = quarters.map((q) => quartersFromAsOf((q.start + q.end) / 2, h.asOf));
  const { created, wins, asOf } = h;

  const createdPer = quarters.map((q) => {
    const [a, b] = rangeOf(created.at, q.start, q.end);
    return b - a;
  });
  const rate = quarters.map((q) => {
    const [a, b] = rangeOf(created.at, q.start, q.end);
    let won = 0;
    let expected = 0;
    for (let i = a; i < b; i++) {
      if (created.wonAt[i]! < asOf) won++;
      expected += cycleFromHistory ? cycle.cdf((asOf - created.at[i]!) / DAY_MS) : 0;
    }
    return { rate: expected > 0 ? Math.min(1, won / expected) : Number.NaN, weight: expected };
  });
  const size = quarters.map((q) => {
    const [a, b] = rangeOf(wins.at, q.start, q.end);
    let sum = 0;
    for (let i = a; i < b; i++) sum += wins.cents[i]!;
    return { logMean: b > a && sum > 0 ? Math.log(sum / (b - a)) : Number.NaN, wins: b - a };
  });

  const span = (used: boolean[]) => {
    const read = quarters.filter((_, i) => used[i]);
    return { from: read[0]?.label ?? '', to: read.at(-1)?.label ?? '', quarters: read.length };
  };

  // A quarter without a deal counts as half a deal: the log needs a number, and "none" is a level.
  const creationGrowth = trend(
    'creationGrowth',
    fitLine(
      x,
      createdPer.map((n) => Math.log(Math.max(n, 0.5))),
    ),
    span(quarters.map(() => true)),
    (scatter, s) => msg('horizons_derive_creationGrowth', { ...s, scatter }),
    (fit) => percentFigure(Math.expm1(fit.residualSd), 0),
    (slope) => Math.expm1(slope),
  );
  const winRateTrend = trend(
    'winRateTrend',
    fitLine(
      x,
      rate.map((r) => r.rate),
      rate.map((r) => r.weight),
    ),
    span(rate.map((r) => r.weight > 0)),
    (scatter, s) => msg('horizons_derive_winRateTrend', { ...s, scatter }),
    (fit) => percentFigure(fit.residualSd),
    (slope) => slope,
  );
  const dealSizeTrend = trend(
    'dealSizeTrend',
    fitLine(
      x,
      size.map((q) => q.logMean),
      size.map((q) => q.wins),
    ),
    span(size.map((q) => q.wins > 0 && Number.isFinite(q.logMean))),
    (scatter, s) => msg('horizons_derive_dealSizeTrend', { ...s, scatter }),
    (fit) => percentFigure(Math.expm1(fit.residualSd), 0),
    (slope) => Math.expm1(slope),
  );
  return { quarters, completeQuarters: complete.length, creationGrowth, winRateTrend, dealSizeTrend };
}

interface QuarterSpan {
  from: string;
  to: string;
  quarters: number;
}

function trend(
  key: keyof typeof LIMITS,
  fit: LineFit | null,
  span: QuarterSpan,
  derivation: (scatter: string, span: QuarterSpan) => MessageRef,
  scatterOf: (fit: LineFit) => string,
  valueOf: (slope: number) => number,
): Trend {
  if (fit === null || span.quarters < MIN_TREND_QUARTERS) {
    return {
      value: 0,
      n: span.quarters,
      basis: 'fallback',
      derivation: derivation('—', span),
      fallback: msg('horizons_fallback_short_trend', { quarters: span.quarters, needed: MIN_TREND_QUARTERS }),
      sd: 0,
      fit: null,
    };
  }
  const raw = valueOf(fit.slope);
  const signed = (v: number) => `${v > 0 ? '+' : ''}${percentFigure(v)}`;
  // A slope its own noise could have drawn is no trend to carry twelve quarters ahead: flat,
  // said, and the band still carries the slope's doubt.
  if (Math.abs(fit.slope) < Z95 * fit.slopeSe) {
    const margin = percentFigure(key === 'winRateTrend' ? Z95 * fit.slopeSe : Math.expm1(Z95 * fit.slopeSe));
    return {
      value: 0,
      n: span.quarters,
      basis: 'history',
      derivation: derivation(scatterOf(fit), span),
      fallback:
        key === 'winRateTrend'
          ? msg('horizons_fallback_trend_noise_points', { value: signed(raw), margin })
          : msg('horizons_fallback_trend_noise', { value: signed(raw), margin }),
      sd: 0,
      fit,
    };
  }
  const [lo, hi] = LIMITS[key];
  const value = Math.min(hi, Math.max(lo, raw));
  const clamped =
    key === 'winRateTrend'
      ? msg('horizons_fallback_clamped_points', { value: signed(raw), bound: signed(value) })
      : msg('horizons_fallback_clamped', { value: signed(raw), bound: signed(value) });
  return {
    value,
    n: span.quarters,
    basis: 'history',
    derivation: derivation(scatterOf(fit), span),
    fallback: value === raw ? null : clamped,
    sd: 0,
    fit,
  };
}
