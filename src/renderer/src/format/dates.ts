import { parseTimestamp } from '@shared/time';

/**
 * Dates. The workbench's days are UTC days (PRODUCT.md: "All times are UTC"), so a
 * close date or a stage change is shown in UTC: a deal closing on 2026-11-20 must not
 * read "Nov 19" for a manager west of Greenwich. Notes are the person's own actions and
 * show their local time.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions, key: string): Intl.DateTimeFormat {
  const k = `${language}|${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(language, options);
    cache.set(k, f);
  }
  return f;
}

const instant = (text: string): number | null => {
  const ms = parseTimestamp(text);
  if (ms !== null) return ms;
  // Tolerate any ISO form the backend may send (e.g. with a different fraction length).
  const parsed = Date.parse(text);
  return Number.isNaN(parsed) ? null : parsed;
};

/** `2026-11-20` or a timestamp → "Nov 20, 2026" / "2026年11月20日" (UTC day). */
export function formatDay(text: string | null | undefined, language: string): string {
  if (!text) return '';
  const ms = instant(text);
  if (ms === null) return text;
  return formatter(language, { dateStyle: 'medium', timeZone: 'UTC' }, 'day').format(ms);
}

/** A timestamp in the person's local time, to the minute (notes). */
export function formatLocalDateTime(text: string, language: string): string {
  const ms = instant(text);
  if (ms === null) return text;
  return formatter(language, { dateStyle: 'medium', timeStyle: 'short' }, 'local').format(ms);
}

/** Whole days for display; durations are fractional in the data. */
export const wholeDays = (days: number): number => Math.max(0, Math.floor(days));
