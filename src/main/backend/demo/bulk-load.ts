import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs `load` with the secondary indexes of `tables` dropped, then recreates them from the
 * very SQL they were created with (read from sqlite_master, so a later migration that
 * changes an index is followed automatically). Building an index once over sorted keys is
 * much cheaper than keeping ten of them up to date row by row: at 200k deals and 2M
 * history rows the random B-tree inserts outgrow the page cache and dominate the run.
 *
 * Call it inside the caller's transaction: a failure anywhere rolls the drops back too.
 * Unique constraints (automatic indexes, which have no SQL) stay in place and keep checking.
 */
export function withIndexesRebuilt<T>(sqlite: BetterSqlite3.Database, tables: readonly string[], load: () => T): T {
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
