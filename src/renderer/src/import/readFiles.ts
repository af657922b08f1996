import { MAX_IMPORT_BYTES, type ImportFile, type ImportFileKind, type ImportFiles } from '@shared/contract';
import { decodeUtf8 } from '@shared/text';

export type PickedFiles = Partial<Record<ImportFileKind, File | null>>;

/**
 * Reads the picked files. UTF-8 text travels as text (the backend strips a BOM); a workbook,
 * or a CSV in another encoding, travels as its bytes in base64, and the backend reads it
 * (sheets by value, GB18030): one reader for the desktop app, the browser tab and the CLI.
 */
export async function readFiles(picked: PickedFiles): Promise<ImportFiles> {
  const files: ImportFiles = {};
  for (const [kind, file] of Object.entries(picked) as [ImportFileKind, File | null | undefined][]) {
    if (!file) continue;
    files[kind] = await readFile(file);
  }
  return files;
}

export async function readFile(file: File): Promise<ImportFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file);
  } catch (e) {
    throw new FileReadError(file.name, e instanceof Error ? e.message : String(e));
  }
  const text = /\.xlsx$/i.test(file.name) ? null : decodeUtf8(bytes);
  if (text !== null) return { name: file.name, text };
  if (bytes.length > MAX_IMPORT_BYTES) throw new FileReadError(file.name, 'too large', 'too_large');
  return { name: file.name, data: toBase64(bytes) };
}

/** Base64 of any size: btoa takes a binary string, built in chunks (a spread of MBs overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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
    /** Set when the file is larger than an import takes. */
    readonly code?: 'too_large',
  ) {
    super(detail);
    this.name = 'FileReadError';
  }
}

/** Rows that would go in with "skip invalid": valid rows across every file. */
export function validRows(counts: Record<ImportFileKind, { rows: number; invalid: number }>): number {
  return Object.values(counts).reduce((sum, c) => sum + Math.max(0, c.rows - c.invalid), 0);
}
