import type { ImportFileKind } from '@shared/contract';
import { unguardFormula } from './codec';
import { COLUMNS, OPTIONAL, REQUIRED, TRIMMED } from './columns';
import { problem, type IssueLog } from '../imports/issues';
import type { SourceTable } from '../imports/source';
import { isBlankRecord, totalsRecord } from '../imports/totals-row';

/** A row of a canonical file: its line number, cells looked up by column name. */
export class CanonicalRow {
  constructor(
    readonly line: number,
    private readonly cells: string[],
    private readonly columns: ColumnMap,
    /** CSV cells carry the formula guard; a workbook's text cells are taken as written. */
    private readonly guarded = true,
  ) {}

  get(column: string): string {
    const c = this.columns.get(column);
    if (c === undefined) return '';
    const cell = this.cells[c.index]!;
    const value = this.guarded ? unguardFormula(cell) : cell;
    return c.trim ? value.trim() : value;
  }
}

type ColumnMap = Map<string, { index: number; trim: boolean }>;

/**
 * Maps a file's header (case-insensitive) onto the canonical columns. File-level problems
 * are logged as line-0 errors and yield no rows; a row whose cell count differs from the
 * header's is an error of that row. Blank rows and a totals row are reported and left out.
 */
export function readCanonical(
  kind: ImportFileKind,
  table: SourceTable | null,
  log: IssueLog,
): CanonicalRow[] {
  if (!table) return [];
  const file = table.label;
  if (table.header.length === 0) {
    log.error(kind, 0, problem('file_empty', { file, columns: COLUMNS[kind].join(',') }));
    return [];
  }
  const index: ColumnMap = new Map();
  table.header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (COLUMNS[kind].includes(name)) {
      if (index.has(name)) log.error(kind, 0, problem('column_twice', { file, column: name }));
      else index.set(name, { index: i, trim: TRIMMED.has(name) });
    } else {
      log.warn(kind, 1, problem('column_unknown', { file, column: raw }));
    }
  });
  const missingRequired = REQUIRED[kind].filter((c) => !index.has(c));
  if (missingRequired.length) {
    log.error(kind, 0, problem('columns_required', { file, columns: missingRequired.join(', ') }));
    return [];
  }
  const missingOptional = COLUMNS[kind].filter((c) => !index.has(c) && !REQUIRED[kind].includes(c));
  if (missingOptional.length && !missingOptional.every((c) => OPTIONAL[kind].includes(c))) {
    log.warn(kind, 1, problem('columns_missing', { file, columns: missingOptional.join(', ') }));
  }

  const width = table.header.length;
  const guarded = table.format === 'csv';
  const records = table.records.filter((record) => {
    if (!isBlankRecord(record.cells)) return true;
    log.warn(kind, record.line, problem('blank_row'));
    return false;
  });
  if (kind === 'deals') {
    const totals = totalsRecord(records, (record, column) => {
      const c = index.get(column);
      const cell = c === undefined ? '' : (record.cells[c.index] ?? '');
      return guarded ? unguardFormula(cell) : cell;
    });
    if (totals) {
      records.pop();
      log.warn(kind, totals.line, problem('totals_row', { amount: totals.amount }));
    }
  }
  const rows: CanonicalRow[] = [];
  log.records[kind] = records.length;
  for (const record of records) {
    if (record.cells.length !== width) {
      log.error(kind, record.line, problem('cell_count', { cells: record.cells.length, width }));
      continue;
    }
    rows.push(new CanonicalRow(record.line, record.cells, index, guarded));
  }
  return rows;
}
