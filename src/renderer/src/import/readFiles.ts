import type { ImportFileKind, ImportFiles } from '../../../shared/contract';

export type PickedFiles = Partial<Record<ImportFileKind, File | null>>;

/**
 * Reads the picked CSV files as text (UTF-8; the backend strips a BOM). Reading happens
 * in the renderer so the same dialog works in the desktop app and in a browser tab.
 */
export async function readFiles(picked: PickedFiles): Promise<ImportFiles> {
  const files: ImportFiles = {};
  for (const [kind, file] of Object.entries(picked) as [ImportFileKind, File | null | undefined][]) {
    if (!file) continue;
    try {
      files[kind] = { name: file.name, text: await file.text() };
    } catch (e) {
      throw new FileReadError(file.name, e instanceof Error ? e.message : String(e));
    }
  }
  return files;
}

export class FileReadError extends Error {
  constructor(
    readonly fileName: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'FileReadError';
  }
}

/** Rows that would go in with "skip invalid": valid rows across every file. */
export function validRows(counts: Record<ImportFileKind, { rows: number; invalid: number }>): number {
  return Object.values(counts).reduce((sum, c) => sum + Math.max(0, c.rows - c.invalid), 0);
}
