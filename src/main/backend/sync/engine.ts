import type { SyncProgressEvent, SyncRunSummary } from '@shared/contract';
import { msg, type MessageRef } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Workspace } from '../db/connection';
import { SyncStop, type Connector, type Position, type SyncWindow, type UpstreamPipeline } from './connector';
import { systemClock, type Clock, type HttpOptions } from './http';
import { whoAmI } from './account';
import { noTotals, type RunTotals } from './commit';
import { inlineCommitter, workerCommitter, type Committer } from './committer';
import { claimConnection, finishRun, readCursor, startRun, writeCursor } from './runs';
import type { CrmKind } from './tables';

export const CRM_NAMES: Record<CrmKind, string> = {
  hubspot: 'HubSpot',
  salesforce: 'Salesforce',
  pipedrive: 'Pipedrive',
};

/** A running sync's progress (the `sync.progress` event). */
export type SyncProgress = SyncProgressEvent;

/** What a run did; `error` says why it stopped (null when done). */
export type SyncOutcome = SyncRunSummary;

export interface SyncOptions {
  clock?: Clock;
  signal?: AbortSignal;
  /** Re-read this much before the stored cursor: clocks differ, search indexes lag. */
  lookbackMs?: number;
  /**
   * The cursor stops this much before the run's start: a record modified just before may
   * not be searchable yet, so the next run reads the last moments again (on top of the
   * lookback). The window itself reads up to the run's start, so a change made before a
   * sync is never left for the one after it.
   */
  lagMs?: number;
  /** A full sweep of live ids at most this often (deletions past the delete log). */
  sweepEveryMs?: number;
  /** Where the person keeps the token, for the rejected-token message. */
  tokenSource?: MessageRef | string;
  onProgress?: (progress: SyncProgress) => void;
  /** After each committed page: the analytics snapshot patches, views refresh. */
  onCommitted?: () => void;
  /** Resolves when no other write holds the workspace (the registry's lock). */
  waitForWrites?: () => Promise<void>;
  /** HTTP options beyond the engine's own (fetch, timeouts), for tests and the bench. */
  http?: HttpOptions;
  /**
   * After this many pages a run commits on a worker thread (file workspaces only); by
   * default from the first page of a first full sync, else after eight.
   */
  workerAfterPages?: number;
  /** The better-sqlite3 addon for this runtime, for the worker thread. */
  nativeBinding?: string;
}

/**
 * The worker committer, prepared; or, should the thread not start (a runtime without
 * worker threads for this module, an addon it cannot load), the one in hand: slower,
 * never wrong.
 */
async function onWorker(
  start: () => Committer,
  pipelines: UpstreamPipeline[],
  inline: Committer,
): Promise<Committer> {
  let worker: Committer | null = null;
  try {
    worker = start();
    await worker.prepare(pipelines);
    return worker;
  } catch {
    await worker?.close().catch(() => undefined);
    return inline;
  }
}

/** Lets timers and I/O waiting behind a chain of promise continuations run. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Short runs (most incremental syncs) stay on the backend's thread: a worker costs a start-up. */
const WORKER_AFTER_PAGES = 8;
/** Pages downloaded and not yet known to be written, at most. */
const MAX_IN_FLIGHT = 8;

export const DEFAULTS = {
  lookbackMs: 10 * 60_000,
  lagMs: 30_000,
  sweepEveryMs: 7 * 86_400_000,
};

interface DealsCursor {
  /** Everything modified before this instant is stored (null: never synced). */
  since: number | null;
  /** The window in progress and where in it, when a run stopped inside one. */
  window: SyncWindow | null;
  position: Position | null;
}

/**
 * One sync run of one CRM connection: identify the account, bring the stage mapping up
 * to date, then read the window from the stored cursor (minus a lookback) to now (minus a
 * lag) page by page. Each page — its deals, their history, tombstones, quarantined
 * records, the run log's counters and the new cursor — is committed in one transaction,
 * so a run killed at any moment resumes from its last committed page and ends exactly
 * where an uninterrupted run ends. A stop (rejected token, daily limit, network down,
 * cancel) keeps every committed page and says why.
 */
