import { sql, type Kysely } from 'kysely';

/**
 * Which write last touched each deal, so the analytics snapshot (a cache in memory) can
 * re-read only the deals written since it was built instead of the whole workspace:
 * every writer stamps the deals it writes with max(revision) + 1. Existing deals get 0,
 * which every snapshot has read.
 *
 * Frozen: a released migration never changes, and imports nothing from the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table deals add column revision integer not null default 0`.execute(db);
  await db.schema.createIndex('deals_revision').on('deals').column('revision').execute();
}
