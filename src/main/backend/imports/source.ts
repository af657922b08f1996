/**
 * Turns a picked file into a table of rows, whatever it came as: CSV text, CSV bytes in
 * another encoding than UTF-8 (read as GB18030, with a warning), or an .xlsx workbook
 * (the sheet named like the file's kind, else the first; header in row 1). Every reader
 * after this one sees the same shape, so a workbook is checked by the same rules as a CSV.
 */
import { basename } from 'node:path';
import type { ImportFile, ImportFileKind } from '@shared/contract';
import { CsvSyntaxError, parseCsv, type CsvRecord } from '../csv/codec';
import { FILE_NAMES } from '../csv/columns';
import { openWorkbook, WorkbookError } from '../xlsx/workbook';
import { problem, type IssueLog } from './issues';

export interface SourceTable {
  header: string[];
  /** Records after the header; `line` is the physical line (CSV) or the sheet row (xlsx). */
  records: CsvRecord[];
  format: 'csv' | 'xlsx';
  /** How messages name the file: its name (`Opportunities.csv`), or `Opportunities.xlsx [deals]` for a sheet. */
  label: string;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** The compound-file header of a legacy .xls (and of an encrypted .xlsx). */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** Strict UTF-8, else GB18030 (a superset of GBK and GB2312, which never fails to decode). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes),
      encoding: 'utf-8',
    };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** The file's bytes when it came as base64 (validated by the contract). */
export const fileBytes = (file: ImportFile): Uint8Array | null =>
  'data' in file ? new Uint8Array(Buffer.from(file.data, 'base64')) : null;

/**
 * Whether a file is read as a workbook: by its bytes (so a renamed file is still read for
 * what it is), or by its name when the bytes are no zip (then it is an unreadable one).
 */
export const isWorkbook = (file: ImportFile): boolean => {
  if (!('data' in file)) return false;
  // The first 8 base64 characters are the first 6 bytes: enough for the magic numbers.
  const head = new Uint8Array(Buffer.from(file.data.slice(0, 8), 'base64'));
  return startsWith(head, ZIP_MAGIC) || startsWith(head, CFB_MAGIC) || /\.xlsx$/i.test(file.name);
};

/**
 * Reads one file into a table. Problems that make the whole file unreadable are logged as
 * line-0 errors and give null.
 */
export function readSource(kind: ImportFileKind, file: ImportFile, log: IssueLog): SourceTable | null {
  const bytes = fileBytes(file);
  if (bytes && isWorkbook(file)) return readWorkbookSource(kind, file.name, bytes, log);
  let text: string;
  // Messages name the file the person picked (a CRM export is rarely called deals.csv).
  const csvName = basename(file.name.replace(/\\/g, '/')) || FILE_NAMES[kind];
  if (bytes) {
    const decoded = decodeCsvBytes(bytes);
    text = decoded.text;
    if (decoded.encoding === 'gb18030') log.warn(kind, 0, problem('encoding_gb18030', { file: csvName }));
  } else text = (file as { text: string }).text;
  try {
    const table = parseCsv(text);
    return { header: table.header, records: table.records, format: 'csv', label: csvName };
  } catch (e) {
    if (e instanceof CsvSyntaxError) {
      log.error(kind, 0, problem(e.code, { file: csvName, line: e.line }));
      return null;
    }
    throw e;
  }
}

function readWorkbookSource(
  kind: ImportFileKind,
  name: string,
  bytes: Uint8Array,
  log: IssueLog,
): SourceTable | null {
  const file = basename(name.replace(/\\/g, '/'));
  if (startsWith(bytes, CFB_MAGIC)) {
    log.error(kind, 0, problem('xls_legacy', { file }));
    return null;
  }
  try {
    const book = openWorkbook(bytes);
    if (book.sheetNames.length === 0) throw new WorkbookError('it has no worksheet');
    const named = book.sheetNames.find((s) => s.trim().toLowerCase() === kind);
    const sheet = named ?? book.sheetNames[0]!;
    if (!named && book.sheetNames.length > 1)
      log.warn(kind, 0, problem('xlsx_first_sheet', { file, kind, sheet }));
    log.sheets[kind] = sheet;
    const rows = book.readSheet(sheet);
    const label = `${file} [${sheet}]`;
    // PRODUCT.md: the header is row 1; a sheet whose row 1 is empty has none.
    const header = rows[0]?.row === 1 ? rows.shift()!.cells : [];
    const width = header.length;
    const records = rows.map((r) => {
      const cells = r.cells.slice(0, width);
      while (cells.length < width) cells.push('');
      return { line: r.row, cells };
    });
    return { header, records, format: 'xlsx', label };
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    log.error(kind, 0, problem('xlsx_unreadable', { file, reason: e.message }));
    return null;
  }
}
