/**
 * The local win-probability model (智能评分): logistic regression on what each deal's
 * history said at past instants, used as one more forecast method. Other areas (the
 * forecast accuracy backtest, the deck) import from here.
 */
export { modelQuarter, modelQuarterForecast, type ModelQuarter } from './forecast';
export { modelAt, Predictor, type Prediction } from './model';
export { HORIZON_DAYS } from './examples';
export type { WinModel } from './train';
