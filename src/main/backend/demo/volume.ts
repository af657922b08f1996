import { DAY_MS } from '@shared/time';
import { WORK_SPAN_MS, WORK_START_MS, type DemoCalendar } from './calendar';
import type { Rng } from './random';

/** The business grows 25 % a year: later quarters hold more deals and carry higher quotas. */
const GROWTH_PER_YEAR = 1.25;
/**
 * New deals per month, relative: Spring Festival empties February, National Day week
 * dents October, budgets open in March and get spent in November.
 */
const MONTH_WEIGHT = [0.95, 0.6, 1.1, 1.05, 1.0, 1.05, 0.95, 0.9, 1.05, 0.85, 1.1, 1.0];
const WEEKEND_WEIGHT = 0.06;
const GOLDEN_WEEK_WEIGHT = 0.12;

/**
 * When the demo's deals are created. Stratified sampling over the cumulative day weights:
 * deal i lands at quantile (i + u)/n, so creation times rise with the deal number (ids sort
 * like creation order, as in a real CRM) while still following growth and seasonality.
 */
export class CreationSchedule {
  private readonly cumulative: Float64Array;
  private readonly total: number;
  private cursor = 0;

  constructor(private readonly calendar: DemoCalendar) {
    const days = calendar.todayDay - calendar.startDay + 1;
    this.cumulative = new Float64Array(days);
    let sum = 0;
    for (let i = 0; i < days; i++) {
      const day = calendar.startDay + i;
      const date = new Date(day * DAY_MS);
      const month = date.getUTCMonth();
      const weekday = date.getUTCDay();
      let w = this.growth(day) * MONTH_WEIGHT[month]!;
      if (weekday === 0 || weekday === 6) w *= WEEKEND_WEIGHT;
      if (month === 9 && date.getUTCDate() <= 7) w *= GOLDEN_WEEK_WEIGHT;
      sum += w;
      this.cumulative[i] = sum;
    }
    this.total = sum;
  }

  /** Relative business volume on a day (1 at the start of the three years). */
  growth(day: number): number {
    return Math.pow(GROWTH_PER_YEAR, (day - this.calendar.startDay) / 365.25);
  }

  /**
   * Creation instant of deal `i` of `n`; call with i = 0, 1, 2, … in order (the search
   * cursor only moves forward, so the whole run is linear in deals + days).
   */
  createdAt(i: number, n: number, rng: Rng): number {
    const u = ((i + rng.next()) / n) * this.total;
    const c = this.cumulative;
    while (this.cursor < c.length - 1 && c[this.cursor]! <= u) this.cursor++;
    const before = this.cursor === 0 ? 0 : c[this.cursor - 1]!;
    const width = c[this.cursor]! - before;
    // The position inside the day's weight becomes the time of day, so times stay monotone.
    const within = width > 0 ? Math.min(Math.max((u - before) / width, 0), 1) : 0.5;
    return (
      (this.calendar.startDay + this.cursor) * DAY_MS +
      WORK_START_MS +
      Math.floor(within * (WORK_SPAN_MS - 1))
    );
  }
}
