import { DAY_MS, dayOf, dayStart } from '@shared/time';
import type { Rng } from './random';

/** Chinese office hours, 09:00–19:00 Beijing time, are 01:00–11:00 UTC. */
export const WORK_START_MS = 1 * 3_600_000;
export const WORK_SPAN_MS = 10 * 3_600_000;
/** Close dates reach at most this far past today (a slip pushes a few months out at most). */
const DAYS_AFTER_TODAY = 1_000;

/**
 * The demo's time frame: three years up to the end of `today`, with the calendar lookups the
 * generator needs per event precomputed once (a Date per event would dominate the run time).
 * Days are epoch days: floor(ms / DAY_MS), UTC.
 */
export class DemoCalendar {
  /** 00:00 UTC of the day three years before today: the first instant a deal may be created. */
  readonly startMs: number;
  /** The end of `today` (exclusive): no event of the demo is at or after it. */
  readonly horizonMs: number;
  readonly todayDay: number;
  readonly startDay: number;
  /** Quarters from the one holding the first day to the one after today, e.g. `2024Q1`. */
  readonly quarters: string[];
  private readonly firstQuarterSerial: number;
  private readonly tableStart: number;
  private readonly text: string[] = [];
  private readonly monthEnd: Int32Array;
  private readonly nextQuarterStart: Int32Array;
  private readonly quarterSerial: Int32Array;

  constructor(today: string) {
    const todayMs = dayStart(today);
    const t = new Date(todayMs);
    // Date.UTC normalises 29 February of a non-leap year to 1 March.
    this.startMs = Date.UTC(t.getUTCFullYear() - 3, t.getUTCMonth(), t.getUTCDate());
    this.horizonMs = todayMs + DAY_MS;
    this.todayDay = Math.floor(todayMs / DAY_MS);
    this.startDay = Math.floor(this.startMs / DAY_MS);
    this.tableStart = this.startDay;
    const size = this.todayDay + DAYS_AFTER_TODAY - this.startDay + 1;
    this.monthEnd = new Int32Array(size);
    this.nextQuarterStart = new Int32Array(size);
    this.quarterSerial = new Int32Array(size);
    for (let i = 0; i < size; i++) {
      const ms = (this.tableStart + i) * DAY_MS;
      const d = new Date(ms);
      const y = d.getUTCFullYear();
      const m = d.getUTCMonth();
      this.text.push(dayOf(ms));
      this.monthEnd[i] = Math.floor(Date.UTC(y, m + 1, 0) / DAY_MS);
      const q = Math.floor(m / 3);
      this.nextQuarterStart[i] = Math.floor(Date.UTC(y, q * 3 + 3, 1) / DAY_MS);
      this.quarterSerial[i] = y * 4 + q;
    }
    this.firstQuarterSerial = this.quarterSerial[0]!;
    const last = this.quarterSerial[this.todayDay - this.tableStart]! + 1;
    this.quarters = [];
    for (let s = this.firstQuarterSerial; s <= last; s++)
      this.quarters.push(`${Math.floor(s / 4)}Q${(s % 4) + 1}`);
  }

  private index(day: number): number {
    const i = day - this.tableStart;
    if (i < 0 || i >= this.text.length) throw new RangeError(`day ${day} is outside the demo calendar`);
    return i;
  }

  /** `YYYY-MM-DD` of an epoch day. */
  dayText(day: number): string {
    return this.text[this.index(day)]!;
  }

  /** The last day of the day's month (reps like to promise "by the end of the month"). */
  monthEndDay(day: number): number {
    return this.monthEnd[this.index(day)]!;
  }

  /** The first day of the quarter after the day's quarter. */
  nextQuarterStartDay(day: number): number {
    return this.nextQuarterStart[this.index(day)]!;
  }

  /** Position of the day's quarter in `quarters` (may be past the end for far close dates). */
  quarterIndex(day: number): number {
    return this.quarterSerial[this.index(day)]! - this.firstQuarterSerial;
  }

  /** Clamps a close date into the precomputed range (never binding for realistic stories). */
  clampDay(day: number): number {
    return Math.min(Math.max(day, this.tableStart), this.tableStart + this.text.length - 1);
  }

  /**
   * A moment of office hours on the instant's day when a rep logs a call; a weekend day
   * moves to the Monday after, or to the Friday before when that Monday is after today.
   * So an instant before the end of today stays before it.
   */
  officeMomentOf(raw: number, rng: Rng): number {
    let day = Math.floor(raw / DAY_MS);
    const weekday = (day + 4) % 7; // epoch day 0 was a Thursday; 0 = Sunday
    if (weekday === 6 || weekday === 0) {
      const monday = day + (weekday === 6 ? 2 : 1);
      day = monday <= this.todayDay ? monday : monday - 3;
    }
    return Math.floor(day * DAY_MS + WORK_START_MS + rng.next() * WORK_SPAN_MS);
  }

  /**
   * Moves a raw instant into office hours on (mostly) a weekday, and strictly after
   * `notBefore` so a deal's events keep their order. CRM activity happens when people work;
   * a flat spread over 24 hours and weekends would look machine-made in every chart.
   */
  workingTime(raw: number, notBefore: number, rng: Rng): number {
    let day = Math.floor(raw / DAY_MS);
    const weekday = (day + 4) % 7; // epoch day 0 was a Thursday; 0 = Sunday
    if (weekday === 6 && rng.next() < 0.9) day += 2;
    else if (weekday === 0 && rng.next() < 0.9) day += 1;
    let t = Math.floor(day * DAY_MS + WORK_START_MS + rng.next() * WORK_SPAN_MS);
    if (t <= notBefore) t = notBefore + 60_000 + Math.floor(rng.next() * 7_200_000);
    return t;
  }
}
