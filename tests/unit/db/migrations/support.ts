import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach } from 'vitest';
import { migrationProvider } from '@backend/db/migrations';
import { registerSearchFunctions } from '@backend/db/search-index';

/** A fresh in-memory database migrated to one migration, and a plain insert for the tests. */
const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

export async function migratedTo(name: string): Promise<BetterSqlite3.Database> {
  const sqlite = new BetterSqlite3(':memory:');
  open.push(sqlite);
  sqlite.pragma('foreign_keys = ON');
  // As every workspace connection does: the deals' search triggers call it.
  registerSearchFunctions(sqlite);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const db = new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateTo(name);
  if (error) throw error;
  return sqlite;
}

export const insert = (db: BetterSqlite3.Database, table: string, row: Record<string, unknown>) =>
  db
    .prepare(
      `insert into ${table}(${Object.keys(row).join(', ')}) values(${Object.keys(row)
        .map(() => '?')
        .join(', ')})`,
    )
    .run(...Object.values(row));
