import BetterSqlite3 from 'better-sqlite3';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { msg, type MessageRef } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Database } from './schema';
import { latestMigration, migrationProvider, migrations, retiredMigrations } from './migrations';
import { createPrivateFile, tightenWorkspaceFiles } from './private-files';
import { registerSearchFunctions, resumeDealUpkeep } from './search-index';
import { backupTo, backupPath } from './backup';

/** "FUNL": marks a SQLite file as a Funnel Workbench workspace (PRAGMA application_id). */
export const APPLICATION_ID = 0x46554e4c;

export interface Workspace {
  path: string;
  /** Raw handle for the hot bulk paths (imports, demo generation); everything else uses `db`. */
  sqlite: BetterSqlite3.Database;
  db: Kysely<Database>;
  /** The newest migration applied. */
  schemaVersion: string;
  /** Set when opening ran migrations on an existing workspace: where the copy from before is. */
  migrationBackup: string | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create the file when it does not exist (otherwise a missing file is an error). */
  create?: boolean;
  /** Path of a better-sqlite3 addon built for this runtime (the Electron backend passes one). */
  nativeBinding?: string;
}

function existingBackups(path: string): string[] {
  const dir = dirname(path);
  const prefix = `${basename(path)}.backup-`;
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(prefix))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/**
 * A backup of this kind made since the workspace last changed: refusing the same file
 * again and again should not fill the folder with identical copies.
 */
function reusableBackup(path: string, why: string): string | null {
  const since = statSync(path).mtimeMs;
  const match = existingBackups(path)
    .filter((b) => b.includes(`-${why}`))
    .reverse()
    .find((b) => statSync(b).mtimeMs >= since);
  return match ?? null;
}

const isSqliteError = (e: unknown): boolean =>
  typeof (e as { code?: unknown })?.code === 'string' && (e as { code: string }).code.startsWith('SQLITE_');

/** SQLite's own complaint (English, from the engine) or one of ours from the catalog. */
function corrupt(path: string, why: string | MessageRef): WorkbenchError {
  // SQLite's integrity report can run to a hundred lines; the first says enough.
  const firstLine = typeof why === 'string' ? why.split('\n')[0]! : '';
  const reason =
    typeof why !== 'string' ? why : firstLine.length > 300 ? `${firstLine.slice(0, 300)}…` : firstLine;
  const backups = existingBackups(path);
  const restore = backups.length
    ? msg('restore_backup', { backup: backups.at(-1)!, path })
    : msg('restore_none');
  return new WorkbenchError('workspace_corrupt', msg('workspace_corrupt', { path, reason, restore }), {
    path,
    backups,
  });
}

/**
 * Opens (or creates) a workspace file: checks it is a sound SQLite database of ours,
 * refuses one written by a newer build, backs it up before any migration, then migrates.
 * Every refusal happens before the first write, so a refused file is left untouched.
 */
export async function openWorkspace(file: string, options: OpenOptions = {}): Promise<Workspace> {
  const path = file === ':memory:' ? file : resolve(file);
  const isNew = path === ':memory:' || !existsSync(path);
  if (isNew && !options.create && path !== ':memory:') {
    throw new WorkbenchError('workspace_missing', msg('workspace_missing', { path, file }), { path });
  }
  if (path === ':memory:') return open(path, isNew, options);
  // Private from the first byte: a new file is created 0600 before SQLite opens it (its
  // -wal and -shm then follow its mode); an existing one is tightened.
  if (!isNew) {
    const ws = await open(path, isNew, options);
    // Only once it is known to be a workspace of ours: a refused file stays as it was.
    tightenWorkspaceFiles(path);
    return ws;
  }
  try {
    createPrivateFile(path);
  } catch (e) {
    throw new WorkbenchError(
      'internal',
      msg('workspace_unopenable', { path, reason: (e as Error).message }),
      {
        path,
      },
    );
  }
  try {
    return await open(path, isNew, options);
  } catch (e) {
    // A workspace that could not be made leaves nothing behind.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    throw e;
  }
}

