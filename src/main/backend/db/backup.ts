import type BetterSqlite3 from 'better-sqlite3';
import { existsSync, rmSync } from 'node:fs';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { createPrivateFile } from './private-files';

/** `<workspace>.backup-20261122T101500Z-<why>.db`, beside the workspace. */
export function backupPath(workspacePath: string, why: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  let candidate = `${workspacePath}.backup-${stamp}-${why}.db`;
  for (let i = 2; existsSync(candidate); i++) candidate = `${workspacePath}.backup-${stamp}-${why}-${i}.db`;
  return candidate;
}

/**
 * A consistent copy of the live database (VACUUM INTO reads one snapshot, so it is safe
 * while the app is open and never writes to the source). Returns the copy's path. The
 * copy is as private as the workspace: its empty file is created 0600 first, and VACUUM
 * INTO fills an existing empty file.
 */
export function backupTo(sqlite: BetterSqlite3.Database, destination: string): string {
  try {
    createPrivateFile(destination);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST')
      throw new WorkbenchError('invalid_input', msg('backup_exists', { path: destination }));
    throw new WorkbenchError(
      'invalid_input',
      msg('file_unwritable', { path: destination, reason: (e as Error).message }),
    );
  }
  try {
    sqlite.prepare('VACUUM INTO ?').run(destination);
  } catch (e) {
    rmSync(destination, { force: true });
    throw e;
  }
  return destination;
}
