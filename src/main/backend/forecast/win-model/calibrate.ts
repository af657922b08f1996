import type { VersusStage } from '@shared/contract/win-model';
import {
  brierScore,
  calibrationError,
  logLoss,
  reliabilityCurve,
  type ReliabilityBin,
} from '@shared/domain/calibration';

/**
 * Out-of-time predictions gathered beside the stage probabilities of the same deals and
 * what happened: the model's calibration is judged on deals it was not trained on (each
 * backtest quarter's model saw only what was known at the quarter's start), never on its
 * own training rows, where a logistic fit is calibrated by construction.
 */
export class Evaluation {
  private readonly model: number[] = [];
  private readonly stage: number[] = [];
  private readonly outcome: number[] = [];

  add(model: number, stage: number, won: boolean): void {
    this.model.push(model);
    this.stage.push(stage);
    this.outcome.push(won ? 1 : 0);
  }

  get count(): number {
    return this.outcome.length;
  }

  get won(): number {
    return this.outcome.reduce((n, o) => n + o, 0);
  }

  brier(): VersusStage {
    return { model: brierScore(this.model, this.outcome), stage: brierScore(this.stage, this.outcome) };
  }

  logLoss(): VersusStage {
    return { model: logLoss(this.model, this.outcome), stage: logLoss(this.stage, this.outcome) };
  }

  /** Predicted against observed per decile, for the model and for the stage probabilities. */
  reliability(bins = 10): {
    model: ReliabilityBin[];
    stage: ReliabilityBin[];
    calibrationError: VersusStage;
  } {
    const model = reliabilityCurve(this.model, this.outcome, bins);
    const stage = reliabilityCurve(this.stage, this.outcome, bins);
    return {
      model,
      stage,
      calibrationError: { model: calibrationError(model), stage: calibrationError(stage) },
    };
  }

  /** Appends another evaluation's predictions (the quarters pooled). */
  include(other: Evaluation): void {
    this.model.push(...other.model);
    this.stage.push(...other.stage);
    this.outcome.push(...other.outcome);
  }
}
