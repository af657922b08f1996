import type BetterSqlite3 from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';

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
 * while the app is open and never writes to the source). Returns the copy's path.
 */
export function backupTo(sqlite: BetterSqlite3.Database, destination: string): string {
  if (existsSync(destination)) {
    throw new WorkbenchError('invalid_input', msg('backup_exists', { path: destination }));
  }
  sqlite.prepare('VACUUM INTO ?').run(destination);
  return destination;
}
