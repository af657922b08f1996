import { sql, type Kysely } from 'kysely';

/**
 * What the CRM sync needs beyond the first schema:
 * - deal_history.upstream_stage: the CRM's own stage of a stage row ("pipeline/stage"),
 *   so a changed stage mapping re-maps the stored timeline without downloading it again;
 * - deals.sync_hash: a digest of the deal as the CRM last gave it, so re-reading an
 *   unchanged deal (the lookback, a resumed page) writes nothing and bumps no revision;
 * - sync_runs counters for the run log: records read, HTTP requests, retries, deals that
 *   were read but unchanged, and what the run was doing when it stopped.
 *
 * Frozen: a released migration never changes, and imports nothing from the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table deal_history add column upstream_stage text`.execute(db);
  await sql`alter table deals add column sync_hash text`.execute(db);
  for (const column of ['records', 'requests', 'retries', 'unchanged'])
    await sql`alter table sync_runs add column ${sql.raw(column)} integer not null default 0`.execute(db);
  await sql`alter table sync_runs add column phase text`.execute(db);
}
