import type { Migration, MigrationProvider } from 'kysely';
import * as m202611220001 from './202611220001_initial';

/**
 * Every migration, listed by hand: a bundled app has no migrations folder to scan, so a
 * file-system provider would find nothing once built. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '202611220001_initial': m202611220001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

/** The newest migration this build knows: a database that has run a later one is from the future. */
export const latestMigration = Object.keys(migrations).sort().at(-1)!;