async function open(path: string, isNew: boolean, options: OpenOptions): Promise<Workspace> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(path, {
      fileMustExist: !isNew,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (e) {
    // Only SQLite's own complaints mean the file is bad; anything else (a driver addon
    // built for another runtime, a folder we may not write) is reported as what it is.
    if (isSqliteError(e)) throw corrupt(path, (e as Error).message);
    throw new WorkbenchError(
      'internal',
      msg('workspace_unopenable', { path, reason: (e as Error).message }),
      { path },
    );
  }

  try {
    let check: unknown;
    try {
      check = sqlite.pragma('quick_check', { simple: true });
    } catch (e) {
      if (isSqliteError(e)) throw corrupt(path, (e as Error).message);
      throw e;
    }
    if (check !== 'ok') throw corrupt(path, msg('corrupt_integrity', { result: String(check) }));

    // Raw SQL until the migrations have run: the file is not yet known to have the tables
    // schema.ts describes (it may be empty, another program's, or from another build).
    const tables = sqlite
      .prepare(`select name from sqlite_master where type = 'table'`)
      .pluck()
      .all() as string[];
    const appId = sqlite.pragma('application_id', { simple: true }) as number;
    if (tables.length === 0 && !isNew && !options.create) {
      // An empty file is not a workspace; only commands that create one may fill it in.
      throw corrupt(path, msg('corrupt_empty'));
    }
    if (tables.length > 0 && appId !== APPLICATION_ID) {
      throw corrupt(path, msg('corrupt_foreign'));
    }

    const applied = tables.includes('kysely_migration')
      ? (sqlite.prepare('select name from kysely_migration order by name').pluck().all() as string[])
      : [];
    const retired = applied.find((name) => retiredMigrations.includes(name));
    if (retired)
      throw new WorkbenchError('workspace_prerelease', msg('workspace_prerelease', { path }), { path });
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) {
      const backup =
        reusableBackup(path, 'from-newer-build') ?? backupTo(sqlite, backupPath(path, 'from-newer-build'));
      const schema = unknown.at(-1)!;
      throw new WorkbenchError(
        'workspace_from_newer_build',
        msg('workspace_from_newer_build', { path, schema, supported: latestMigration, backup }),
        { path, backup, schema, supported: latestMigration },
      );
    }

    const pending = Object.keys(migrations).filter((name) => !applied.includes(name));
    let migrationBackup: string | null = null;
    if (pending.length > 0 && tables.length > 0 && path !== ':memory:') {
      migrationBackup = backupTo(sqlite, backupPath(path, `before-${pending.at(-1)}`));
    }

    if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
    sqlite.pragma('temp_store = MEMORY');
    // Before any write: the deals' search triggers call it.
    registerSearchFunctions(sqlite);

    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    if (pending.length > 0) {
      // Kysely runs SQLite migrations outside a transaction (its DDL is not transactional
      // there); one explicit transaction makes a crash mid-way leave the file as it was.
      sqlite.exec('begin immediate');
      const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
      if (!error && tables.length === 0) sqlite.pragma(`application_id = ${APPLICATION_ID}`);
      sqlite.exec(error ? 'rollback' : 'commit');
      if (error) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
        const reason = (error as Error).message;
        throw new WorkbenchError(
          'internal',
          migrationBackup
            ? msg('migration_failed_backup', { path, migration: failed, reason, backup: migrationBackup })
            : msg('migration_failed', { path, migration: failed, reason }),
          { path, backup: migrationBackup },
        );
      }
    }

    // A long sync stopped by a crash left the search index suspended: put it back before
    // anyone searches. Best effort: a sync still running elsewhere holds the write lock and
    // will resume it itself when it ends.
    if (tables.includes('settings')) {
      try {
        resumeDealUpkeep(sqlite);
      } catch (e) {
        if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
      }
    }

    return {
      path,
      sqlite,
      db,
      schemaVersion: latestMigration,
      migrationBackup,
      close: async () => {
        await db.destroy();
      },
    };
  } catch (e) {
    if (sqlite.open) sqlite.close();
    throw e;
  }
}
