/**
 * How well predicted probabilities match what happened: the reliability curve (predicted
 * against observed per decile of the predictions), the Brier score and the log loss.
 * Pure; shared by the win-probability model's summary, its tests and the chart.
 */

export interface ReliabilityBin {
  /** Mean predicted probability of the bin's predictions. */
  predicted: number;
  /** Share of the bin's predictions whose event happened. */
  observed: number;
  count: number;
  /** The bin's lowest and highest prediction. */
  low: number;
  high: number;
}

/**
 * Deciles (or `bins` equal-count groups) of the predictions in ascending order; ties go
 * to one bin by their order in the input, so the curve is the same for the same input.
 * Fewer predictions than bins give one bin per prediction; none give no bins.
 */
export function reliabilityCurve(
  predicted: ArrayLike<number>,
  outcome: ArrayLike<number>,
  bins = 10,
): ReliabilityBin[] {
  const n = predicted.length;
  if (n === 0) return [];
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => predicted[a]! - predicted[b]! || a - b);
  const groups = Math.min(bins, n);
  const curve: ReliabilityBin[] = [];
  for (let g = 0; g < groups; g++) {
    const from = Math.floor((g * n) / groups);
    const to = Math.floor(((g + 1) * n) / groups);
    let p = 0;
    let o = 0;
    for (let k = from; k < to; k++) {
      p += predicted[order[k]!]!;
      o += outcome[order[k]!]!;
    }
    const count = to - from;
    curve.push({
      predicted: p / count,
      observed: o / count,
      count,
      low: predicted[order[from]!]!,
      high: predicted[order[to - 1]!]!,
    });
  }
  return curve;
}

/** Mean squared difference between prediction and outcome (0 best); null for no predictions. */
export function brierScore(predicted: ArrayLike<number>, outcome: ArrayLike<number>): number | null {
  if (predicted.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) sum += (predicted[i]! - outcome[i]!) ** 2;
  return sum / predicted.length;
}

/**
 * Mean negative log-likelihood in nats; predictions are clipped to [1e-6, 1 − 1e-6] so a
 * stage probability of exactly 0 or 1 that turned out wrong costs a lot, not infinity.
 */
export function logLoss(predicted: ArrayLike<number>, outcome: ArrayLike<number>): number | null {
  if (predicted.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) {
    const p = Math.min(1 - 1e-6, Math.max(1e-6, predicted[i]!));
    sum -= outcome[i]! ? Math.log(p) : Math.log(1 - p);
  }
  return sum / predicted.length;
}

/**
 * Expected calibration error: the count-weighted mean distance between predicted and
 * observed over the curve's bins; null without bins.
 */
export function calibrationError(curve: readonly ReliabilityBin[]): number | null {
  let n = 0;
  let sum = 0;
  for (const b of curve) {
    n += b.count;
    sum += b.count * Math.abs(b.predicted - b.observed);
  }
  return n === 0 ? null : sum / n;
}
