/**
 * What the import dialog's mapping step shows of a deals file: its header, first rows and
 * each column's distinct values (for the stage values to map), read exactly as the import
 * will read it (a workbook by value, GB18030 when not UTF-8). Writes nothing.
 */
import type { ImportFile, ImportPreview } from '@shared/contract';
import { isCanonicalHeader } from '@shared/imports/column-mapping';
import { IssueLog } from './issues';
import { readSource } from './source';
import { isBlankRecord } from './totals-row';

const PREVIEW_ROWS = 5;
/** A column with more distinct values than this is no list of stages. */
const MAX_VALUES = 200;

export function previewDeals(file: ImportFile): ImportPreview {
  const log = new IssueLog();
  const table = readSource('deals', file, log);
  const records = (table?.records ?? []).filter((r) => !isBlankRecord(r.cells));
  const header = table?.header ?? [];
  const values = header.map((_, i) => {
    const seen = new Set<string>();
    for (const r of records) {
      const v = (r.cells[i] ?? '').trim();
      if (v === '') continue;
      seen.add(v);
      if (seen.size > MAX_VALUES) return null;
    }
    return [...seen];
  });
  return {
    header,
    rows: records.slice(0, PREVIEW_ROWS).map((r) => header.map((_, i) => r.cells[i] ?? '')),
    values,
    records: records.length,
    canonical: isCanonicalHeader(header),
    warnings: log.warnings,
    errors: log.errors,
  };
}
