import { msg } from '@shared/messages';
import { DAY_MS } from '@shared/time';
import { toMoney } from '../../analytics/money';
import { CycleDistribution } from './cycle';
import { count, figure, percentFigure, type Derived } from './derived';
import { MONTH_MS } from './periods';
import { rangeOf, type ScopeHistory } from './scope-history';

/** The levels are read over the 365 days before as-of (PRODUCT.md's forecast looks back as far). */
export const LEVEL_DAYS = 365;
/** Below this many wins in that window the cycle and the size read the whole history. */
export const MIN_WINS = 20;
/** The cycle when nothing was ever won and the stage model has no dwell limits. */
export const DEFAULT_CYCLE_DAYS = 90;

export interface Levels {
  /** The window [windowStart, as-of) the rates are read over: 365 days, or since the first deal. */
  windowStart: number;
  months: number;
  creationRate: Derived;
  /** In the workspace currency; `sizes` are the wins it was read from (cents), for the runs to draw. */
  meanWonSize: Derived & { sizes: Float64Array };
  cycleDays: Derived & { distribution: CycleDistribution };
  conversion: Derived;
}

/**
 * The levels of new pipeline, read from the scope's deals: how many deals are created a
 * month, what share of them is won in the end, how large a win is, and how long it takes.
 * Each says how it was read and, when the history is too short, what it falls back to.
 */
export function deriveLevels(
  h: ScopeHistory,
  stageDwellLimits: readonly (number | null)[],
  firstStageWinRate: { h: number; closed: number },
): Levels {
  const { asOf, created, wins } = h;
  const windowStart = h.firstCreated === null ? asOf : Math.max(asOf - LEVEL_DAYS * DAY_MS, h.firstCreated);
  const months = (asOf - windowStart) / MONTH_MS;
  const monthsText = figure(months);
  const window = msg('horizons_window_months', { months: monthsText });
  const [c0, c1] = rangeOf(created.at, windowStart, asOf);
  const createdCount = c1 - c0;

  const creationRate: Derived =
    h.firstCreated === null
      ? {
          value: 0,
          n: 0,
          basis: 'fallback',
          derivation: msg('horizons_derive_creationRate', { created: 0, window, months: monthsText }),
          fallback: msg('horizons_fallback_no_deals'),
          sd: 0,
        }
      : {
          value: createdCount / months,
          n: createdCount,
          basis: 'history',
          derivation: msg('horizons_derive_creationRate', {
            created: count(createdCount),
            window,
            months: monthsText,
          }),
          fallback: null,
          // A count of n is known to about 1/√n of itself (Poisson).
          sd: 1 / Math.sqrt(Math.max(1, createdCount)),
        };

  // The wins the cycle and the size are read from: the window's, or all of them when few.
  let [w0, w1] = rangeOf(wins.at, asOf - LEVEL_DAYS * DAY_MS, asOf);
  const recent = w1 - w0;
  let winsWindow = window;
  let widened: ReturnType<typeof msg> | null = null;
  if (recent < MIN_WINS && wins.at.length > recent) {
    widened = msg('horizons_fallback_wins_all_history', {
      recent,
      needed: MIN_WINS,
      won: count(wins.at.length),
    });
    [w0, w1] = [0, wins.at.length];
    winsWindow = msg('horizons_window_all');
  }
  const lags = wins.lagDays.subarray(w0, w1);
  const sizes = wins.cents.subarray(w0, w1);
  const wonCount = w1 - w0;

  const cycleDays = deriveCycle(lags, wonCount, winsWindow, widened, stageDwellLimits);
  const meanWonSize = deriveSize(
    sizes,
    wonCount,
    winsWindow,
    widened,
    // Only read when nothing was won: the created deals' amounts stand in.
    () => Float64Array.from(created.deal.subarray(c0, c1), h.amountOf),
    window,
  );

  // Conversion: the cohorts of the window, each deal counted by how likely a deal that will be
  // won is won by its age (the cycle's distribution), so young cohorts do not read as failures.
  const F = cycleDays.distribution;
  let wonSoFar = 0;
  let expected = 0;
  if (cycleDays.basis === 'history') {
    for (let i = c0; i < c1; i++) {
      if (created.wonAt[i]! < asOf) wonSoFar++;
      expected += F.cdf((asOf - created.at[i]!) / DAY_MS);
    }
  }
  const conversion: Derived =
    expected >= 1
      ? {
          value: Math.min(1, wonSoFar / expected),
          n: createdCount,
          basis: 'history',
          derivation: msg('horizons_derive_conversion', {
            created: count(createdCount),
            window,
            won: count(wonSoFar),
            expected: figure(expected),
          }),
          fallback: null,
          sd: binomialSd(Math.min(1, wonSoFar / expected), expected),
        }
      : {
          value: firstStageWinRate.h,
          n: firstStageWinRate.closed,
          basis: 'fallback',
          derivation: msg('horizons_derive_conversion', {
            created: count(createdCount),
            window,
            won: count(wonSoFar),
            expected: figure(expected),
          }),
          fallback: msg('horizons_fallback_conversion_first_stage', {
            rate: percentFigure(firstStageWinRate.h),
          }),
          sd: binomialSd(firstStageWinRate.h, firstStageWinRate.closed),
        };

  return { windowStart, months, creationRate, meanWonSize, cycleDays, conversion };
}

