import { sql, type Kysely } from 'kysely';

/**
 * A review's agenda may be drawn up as `unplanned`: the deals with a visit this week and
 * no approved pre-call plan for it. The agenda style's CHECK constraint is the column's
 * own, so the column is replaced by one that admits the new style: added beside it,
 * filled, the old one dropped and the new one renamed. Rebuilding the table instead would
 * be worse here: migrations run with foreign keys on inside one transaction, where
 * dropping review_meetings would cascade into every meeting's agenda and decisions.
 * Frozen: a released migration never changes, and imports nothing from the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `alter table review_meetings add column agenda_style_next text not null default 'flagged'
       check (agenda_style_next in ('rep', 'flagged', 'stage', 'top', 'changed', 'unplanned'))`,
    `update review_meetings set agenda_style_next = agenda_style`,
    `alter table review_meetings drop column agenda_style`,
    `alter table review_meetings rename column agenda_style_next to agenda_style`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
