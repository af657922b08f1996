import type { ImportPreview } from '@shared/contract';
import type { Stage } from '@shared/domain/stages';
import {
  detectDateOrder,
  presetFits,
  presetMapping,
  suggestColumns,
  suggestStage,
  type DealMapping,
  type MappableColumn,
  type MappingPreset,
} from '@shared/imports/column-mapping';

const DATE_COLUMNS: readonly MappableColumn[] = [
  'created_at',
  'close_date',
  'updated_at',
  'last_activity_at',
];

/** The values of the columns the mapping reads as dates (for the date order). */
export function dateValues(preview: ImportPreview, mapping: DealMapping): string[] {
  return DATE_COLUMNS.flatMap((c) => {
    const i = mapping.columns[c];
    return i === undefined ? [] : (preview.values[i] ?? preview.rows.map((r) => r[i] ?? ''));
  });
}

/** The stage column's distinct values, or null when it has too many to be stages. */
export function stageValues(preview: ImportPreview, mapping: DealMapping): string[] | null {
  const i = mapping.columns.stage;
  return i === undefined ? [] : (preview.values[i] ?? null);
}

/** Fills in a suggestion for each stage value the mapping does not map yet. */
export function withStageSuggestions(
  preview: ImportPreview,
  mapping: DealMapping,
  stages: readonly Stage[],
): DealMapping {
  const next = { ...mapping.stages };
  for (const v of stageValues(preview, mapping) ?? []) {
    if (next[v] !== undefined) continue;
    const key = suggestStage(v, stages);
    if (key) next[v] = key;
  }
  return { ...mapping, stages: next };
}

/**
 * The mapping the step opens with: a saved preset made for this export (every column it
 * names is in the file), else suggestions from the header names; stage values suggested
 * by key or name; dates month first unless the file's values say day first.
 */
export function initialMapping(
  preview: ImportPreview,
  stages: readonly Stage[],
  presets: readonly MappingPreset[],
): { mapping: DealMapping; preset: string | null } {
  const preset = presets.find((p) => presetFits(p, preview.header));
  let mapping: DealMapping;
  if (preset) mapping = presetMapping(preset, preview.header);
  else {
    const columns: DealMapping['columns'] = {};
    suggestColumns(preview.header).forEach((c, i) => {
      if (c) columns[c] = i;
    });
    mapping = { columns, stages: {}, dateOrder: 'mdy' };
    mapping.dateOrder = detectDateOrder(dateValues(preview, mapping)) ?? 'mdy';
  }
  return { mapping: withStageSuggestions(preview, mapping, stages), preset: preset?.name ?? null };
}

/** Column `index` now feeds `target` (or nothing); a target fed by another column moves here. */
export function assignColumn(
  mapping: DealMapping,
  index: number,
  target: MappableColumn | null,
): DealMapping {
  const columns: DealMapping['columns'] = {};
  for (const [c, i] of Object.entries(mapping.columns) as [MappableColumn, number][])
    if (i !== index && c !== target) columns[c] = i;
  if (target) columns[target] = index;
  return { ...mapping, columns };
}

/** The preset to save: the mapping by header names. */
export function toPreset(name: string, preview: ImportPreview, mapping: DealMapping): MappingPreset {
  const columns: MappingPreset['columns'] = {};
  for (const [c, i] of Object.entries(mapping.columns) as [MappableColumn, number][]) {
    const header = preview.header[i];
    if (header !== undefined) columns[c] = header;
  }
  return { name: name.trim(), columns, stages: mapping.stages, dateOrder: mapping.dateOrder };
}
