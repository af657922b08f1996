/**
 * Logistic regression with L2 regularisation on standardised features, fitted by Newton's
 * method (iteratively reweighted least squares). Pure and deterministic: the same rows in
 * the same order give the same coefficients to the last bit (sums run in row order, the
 * linear solve is a Cholesky factorisation with no pivoting choices), which a forecast
 * that must be reproducible needs more than a few percent of speed.
 *
 * Rows are stored row-major in one Float64Array (n × p). A NaN is a value not known at
 * the row's instant: it is imputed with the feature's mean, i.e. it contributes nothing.
 */

export interface LogisticFit {
  /** Per feature: the mean and standard deviation used to standardise it. */
  mean: Float64Array;
  sd: Float64Array;
  /** Coefficients on the standardised scale; 0 for a feature without variation (sd = 0). */
  coef: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
}

export interface LogisticOptions {
  /** L2 penalty on the standardised coefficients (the intercept is not penalised). */
  lambda?: number;
  maxIterations?: number;
  /** Stop when no coefficient moves by more than this. */
  tolerance?: number;
}

export const sigmoid = (z: number): number =>
  z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));

export const logit = (p: number): number => Math.log(p / (1 - p));

/** Means and standard deviations per column, NaNs left out. */
export function standardisation(
  x: Float64Array,
  n: number,
  p: number,
): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  const count = new Float64Array(p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      const v = x[i * p + j]!;
      if (v === v) {
        mean[j]! += v;
        count[j]!++;
      }
    }
  for (let j = 0; j < p; j++) mean[j] = count[j]! > 0 ? mean[j]! / count[j]! : 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) {
      const v = x[i * p + j]!;
      if (v === v) sd[j]! += (v - mean[j]!) ** 2;
    }
  for (let j = 0; j < p; j++) {
    const s = count[j]! > 1 ? Math.sqrt(sd[j]! / count[j]!) : 0;
    // A column that barely varies (rounding noise) is treated as constant: its coefficient
    // would only fit the noise.
    sd[j] = s > 1e-9 * Math.max(1, Math.abs(mean[j]!)) ? s : 0;
  }
  return { mean, sd };
}

/** The standardised value of one feature (0 for a NaN or a constant column). */
export const standardised = (v: number, mean: number, sd: number): number =>
  v === v && sd > 0 ? (v - mean) / sd : 0;

/** Log-odds of one row under a fit. */
export function linearPredictor(fit: LogisticFit, row: ArrayLike<number>): number {
  let z = fit.intercept;
  for (let j = 0; j < fit.coef.length; j++)
    z += fit.coef[j]! * standardised(row[j]!, fit.mean[j]!, fit.sd[j]!);
  return z;
}

export function fitLogistic(
  x: Float64Array,
  y: Uint8Array,
  n: number,
  p: number,
  options: LogisticOptions = {},
): LogisticFit {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 50;
  const tolerance = options.tolerance ?? 1e-8;
  const { mean, sd } = standardisation(x, n, p);
  // The design matrix standardised once, with a leading 1 for the intercept.
  const q = p + 1;
  const z = new Float64Array(n * q);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    z[i * q] = 1;
    for (let j = 0; j < p; j++) z[i * q + j + 1] = standardised(x[i * p + j]!, mean[j]!, sd[j]!);
    positives += y[i]!;
  }
  const beta = new Float64Array(q);
  // Start at the base rate: Newton converges in a few steps from there.
  const rate = (positives + 0.5) / (n + 1);
  beta[0] = logit(rate);
  const hessian = new Float64Array(q * q);
  const gradient = new Float64Array(q);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    hessian.fill(0);
    gradient.fill(0);
    for (let i = 0; i < n; i++) {
      const row = i * q;
      let eta = 0;
      for (let j = 0; j < q; j++) eta += beta[j]! * z[row + j]!;
      const mu = sigmoid(eta);
      const w = Math.max(mu * (1 - mu), 1e-12);
      const r = y[i]! - mu;
      for (let j = 0; j < q; j++) {
        const zj = z[row + j]!;
        if (zj === 0) continue;
        gradient[j]! += r * zj;
        const wz = w * zj;
        for (let k = 0; k <= j; k++) hessian[j * q + k]! += wz * z[row + k]!;
      }
    }
    for (let j = 1; j < q; j++) {
      gradient[j]! -= lambda * beta[j]!;
      // A constant column has a zero row: the penalty alone keeps the system solvable and
      // its coefficient at zero.
      hessian[j * q + j]! += sd[j - 1]! > 0 ? lambda : 1;
    }
    hessian[0]! += 1e-9;
    const step = choleskySolve(hessian, gradient, q);
    let moved = 0;
    for (let j = 0; j < q; j++) {
      beta[j]! += step[j]!;
      moved = Math.max(moved, Math.abs(step[j]!));
    }
    if (moved < tolerance) {
      converged = true;
      break;
    }
  }
  return { mean, sd, coef: beta.slice(1), intercept: beta[0]!, iterations, converged };
}

/**
 * Solves A·x = b for a symmetric positive definite A given by its lower triangle
 * (row-major q × q). The penalty makes A positive definite.
 */
function choleskySolve(a: Float64Array, b: Float64Array, q: number): Float64Array {
  const l = new Float64Array(q * q);
  for (let i = 0; i < q; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * q + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * q + k]! * l[j * q + k]!;
      l[i * q + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j * q + j]!;
    }
  }
  const y = new Float64Array(q);
  for (let i = 0; i < q; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * q + k]! * y[k]!;
    y[i] = sum / l[i * q + i]!;
  }
  const x = new Float64Array(q);
  for (let i = q - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < q; k++) sum -= l[k * q + i]! * x[k]!;
    x[i] = sum / l[i * q + i]!;
  }
  return x;
}