export async function runSync(
  ws: Workspace,
  target: { kind: CrmKind; baseUrl: string },
  makeConnector: (http: HttpOptions) => Connector,
  options: SyncOptions = {},
): Promise<SyncOutcome> {
  const clock = options.clock ?? options.http?.clock ?? systemClock;
  let retries = 0;
  const connector = makeConnector({
    ...options.http,
    clock,
    ...(options.signal ? { signal: options.signal } : {}),
    onRetry: (r) => {
      retries++;
      options.http?.onRetry?.(r);
    },
  });
  const crm = CRM_NAMES[target.kind];
  const lookbackMs = options.lookbackMs ?? DEFAULTS.lookbackMs;
  const lagMs = options.lagMs ?? DEFAULTS.lagMs;
  const sweepEveryMs = options.sweepEveryMs ?? DEFAULTS.sweepEveryMs;
  const startedAt = clock.now();

  // Who the token belongs to decides which connection this is, so identify comes first;
  // a token refused here leaves no run behind for a connection that never existed.
  let account;
  try {
    account = await whoAmI(connector, crm, target.baseUrl);
  } catch (e) {
    const { say, reason } = stopError(e, crm, target.baseUrl, 0, options.tokenSource);
    throw new WorkbenchError(reason === 'token_rejected' ? 'unauthorized' : 'crm', say);
  }
  const connectionId = claimConnection(ws, target.kind, target.baseUrl, account, startedAt);
  const runId = startRun(ws, connectionId, startedAt);
  const run = { connectionId, kind: target.kind, runId };
  let totals: RunTotals = noTotals();
  let phase: SyncProgress['phase'] = 'reference';
  let total: number | null = null;
  let recordsAtTotal = 0;
  const progress = () => {
    const elapsed = clock.now() - startedAt;
    const left = total === null ? null : Math.max(0, total - (totals.records - recordsAtTotal));
    options.onProgress?.({
      connectionId,
      runId,
      phase,
      pages: totals.pages,
      records: totals.records,
      total: total === null ? null : totals.records + (left ?? 0),
      etaMs: left !== null && totals.records > 0 ? Math.round((elapsed / totals.records) * left) : null,
    });
  };
  let counted = 0;
  const retriesSince = () => {
    const n = retries - counted;
    counted = retries;
    return n;
  };

  let committer: Committer = inlineCommitter(ws, run);
  // Pages handed to the committer and not yet known to be in, oldest first.
  const inFlight: Promise<RunTotals>[] = [];
  const landed = (t: RunTotals) => {
    totals = t;
    options.onCommitted?.();
    progress();
    return t;
  };
  try {
    progress();
    const reference = await connector.reference();
    await committer.prepare(reference.pipelines);

    phase = 'changes';
    const cursor = readCursor<DealsCursor>(ws, connectionId, 'deals') ?? {
      since: null,
      window: null,
      position: null,
    };
    const firstSync = cursor.since === null && cursor.window === null;
    const previousSince = cursor.since;
    const window: SyncWindow = cursor.window ?? {
      from: cursor.since === null ? 0 : Math.max(0, cursor.since - lookbackMs),
      // Exclusive: everything stamped up to this millisecond.
      to: Math.max(clock.now() + 1, cursor.since ?? 0),
    };
    let position = cursor.window ? cursor.position : null;
    let sent = 0;
    for (;;) {
      const page = await connector.changes(window, position);
      if (page.total !== undefined && total === null) {
        total = page.total;
        recordsAtTotal = totals.records;
      }
      // A first full sync writes on the worker from its first page; others once long.
      const workerAfter = options.workerAfterPages ?? (window.from === 0 ? 0 : WORKER_AFTER_PAGES);
      if (!committer.onWorker && sent === workerAfter && ws.path !== ':memory:') {
        // A long run: its pages are written on a thread of their own from here on, while
        // this one downloads the next.
        await Promise.all(inFlight.splice(0));
        // A read from the very start (a first sync) writes most deals of the workspace:
        // the search index is refilled once at the end instead of upkept deal by deal.
        committer = await onWorker(
          () =>
            workerCommitter(ws.path, run, totals, {
              bulk: window.from === 0,
              nativeBinding: options.nativeBinding,
            }),
          reference.pipelines,
          committer,
        );
      }
      // An import's worker (its own connection) is waited for, not raced. And the windows'
      // queries, queued behind this page's download, go first.
      await options.waitForWrites?.();
      await yieldToOthers();
      const next: DealsCursor = page.done
        ? { since: Math.max(window.to - lagMs, cursor.since ?? 0), window: null, position: null }
        : { since: cursor.since, window, position: page.next };
      inFlight.push(
        committer
          .page({
            deals: page.deals,
            deletions: page.deletions,
            quarantined: page.quarantined,
            cursor: next,
            requests: page.requests,
            retries: retriesSince(),
            now: clock.now(),
          })
          .then(landed),
      );
      sent++;
      // A few pages may wait for the writer while the next downloads (it writes the ones
      // waiting together); never more, so memory stays bounded.
      if (inFlight.length >= MAX_IN_FLIGHT) await inFlight.shift();
      if (page.done) break;
      position = page.next;
    }
    await Promise.all(inFlight.splice(0));

    const sweep = readCursor<{ at: number }>(ws, connectionId, 'sweep');
    const gap = previousSince === null ? 0 : clock.now() - previousSince;
    if (firstSync) {
      // A first full read saw every live deal: as good as a sweep.
      writeCursor(ws, connectionId, 'sweep', { at: window.to }, clock.now());
    } else if (!sweep || clock.now() - sweep.at >= sweepEveryMs || gap > connector.deleteLogMs) {
      phase = 'sweep';
      progress();
      const live: string[] = [];
      let requests = 0;
      let at: Position | null = null;
      for (;;) {
        const page = await connector.liveIds(at);
        live.push(...page.ids);
        requests++;
        if (page.done) break;
        at = page.next;
      }
      await options.waitForWrites?.();
      landed(await committer.sweep({ live, requests, retries: retriesSince(), now: clock.now() }));
    }
    await committer.close();
    totals = { ...totals, retries: totals.retries + retriesSince() };
    finishRun(ws, runId, 'done', null, { ...totals, phase }, clock.now());
    return { connectionId, runId, status: 'done', ...totals, error: null };
  } catch (e) {
    // Whatever was handed over is committed or refused before the run is closed.
    const settled = await Promise.allSettled(inFlight.splice(0));
    for (const s of settled) if (s.status === 'fulfilled') totals = s.value;
    await committer.close().catch(() => undefined);
    const error = stopError(e, crm, target.baseUrl, totals.pages, options.tokenSource);
    const stop = e instanceof SyncStop ? e.reason : null;
    const status =
      stop === 'token_rejected' || stop === 'bad_response' || stop === null ? 'failed' : 'interrupted';
    totals = { ...totals, retries: totals.retries + retriesSince() };
    finishRun(ws, runId, status, error.say, { ...totals, phase }, clock.now());
    return { connectionId, runId, status, ...totals, error: error.say };
  }
}

