/**
 * Timestamps as PRODUCT.md defines them, everywhere (files and command line):
 * `YYYY-MM-DD` (00:00 UTC) or `YYYY-MM-DDTHH:MM[:SS[.fff]]` followed by `Z`, `±HH:MM`,
 * `±HHMM` or nothing (= UTC, never the machine's local time). Pure: no Node, no DOM.
 */
export const DAY_MS = 86_400_000;

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  return d <= MONTH_DAYS[m - 1]! + (leap ? 1 : 0);
}

/** Date.UTC, except that years 0–99 stay those years (Date.UTC reads them as 1900–1999). */
function utc(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
  if (y >= 100) return Date.UTC(y, mo, d, h, mi, s, ms);
  const date = new Date(Date.UTC(2000, mo, d, h, mi, s, ms));
  date.setUTCFullYear(y);
  return date.getTime();
}

const digit = (text: string, i: number): number => text.charCodeAt(i) - 48;

/** The canonical written form `YYYY-MM-DDTHH:MM:SS.fffZ`, read without a regex (exports are all this). */
function parseCanonical(text: string): number | null {
  if (text.length !== 24 || text.charCodeAt(23) !== 90 || text.charCodeAt(10) !== 84) return null;
  let ok =
    text.charCodeAt(4) === 45 &&
    text.charCodeAt(7) === 45 &&
    text.charCodeAt(13) === 58 &&
    text.charCodeAt(16) === 58 &&
    text.charCodeAt(19) === 46;
  for (const i of CANONICAL_DIGITS) ok &&= digit(text, i) >= 0 && digit(text, i) <= 9;
  if (!ok) return null;
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const mo = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  const h = digit(text, 11) * 10 + digit(text, 12);
  const mi = digit(text, 14) * 10 + digit(text, 15);
  const s = digit(text, 17) * 10 + digit(text, 18);
  const ms = digit(text, 20) * 100 + digit(text, 21) * 10 + digit(text, 22);
  if (!validDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return null;
  return utc(y, mo - 1, d, h, mi, s, ms);
}
const CANONICAL_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22];

/** Milliseconds since the epoch, or null when `text` is not a valid timestamp. */
export function parseTimestamp(text: string): number | null {
  const fast = parseCanonical(text);
  if (fast !== null) return fast;
  const m = TIMESTAMP.exec(text);
  if (!m) return null;
  const [, ys, mos, ds, hs, mis, ss, frac, zone] = m;
  const y = Number(ys),
    mo = Number(mos),
    d = Number(ds);
  if (!validDate(y, mo, d)) return null;
  const h = hs ? Number(hs) : 0,
    mi = mis ? Number(mis) : 0,
    s = ss ? Number(ss) : 0;
  if (h > 23 || mi > 59 || s > 59) return null;
  // Sub-millisecond digits (some CRMs export microseconds) are truncated, not rounded,
  // so a value never moves into the next millisecond.
  const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
  let offsetMin = 0;
  if (zone && zone !== 'Z') {
    const sign = zone[0] === '-' ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2)),
      om = Number(digits.slice(2, 4));
    if (oh > 23 || om > 59) return null;
    offsetMin = sign * (oh * 60 + om);
  }
  return utc(y, mo - 1, d, h, mi, s, ms) - offsetMin * 60_000;
}

/** The canonical written form: ISO 8601 in UTC with milliseconds. */
export const formatTimestamp = (ms: number): string => new Date(ms).toISOString();

/** `YYYY-MM-DD`, validated; null when it is not a real calendar day. */
export function parseDay(text: string): string | null {
  const m = DAY.exec(text);
  if (!m) return null;
  return validDate(Number(m[1]), Number(m[2]), Number(m[3])) ? text : null;
}

/** 00:00 UTC of a `YYYY-MM-DD` day. */
export const dayStart = (day: string): number => Date.parse(`${day}T00:00:00.000Z`);

/** The UTC calendar day of an instant. */
export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `--as-of D` is the end of day D; with a time of day it is that instant (PRODUCT.md). */
export function parseAsOf(text: string): number | null {
  if (parseDay(text)) return dayStart(text) + DAY_MS;
  return parseTimestamp(text);
}

export const QUARTER = /^(\d{4})Q([1-4])$/;

/** `2026Q4` → its first day and the first day after it, as `YYYY-MM-DD`. */
export function quarterRange(quarter: string): { start: string; end: string } | null {
  const m = QUARTER.exec(quarter);
  if (!m) return null;
  const y = Number(m[1]),
    q = Number(m[2]);
  const start = new Date(Date.UTC(y, (q - 1) * 3, 1)).toISOString().slice(0, 10);
  const end = new Date(Date.UTC(y, q * 3, 1)).toISOString().slice(0, 10);
  return { start, end };
}

/** The quarter `by` quarters after (before, when negative) a quarter: `2026Q1`, −1 → `2025Q4`. */
export function shiftQuarter(quarter: string, by: number): string {
  const m = QUARTER.exec(quarter)!;
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

/** The quarter a `YYYY-MM-DD` day falls in, e.g. `2026Q4`. */
export function quarterOf(day: string): string {
  const y = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  return `${y}Q${Math.floor((month - 1) / 3) + 1}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` day (its 00:00 UTC / DAY_MS), read without Date. */
export function dayNumber(day: string): number {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  const d = Number(day.slice(8, 10));
  return daysFromCivil(y, m, d);
}

/** `YYYY-MM-DD` of a day number. */
export const dayOfNumber = (days: number): string => dayOf(days * DAY_MS);

/**
 * Days since the epoch of a proleptic Gregorian date (Howard Hinnant's days_from_civil):
 * arithmetic only, so a report can bucket 200k timestamps without a Date each.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * The UTC month of an instant as one number, year × 12 + month − 1 (2026-03 → 24314), so
 * "months since" is a subtraction. Arithmetic inverse of daysFromCivil (civil_from_days).
 */
export function monthIndex(ms: number): number {
  const z = Math.floor(ms / DAY_MS) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}

/** 00:00 UTC on the first day of a month index. */
export const monthStart = (index: number): number =>
  daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1) * DAY_MS;

/** `YYYY-MM` of a month index. */
export const monthLabel = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
