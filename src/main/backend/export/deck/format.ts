import type { DeckLang } from './labels';

/**
 * Numbers as a projector audience reads them, to four significant digits (PRODUCT.md:
 * "each figure at least once to about 4 significant digits"): 万 and 亿 in Chinese, K, M
 * and B in English. Charts keep the exact values; these are the words beside them.
 */
const SYMBOLS: Record<string, string> = {
  CNY: '¥',
  RMB: '¥',
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  HKD: 'HK$',
};

export const currencySymbol = (currency: string): string =>
  SYMBOLS[currency.toUpperCase()] ?? (currency ? `${currency} ` : '');

/** Four significant digits without an exponent, trailing zeros after the point kept off. */
function sig4(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 10_000) return Math.round(x).toLocaleString('en');
  return String(Number(x.toPrecision(4)));
}

const UNITS: Record<DeckLang, [number, string][]> = {
  en: [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e4, 'K'],
  ],
  'zh-CN': [
    [1e8, '亿'],
    [1e4, '万'],
  ],
};

/** An amount in the workspace currency: `¥12.35M`, `¥1235万`, `-¥4,321`. */
export function money(value: number, lang: DeckLang, currency: string): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const symbol = currencySymbol(currency);
  for (const [size, unit] of UNITS[lang]) {
    if (abs >= size) {
      const scale = unit === 'K' ? 1e3 : size;
      return `${sign}${symbol}${sig4(abs / scale)}${unit}`;
    }
  }
  return `${sign}${symbol}${abs >= 1000 ? sig4(abs) : String(Number(abs.toFixed(2)))}`;
}

export const moneyOrNone = (value: number | null, lang: DeckLang, currency: string, none: string): string =>
  value === null ? none : money(value, lang, currency);

/** A fraction as a percentage: 0.4567 → `45.67%`. */
export const percent = (value: number | null, none: string): string =>
  value === null ? none : `${sig4(value * 100)}%`;

/** A multiple: coverage 2.3456 → `2.346×`. */
export const times = (value: number | null, none: string): string =>
  value === null ? none : `${sig4(value)}×`;

/** A plain quantity to four significant digits (days, fractional deal counts). */
export const quantity = (value: number | null, none: string): string => (value === null ? none : sig4(value));

/**
 * The number formats a chart's value axis and data labels use, scaled to its largest
 * value; the chart's data stays exact (PowerPoint's Edit Data shows the report's numbers).
 */
export interface ChartFormat {
  axis: string;
  label: string;
}

/** The same format on the axis and the labels (counts, days). */
export const plainFormat = (code: string): ChartFormat => ({ axis: code, label: code });

export function chartMoneyFormat(max: number, lang: DeckLang): ChartFormat {
  const abs = Math.abs(max);
  if (lang === 'zh-CN') {
    // "," scales by thousands only; a quoted point between digit placeholders shifts the
    // decimal by one more digit (Excel's and LibreOffice's way to write 万 and 亿).
    if (abs >= 1e8) return { axis: '0"."00,,"亿"', label: '0"."00,,"亿"' };
    if (abs >= 1e5) return { axis: '0"."0,"万"', label: '0"."0,"万"' };
    return { axis: '#,##0', label: '#,##0' };
  }
  if (abs >= 1e9) return { axis: '#,##0.0,,,"B"', label: '#,##0.00,,,"B"' };
  if (abs >= 1e6) return { axis: '#,##0,,"M"', label: '#,##0.00,,"M"' };
  if (abs >= 1e4) return { axis: '#,##0,"K"', label: '#,##0.0,"K"' };
  return { axis: '#,##0', label: '#,##0' };
}
