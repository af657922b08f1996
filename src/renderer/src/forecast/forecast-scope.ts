import type { AccuracyInput, DeckScope, ForecastScope, ReportScope, SnapshotScope } from '@shared/contract';
import { dayOf, QUARTER, quarterOf, shiftQuarter } from '@shared/time';

/**
 * What the Forecast view asks about, read from the URL: the shared filters' as-of, team
 * and rep (period and product play no part: a forecast is of a quarter, and the deck,
 * the snapshots and the backtest know no product), the quarter (`?quarter=2026Q4`, by
 * default the quarter of the as-of day) and the open tab (`?tab=accuracy`).
 */
export const FORECAST_TABS = ['quarter', 'horizons', 'workback', 'accuracy', 'quotas'] as const;
export type ForecastTab = (typeof FORECAST_TABS)[number];

export function readTab(params: URLSearchParams): ForecastTab {
  const tab = params.get('tab');
  return (FORECAST_TABS as readonly string[]).includes(tab ?? '') ? (tab as ForecastTab) : 'quarter';
}

/** The as-of day (`YYYY-MM-DD`) of an as-of instant (exclusive). */
export const asOfDayOf = (asOf: number): string => dayOf(asOf - 1);

export function readQuarter(params: URLSearchParams, asOfDay: string): string {
  const q = params.get('quarter');
  return q && QUARTER.test(q) ? q : quarterOf(asOfDay);
}

/**
 * The quarters to pick from, the latest first: four before the as-of quarter to four after
 * it (a year back for the quarters just closed, a year ahead for the pipeline due), and the
 * chosen one when a bookmark holds another.
 */
export function quarterChoices(asOfDay: string, chosen: string): string[] {
  const current = quarterOf(asOfDay);
  const list = Array.from({ length: 9 }, (_, i) => shiftQuarter(current, 4 - i));
  if (!list.includes(chosen)) {
    list.push(chosen);
    list.sort((a, b) => b.localeCompare(a));
  }
  return list;
}

/** The scope of the view as each channel takes it. */
export interface ForecastInputs {
  /** report.forecast, forecast.range, model.forecast. */
  forecast: ForecastScope & { asOf: number; quarter: string };
  /** model.summary: the model as of the same day, for the same team and rep. */
  model: ReportScope;
  /** forecast.snapshot and forecast.snapshots (snapshots are of the workspace's today). */
  snapshot: SnapshotScope;
  /** forecast.accuracy: the past quarters as seen from as-of. */
  accuracy: AccuracyInput;
  /** deck.export, without the language (the UI's, added when it is asked for). */
  deck: Omit<DeckScope, 'lang'>;
}

export function forecastInputs(scope: ReportScope & { asOf: number }, quarter: string): ForecastInputs {
  const who = {
    ...(scope.team ? { team: scope.team } : {}),
    ...(scope.owner ? { owner: scope.owner } : {}),
  };
  return {
    forecast: { asOf: scope.asOf, ...who, quarter },
    model: { asOf: scope.asOf, ...who },
    snapshot: who,
    accuracy: { asOf: scope.asOf, ...who },
    deck: { asOf: scope.asOf, ...who, quarter },
  };
}
