/**
 * Ratios as the Forecast view writes them, in the UI language: a coverage of 1.92×, a
 * share of 57.7%, a bias of −4.3% (with a sign: above zero the method said too much), a
 * fractional count of deals to one decimal. Null is an em dash, never 0.
 */
const cache = new Map<string, Intl.NumberFormat>();
function decimal(language: string, digits: number, signed = false): Intl.NumberFormat {
  const key = `${language}|${digits}|${signed}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
    });
    cache.set(key, f);
  }
  return f;
}

export const NONE = '—';

export const times = (v: number | null, language: string): string =>
  v === null ? NONE : `${decimal(language, 2).format(v)}×`;

export const percent = (v: number | null, language: string): string =>
  v === null ? NONE : `${decimal(language, 1).format(v * 100)}%`;

export const signedPercent = (v: number | null, language: string): string =>
  v === null ? NONE : `${decimal(language, 1, true).format(v * 100)}%`;

export const oneDecimal = (v: number | null, language: string): string =>
  v === null ? NONE : decimal(language, 1).format(v);

/** Digits of equal width, so the amounts of a column line up. */
export const NUMERIC = { fontVariantNumeric: 'tabular-nums' } as const;
