/**
 * Saved column mappings, kept in the workspace (settings key `imports.mappingPresets`) so
 * the next export of the same CRM maps in one click, whichever window or browser opens it.
 */
import { mappingPresetSchema } from '@shared/contract';
import type { MappingPreset } from '@shared/imports/column-mapping';
import type { Db } from '../db/query';
import { readSetting, writeSetting } from '../workspace/settings';

const KEY = 'imports.mappingPresets';

/** The saved presets by name; an entry that no longer parses (edited by hand) is left out. */
export function listPresets(ws: Db): MappingPreset[] {
  const stored = readSetting<unknown[]>(ws, KEY, []);
  const presets = (Array.isArray(stored) ? stored : []).flatMap((p) => {
    const parsed = mappingPresetSchema.safeParse(p);
    return parsed.success ? [parsed.data] : [];
  });
  return presets.sort((a, b) => a.name.localeCompare(b.name));
}

export function savePreset(ws: Db, preset: MappingPreset): MappingPreset[] {
  const others = listPresets(ws).filter((p) => p.name !== preset.name);
  writeSetting(ws, KEY, [...others, preset]);
  return listPresets(ws);
}

export function deletePreset(ws: Db, name: string): MappingPreset[] {
  writeSetting(
    ws,
    KEY,
    listPresets(ws).filter((p) => p.name !== name),
  );
  return listPresets(ws);
}
