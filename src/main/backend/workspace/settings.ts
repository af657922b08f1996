import { first, run, type Db } from '../db/query';

/**
 * Workspace settings, one JSON value per key. Keys in use:
 * - `workspace.isDemo` (boolean): the data came from `funnel demo`; the UI marks it.
 * - `workspace.currency` (string): the one currency of every amount.
 * - `workspace.clock` (number | null): a fixed "now" in ms (a demo built for `--today`).
 * - `workspace.demo` ({seed, today, deals} | null): how the demo was generated.
 * - `workspace.company` ({name}) and `workspace.logo` (CompanyLogo): the company the
 *   workspace belongs to, for the quarterly deck (see company.ts).
 * - `preferences` ({language, theme}): the person's choices.
 */
export function readSetting<T>(ws: Db, key: string, fallback: T): T {
  const row = first(ws, ws.db.selectFrom('settings').select('value').where('key', '=', key));
  if (!row) return fallback;
  try {
    return JSON.parse(row.value) as T;
  } catch {
    return fallback;
  }
}

export function writeSetting(ws: Db, key: string, value: unknown): void {
  run(
    ws,
    ws.db
      .insertInto('settings')
      .values({ key, value: JSON.stringify(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') }))),
  );
}

export function deleteSetting(ws: Db, key: string): void {
  run(ws, ws.db.deleteFrom('settings').where('key', '=', key));
}

/** The instant the workspace calls "now": its fixed clock, else the real time. */
export function workspaceNow(ws: Db): number {
  return readSetting<number | null>(ws, 'workspace.clock', null) ?? Date.now();
}
