/**
 * How far forecasts were from what happened, as percentages of the actual: the mean
 * absolute percentage error (MAPE) says how far, the mean percentage error (bias) in which
 * direction (above zero: the forecasts said too much). A point whose actual is zero or
 * below has no percentage error (nothing to divide by) and one without a forecast has
 * nothing to measure: both are left out and `n` counts the rest, so a summary over no
 * point is null rather than a misleading 0.
 */
export interface ForecastPair {
  forecast: number | null;
  actual: number;
}

export interface ErrorMeasures {
  mape: number | null;
  bias: number | null;
  n: number;
}

export function forecastError(pairs: Iterable<ForecastPair>): ErrorMeasures {
  let n = 0;
  let absolute = 0;
  let signed = 0;
  for (const { forecast, actual } of pairs) {
    if (forecast === null || !(actual > 0)) continue;
    const e = (forecast - actual) / actual;
    absolute += Math.abs(e);
    signed += e;
    n++;
  }
  return n === 0 ? { mape: null, bias: null, n } : { mape: absolute / n, bias: signed / n, n };
}

/** Highest − lowest of the forecasts present; null with none. */
export function forecastSpread(forecasts: Iterable<number | null>): number | null {
  let low = Infinity;
  let high = -Infinity;
  for (const f of forecasts) {
    if (f === null) continue;
    low = Math.min(low, f);
    high = Math.max(high, f);
  }
  return high >= low ? high - low : null;
}
