import type { SyncRunSummary } from '@shared/contract';
import { readSetting } from '../workspace/settings';
import { wipeDemoData } from '../workspace/demo-data';
import type { Db } from '../db/query';
import type { Quarantined, UpstreamDeal, UpstreamPipeline } from './connector';
import { syncMapping, type StageMapping } from './mapping';
import { recordPage, writeCursor } from './runs';
import { SyncWriter } from './writer';

/** A run's counters, as the run log keeps them. */
export type RunTotals = Omit<SyncRunSummary, 'connectionId' | 'runId' | 'status' | 'error'>;

export const noTotals = (): RunTotals => ({
  pages: 0,
  records: 0,
  upserted: 0,
  unchanged: 0,
  deleted: 0,
  quarantined: 0,
  requests: 0,
  retries: 0,
});

export interface RunIdentity {
  connectionId: number;
  kind: string;
  runId: number;
}

/** One page to commit, with where the run stands after it. */
export interface PageJob {
  deals: UpstreamDeal[];
  deletions: { id: string; deletedAt: number }[];
  quarantined: Quarantined[];
  /** The 'deals' cursor once this page is in. */
  cursor: unknown;
  /** HTTP requests and retries since the previous page. */
  requests: number;
  retries: number;
  now: number;
}

/** The deals a sweep found gone, to mark deleted. */
export interface SweepJob {
  live: string[];
  requests: number;
  retries: number;
  now: number;
}

/**
 * Commits one run's pages in order, each in one transaction: deals, history, tombstones,
 * quarantined records, the run's counters and the cursor together, so the run log and the
 * cursor never disagree with the data. Owns the run's totals (pages may be committed on
 * a worker thread while the next is downloaded). The same code runs inline and on the
 * worker (commit-worker.ts).
 */
export class RunCommitter {
  private mapping: StageMapping | null = null;

  constructor(
    private readonly ws: Db,
    private readonly run: RunIdentity,
    readonly totals: RunTotals = noTotals(),
  ) {}

  /** Brings the stage mapping up to date with the CRM's pipelines. */
  prepare(pipelines: UpstreamPipeline[]): { unmapped: number } {
    this.mapping = this.ws.sqlite.transaction(() =>
      syncMapping(this.ws, this.run.connectionId, this.run.kind, pipelines),
    )();
    return { unmapped: this.mapping.unmapped };
  }

  page(job: PageJob): RunTotals {
    return this.pages([job])[0]!;
  }

  /**
   * Several pages in one transaction, each with its cursor in order: when the writer has
   * fallen behind the download, the pages waiting are written together, which saves a
   * commit (and its WAL writes of the same index pages) per page. A crash still resumes
   * exactly: the cursor stored is the last page's, with every page before it.
   */
  pages(jobs: PageJob[]): RunTotals[] {
    const { ws, run } = this;
    const mapping = this.mapping;
    if (!mapping) throw new Error('the committer was not prepared');
    const t = this.totals;
    return ws.sqlite.transaction(() =>
      jobs.map((job) => {
        // A demo workspace makes way for the CRM's deals with the first page.
        if (t.pages === 0 && readSetting(ws, 'workspace.isDemo', false)) wipeDemoData(ws);
        const revision = ws.sqlite
          .prepare('select coalesce(max(revision), 0) + 1 from deals')
          .pluck()
          .get() as number;
        const counts = new SyncWriter(ws, run.connectionId, mapping, revision, job.now).write(
          job.deals,
          job.deletions,
        );
        const quarantined = [...job.quarantined, ...counts.quarantined];
        t.pages++;
        t.records += job.deals.length + job.deletions.length + job.quarantined.length;
        t.upserted += counts.upserted;
        t.unchanged += counts.unchanged;
        t.deleted += counts.deleted;
        t.quarantined += quarantined.length;
        t.requests += job.requests;
        t.retries += job.retries;
        recordPage(ws, run.runId, quarantined, { ...t, phase: 'changes' });
        writeCursor(ws, run.connectionId, 'deals', job.cursor, job.now);
        return { ...t };
      }),
    )();
  }

  /**
   * Every stored live deal of the connection not among the CRM's live ids is marked
   * deleted now: what a delete log forgot (hard deletes, an emptied recycle bin, a gap
   * longer than the log keeps). Only a complete listing may be passed.
   */
  sweep(job: SweepJob): RunTotals {
    const { ws, run } = this;
    const t = this.totals;
    const live = new Set(job.live);
    ws.sqlite.transaction(() => {
      const stored = ws.sqlite
        .prepare('select id from deals where connection_id = ? and deleted_at is null')
        .pluck()
        .all(run.connectionId) as string[];
      const gone = stored.filter((id) => !live.has(id));
      if (gone.length) {
        const revision = ws.sqlite
          .prepare('select coalesce(max(revision), 0) + 1 from deals')
          .pluck()
          .get() as number;
        const mark = ws.sqlite.prepare(
          'update deals set deleted_at = ?, revision = ?, synced_at = ?, sync_hash = null where id = ? and connection_id = ?',
        );
        for (const id of gone) mark.run(job.now, revision, job.now, id, run.connectionId);
      }
      t.deleted += gone.length;
      t.requests += job.requests;
      t.retries += job.retries;
      recordPage(ws, run.runId, [], { ...t, phase: 'sweep' });
      writeCursor(ws, run.connectionId, 'sweep', { at: job.now }, job.now);
    })();
    return { ...t };
  }
}
