import type BetterSqlite3 from 'better-sqlite3';
import type { Compilable, Kysely, Simplify } from 'kysely';
import type { Database } from './schema';

/**
 * Kysely builds every query that is not a measured hot path, so the compiler checks it
 * against the table types in schema.ts; better-sqlite3 then runs the compiled SQL
 * synchronously. Synchronous on purpose: an import, the demo generator and (later) a sync
 * page run many statements inside one better-sqlite3 transaction, which must not yield
 * to the event loop half-way. Repository functions take the handle (`Db`) first, as in
 * Kysely's own example, and work the same inside such a transaction or outside it.
 */
export interface Db {
  /** The query builder: type-checked SQL, never executed through Kysely's async driver here. */
  db: Kysely<Database>;
  sqlite: BetterSqlite3.Database;
}

type Row<Q> = Q extends Compilable<infer O> ? Simplify<O> : never;

/** Prepared statements by SQL text, per connection: a repository call prepares its SQL once. */
const cache = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
/** Queries with variable IN-lists produce many texts; past this, the cache starts over. */
const CACHE_LIMIT = 500;

function statement(sqlite: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = cache.get(sqlite);
  if (!statements) cache.set(sqlite, (statements = new Map()));
  let prepared = statements.get(sql);
  if (!prepared) {
    if (statements.size >= CACHE_LIMIT) statements.clear();
    prepared = sqlite.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

/** Every row the query returns. */
export function all<Q extends Compilable<unknown>>({ sqlite }: Db, query: Q): Row<Q>[] {
  const { sql, parameters } = query.compile();
  return statement(sqlite, sql).all(...(parameters as unknown[])) as Row<Q>[];
}

/** The first row, or undefined. */
export function first<Q extends Compilable<unknown>>({ sqlite }: Db, query: Q): Row<Q> | undefined {
  const { sql, parameters } = query.compile();
  return statement(sqlite, sql).get(...(parameters as unknown[])) as Row<Q> | undefined;
}

/** Runs a statement that returns no rows; says how many rows it changed. */
export function run({ sqlite }: Db, query: Compilable<unknown>): number {
  const { sql, parameters } = query.compile();
  return statement(sqlite, sql).run(...(parameters as unknown[])).changes;
}

/** Rows one at a time, for exports that must not hold every row in memory. */
export function* iterate<Q extends Compilable<unknown>>({ sqlite }: Db, query: Q): Generator<Row<Q>> {
  const { sql, parameters } = query.compile();
  // Not cached: an iterator keeps its statement busy until it is exhausted.
  yield* sqlite.prepare(sql).iterate(...(parameters as unknown[])) as Iterable<Row<Q>>;
}
