import type { ImportFileKind } from '@shared/contract';
import { CsvSyntaxError, parseCsv, unguardFormula } from './codec';
import { COLUMNS, FILE_NAMES, OPTIONAL, REQUIRED, TRIMMED } from './columns';
import { problem, type IssueLog } from '../imports/issues';

/** A row of a canonical file: its line number, cells looked up by column name. */
export class CanonicalRow {
  constructor(
    readonly line: number,
    private readonly cells: string[],
    private readonly columns: ColumnMap,
  ) {}

  get(column: string): string {
    const c = this.columns.get(column);
    if (c === undefined) return '';
    const value = unguardFormula(this.cells[c.index]!);
    return c.trim ? value.trim() : value;
  }
}

type ColumnMap = Map<string, { index: number; trim: boolean }>;

/**
 * Parses one canonical CSV and maps its header (case-insensitive) onto the canonical
 * columns. File-level problems are logged as line-0 errors and yield no rows; a row whose
 * cell count differs from the header's is an error of that row.
 */
export function readCanonical(kind: ImportFileKind, text: string, log: IssueLog): CanonicalRow[] {
  const file = FILE_NAMES[kind];
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      log.error(kind, 0, problem(e.code, { file, line: e.line }));
      return [];
    }
    throw e;
  }
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
  const rows: CanonicalRow[] = [];
  log.records[kind] = table.records.length;
  for (const record of table.records) {
    if (record.cells.length !== width) {
      log.error(kind, record.line, problem('cell_count', { cells: record.cells.length, width }));
      continue;
    }
    rows.push(new CanonicalRow(record.line, record.cells, index));
  }
  return rows;
}
