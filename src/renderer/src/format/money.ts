/**
 * Money in the workspace's one currency (amounts are never converted). Formatters are
 * cached: building an Intl.NumberFormat costs far more than using one, and the deals
 * table formats thousands of cells while scrolling.
 */
const cache = new Map<string, Intl.NumberFormat>();

function formatter(language: string, currency: string, compact: boolean, cents: boolean): Intl.NumberFormat {
  const key = `${language}|${currency}|${compact}|${cents}`;
  let f = cache.get(key);
  if (!f) {
    const digits = compact
      ? { maximumFractionDigits: 1 }
      : { minimumFractionDigits: cents ? 2 : 0, maximumFractionDigits: cents ? 2 : 0 };
    try {
      f = new Intl.NumberFormat(language, {
        style: 'currency',
        currency,
        notation: compact ? 'compact' : 'standard',
        ...digits,
      });
    } catch {
      // An unknown or empty currency code (a hand-made CSV) must not blank the screen:
      // fall back to a plain number; the caller appends the code.
      f = new Intl.NumberFormat(language, { notation: compact ? 'compact' : 'standard', ...digits });
    }
    cache.set(key, f);
  }
  return f;
}

const validCurrency = (currency: string): boolean => {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency });
    return true;
  } catch {
    return false;
  }
};

/** `¥1,234,567` — whole units unless the amount has cents. */
export function formatMoney(amount: number, language: string, currency: string): string {
  const text = formatter(language, currency, false, !Number.isInteger(amount)).format(amount);
  return validCurrency(currency) || !currency ? text : `${text} ${currency}`;
}

/** `¥1.2亿` / `CN¥120M` — for totals where the order of magnitude matters. */
export function formatMoneyCompact(amount: number, language: string, currency: string): string {
  const text = formatter(language, currency, true, false).format(amount);
  return validCurrency(currency) || !currency ? text : `${text} ${currency}`;
}

const counts = new Map<string, Intl.NumberFormat>();
/** `12,345` with the language's grouping. */
export function formatCount(n: number, language: string): string {
  let f = counts.get(language);
  if (!f) {
    f = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    counts.set(language, f);
  }
  return f.format(n);
}
