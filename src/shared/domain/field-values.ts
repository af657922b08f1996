/**
 * A deal's field values at an instant (PRODUCT.md, "Metric definitions" → "Field values"
 * and "State at an instant"). Pure: no Node, no DOM, no database.
 */
import { parseAmount } from '@shared/money';
import type { HistoryField } from '@shared/domain/stages';

/** One history row as stored: `changedAt` in ms since the epoch, `value` as written in history.csv. */
export interface HistoryRow {
  field: string;
  value: string;
  changedAt: number;
}

/** A value stamped at an instant (a history row of a field already known). */
export interface TimedValue {
  value: string;
  changedAt: number;
}

/**
 * The rows in time order. Array.prototype.sort is stable, so rows stamped at one
 * instant keep the order they were given in (file order), which decides which of two
 * simultaneous rows is "the last" one (PRODUCT.md: ties keep file order).
 */
export function byChangedAt<R extends TimedValue>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => a.changedAt - b.changedAt);
}

/** The deal's rows of one field, in time order (ties in the given order). */
export function fieldRows<R extends HistoryRow>(rows: readonly R[], field: HistoryField): R[] {
  return byChangedAt(rows.filter((r) => r.field === field));
}

/**
 * The value of `field` at instant `t`: the value of its last row stamped strictly
 * before `t` (an event at exactly `t` belongs to what happens from `t` on); before its
 * earliest row, the earliest row's value, even when that row is at or after `t` (a
 * history without a row for the initial value back-dates its first change); with no
 * rows at all, the deal's column, which is used for nothing else.
 *
 * Rows are sorted by `changedAt` as given: the import already moved rows stamped before
 * `created_at` to `created_at`, and for any `t` after `created_at` that move changes no value.
 */
export function fieldValueAt<C>(
  rows: readonly HistoryRow[],
  field: HistoryField,
  t: number,
  column: C,
): string | C {
  const sorted = fieldRows(rows, field);
  let value: string | C = sorted[0]?.value ?? column;
  for (const row of sorted) {
    if (row.changedAt >= t) break;
    value = row.value;
  }
  return value;
}

/**
 * Cents of a history `amount` value (a decimal like `1234.5`; empty = 0, PRODUCT.md
 * "history.csv"). The import stores only values `parseAmount` accepts, written back by
 * `formatAmount`; anything else (a hand-edited database) counts as 0 rather than
 * poisoning every sum with NaN.
 */
export function amountCents(value: string): number {
  return parseAmount(value)?.cents ?? 0;
}

/** The deal's amount at `t`, in cents; `columnCents` is `amount_cents` (used only without amount rows). */
export function amountCentsAt(rows: readonly HistoryRow[], t: number, columnCents: number): number {
  const value = fieldValueAt(rows, 'amount', t, null);
  return value === null ? columnCents : amountCents(value);
}

/**
 * The close date (`YYYY-MM-DD`) at `t`, or null when it is not set. An empty
 * `close_date` row clears the date (PRODUCT.md "history.csv").
 */
export function closeDateAt(rows: readonly HistoryRow[], t: number, column: string | null): string | null {
  const value = fieldValueAt(rows, 'close_date', t, column);
  return value === '' ? null : value;
}
