/**
 * A CRM's own deals export, mapped onto the canonical deals columns before the canonical
 * check: the same validate-first, all-or-nothing rules then apply, with the file's lines.
 */
import type { DealMapping, MappableColumn } from '@shared/imports/column-mapping';
import { normalizeCategory, normalizeExportAmount, normalizeExportDate } from '@shared/imports/export-values';
import { formatTimestamp } from '@shared/time';
import type { SourceTable } from './source';

export interface MappingContext {
  /** created_at of a deal already in the workspace. */
  storedCreatedAt: (id: string) => number | undefined;
  /** The import time. */
  now: number;
}

const TIMESTAMPS: ReadonlySet<MappableColumn> = new Set(['created_at', 'updated_at', 'last_activity_at']);

/**
 * The canonical table the mapping describes. Dates and amounts are normalised, stage values
 * translated through the stage mapping, forecast categories by name; everything else is
 * taken as written. Without a created_at column, a deal already in the workspace keeps its
 * creation time and a new one is created at the import time (documented in README.md).
 */
export function mapDeals(table: SourceTable, mapping: DealMapping, ctx: MappingContext): SourceTable {
  const columns = (Object.entries(mapping.columns) as [MappableColumn, number][]).filter(
    ([, index]) => index < table.header.length,
  );
  const fillCreated = !columns.some(([c]) => c === 'created_at');
  const idIndex = mapping.columns.id;
  const header = [...columns.map(([c]) => c), ...(fillCreated ? ['created_at'] : [])];
  const stages = new Map(Object.entries(mapping.stages).map(([k, v]) => [k.trim(), v]));
  const nowText = formatTimestamp(ctx.now);

  const records = table.records.map((record) => {
    // A row of empty cells stays one, so it is reported as a blank row, not as a bad deal.
    if (record.cells.every((c) => c.trim() === '')) return { line: record.line, cells: header.map(() => '') };
    const cells = columns.map(([column, index]) => {
      const raw = record.cells[index] ?? '';
      if (TIMESTAMPS.has(column)) return normalizeExportDate(raw, mapping.dateOrder);
      if (column === 'close_date') return normalizeExportDate(raw, mapping.dateOrder, true);
      if (column === 'amount') return normalizeExportAmount(raw);
      if (column === 'stage') return stages.get(raw.trim()) ?? raw;
      if (column === 'forecast_category') return normalizeCategory(raw);
      return raw;
    });
    if (fillCreated) {
      const id = idIndex === undefined ? '' : (record.cells[idIndex] ?? '').trim();
      const stored = ctx.storedCreatedAt(id);
      cells.push(stored === undefined ? nowText : formatTimestamp(stored));
    }
    return { line: record.line, cells };
  });
  return { ...table, header, records };
}
