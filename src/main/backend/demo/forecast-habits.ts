import type { ForecastCategory } from '@shared/domain/stages';
import type { DemoCalendar } from './calendar';
import type { Rng } from './random';

/**
 * How a rep calls a deal: the forecast category and the close date they put on it. Both
 * lean on the rep's optimism (−1 sandbagger … +1 "happy ears"), which is what the forecast
 * and pipeline-change views should let a manager see through.
 */

/** The category a rep gives a deal entering open stage `stage` (0 need … 4 contract). */
export function forecastCategoryFor(stage: number, optimism: number, rng: Rng): ForecastCategory {
  const up = Math.max(0, optimism);
  switch (stage) {
    case 0:
      return up > 0.6 && rng.chance(0.2) ? 'best_case' : 'pipeline';
    case 1:
      return rng.chance(0.1 + 0.25 * up) ? 'best_case' : 'pipeline';
    case 2: {
      const u = rng.next();
      return u < 0.06 + 0.3 * up ? 'commit' : u < 0.6 + 0.2 * optimism ? 'best_case' : 'pipeline';
    }
    case 3:
      return rng.chance(0.45 + 0.35 * optimism) ? 'commit' : 'best_case';
    default:
      return rng.chance(0.92 + 0.35 * Math.min(0, optimism)) ? 'commit' : 'best_case';
  }
}

/** Half the promises are "by the end of the month". */
const roundToMonthEnd = (calendar: DemoCalendar, day: number, rng: Rng): number =>
  calendar.clampDay(rng.chance(0.5) ? calendar.monthEndDay(day) : day);

/**
 * The close date promised on `day` for a deal expected to need `typicalDays` more: optimists
 * promise early (and slip later), sandbaggers late (and win ahead of their date).
 */
export function promisedCloseDay(
  calendar: DemoCalendar,
  day: number,
  typicalDays: number,
  optimism: number,
  rng: Rng,
): number {
  const days = rng.logNormal(typicalDays * (1 - 0.4 * optimism), 0.3);
  return roundToMonthEnd(calendar, day + Math.round(days), rng);
}

/** The new close date when the old one passed on `day` with the deal still open. */
export function slippedCloseDay(calendar: DemoCalendar, day: number, optimism: number, rng: Rng): number {
  return roundToMonthEnd(calendar, day + Math.round(rng.between(14, 75) * (1 - 0.3 * optimism)), rng);
}
