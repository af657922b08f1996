import { fitLogistic, linearPredictor, sigmoid, type LogisticFit } from '@shared/domain/logistic';
import type { ExampleSet } from './examples';

/**
 * The win-probability model: logistic regression with L2 regularisation on standardised
 * features (shared/domain/logistic.ts), fitted on the example set's rows of its first
 * `instants` instants. Hand-written rather than a library: the fit is ~100 lines, exactly
 * reproducible (the same rows give the same coefficients to the bit, which a forecast
 * snapshot compared week to week needs), has no dependency to keep, and its coefficients on
 * standardised features are what the per-deal explanations are made of.
 */
export interface WinModel {
  names: string[];
  fit: LogisticFit;
  /** Rows the fit used (after sampling), how many were won, over how many instants. */
  examples: number;
  positives: number;
  instants: number;
  firstInstant: number;
  lastInstant: number;
  /** Whether rows were sampled down to MAX_TRAINING_ROWS. */
  sampled: boolean;
  seed: number;
  trainedAt: number;
  trainingMs: number;
}

export interface TrainOptions {
  seed?: number;
  lambda?: number;
  /** Above this many rows a seeded sample is fitted (the fit's cost grows with rows × features²). */
  maxRows?: number;
}

export const MAX_TRAINING_ROWS = 120_000;
/** Below this many rows, or fewer wins or losses than MIN_CLASS, no model is trained. */
export const MIN_TRAINING_ROWS = 200;
export const MIN_CLASS = 20;

/** A small seeded generator (mulberry32): the same seed gives the same sample. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let z = Math.imul(a ^ (a >>> 15), 1 | a);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}

/** The rows to fit: all of [0, end), or a seeded sample of maxRows of them kept in row order. */
export function trainingRows(end: number, maxRows: number, seed: number): Int32Array {
  if (end <= maxRows) return Int32Array.from({ length: end }, (_, i) => i);
  const all = Int32Array.from({ length: end }, (_, i) => i);
  const next = random(seed);
  for (let i = 0; i < maxRows; i++) {
    const j = i + Math.floor(next() * (end - i));
    const swap = all[i]!;
    all[i] = all[j]!;
    all[j] = swap;
  }
  return all.subarray(0, maxRows).sort();
}

/** Trains on the first `instants` instants of the set; null when too little history. */
export function trainWinModel(
  set: ExampleSet,
  instants: number,
  options: TrainOptions = {},
): WinModel | null {
  const started = performance.now();
  const seed = options.seed ?? 1;
  const end = instants > 0 ? set.rowEnd[instants - 1]! : 0;
  const picked = trainingRows(end, options.maxRows ?? MAX_TRAINING_ROWS, seed);
  const n = picked.length;
  const p = set.width;
  const x = new Float64Array(n * p);
  const y = new Uint8Array(n);
  let positives = 0;
  for (let i = 0; i < n; i++) {
    const r = picked[i]!;
    x.set(set.x.subarray(r * p, r * p + p), i * p);
    y[i] = set.y[r]!;
    positives += y[i]!;
  }
  if (n < MIN_TRAINING_ROWS || positives < MIN_CLASS || n - positives < MIN_CLASS) return null;
  const fit = fitLogistic(x, y, n, p, { lambda: options.lambda ?? 1 });
  return {
    names: set.names,
    fit,
    examples: n,
    positives,
    instants,
    firstInstant: set.instants[0]!,
    lastInstant: set.instants[instants - 1]!,
    sampled: n < end,
    seed,
    trainedAt: Date.now(),
    trainingMs: performance.now() - started,
  };
}

/** The model's probability for one encoded row. */
export const predict = (model: WinModel, row: ArrayLike<number>): number =>
  sigmoid(linearPredictor(model.fit, row));
