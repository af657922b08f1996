/**
 * The funnel's "reached per stage as of t" in DuckDB (issue 3/7): the rows the query reads
 * copied from the workspace file into an in-memory DuckDB database, then the same SQL run
 * there for each instant. DuckDB is the column-store baseline the engine is compared with
 * (target ≥ 5× faster); its sqlite extension would be downloaded at run time, so the rows go
 * through the appender instead, and the copy is timed on its own (loadMs), apart from the
 * queries.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { BIGINT, DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';

export interface Reached {
  key: string;
  reached: number;
}

/**
 * The workspace's tables minus the columns the query never reads, with SQLite's types
 * (integer: 64-bit, real: double) and without the keys and indexes, which it does not use.
 */
const SCHEMA = `
create table deals (seq bigint not null, stage varchar not null, created_at bigint not null, deleted_at bigint);
create table deal_history (id bigint not null, deal_seq bigint not null, field varchar not null,
  value varchar not null, changed_at bigint not null);
create table stages (key varchar not null, sort_order double not null, kind varchar not null);`;

/** SQLite's named parameter (@t) in DuckDB's spelling ($t); the query text is otherwise the same. */
export const toDuckDbSql = (sqliteSql: string) => sqliteSql.replaceAll('@t', '$t');

type Cell = bigint | number | string | null;

/** One table's rows, read with 64-bit integers as bigint, through one appender. */
async function copy(
  db: DuckDBConnection,
  from: BetterSqlite3.Database,
  table: string,
  select: string,
  append: (a: DuckDBAppender, row: Cell[]) => void,
): Promise<number> {
  const appender = await db.createAppender(table);
  let rows = 0;
  for (const row of from.prepare(select).raw().safeIntegers().iterate() as IterableIterator<Cell[]>) {
    append(appender, row);
    appender.endRow();
    rows++;
  }
  appender.closeSync(); // flushes
  return rows;
}

const bigintOrNull = (a: DuckDBAppender, v: Cell) =>
  v === null ? a.appendNull() : a.appendBigInt(v as bigint);

/**
 * Copies deals, the stage rows of deal_history (the query reads no other field) and stages
 * from the open workspace into DuckDB, then runs `sqliteSql` (with its @t) once per instant.
 * Returns the load time, each run's time and each run's rows as the SQLite query returns them.
 */
export async function duckDbReached(sqlite: BetterSqlite3.Database, sqliteSql: string, instants: number[]) {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  try {
    const t0 = performance.now();
    await db.run(SCHEMA);
    const deals = await copy(
      db,
      sqlite,
      'deals',
      'select seq, stage, created_at, deleted_at from deals',
      (a, [seq, stage, createdAt, deletedAt]) => {
        a.appendBigInt(seq as bigint);
        a.appendVarchar(stage as string);
        a.appendBigInt(createdAt as bigint);
        bigintOrNull(a, deletedAt!);
      },
    );
    const history = await copy(
      db,
      sqlite,
      'deal_history',
      `select id, deal_seq, field, value, changed_at from deal_history where field = 'stage'`,
      (a, [id, seq, field, value, changedAt]) => {
        a.appendBigInt(id as bigint);
        a.appendBigInt(seq as bigint);
        a.appendVarchar(field as string);
        a.appendVarchar(value as string);
        a.appendBigInt(changedAt as bigint);
      },
    );
    const stages = await copy(
      db,
      sqlite,
      'stages',
      'select key, sort_order, kind from stages',
      (a, [key, sortOrder, kind]) => {
        a.appendVarchar(key as string);
        a.appendDouble(Number(sortOrder)); // REAL: a double, or a bigint if it holds a whole number
        a.appendVarchar(kind as string);
      },
    );
    const loadMs = performance.now() - t0;

    const statement = await db.prepare(toDuckDbSql(sqliteSql));
    const times: number[] = [];
    const results: Reached[][] = [];
    for (const t of instants) {
      const t1 = performance.now();
      statement.bind({ t: BigInt(t) }, { t: BIGINT });
      const reader = await statement.runAndReadAll();
      const rows = reader.getRowObjects().map((r) => ({ key: String(r.key), reached: Number(r.reached) }));
      times.push(performance.now() - t1);
      results.push(rows);
    }
    const threads = (await db.runAndReadAll(`select current_setting('threads') as n`)).getRowObjects()[0]!.n;
    return {
      rows: { deals, stageHistory: history, stages },
      threads: Number(threads),
      loadMs,
      times,
      results,
    };
  } finally {
    db.closeSync();
    instance.closeSync();
  }
}
