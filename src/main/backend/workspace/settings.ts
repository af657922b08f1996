import type BetterSqlite3 from 'better-sqlite3';

/**
 * Workspace settings, one JSON value per key. Keys in use:
 * - `workspace.isDemo` (boolean): the data came from `funnel demo`; the UI marks it.
 * - `workspace.currency` (string): the one currency of every amount.
 * - `workspace.clock` (number | null): a fixed "now" in ms (a demo built for `--today`).
 * - `preferences` ({language, theme}): the person's choices.
 */
export function readSetting<T>(sqlite: BetterSqlite3.Database, key: string, fallback: T): T {
  const row = sqlite.prepare('select value from settings where key = ?').get(key) as
    { value: string } | undefined;
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export function writeSetting(sqlite: BetterSqlite3.Database, key: string, value: unknown): void {
  sqlite
    .prepare(
      'insert into settings(key, value) values(?, ?) on conflict(key) do update set value = excluded.value',
    )
    .run(key, JSON.stringify(value));
}

/** The instant the workspace calls "now": its fixed clock, else the real time. */
export function workspaceNow(sqlite: BetterSqlite3.Database): number {
  return readSetting<number | null>(sqlite, 'workspace.clock', null) ?? Date.now();
}
