import type { Db } from '../db/query';
import { run } from '../db/query';
import { withSearchIndexRebuilt } from '../db/search-index';
import { deleteSetting, writeSetting } from './settings';

/** Tables whose rows belong to the demo company (everything but the model and the settings). */
const DEMO_TABLES = [
  'deal_history',
  'deals',
  'deal_notes',
  'mentor_assignments',
  'quotas',
  'precall_plan_items',
  'precall_plans',
  'review_decisions',
  'review_items',
  'review_meetings',
  'forecast_snapshots',
  'forecast_assumptions',
  'owners',
  'teams',
  'accounts',
] as const;

/**
 * Clears a demo workspace before real data goes in (inside the caller's transaction):
 * the demo deals and everything local that points at them, and the demo markers.
 */
export function wipeDemoData(ws: Db): void {
  // Without the search triggers `delete from deals` truncates (0.2 s at 200k deals, not 18 s);
  // the search indexes are refilled (empty) afterwards.
  withSearchIndexRebuilt(ws.sqlite, () => {
    for (const table of DEMO_TABLES) run(ws, ws.db.deleteFrom(table));
  });
  writeSetting(ws, 'workspace.isDemo', false);
  writeSetting(ws, 'workspace.clock', null);
  writeSetting(ws, 'workspace.demo', null);
  deleteSetting(ws, 'workspace.currency');
}