/** The message a stop gives the person: what happened, how much was kept, what to do. */
export function stopError(
  e: unknown,
  crm: string,
  url: string,
  pages: number,
  tokenSource: MessageRef | string = 'FUNNEL_CRM_TOKEN',
): { say: MessageRef; reason: string } {
  if (!(e instanceof SyncStop)) {
    const detail = e instanceof Error ? e.message : String(e);
    return { say: msg('sync_failed', { detail, pages }), reason: 'failed' };
  }
  const detail = e.where ? `${e.detail}, ${e.where}` : e.detail;
  const say = (() => {
    switch (e.reason) {
      case 'token_rejected':
        return msg('sync_token_rejected', { crm, detail, where: tokenSource });
      case 'daily_limit':
        return msg('sync_daily_limit', { crm, pages });
      case 'rate_limited':
        return msg('sync_rate_limited', { crm, detail, pages });
      case 'network':
        return msg('sync_network', { crm, url, detail, pages });
      case 'timeout':
        return msg('sync_timeout', { crm, detail, pages });
      case 'server_error':
        return msg('sync_server_error', { crm, detail, pages });
      case 'bad_response':
        return msg('sync_bad_response', { crm, detail, pages });
      case 'cancelled':
        return msg('sync_cancelled', { pages });
    }
  })();
  return { say, reason: e.reason };
}
