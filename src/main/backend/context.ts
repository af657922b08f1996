import type { Workspace } from './db/connection';
import type { AnalyticsStore } from './analytics/store';
import type { Emit } from './registry';
import type { SecretStore } from './sync/secrets';

/** What every area's handlers are bound to: one open workspace and the event emitter. */
export interface BackendContext {
  ws: Workspace;
  emit: Emit;
  /** The analytics snapshot every report reads. */
  analytics: AnalyticsStore;
  /** The better-sqlite3 addon for this runtime, passed on to import workers. */
  nativeBinding?: string;
  /** The desktop app's token store; absent in browser mode and the CLI. */
  secrets?: SecretStore;
  /** Resolves when no write holds the workspace (the registry's lock): background work waits for it. */
  idle: () => Promise<void>;
  /** Background work of this backend (scheduled syncs) may start: not for one-shot CLI sessions. */
  longLived: boolean;
}
