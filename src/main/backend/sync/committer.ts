import type { Worker } from 'node:worker_threads';
import type { Db } from '../db/query';
import { startModuleWorker } from '../db/worker-thread';
import { RunCommitter, type PageJob, type RunIdentity, type RunTotals, type SweepJob } from './commit';
import type { UpstreamPipeline } from './connector';

export type CommitRequest =
  | { id: number; op: 'prepare'; pipelines: UpstreamPipeline[] }
  | { id: number; op: 'page'; job: PageJob }
  | { id: number; op: 'sweep'; job: SweepJob }
  | { id: number; op: 'close' };

/** Omit distributed over a union's members (a plain Omit would merge them). */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

export type CommitAnswer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/** Where a run's pages are committed: on the backend's thread, or on a worker thread. */
export interface Committer {
  readonly onWorker: boolean;
  prepare(pipelines: UpstreamPipeline[]): Promise<{ unmapped: number }>;
  page(job: PageJob): Promise<RunTotals>;
  sweep(job: SweepJob): Promise<RunTotals>;
  close(): Promise<void>;
}

/** Small runs: a thread would cost more than it saves. */
export function inlineCommitter(ws: Db, run: RunIdentity, totals?: RunTotals): Committer {
  const c = new RunCommitter(ws, run, totals);
  return {
    onWorker: false,
    prepare: async (pipelines) => c.prepare(pipelines),
    page: async (job) => c.page(job),
    sweep: async (job) => c.sweep(job),
    close: async () => undefined,
  };
}

/**
 * A worker thread with its own connection commits the pages, in the order given, while
 * this thread downloads the next: the run takes about as long as its download, and the
 * windows' queries are never held up by a page being written.
 */
export function workerCommitter(
  path: string,
  run: RunIdentity,
  totals: RunTotals,
  options: { bulk: boolean; nativeBinding?: string | undefined },
): Committer {
  const { bulk, nativeBinding } = options;
  const worker: Worker = startModuleWorker(import.meta.url, './sync-worker.js', './commit-worker.ts', {
    path,
    run,
    totals,
    bulk,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  let next = 1;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let gone: Error | null = null;
  const fail = (e: Error) => {
    gone ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  worker.on('message', (a: CommitAnswer) => {
    const w = waiting.get(a.id);
    if (!w) return;
    waiting.delete(a.id);
    if (a.ok) w.resolve(a.value);
    else w.reject(new Error(a.error));
  });
  worker.on('error', (e) => fail(e));
  worker.on('exit', (code) => fail(new Error(`the sync's writer thread stopped (exit ${code})`)));
  const ask = <T>(request: WithoutId<CommitRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      // A thread that has stopped answers nothing: say so at once rather than wait forever.
      if (gone) return reject(gone);
      const id = next++;
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  return {
    onWorker: true,
    prepare: (pipelines) => ask({ op: 'prepare', pipelines }),
    page: (job) => ask({ op: 'page', job }),
    sweep: (job) => ask({ op: 'sweep', job }),
    close: async () => {
      try {
        await ask({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
}
