import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronNativeBinding } from '../../../src/main/shell/native-binding';

let root: string;
const query = () => ({ root, electronVersion: '45.4.1', platform: 'linux', arch: 'x64' });
const addon = (name: string, mtime?: number) => {
  writeFileSync(join(root, '.electron-native', name), '');
  if (mtime !== undefined) utimesSync(join(root, '.electron-native', name), mtime, mtime);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'funnel-native-'));
  mkdirSync(join(root, '.electron-native'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('findElectronNativeBinding', () => {
  it('is null when nothing was built', () => {
    rmSync(join(root, '.electron-native'), { recursive: true });
    expect(findElectronNativeBinding(query())).toBeNull();
  });

  it('ignores other Electron versions, platforms and architectures', () => {
    addon('better_sqlite3-electron44.0.0-12.0.0-linux-x64.node');
    addon('better_sqlite3-electron45.4.1-12.0.0-darwin-x64.node');
    addon('better_sqlite3-electron45.4.1-12.0.0-linux-arm64.node');
    addon('better_sqlite3-electron45.4.10-12.0.0-linux-x64.node');
    expect(findElectronNativeBinding(query())).toBeNull();
  });

  it('prefers the build for the installed better-sqlite3, else the newest', () => {
    addon('better_sqlite3-electron45.4.1-12.0.0-linux-x64.node', 1_000);
    addon('better_sqlite3-electron45.4.1-12.1.0-linux-x64.node', 2_000);
    expect(findElectronNativeBinding(query())).toBe(
      join(root, '.electron-native', 'better_sqlite3-electron45.4.1-12.1.0-linux-x64.node'),
    );
    mkdirSync(join(root, 'node_modules', 'better-sqlite3'), { recursive: true });
    writeFileSync(
      join(root, 'node_modules', 'better-sqlite3', 'package.json'),
      JSON.stringify({ version: '12.0.0' }),
    );
    expect(findElectronNativeBinding(query())).toBe(
      join(root, '.electron-native', 'better_sqlite3-electron45.4.1-12.0.0-linux-x64.node'),
    );
  });
});
