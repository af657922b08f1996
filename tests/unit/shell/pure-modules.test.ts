import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * These modules hold the shell's rules and run in plain Node under test; Electron's
 * runtime must never creep into them (tests could no longer load them without the
 * Electron binary), and the preload must not pull in zod or Node.
 */
const root = join(__dirname, '../../..');
const pure = [
  'src/main/shell/security.ts',
  'src/main/shell/renderer-files.ts',
  'src/main/host-ports.ts',
  'src/main/startup-error.ts',
  'src/main/shell/native-binding.ts',
  'src/main/shell/menu-template.ts',
  'src/main/shell/strings.ts',
  'src/preload/api.ts',
  'src/preload/bridge.ts',
  'src/preload/channels.ts',
];

const SHARED_FOR_PRELOAD = ['@shared/messages', '@shared/result', '@shared/contract/events'];

const runtimeImports = (source: string) =>
  [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1] ?? '');

describe('pure shell modules', () => {
  it.each(pure)('%s imports no Electron at run time', (file) => {
    expect(runtimeImports(readFileSync(join(root, file), 'utf8'))).not.toContain('electron');
  });

  it.each(['src/preload/api.ts', 'src/preload/bridge.ts', 'src/preload/channels.ts', 'src/preload/index.ts'])(
    '%s imports only what a sandboxed preload can run',
    (file) => {
      for (const spec of runtimeImports(readFileSync(join(root, file), 'utf8'))) {
        // Plain data and pure functions from src/shared only: the message catalog, the
        // Result helpers and the event names, never the contract's zod schemas.
        expect(spec === 'electron' || spec.startsWith('.') || SHARED_FOR_PRELOAD.includes(spec), spec).toBe(
          true,
        );
        expect(spec).not.toMatch(/zod|^node:/);
      }
    },
  );
});
