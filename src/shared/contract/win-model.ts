import { z } from 'zod';
import type { ReliabilityBin } from '@shared/domain/calibration';
import { dealId } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';
import { forecastScopeSchema } from '@shared/contract/forecast';
import { reportScopeSchema, type ReportFrame } from '@shared/contract/reports';

/**
 * The local win-probability model (智能评分): logistic regression trained on the workspace's
 * own history, each example a deal open at a past month start with what was on record
 * before that instant, labelled by whether it was won within the horizon. Calibrated and
 * backtested out of time against the stage probabilities; used as one more forecast method.
 */

export type { ReliabilityBin };

/** A model figure beside the stage probabilities' on the same deals. */
export interface VersusStage {
  model: number | null;
  stage: number | null;
}

/** One factor of a deal's probability, in words. */
export interface ModelFactor {
  /** `stage` or a feature name (`pushes`, `ownerWinRate`, …). */
  factor: string;
  /** Its effect on the log-odds against the average deal the model learnt from (+ raises). */
  effect: number;
  words: { en: string; zh: string };
}

export interface ModelCoefficient {
  /** `stage:<key>` (against the first open stage) or a feature name. */
  feature: string;
  /** Per standard deviation of the feature. */
  coefficient: number;
  mean: number;
  sd: number;
  /** False when the feature did not vary in the training data (no plans recorded, say). */
  used: boolean;
}

export interface ModelBacktestQuarter {
  quarter: string;
  /** The quarter's first instant: the model was trained only on what was known then. */
  asOf: string;
  /** Deals open at as-of (in the scope) and how many were won within the horizon. */
  deals: number;
  won: number;
  brier: VersusStage;
  logLoss: VersusStage;
  /** The quarter as forecast at its start (won so far + Σ open in the quarter × p) and what was won in it. */
  forecast: { model: number; stage: number; actual: number };
  trainedOn: number;
}

export interface WinModelSummary extends ReportFrame {
  status: 'trained' | 'notEnoughHistory';
  horizonDays: number;
  /** When the model was trained (wall clock) and how long it took. */
  trainedAt: string | null;
  trainingMs: number | null;
  training: {
    examples: number;
    won: number;
    instants: number;
    firstInstant: string;
    lastInstant: string;
    sampled: boolean;
    seed: number;
  } | null;
  intercept: number | null;
  coefficients: ModelCoefficient[];
  /** Out of time: the backtest quarters' predictions pooled, per decile of the prediction. */
  reliability: { model: ReliabilityBin[]; stage: ReliabilityBin[]; calibrationError: VersusStage };
  backtest: { quarters: ModelBacktestQuarter[]; brier: VersusStage; logLoss: VersusStage };
}

export interface DealWinProbability {
  dealId: string;
  asOf: string;
  /** `scored`; `notOpen` for a deal closed (or not yet created, or deleted) at as-of. */
  status: 'scored' | 'notOpen' | 'notEnoughHistory';
  /** Won within `horizonDays` of as-of, by the model; null unless scored. */
  probability: number | null;
  stage: string | null;
  stageProbability: number | null;
  horizonDays: number;
  /** The largest effects first (at most five). */
  factors: ModelFactor[];
}

export interface ModelForecast {
  quarter: string;
  asOf: string;
  status: 'trained' | 'notEnoughHistory';
  /** Won so far + Σ open in the quarter × p(deal); null without a model. */
  expected: number | null;
  won: number;
  open: number;
  openDeals: number;
  /** The same deals weighted by their stage probability. */
  stageWeighted: number;
}

export const winModelChannels = {
  /** The model trained as of the scope's as-of: size, coefficients, reliability, backtest. */
  'model.summary': { input: reportScopeSchema, result: {} as WinModelSummary },
  /** One deal's win probability at as-of with its top factors in words. */
  'model.deal': {
    input: z.object({ dealId, asOf: reportScopeSchema.shape.asOf }),
    result: {} as DealWinProbability,
  },
  /** The quarter's expected amount by the model (one more forecast method). */
  'model.forecast': { input: forecastScopeSchema, result: {} as ModelForecast },
} as const satisfies Record<string, ChannelSpec>;