/** The standard deviation of a share p read from n trials (at least one). */
const binomialSd = (p: number, n: number): number => Math.sqrt((p * (1 - p)) / Math.max(1, n));

function deriveCycle(
  lags: Float64Array,
  won: number,
  window: ReturnType<typeof msg>,
  widened: ReturnType<typeof msg> | null,
  dwellLimits: readonly (number | null)[],
): Levels['cycleDays'] {
  if (won > 0) {
    const distribution = new CycleDistribution(lags);
    return {
      value: distribution.median!,
      n: won,
      basis: 'history',
      derivation: msg('horizons_derive_cycleDays', { won: count(won), window }),
      fallback: widened,
      sd: 0,
      distribution,
    };
  }
  // Nothing won yet: a deal that spends each stage's limit in it takes their sum.
  const dwell = dwellLimits.reduce<number>((sum, d) => sum + (d ?? 0), 0);
  const days = dwell > 0 ? dwell : DEFAULT_CYCLE_DAYS;
  return {
    value: days,
    n: 0,
    basis: 'fallback',
    derivation: msg('horizons_derive_cycleDays', { won: 0, window }),
    fallback:
      dwell > 0
        ? msg('horizons_fallback_cycle_dwell', { days })
        : msg('horizons_fallback_cycle_default', { days }),
    sd: 0,
    distribution: new CycleDistribution([days]),
  };
}

function deriveSize(
  sizes: Float64Array,
  won: number,
  window: ReturnType<typeof msg>,
  widened: ReturnType<typeof msg> | null,
  createdAmounts: () => Float64Array,
  createdWindow: ReturnType<typeof msg>,
): Levels['meanWonSize'] {
  if (won > 0) {
    return {
      value: toMoney(mean(sizes)),
      n: won,
      basis: 'history',
      derivation: msg('horizons_derive_meanWonSize', { won: count(won), window }),
      fallback: widened,
      sd: relativeSd(sizes) / Math.sqrt(won),
      sizes: Float64Array.from(sizes),
    };
  }
  const createdCents = createdAmounts();
  const n = createdCents.length;
  return {
    value: n ? toMoney(mean(createdCents)) : 0,
    n,
    basis: 'fallback',
    derivation: msg('horizons_derive_meanWonSize', { won: 0, window }),
    fallback: n
      ? msg('horizons_fallback_size_from_created', { created: count(n), window: createdWindow })
      : msg('horizons_fallback_no_deals'),
    sd: n ? relativeSd(createdCents) / Math.sqrt(n) : 0,
    sizes: new Float64Array(0),
  };
}

const mean = (xs: Float64Array): number => xs.reduce((a, x) => a + x, 0) / xs.length;

/** Standard deviation ÷ mean (0 for fewer than two values or a mean of 0). */
export function relativeSd(xs: Float64Array): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  if (m === 0) return 0;
  const variance = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1);
  return Math.sqrt(variance) / m;
}
