/**
 * Rows a spreadsheet adds below the data that are not deals: blank rows (a CSV line of
 * commas, a formatted but empty sheet row) and a totals row. Imported, a totals row would
 * be a deal worth the whole pipeline; both are reported by line and left out instead.
 */
import { formatAmount, parseAmount } from '@shared/money';
import type { CsvRecord } from '../csv/codec';

/** Every cell empty or white space. */
export const isBlankRecord = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

/** Words a totals row carries where the id (or a name) would be, in both languages. */
const TOTALS_LABEL = /^(合计|总计|小计|總計|合計|total|totals|grand total|sum|summe)\s*[:：]?$/i;

/**
 * The last record, when it is a totals row: its id is empty or one of its cells says
 * 合计/总计/Total/Sum…, and its amount equals the sum of the amounts above it (to the cent;
 * a row that merely lacks an id is still a deal, and its error says so). Null otherwise.
 */
export function totalsRecord(
  records: readonly CsvRecord[],
  cell: (record: CsvRecord, column: string) => string,
): { line: number; amount: string } | null {
  const last = records.at(-1);
  if (!last || records.length < 2) return null;
  const labelled = cell(last, 'id').trim() === '' || last.cells.some((c) => TOTALS_LABEL.test(c.trim()));
  if (!labelled) return null;
  const total = parseAmount(cell(last, 'amount'));
  if (!total || cell(last, 'amount').trim() === '') return null;
  let sum = 0;
  for (let i = 0; i < records.length - 1; i++) {
    const a = parseAmount(cell(records[i]!, 'amount'));
    // An amount that is not a number cannot be part of a sum the row could repeat.
    if (!a) return null;
    sum += a.cents;
  }
  return sum === total.cents ? { line: last.line, amount: formatAmount(total.cents) } : null;
}
