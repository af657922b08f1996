import type { CrmSource, SyncProgressEvent, SyncRunSummary } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { BackendContext } from '../context';
import { first } from '../db/query';
import type { ConnectorOptions } from './connector';
import { createConnector } from './connectors';
import { noTotals } from './commit';
import { runSync, type SyncOptions } from './engine';
import type { HttpOptions } from './http';

/** A connection's options (crm_connections.options). */
export interface ConnectionOptions {
  /** The token comes from this environment variable each run. */
  tokenEnv?: string;
  /** Sync automatically this often while the app is open. */
  autoSyncMinutes?: number | null;
  /** Salesforce: the field that holds the lost reason. */
  lostReasonField?: string;
}

interface Running {
  controller: AbortController;
  progress: SyncProgressEvent | null;
  done: Promise<void>;
}

/** How often the scheduler looks for a connection whose automatic sync is due. */
const SCHEDULE_TICK_MS = 60_000;
/** workspace.changed during a run at most this often: each one refreshes every open view. */
const CHANGED_EVERY_MS = 2_000;

/**
 * The app's CRM syncs: runs in the background (one per connection at a time), cancel,
 * the progress of each, automatic runs every N minutes while the app is open, and the
 * tokens (decrypted by the desktop app's keychain, or read from an environment variable).
 */
export class SyncService {
  private readonly running = new Map<number, Running>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly ctx: BackendContext,
    /** For tests and the bench: the engine's timing and HTTP options. */
    private readonly tuning: Pick<SyncOptions, 'clock' | 'lookbackMs' | 'lagMs'> & {
      http?: HttpOptions;
    } = {},
  ) {
    if (ctx.longLived) {
      this.timer = setInterval(() => this.tick(), SCHEDULE_TICK_MS);
      this.timer.unref?.();
    }
  }

  progressOf(connectionId: number): SyncProgressEvent | null {
    return this.running.get(connectionId)?.progress ?? null;
  }

  isRunning(connectionId: number): boolean {
    return this.running.has(connectionId);
  }

  /** Resolves when the connection's run (if any) has ended. */
  async settled(connectionId: number): Promise<void> {
    await this.running.get(connectionId)?.done;
  }

  /** The token of a stored connection, from wherever it is kept. */
  async tokenFor(connectionId: number): Promise<string> {
    const { ws, secrets } = this.ctx;
    const row = first(
      ws,
      ws.db
        .selectFrom('crm_connections')
        .select(['token_ciphertext', 'token_storage', 'options'])
        .where('id', '=', connectionId),
    );
    if (!row) throw new WorkbenchError('not_found', msg('sync_connection_missing', { id: connectionId }));
    const options = JSON.parse(row.options) as ConnectionOptions;
    if (options.tokenEnv) {
      const token = process.env[options.tokenEnv]?.trim();
      if (!token)
        throw new WorkbenchError('invalid_input', msg('sync_token_missing', { variable: options.tokenEnv }));
      return token;
    }
    if (!row.token_ciphertext || !secrets)
      throw new WorkbenchError('invalid_input', msg('sync_token_unavailable'));
    return secrets.decrypt(row.token_ciphertext);
  }

  /** Makes the connector for a connection with its token. */
  connector(
    kind: CrmSource,
    baseUrl: string,
    token: string,
    http: HttpOptions,
    options: ConnectionOptions = {},
  ) {
    const settings: Record<string, string> = options.lostReasonField
      ? { lostReasonField: options.lostReasonField }
      : {};
    const o: ConnectorOptions = { baseUrl, token, http: { ...this.tuning.http, ...http }, settings };
    return createConnector(kind, o);
  }

  /** Starts a run in the background; false when one is already running for this connection. */
  start(connectionId: number): boolean {
    if (this.running.has(connectionId)) return false;
    const { ws } = this.ctx;
    const row = first(
      ws,
      ws.db
        .selectFrom('crm_connections')
        .select(['kind', 'base_url', 'options'])
        .where('id', '=', connectionId),
    );
    if (!row) throw new WorkbenchError('not_found', msg('sync_connection_missing', { id: connectionId }));
    const controller = new AbortController();
    const entry: Running = { controller, progress: null, done: Promise.resolve() };
    this.running.set(connectionId, entry);
    entry.done = this.run(
      connectionId,
      row.kind,
      row.base_url,
      JSON.parse(row.options) as ConnectionOptions,
      entry,
    ).finally(() => {
      if (this.running.get(connectionId) === entry) this.running.delete(connectionId);
    });
    return true;
  }

  cancel(connectionId: number): boolean {
    const entry = this.running.get(connectionId);
    if (!entry) return false;
    entry.controller.abort();
    return true;
  }

  /** Stops every run and the scheduler (the backend is closing). */
  async dispose(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    for (const entry of this.running.values()) entry.controller.abort();
    await Promise.all([...this.running.values()].map((e) => e.done));
  }

  private async run(
    connectionId: number,
    kind: CrmSource,
    baseUrl: string,
    options: ConnectionOptions,
    entry: Running,
  ): Promise<void> {
    const { ws, emit, analytics } = this.ctx;
    let lastChanged = 0;
    const announce = () => {
      lastChanged = Date.now();
      emit('workspace.changed', { reason: 'sync' });
    };
    let summary: SyncRunSummary;
    try {
      const token = await this.tokenFor(connectionId);
      summary = await runSync(
        ws,
        { kind, baseUrl },
        (http) => this.connector(kind, baseUrl, token, http, options),
        {
          ...this.tuning,
          signal: entry.controller.signal,
          tokenSource: options.tokenEnv
            ? msg('sync_token_in_env', { variable: options.tokenEnv })
            : msg('sync_token_in_connection'),
          waitForWrites: () => this.ctx.idle(),
          onProgress: (p) => {
            entry.progress = p;
            emit('sync.progress', p);
          },
          onCommitted: () => {
            analytics.invalidate();
            if (Date.now() - lastChanged >= CHANGED_EVERY_MS) announce();
          },
        },
      );
    } catch (e) {
      // Refused before a run began (token rejected, CRM unreachable): no run row to read.
      const say = e instanceof WorkbenchError ? e.say : msg('sync_failed', { detail: String(e), pages: 0 });
      summary = { connectionId, runId: 0, status: 'failed', ...noTotals(), error: say };
    }
    if (summary.pages > 0) announce();
    // Off the running list first: a window refreshing on this event must not see it running.
    if (this.running.get(connectionId) === entry) this.running.delete(connectionId);
    emit('sync.finished', summary);
  }

  /** Starts the automatic runs that are due. */
  private tick(): void {
    const { ws } = this.ctx;
    const rows = ws.sqlite
      .prepare(
        `select c.id, c.options, (select max(started_at) from sync_runs r where r.connection_id = c.id) as lastStart
         from crm_connections c`,
      )
      .all() as { id: number; options: string; lastStart: number | null }[];
    for (const r of rows) {
      const every = (JSON.parse(r.options) as ConnectionOptions).autoSyncMinutes;
      if (!every || this.running.has(r.id)) continue;
      if (r.lastStart === null || Date.now() - r.lastStart >= every * 60_000) {
        try {
          this.start(r.id);
        } catch {
          // A connection removed meanwhile: nothing to run.
        }
      }
    }
  }
}
