import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A logo file of tests/fixtures/logos as the page's file picker hands it over. */
export function logoFile(name: string, as?: { name?: string; type?: string; bytes?: Uint8Array }): File {
  const bytes = as?.bytes ?? readFileSync(join(__dirname, '../../fixtures/logos', name));
  const type =
    as?.type ??
    (name.endsWith('.png') ? 'image/png' : name.endsWith('.svg') ? 'image/svg+xml' : 'image/jpeg');
  // A copy: a File takes bytes over a plain ArrayBuffer (a Buffer may sit in a shared pool).
  return new File([new Uint8Array(bytes)], as?.name ?? name, { type });
}

/** The bytes of a fixture logo, to compare with what was kept. */
export const logoBytes = (name: string): Buffer =>
  readFileSync(join(__dirname, '../../fixtures/logos', name));
