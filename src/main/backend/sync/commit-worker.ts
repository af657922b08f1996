/**
 * Commits a sync run's pages on a worker thread with its own connection to the workspace,
 * so the backend's thread keeps downloading the next page and answering the windows
 * (reads see the last committed page, thanks to WAL) while one is written.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openWorkspace } from '../db/connection';
import { resumeDealUpkeep, suspendDealUpkeep } from '../db/search-index';
import { RunCommitter, type RunIdentity, type RunTotals } from './commit';
import type { CommitRequest, CommitAnswer } from './committer';

interface Start {
  path: string;
  nativeBinding?: string;
  run: RunIdentity;
  totals: RunTotals;
  /** A full read from the start: search upkeep is deferred to the end of the run. */
  bulk: boolean;
}

const start = workerData as Start;
const port = parentPort!;
const opened = openWorkspace(
  start.path,
  start.nativeBinding ? { nativeBinding: start.nativeBinding } : {},
).then((ws) => {
  if (start.bulk) {
    suspendDealUpkeep(ws.sqlite);
    // Fewer, larger checkpoints while pages pour in; the last one comes at the end.
    ws.sqlite.pragma('wal_autocheckpoint = 10000');
  }
  return ws;
});
const committer = opened.then((ws) => new RunCommitter(ws, start.run, start.totals));
const waiting: CommitRequest[] = [];
let draining = false;

port.on('message', (request: CommitRequest) => {
  waiting.push(request);
  if (!draining) void drain();
});

/** Answers requests in the order sent; pages waiting side by side are committed together. */
async function drain(): Promise<void> {
  draining = true;
  const c = await committer;
  while (waiting.length) {
    const request = waiting.shift()!;
    if (request.op === 'page') {
      const batch = [request];
      while (waiting[0]?.op === 'page') batch.push(waiting.shift() as typeof request);
      try {
        const totals = c.pages(batch.map((r) => r.job));
        batch.forEach((r, i) => answer({ id: r.id, ok: true, value: totals[i] }));
      } catch (e) {
        for (const r of batch) answer({ id: r.id, ok: false, error: errorText(e) });
      }
      continue;
    }
    try {
      if (request.op === 'close') {
        const ws = await opened;
        try {
          if (start.bulk) resumeDealUpkeep(ws.sqlite);
        } finally {
          await ws.close();
        }
        answer({ id: request.id, ok: true, value: null });
      } else {
        answer({
          id: request.id,
          ok: true,
          value: request.op === 'prepare' ? c.prepare(request.pipelines) : c.sweep(request.job),
        });
      }
    } catch (e) {
      answer({ id: request.id, ok: false, error: errorText(e) });
    }
  }
  draining = false;
}

const answer = (a: CommitAnswer) => port.postMessage(a);
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
