import type { Db } from '../db/query';
import { buildSnapshot, patchSnapshot } from './load';
import type { Snapshot } from './snapshot';
import { closings } from './closings';
import { exitIndex } from './exit-index';
import { openVisitIndex } from './open-visits';
import { timelineSummary } from './summary';

/** How long writes must have paused before a background refresh of the snapshot starts. */
const QUIET_MS = 1_000;

/**
 * The one owner of a workspace's analytics snapshot. A report asks for `current()`: the
 * snapshot as of the latest committed state, rebuilt or patched first when the workspace
 * changed since. Each refresh produces a new immutable snapshot with a higher version,
 * so a reader holding the previous one keeps a consistent copy.
 *
 * Changes are seen two ways: this process's writes call `invalidate()` (the registry
 * does, after every write), and commits by other connections (the import worker, a
 * `funnel import` in another process) move SQLite's `data_version`, which is read on
 * every call (a few microseconds).
 */
export class AnalyticsStore {
  private snapshot: Snapshot | null = null;
  private version = 0;
  private dataVersion = -1;
  private stale = true;
  /** When this process last heard of a write (Date.now()), to let a burst of writes settle. */
  private changedAt = 0;
  private seenDataVersion = -1;
  private warming: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly ws: Db,
    /** Told when a background build (warm) has finished. */
    private readonly onReady: (version: number) => void = () => undefined,
  ) {}

  /** This process wrote to the workspace: the next report re-reads what changed. */
  invalidate(): void {
    this.stale = true;
    this.changedAt = Date.now();
  }

  /**
   * The snapshot if it is up to date, else null, without building: for callers that can
   * do without (the deals table's flags column) rather than wait seconds on a large
   * workspace's first build.
   */
  ready(): Snapshot | null {
    const dataVersion = this.ws.sqlite.pragma('data_version', { simple: true }) as number;
    // Commits of other connections (a sync's writer thread, an import's worker, another
    // process) count as writes arriving, for warm()'s wait for quiet.
    if (dataVersion !== this.seenDataVersion) {
      this.seenDataVersion = dataVersion;
      this.changedAt = Date.now();
    }
    return this.snapshot && !this.stale && dataVersion === this.dataVersion ? this.snapshot : null;
  }

  /**
   * Builds (or refreshes) the snapshot soon, off the current call: after a workspace opens,
   * or when the deals table found it stale. One build at a time, and not while writes are
   * still arriving (a sync commits a page every few hundred milliseconds): refreshing the
   * derived indexes takes a large workspace a few hundred milliseconds of this thread, so
   * it waits until the writes have paused for QUIET_MS. A report that needs the snapshot
   * meanwhile still gets it up to date (`current()`).
   */
  warm(delayMs = 50): void {
    if (this.warming) return;
    this.warming = setTimeout(() => {
      this.warming = null;
      const quietFor = Date.now() - this.changedAt;
      if (quietFor < QUIET_MS) return this.warm(QUIET_MS - quietFor);
      try {
        if (this.ready()) return;
        const snapshot = this.current();
        // The derived indexes too, so the first report after opening pays for none of them.
        timelineSummary(snapshot);
        exitIndex(snapshot);
        openVisitIndex(snapshot);
        closings(snapshot);
        this.onReady(snapshot.version);
      } catch {
        // A failed build is retried, and reported, by the next report that needs it.
      }
    }, delayMs);
    this.warming.unref?.();
  }

  current(): Snapshot {
    const dataVersion = this.ws.sqlite.pragma('data_version', { simple: true }) as number;
    if (this.snapshot && !this.stale && dataVersion === this.dataVersion) return this.snapshot;
    // Noted before reading: a commit that lands during the refresh is seen by the next call.
    this.dataVersion = dataVersion;
    this.stale = false;
    const version = this.version + 1;
    this.snapshot =
      (this.snapshot && patchSnapshot(this.ws, this.snapshot, version)) ?? buildSnapshot(this.ws, version);
    this.version = version;
    return this.snapshot;
  }
}
