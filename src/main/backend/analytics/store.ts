import type { Db } from '../db/query';
import { buildSnapshot, patchSnapshot } from './load';
import type { Snapshot } from './snapshot';

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

  constructor(private readonly ws: Db) {}

  /** This process wrote to the workspace: the next report re-reads what changed. */
  invalidate(): void {
    this.stale = true;
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
