/**
 * Money is handled as integer cents so sums are exact to the cent; the API and files
 * show it as decimal numbers in the workspace's one currency (amounts are never converted).
 */
const DECIMAL = /^([+-]?)(\d+)(?:\.(\d*))?$|^([+-]?)\.(\d+)$/;

export interface ParsedAmount {
  cents: number;
  /** True when the text had digits below the cent, which were rounded away. */
  rounded: boolean;
}

/** A decimal amount (`1234`, `1234.5`, `-0.25`); empty means 0. Null when it is not a number. */
export function parseAmount(text: string): ParsedAmount | null {
  const t = text.trim();
  if (t === '') return { cents: 0, rounded: false };
  const m = DECIMAL.exec(t);
  if (!m) return null;
  const sign = (m[1] ?? m[4]) === '-' ? -1 : 1;
  const whole = m[2] ?? '0';
  const frac = m[3] ?? m[5] ?? '';
  if (whole.length > 13) return null; // beyond 10^13 the cents stop being exact doubles
  const cents2 = Number(frac.slice(0, 2).padEnd(2, '0'));
  const rest = frac.slice(2);
  let cents = Number(whole) * 100 + cents2;
  // Half away from zero, on the written digits (no binary rounding surprises).
  if (rest.length > 0 && rest[0]! >= '5') cents += 1;
  return { cents: sign * cents === 0 ? 0 : sign * cents, rounded: /[1-9]/.test(rest) };
}

/** Shortest exact decimal: 123450 → "1234.5", 100000 → "1000", -5 → "-0.05". */
export function formatAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}`;
}

const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A plain decimal number as written in a CSV cell (no hex, exponents or spaces); null otherwise. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  return PLAIN_DECIMAL.test(t) ? Number(t) : null;
}
