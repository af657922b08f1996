import type { Migration, MigrationProvider } from 'kysely';
import * as m202611300001 from './202611300001_workspace';
import * as m202612010001 from './202612010001_deal_revisions';
import * as m202612020001 from './202612020001_review_mode';
import * as m202612040001 from './202612040001_sync_details';
import * as m202612050101 from './202612050101_precall_plans';
import * as m202612050102 from './202612050102_unplanned_agenda';
import * as m202612060201 from './202612060201_forecast_model_method';
import * as m202612070301 from './202612070301_forecast_assumptions';

/**
 * Every migration, listed by hand: a bundled app has no migrations folder to scan, so a
 * file-system provider would find nothing once built. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '202611300001_workspace': m202611300001,
  '202612010001_deal_revisions': m202612010001,
  '202612020001_review_mode': m202612020001,
  '202612040001_sync_details': m202612040001,
  '202612050101_precall_plans': m202612050101,
  '202612050102_unplanned_agenda': m202612050102,
  '202612060201_forecast_model_method': m202612060201,
  '202612070301_forecast_assumptions': m202612070301,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The newest migration this build knows: a database that has run a later one is from the future. */
export const latestMigration = Object.keys(migrations).sort().at(-1)!;

/**
 * Migrations of pre-release builds that were replaced before the first release (their
 * schema was rewritten once). A workspace that ran one is not from a newer build: it is
 * from an older, unsupported one, and is refused as such.
 */
export const retiredMigrations: readonly string[] = ['202611220001_initial'];
