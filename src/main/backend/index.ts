import type { Workspace } from './db/connection';
import type { BackendContext } from './context';
import { AnalyticsStore } from './analytics/store';
import { reportHandlers } from './analytics/handlers';
import { Registry, type Emit } from './registry';
import { dealHandlers } from './deals/handlers';
import { demoHandlers } from './demo/handlers';
import { deckHandlers } from './export/deck/handlers';
import { exportHandlers } from './export/handlers';
import { importHandlers } from './imports/handlers';
import { mentorHandlers } from './mentors/handlers';
import { forecastHandlers } from './forecast/handlers';
import { forecastAccuracyHandlers } from './forecast/accuracy-handlers';
import { forecastHorizonsHandlers } from './forecast/horizons/handlers';
import { winModelHandlers } from './forecast/win-model/handlers';
import { workbackHandlers } from './forecast/workback/handlers';
import { noteHandlers } from './notes/handlers';
import { pipelineHandlers } from './pipeline/handlers';
import { planHandlers } from './plans/handlers';
import { reviewHandlers } from './review/handlers';
import { stageHandlers } from './stages/handlers';
import { syncHandlers } from './sync/handlers';
import type { SecretStore } from './sync/secrets';
import { workspaceHandlers } from './workspace/handlers';

export interface BackendOptions {
  /** The better-sqlite3 addon for this runtime, passed on to import workers. */
  nativeBinding?: string;
  /**
   * Build the analytics snapshot right after start-up (the app and browser mode), so the
   * first view does not wait for it; the command line builds only what a command asks.
   */
  warmAnalytics?: boolean;
  /** The desktop app's token store (Electron safeStorage, reached through main). */
  secrets?: SecretStore;
  /**
   * The backend lives as long as the app or browser mode: background work (scheduled CRM
   * syncs) may run. One-shot CLI sessions leave it off.
   */
  longLived?: boolean;
}

/**
 * Every channel of the contract, bound to one open workspace: the one path the desktop
 * app, browser mode, the CLI and the tests all call through.
 */
export function createBackend(
  ws: Workspace,
  emit: Emit = () => undefined,
  options: BackendOptions = {},
): Registry {
  const analytics = new AnalyticsStore(ws, (version) => emit('analytics.ready', { version }));
  const { warmAnalytics, longLived, ...rest } = options;
  // Every write may change what the reports see; the snapshot re-reads what changed
  // before the next report (and before anyone hears workspace.changed).
  const registry = new Registry(emit, { afterWrite: () => analytics.invalidate() });
  const ctx: BackendContext = {
    ws,
    emit,
    analytics,
    ...rest,
    idle: () => registry.idle(),
    longLived: Boolean(longLived),
  };
  registry.handleArea(workspaceHandlers(ctx));
  registry.handleArea(pipelineHandlers(ctx));
  registry.handleArea(dealHandlers(ctx));
  registry.handleArea(noteHandlers(ctx));
  registry.handleArea(importHandlers(ctx));
  registry.handleArea(exportHandlers(ctx));
  registry.handleArea(demoHandlers(ctx));
  registry.handleArea(reportHandlers(ctx));
  registry.handleArea(stageHandlers(ctx));
  registry.handleArea(reviewHandlers(ctx));
  registry.handleArea(syncHandlers(ctx));
  registry.handleArea(mentorHandlers(ctx));
  registry.handleArea(forecastHandlers(ctx));
  registry.handleArea(forecastAccuracyHandlers(ctx));
  registry.handleArea(forecastHorizonsHandlers(ctx));
  registry.handleArea(workbackHandlers(ctx));
  registry.handleArea(deckHandlers(ctx));
  registry.handleArea(winModelHandlers(ctx));
  registry.handleArea(planHandlers(ctx));
  registry.assertComplete();
  if (warmAnalytics) analytics.warm();
  return registry;
}
