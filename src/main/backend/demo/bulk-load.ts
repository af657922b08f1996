import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then recreates them from the
 * very SQL they were created with (read from sqlite_master, so a later migration that
 * changes an index is followed automatically). Building an index once over sorted keys is
 * cheaper than keeping ten of them up to date row by row, most of them in random order
 * (amount, name, account…): measured, about 15 % of a demo's run time.
 *
 * Call it inside the caller's transaction: a failure anywhere rolls the drops back too.
 * Unique constraints (automatic indexes, which have no SQL) stay in place and keep checking.
 */
export function withIndexesRebuilt<T>(
  sqlite: BetterSqlite3.Database,
  tables: readonly string[],
  load: () => T,
): T {
  if (!sqlite.inTransaction) throw new Error('withIndexesRebuilt must run inside a transaction');
  const indexes = sqlite
    .prepare(
      `select name, sql from sqlite_master
       where type = 'index' and sql is not null and tbl_name in (${tables.map(() => '?').join(', ')})
       order by name`,
    )
    .all(...tables) as { name: string; sql: string }[];
  for (const index of indexes) sqlite.exec(`drop index "${index.name.replaceAll('"', '""')}"`);
  const result = load();
  for (const index of indexes) sqlite.exec(index.sql);
  return result;
}

/**
 * Runs `load` with SQLite's page cache raised to at least `bytes`, then restores the
 * connection's setting. One transaction that writes a whole demo keeps every dirty page
 * until the commit; when they outgrow the cache SQLite spills them to the WAL and writes
 * them again later, which at 200k deals costs a third of the run. Memory for speed, for
 * the duration of the load only (the cache shrinks back when the setting is restored).
 */
export function withPageCache<T>(sqlite: BetterSqlite3.Database, bytes: number, load: () => T): T {
  const before = sqlite.pragma('cache_size', { simple: true }) as number;
  // Negative cache_size is in KiB, positive in pages; compare both as bytes.
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const current = before < 0 ? -before * 1024 : before * pageSize;
  if (current >= bytes) return load();
  sqlite.pragma(`cache_size = ${-Math.ceil(bytes / 1024)}`);
  try {
    return load();
  } finally {
    sqlite.pragma(`cache_size = ${before}`);
  }
}

/**
 * Runs `load` with foreign-key enforcement off, then restores the connection's setting.
 * The pragma is a no-op inside a transaction, so this wraps the transaction. Every history
 * row of the demo points at the deal row DealWriter inserted just before it (its rowid), so
 * the per-row parent look-up proves nothing here and costs about a tenth of the run.
 */
export function withoutForeignKeyChecks<T>(sqlite: BetterSqlite3.Database, load: () => T): T {
  // Inside a caller's transaction the switch would silently do nothing: keep the checks.
  if (sqlite.inTransaction) return load();
  const before = sqlite.pragma('foreign_keys', { simple: true }) as number;
  if (!before) return load();
  sqlite.pragma('foreign_keys = OFF');
  try {
    return load();
  } finally {
    sqlite.pragma('foreign_keys = ON');
  }
}
