import { chmodSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openWorkspace } from '@backend/db/connection';
import { backupTo } from '@backend/db/backup';
import { ensureWorkspace } from '@backend/workspace/default';
import type { WorkbenchError } from '@shared/result';
import { tempDir, track } from '../../support/temp';

const mode = (path: string) => statSync(path).mode & 0o777;

describe.skipIf(process.platform === 'win32')('private by default', () => {
  it('creates the workspace and its -wal/-shm companions readable by their owner alone', async () => {
    const path = join(tempDir(), 'new.db');
    const ws = track(await openWorkspace(path, { create: true }));
    ws.sqlite.exec(`insert into settings(key, value) values('k', '1')`);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file), file).toBe(0o600);
    }
  });

  it('tightens an existing world-readable workspace when it is opened', async () => {
    const path = join(tempDir(), 'old.db');
    await (await openWorkspace(path, { create: true })).close();
    chmodSync(path, 0o644);
    const ws = track(await openWorkspace(path));
    expect(mode(path)).toBe(0o600);
    ws.sqlite.exec(`insert into settings(key, value) values('k', '1')`);
    expect(mode(`${path}-wal`)).toBe(0o600);
  });

  it('writes backups as private as the workspace', async () => {
    const dir = tempDir();
    const ws = track(await openWorkspace(join(dir, 'w.db'), { create: true }));
    const copy = backupTo(ws.sqlite, join(dir, 'copy.db'));
    expect(mode(copy)).toBe(0o600);
    const again = (() => {
      try {
        backupTo(ws.sqlite, copy);
      } catch (e) {
        return e as WorkbenchError;
      }
    })();
    expect(again?.code).toBe('invalid_input');
    // The refused backup left the existing copy as it was: still a sound workspace.
    const check = new BetterSqlite3(copy, { readonly: true });
    expect(check.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    check.close();
  });

  it('keeps the app’s data folder 0700, and leaves a folder the person chose as it is', async () => {
    const home = tempDir();
    const appData = join(home, 'Funnel Workbench');
    mkdirSync(appData, { mode: 0o755 });
    chmodSync(appData, 0o755);
    const previous = process.env.XDG_CONFIG_HOME;
    process.env.XDG_CONFIG_HOME = home;
    try {
      track(await ensureWorkspace(join(appData, 'workspace.db')));
      expect(mode(appData)).toBe(0o700);
      expect(mode(join(appData, 'workspace.db'))).toBe(0o600);
    } finally {
      if (previous === undefined) delete process.env.XDG_CONFIG_HOME;
      else process.env.XDG_CONFIG_HOME = previous;
    }
    const chosen = join(home, 'Documents');
    mkdirSync(chosen, { mode: 0o755 });
    chmodSync(chosen, 0o755);
    writeFileSync(join(chosen, 'notes.txt'), 'mine');
    track(await ensureWorkspace(join(chosen, 'pipeline.db')));
    expect(mode(chosen)).toBe(0o755);
    expect(mode(join(chosen, 'pipeline.db'))).toBe(0o600);
  }, 60_000);
});
