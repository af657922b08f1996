import { describe, expect, it } from 'vitest';
import { calibrationError, brierScore, logLoss, reliabilityCurve } from '@shared/domain/calibration';
import { fitLogistic, linearPredictor, sigmoid } from '@shared/domain/logistic';
import { Rng } from '@backend/demo/random';
import { trainingRows, trainWinModel } from '@backend/forecast/win-model/train';
import type { ExampleSet } from '@backend/forecast/win-model/examples';

/**
 * The fit and its calibration on data whose probabilities are known: rows drawn with
 * p = σ(b0 + b·x), outcomes drawn from p. The fit must find b, and its predictions on fresh
 * rows must match the observed frequencies decile by decile.
 */
const TRUE = { intercept: -0.8, coef: [1.2, -0.7, 0, 0.4] };

function draw(n: number, seed: number) {
  const rng = new Rng(seed);
  const p = TRUE.coef.length;
  const x = new Float64Array(n * p);
  const y = new Uint8Array(n);
  const truth = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = TRUE.intercept;
    for (let j = 0; j < p; j++) {
      // Standard normal columns, the last one binary (a 0/1 flag such as "mentored").
      const v = j === p - 1 ? (rng.chance(0.3) ? 1 : 0) : rng.normal();
      x[i * p + j] = v;
      z += TRUE.coef[j]! * v;
    }
    truth[i] = sigmoid(z);
    y[i] = rng.chance(truth[i]!) ? 1 : 0;
  }
  return { x, y, truth, n, p };
}

describe('logistic regression on data with known probabilities', () => {
  const train = draw(40_000, 11);
  const fit = fitLogistic(train.x, train.y, train.n, train.p, { lambda: 1 });

  it('recovers the coefficients', () => {
    expect(fit.converged).toBe(true);
    // Back from the standardised scale: b_j = coef_j / sd_j, b0 = intercept − Σ b_j·mean_j.
    const raw = TRUE.coef.map((_, j) => fit.coef[j]! / fit.sd[j]!);
    const intercept = fit.intercept - raw.reduce((sum, b, j) => sum + b * fit.mean[j]!, 0);
    raw.forEach((b, j) => expect(Math.abs(b - TRUE.coef[j]!), `coef ${j}`).toBeLessThan(0.06));
    expect(Math.abs(intercept - TRUE.intercept)).toBeLessThan(0.06);
  });

  it('is calibrated on fresh rows: observed within a few points of predicted in every decile', () => {
    const test = draw(20_000, 12);
    const predicted = Float64Array.from({ length: test.n }, (_, i) =>
      sigmoid(linearPredictor(fit, test.x.subarray(i * test.p, i * test.p + test.p))),
    );
    const curve = reliabilityCurve(predicted, test.y);
    expect(curve).toHaveLength(10);
    expect(curve.reduce((n, b) => n + b.count, 0)).toBe(test.n);
    for (const bin of curve) expect(Math.abs(bin.predicted - bin.observed)).toBeLessThan(0.035);
    expect(calibrationError(curve)!).toBeLessThan(0.015);
    // Close to the truth's own scores, and the curve tells a miscalibrated predictor apart.
    expect(brierScore(predicted, test.y)! - brierScore(test.truth, test.y)!).toBeLessThan(0.002);
    expect(logLoss(predicted, test.y)! - logLoss(test.truth, test.y)!).toBeLessThan(0.005);
    const squashed = predicted.map((p) => p * p);
    expect(calibrationError(reliabilityCurve(squashed, test.y))!).toBeGreaterThan(0.1);
  });

  it('leaves a column without variation out (coefficient 0) and still fits the rest', () => {
    const p = 2;
    const n = 2000;
    const rng = new Rng(3);
    const x = new Float64Array(n * p);
    const y = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      x[i * p] = rng.normal();
      x[i * p + 1] = 7;
      y[i] = rng.chance(sigmoid(2 * x[i * p]!)) ? 1 : 0;
    }
    const f = fitLogistic(x, y, n, p);
    expect(f.sd[1]).toBe(0);
    expect(f.coef[1]).toBe(0);
    expect(f.coef[0]!).toBeGreaterThan(1.5);
  });

  it('imputes a value not known at the instant (NaN) with the mean: it adds nothing to the log-odds', () => {
    const row = [Number.NaN, Number.NaN, Number.NaN, Number.NaN];
    expect(linearPredictor(fit, row)).toBe(fit.intercept);
  });
});

describe('scores', () => {
  it('are null without predictions and clip certain mistakes instead of reaching infinity', () => {
    expect(brierScore([], [])).toBeNull();
    expect(logLoss([], [])).toBeNull();
    expect(reliabilityCurve([], [])).toEqual([]);
    expect(brierScore([1, 0], [0, 0])).toBe(0.5);
    expect(logLoss([0], [1])).toBeCloseTo(-Math.log(1e-6), 9);
  });

  it('split the predictions into equal-count deciles in ascending order', () => {
    const predicted = Array.from({ length: 25 }, (_, i) => (25 - i) / 26);
    const outcome = predicted.map((_, i) => i % 2);
    const curve = reliabilityCurve(predicted, outcome);
    expect(curve.map((b) => b.count)).toEqual([2, 3, 2, 3, 2, 3, 2, 3, 2, 3]);
    for (let i = 1; i < curve.length; i++) expect(curve[i]!.low).toBeGreaterThan(curve[i - 1]!.high);
  });
});

describe('training is deterministic for a seed', () => {
  const data = draw(3000, 21);
  const set: ExampleSet = {
    names: ['a', 'b', 'c', 'd'],
    width: 4,
    instants: [0, 1, 2],
    rowEnd: Int32Array.from([1000, 2000, 3000]),
    rows: 3000,
    x: data.x,
    y: data.y,
    deal: new Int32Array(3000),
    amountCents: new Float64Array(3000),
    closeDay: new Float64Array(3000),
    stageProbability: new Float64Array(3000),
  };

  it('gives the same coefficients to the bit for the same rows and seed, sampled or not', () => {
    for (const maxRows of [undefined, 1500]) {
      const a = trainWinModel(set, 3, { seed: 5, maxRows })!;
      const b = trainWinModel(set, 3, { seed: 5, maxRows })!;
      expect([...b.fit.coef]).toEqual([...a.fit.coef]);
      expect(b.fit.intercept).toBe(a.fit.intercept);
      expect(a.sampled).toBe(maxRows !== undefined);
    }
    const other = trainWinModel(set, 3, { seed: 6, maxRows: 1500 })!;
    expect([...other.fit.coef]).not.toEqual([...trainWinModel(set, 3, { seed: 5, maxRows: 1500 })!.fit.coef]);
  });

  it('samples distinct rows in row order, and learns only from the instants asked for', () => {
    const rows = trainingRows(3000, 1500, 9);
    expect(rows).toHaveLength(1500);
    expect(new Set(rows).size).toBe(1500);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!).toBeGreaterThan(rows[i - 1]!);
    expect(trainWinModel(set, 2)!.examples).toBe(2000);
    expect(trainWinModel(set, 0)).toBeNull();
  });
});
