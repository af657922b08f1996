import type { ImportFileKind, ImportFiles } from '@shared/contract';
import { decodeUtf8 } from '@shared/text';

export type PickedFiles = Partial<Record<ImportFileKind, File | null>>;

/**
 * Reads the picked CSV files as text (strictly UTF-8; the backend strips a BOM). Reading happens
 * in the renderer so the same dialog works in the desktop app and in a browser tab.
 */
export async function readFiles(picked: PickedFiles): Promise<ImportFiles> {
  const files: ImportFiles = {};
  for (const [kind, file] of Object.entries(picked) as [ImportFileKind, File | null | undefined][]) {
    if (!file) continue;
    let bytes: Uint8Array;
    try {
      bytes = await readBytes(file);
    } catch (e) {
      throw new FileReadError(file.name, e instanceof Error ? e.message : String(e));
    }
    const text = decodeUtf8(bytes);
    if (text === null) throw new FileReadError(file.name, 'not UTF-8', 'non_utf8');
    files[kind] = { name: file.name, text };
  }
  return files;
}

/** The file's bytes, through FileReader (available wherever a File is, jsdom included). */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

export class FileReadError extends Error {
  constructor(
    readonly fileName: string,
    detail: string,
    /** Set when the file is readable but not UTF-8 (the dialog explains how to re-save it). */
    readonly code?: 'non_utf8',
  ) {
    super(detail);
    this.name = 'FileReadError';
  }
}

/** Rows that would go in with "skip invalid": valid rows across every file. */
export function validRows(counts: Record<ImportFileKind, { rows: number; invalid: number }>): number {
  return Object.values(counts).reduce((sum, c) => sum + Math.max(0, c.rows - c.invalid), 0);
}
