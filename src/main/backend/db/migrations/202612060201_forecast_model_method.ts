import { sql, type Kysely } from 'kysely';

/**
 * A forecast snapshot may record what the win-probability model said (method `model`), the
 * method the forecast accuracy compares beside the others. The method's CHECK constraint
 * is part of the table, so the table is rebuilt: created anew with the wider check, the
 * rows copied with their ids, the old one dropped and the new one renamed, its index made
 * again. Safe under foreign keys because no table points at forecast_snapshots (it points
 * at review_meetings, which is untouched).
 * Frozen: a released migration never changes, and imports nothing from the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `create table forecast_snapshots_next (
       id integer primary key,
       taken_at integer not null,
       as_of integer not null,
       scope_team text not null default '',
       scope_owner text not null default '',
       horizon text not null check (horizon in ('rep', 'manager', 'director')),
       period_start text not null,
       period_end text not null,
       quarter text,
       method text not null check (method in ('weighted', 'commit', 'best_case', 'pipeline', 'historical',
         'simulation', 'manager_call', 'model')),
       amount_cents integer not null,
       detail text not null default '{}',
       meeting_id integer references review_meetings(id) on delete set null
     ) strict`,
    `insert into forecast_snapshots_next
       select id, taken_at, as_of, scope_team, scope_owner, horizon, period_start, period_end, quarter,
              method, amount_cents, detail, meeting_id
       from forecast_snapshots`,
    `drop table forecast_snapshots`,
    `alter table forecast_snapshots_next rename to forecast_snapshots`,
    `create index forecast_snapshots_scope
       on forecast_snapshots (scope_team, scope_owner, horizon, period_start, taken_at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
