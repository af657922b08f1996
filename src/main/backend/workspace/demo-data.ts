import type BetterSqlite3 from 'better-sqlite3';
import { writeSetting } from './settings';

/**
 * Clears a demo workspace before real data goes in (inside the caller's transaction):
 * the demo deals and everything local that points at them, and the demo markers.
 */
export function wipeDemoData(sqlite: BetterSqlite3.Database): void {
  sqlite.exec(`
    delete from deal_history;
    delete from deals;
    delete from deal_notes;
    delete from mentor_assignments;
    delete from quotas;
    delete from precall_plans;
    delete from review_decisions;
    delete from review_items;
    delete from review_meetings;
    delete from forecast_snapshots;
    delete from owners;
    delete from teams;
    delete from accounts;
  `);
  writeSetting(sqlite, 'workspace.isDemo', false);
  writeSetting(sqlite, 'workspace.clock', null);
  writeSetting(sqlite, 'workspace.demo', null);
  sqlite.prepare(`delete from settings where key = 'workspace.currency'`).run();
}
