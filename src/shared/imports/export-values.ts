/**
 * Values as CRM exports write them, turned into the canonical forms (PRODUCT.md): dates like
 * 2026/3/4, 2026-03-04 09:30, 2026年3月4日 or 3/4/2026; amounts like "¥1,234.50"; forecast
 * categories by name. A value that fits no form is returned unchanged, so the canonical
 * check reports it with its line instead of the mapping guessing.
 */
import type { FORECAST_CATEGORIES } from '../domain/stages';
import type { DateOrder } from './column-mapping';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const YEAR_FIRST =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})(?:\.(\d{1,3})\d*)?)?\s*秒?\s*(am|pm|上午|下午)?)?$/i;
const YEAR_LAST =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[\sT,]+(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:\.(\d{1,3})\d*)?)?\s*(am|pm)?)?$/i;

/**
 * A date or date-time from an export, as `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS.sssZ` (times
 * without a zone are UTC, like everywhere in the workbench). `day` keeps only the day (a
 * close date). Text already canonical passes through unchanged.
 */
export function normalizeExportDate(text: string, order: DateOrder, day = false): string {
  const t = text.trim();
  if (t === '') return '';
  // Already canonical (or looking so: the canonical check then names what is wrong with it).
  if (/^\d{4}-\d{2}-\d{2}(T|$)/.test(t)) return day ? t.slice(0, 10) : t;
  let y: number, mo: number, d: number;
  let h = 0,
    mi = 0,
    s = 0,
    ms = 0;
  let meridiem: string | undefined;
  const first = YEAR_FIRST.exec(t);
  const last = first ? null : YEAR_LAST.exec(t);
  if (first) {
    [y, mo, d] = [Number(first[1]), Number(first[2]), Number(first[3])];
    if (first[4] !== undefined) {
      [h, mi, s] = [Number(first[4]), Number(first[5]), Number(first[6] ?? 0)];
      ms = Number((first[7] ?? '').padEnd(3, '0'));
      meridiem = first[8];
    }
  } else if (last) {
    const [a, b] = [Number(last[1]), Number(last[2])];
    [y, mo, d] = order === 'mdy' ? [Number(last[3]), a, b] : [Number(last[3]), b, a];
    if (last[4] !== undefined) {
      [h, mi, s] = [Number(last[4]), Number(last[5]), Number(last[6] ?? 0)];
      ms = Number((last[7] ?? '').padEnd(3, '0'));
      meridiem = last[8];
    }
  } else return text;
  if (meridiem) {
    const pm = /pm|下午/i.test(meridiem);
    if (h > 12 || h === 0) return text;
    h = (h % 12) + (pm ? 12 : 0);
  }
  const instant = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(instant);
  // 2026/2/30 is no date, nor 9:60: leave them for the check to report (month 13 rolls the
  // year over, an hour past 23 the day, which the comparisons catch).
  if (check.getUTCFullYear() !== y || check.getUTCDate() !== d || mi > 59 || s > 59) return text;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  // A day without a time, or at midnight, is that day (HubSpot writes "2026-03-04 00:00").
  if (day || instant % 86_400_000 === 0) return date;
  return check.toISOString();
}

const CURRENCY_MARKS = /[¥￥$€£₩₹]|\b(?:CNY|RMB|USD|EUR|GBP|HKD|JPY)\b|元|人民币/gi;

/**
 * An amount as a plain decimal: currency signs and codes, thousands separators and spaces
 * removed, accounting negatives "(1,234.50)" made "-1234.50". Unchanged when the rest is no
 * number (the check names it).
 */
export function normalizeExportAmount(text: string): string {
  const t = text.trim();
  if (t === '') return '';
  let s = t.replace(CURRENCY_MARKS, '').replace(/[\s\u00a0,，]/g, '');
  let negative = false;
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1]!;
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(s)) return text;
  return negative ? `-${s}` : s;
}

/** Forecast category names of CRM exports (Salesforce, HubSpot, Chinese UIs) → canonical. */
const CATEGORY_NAMES: Record<string, (typeof FORECAST_CATEGORIES)[number]> = {
  pipeline: 'pipeline',
  管道: 'pipeline',
  渠道: 'pipeline',
  bestcase: 'best_case',
  best_case: 'best_case',
  最佳情况: 'best_case',
  最佳: 'best_case',
  commit: 'commit',
  承诺: 'commit',
  确定: 'commit',
  omitted: 'omitted',
  omit: 'omitted',
  忽略: 'omitted',
  排除: 'omitted',
  closed: 'closed',
  已关闭: 'closed',
  关闭: 'closed',
};

export function normalizeCategory(text: string): string {
  const key = text.toLowerCase().replace(/\s/g, '');
  return CATEGORY_NAMES[key] ?? text;
}
