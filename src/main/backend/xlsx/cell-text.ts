/**
 * How a sheet cell becomes the text a canonical column reads (PRODUCT.md, "Spreadsheets and
 * encodings"): by value, never as displayed.
 */

const DAY_MS = 86_400_000;
/** Days from the 1900 system's day 0 to 1970-01-01, counting Excel's phantom 1900-02-29. */
const EPOCH_1900 = 25_569;
/** The 1904 system (old Mac workbooks) counts from 1904-01-01: 1,462 days later. */
const EPOCH_1904 = EPOCH_1900 - 1_462;

/**
 * A number as the shortest decimal that reads back as the same double: what JavaScript's
 * `String` gives, so `0.1` written as `0.10000000000000001` comes out `0.1`, and Excel's own
 * float artefacts (`0.30000000000000004`) stay the exact value the cell holds.
 */
export const numberText = (value: number): string => String(value);

/** The UTC instant a date serial stands for, to the millisecond (sheet times have no zone). */
export function serialToMs(serial: number, date1904: boolean): number {
  return Math.round((serial - (date1904 ? EPOCH_1904 : EPOCH_1900)) * DAY_MS);
}

/** `YYYY-MM-DD` for a midnight, else the UTC timestamp to the millisecond. */
export function instantText(ms: number): string {
  const iso = new Date(ms).toISOString();
  return ms % DAY_MS === 0 ? iso.slice(0, 10) : iso;
}

/** A date cell's text. Serials before 1900-03-01 fall in Excel's phantom leap day: no deal is that old. */
export const dateSerialText = (serial: number, date1904: boolean): string =>
  instantText(serialToMs(serial, date1904));

/**
 * A `t="d"` cell holds an ISO 8601 date-time without a zone (or with Z): read as UTC, never
 * as the machine's local time. Null when it is not one.
 */
export function isoCellText(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?Z?$/.exec(
    value.trim(),
  );
  if (!m) return null;
  const ms = Date.UTC(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    Number((m[7] ?? '').padEnd(3, '0')),
  );
  // 2026-13-01 rolls over into another year, 02-30 or 24:00 into another day (and 0099 into
  // 1999): no such date, so the cell stays as written; 9:60 stays in its day, hence the
  // minute and second checks.
  const back = new Date(ms);
  const rolled =
    back.getUTCFullYear() !== Number(m[1]) ||
    back.getUTCDate() !== Number(m[3]) ||
    Number(m[5] ?? 0) > 59 ||
    Number(m[6] ?? 0) > 59;
  return rolled ? null : instantText(ms);
}
