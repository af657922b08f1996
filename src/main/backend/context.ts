import type { Workspace } from './db/connection';
import type { AnalyticsStore } from './analytics/store';
import type { Emit } from './registry';

/** What every area's handlers are bound to: one open workspace and the event emitter. */
export interface BackendContext {
  ws: Workspace;
  emit: Emit;
  /** The analytics snapshot every report reads. */
  analytics: AnalyticsStore;
  /** The better-sqlite3 addon for this runtime, passed on to import workers. */
  nativeBinding?: string;
}
