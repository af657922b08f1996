import { sql, type Kysely } from 'kysely';

/**
 * Forecast assumptions edited per scope (the horizons' creation rate, conversion, trends…),
 * one row per assumption and scope, a stage's win rate one row per stage. The name is not
 * held to a list by a CHECK: the contract validates every value before it is written, and a
 * later assumption should not need the table rebuilt; a name this build does not know is
 * ignored when read.
 * Frozen: a released migration never changes, and imports nothing from the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table forecast_assumptions (
      scope_team text not null default '',
      scope_owner text not null default '',
      name text not null check (length(name) between 1 and 100),
      stage text not null default '',
      value real not null,
      saved_at integer not null,
      primary key (scope_team, scope_owner, name, stage)
    ) strict`.execute(db);
}
