import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, openWorkspace } from '@backend/db/connection';
import { WorkbenchError } from '@shared/result';
import { tempDir, track } from '../../support/temp';

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function refusal(path: string, create = false): Promise<WorkbenchError> {
  try {
    track(await openWorkspace(path, { create }));
  } catch (e) {
    expect(e).toBeInstanceOf(WorkbenchError);
    return e as WorkbenchError;
  }
  throw new Error('expected the workspace to be refused');
}

describe('openWorkspace', () => {
  it('creates a new workspace in WAL mode, marked as ours', async () => {
    const path = join(tempDir(), 'new.db');
    const ws = track(await openWorkspace(path, { create: true }));
    expect(ws.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.sqlite.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(ws.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.migrationBackup).toBeNull();
  });

  it('refuses a missing file and says how to create one', async () => {
    const path = join(tempDir(), 'missing.db');
    const e = await refusal(path);
    expect(e.code).toBe('workspace_missing');
    expect(e.message).toContain('funnel demo');
    expect(existsSync(path)).toBe(false);
  });

  it('refuses a corrupt file without changing it', async () => {
    const path = join(tempDir(), 'corrupt.db');
    writeFileSync(path, Buffer.from('this is not a database at all, just some bytes'.repeat(200)));
    const before = hash(path);
    const e = await refusal(path);
    expect(e.code).toBe('workspace_corrupt');
    expect(e.message).toContain(path);
    expect(e.message).toContain('Nothing was changed');
    expect(hash(path)).toBe(before);
  });

  it('refuses a SQLite database of another program', async () => {
    const path = join(tempDir(), 'other.db');
    const other = new BetterSqlite3(path);
    other.exec('create table photos(id integer primary key)');
    other.close();
    const before = hash(path);
    const e = await refusal(path);
    expect(e.code).toBe('workspace_corrupt');
    expect(e.message).toContain('another program');
    expect(hash(path)).toBe(before);
  });

  it('refuses a workspace from a newer build, keeps it unchanged and names a backup', async () => {
    const path = join(tempDir(), 'future.db');
    const ws = await openWorkspace(path, { create: true });
    ws.sqlite
      .prepare(`insert into kysely_migration(name, timestamp) values ('209901010000_future', '2099-01-01')`)
      .run();
    ws.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    await ws.close();
    const before = hash(path);
    const e = await refusal(path);
    expect(e.code).toBe('workspace_from_newer_build');
    const { backup } = e.details as { backup: string };
    expect(existsSync(backup)).toBe(true);
    expect(e.message).toContain(backup);
    expect(e.message).toContain('209901010000_future');
    expect(hash(path)).toBe(before);
  });

  it('backs the file up before migrating an existing database', async () => {
    const path = join(tempDir(), 'old.db');
    const old = new BetterSqlite3(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.exec(
      `create table kysely_migration(name varchar(255) not null primary key, timestamp varchar(255) not null)`,
    );
    old.exec(`create table settings(key text primary key, value text not null)`);
    old.exec(`insert into settings values ('marker', '"kept"')`);
    old.close();
    // The initial migration creates `settings` again, so it fails: the backup must be there.
    const e = await refusal(path);
    expect(e.message).toMatch(/before/);
    const { backup } = e.details as { backup: string };
    expect(existsSync(backup)).toBe(true);
    const copy = new BetterSqlite3(backup, { readonly: true });
    expect(copy.prepare('select value from settings').pluck().get()).toBe('"kept"');
    copy.close();
  });

  it('refuses a workspace of a pre-release build as unsupported, not as one from the future', async () => {
    const path = join(tempDir(), 'prerelease.db');
    const old = new BetterSqlite3(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    old.exec(`create table kysely_migration(name varchar(255) not null primary key, timestamp varchar(255) not null);
      insert into kysely_migration values('202611220001_initial', '2026-11-22T00:00:00.000Z');
      create table deals(seq integer primary key, id text);`);
    old.close();
    const before = hash(path);
    const e = await refusal(path);
    expect(e.code).toBe('workspace_prerelease');
    expect(e.message).toContain('pre-release build');
    expect(e.message).toContain('funnel demo');
    expect(hash(path)).toBe(before);
  });
});
