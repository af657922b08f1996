import { msg } from '@shared/messages';
import type { MessageRef } from '@shared/messages';
import { first, run, type Db } from '../db/query';
import type { Quarantined, UpstreamAccount } from './connector';
import type { CrmKind } from './tables';

/**
 * The connection a run belongs to: the one for this CRM, URL and account; a connection
 * made for this URL before its account was known is claimed; otherwise a new one.
 */
export function claimConnection(
  ws: Db,
  kind: CrmKind,
  baseUrl: string,
  account: UpstreamAccount,
  now: number,
): number {
  const base = ws.db
    .selectFrom('crm_connections')
    .select(['id', 'account_key'])
    .where('kind', '=', kind)
    .where('base_url', '=', baseUrl);
  const exact = first(ws, base.where('account_key', '=', account.key));
  if (exact) return exact.id;
  const unclaimed = first(ws, base.where('account_key', '=', ''));
  if (unclaimed) {
    run(
      ws,
      ws.db
        .updateTable('crm_connections')
        .set({ account_key: account.key, label: account.label })
        .where('id', '=', unclaimed.id),
    );
    return unclaimed.id;
  }
  const inserted = ws.sqlite
    .prepare(
      'insert into crm_connections(kind, base_url, account_key, label, created_at) values(?, ?, ?, ?, ?)',
    )
    .run(kind, baseUrl, account.key, account.label, now);
  return Number(inserted.lastInsertRowid);
}

export function readCursor<T>(ws: Db, connectionId: number, object: string): T | null {
  const row = first(
    ws,
    ws.db
      .selectFrom('sync_state')
      .select('cursor')
      .where('connection_id', '=', connectionId)
      .where('object', '=', object),
  );
  return row?.cursor ? (JSON.parse(row.cursor) as T) : null;
}

export function writeCursor(
  ws: Db,
  connectionId: number,
  object: string,
  cursor: unknown,
  now: number,
): void {
  run(
    ws,
    ws.db
      .insertInto('sync_state')
      .values({ connection_id: connectionId, object, cursor: JSON.stringify(cursor), updated_at: now })
      .onConflict((oc) =>
        oc
          .columns(['connection_id', 'object'])
          .doUpdateSet({ cursor: JSON.stringify(cursor), updated_at: now }),
      ),
  );
}

/**
 * Opens a run in the log. A run of this connection still marked running was cut off (the
 * process died): it is closed as interrupted first, so the log never shows two at once.
 */
export function startRun(ws: Db, connectionId: number, now: number): number {
  run(
    ws,
    ws.db
      .updateTable('sync_runs')
      .set({ status: 'interrupted', finished_at: now, error: JSON.stringify(msg('sync_ended_unexpectedly')) })
      .where('connection_id', '=', connectionId)
      .where('status', '=', 'running'),
  );
  const inserted = ws.sqlite
    .prepare(
      `insert into sync_runs(connection_id, started_at, status, phase) values(?, ?, 'running', 'reference')`,
    )
    .run(connectionId, now);
  return Number(inserted.lastInsertRowid);
}

export interface RunCounters {
  pages: number;
  records: number;
  upserted?: number;
  unchanged?: number | undefined;
  deleted: number;
  quarantined?: number;
  requests: number;
  retries: number;
  phase: string;
}

/** A page's quarantined records and the run's counters so far (inside the page's transaction). */
export function recordPage(
  ws: Db,
  runId: number,
  quarantined: readonly Quarantined[],
  counters: RunCounters,
): void {
  const insert = ws.sqlite.prepare(
    'insert into sync_quarantine(run_id, object, record_id, reason, payload) values(?, ?, ?, ?, ?)',
  );
  for (const q of quarantined)
    insert.run(runId, 'deal', q.id, JSON.stringify(q.reason), payloadText(q.payload));
  updateCounters(ws, runId, counters);
}

export function finishRun(
  ws: Db,
  runId: number,
  status: 'done' | 'interrupted' | 'failed',
  error: MessageRef | null,
  counters: RunCounters,
  now: number,
): void {
  updateCounters(ws, runId, counters);
  run(
    ws,
    ws.db
      .updateTable('sync_runs')
      .set({ status, finished_at: now, error: error ? JSON.stringify(error) : null })
      .where('id', '=', runId),
  );
}

function updateCounters(ws: Db, runId: number, c: RunCounters): void {
  run(
    ws,
    ws.db
      .updateTable('sync_runs')
      .set({
        pages: c.pages,
        records: c.records,
        deleted: c.deleted,
        requests: c.requests,
        retries: c.retries,
        phase: c.phase,
        ...(c.upserted !== undefined ? { upserted: c.upserted } : {}),
        ...(c.unchanged !== undefined ? { unchanged: c.unchanged } : {}),
        ...(c.quarantined !== undefined ? { quarantined: c.quarantined } : {}),
      })
      .where('id', '=', runId),
  );
}

/** The record as received, bounded: one huge record must not bloat the log. */
function payloadText(payload: unknown): string {
  const text = JSON.stringify(payload) ?? 'null';
  return text.length > 20_000 ? `${text.slice(0, 20_000)}…` : text;
}
