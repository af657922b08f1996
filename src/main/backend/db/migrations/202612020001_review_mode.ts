import { sql, type Kysely } from 'kysely';

/**
 * What a funnel review needs beyond the first schema's sketch of it:
 *
 * - a meeting's scope is a team and any number of reps (`scope_reps`, a JSON array of
 *   owner names sorted, '[]' for all), replacing the single `scope_owner`; how its agenda
 *   was built (`agenda_style`, `top_n`) and the time it may take (`budget_minutes`)
 *   replace `mode`; its notes; where the presenter is (`position`), the overall timer
 *   (`elapsed_ms` counted while paused, `timer_started_at` while running) and the open
 *   next steps of earlier reviews it followed up (`follow_ups`, JSON ids, fixed at start);
 * - an agenda item is a deal or a rep, with its share of the budget, its own timer, the
 *   card it showed (JSON, written when the meeting starts, so the review can be reread
 *   exactly as shown whatever imports come later), the values agreed on it and a flag
 *   for follow-up;
 * - a next step knows the meeting that closed it (`done_meeting_id`), the meeting it was
 *   carried over to (`carried_to_meeting_id`) and the step it carries on (`carried_from`).
 *
 * No build ever wrote these tables before this migration, so the two dropped columns
 * held nothing. Frozen: a released migration never changes, and imports nothing from the app.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `alter table review_meetings drop column scope_owner`,
    `alter table review_meetings drop column mode`,
    `alter table review_meetings add column scope_reps text not null default '[]'`,
    `alter table review_meetings add column agenda_style text not null default 'flagged'
       check (agenda_style in ('rep', 'flagged', 'stage', 'top', 'changed'))`,
    `alter table review_meetings add column top_n integer check (top_n is null or top_n > 0)`,
    `alter table review_meetings add column budget_minutes integer not null default 60
       check (budget_minutes > 0)`,
    `alter table review_meetings add column notes text not null default ''`,
    `alter table review_meetings add column position integer not null default 0`,
    `alter table review_meetings add column elapsed_ms integer not null default 0`,
    `alter table review_meetings add column timer_started_at integer`,
    `alter table review_meetings add column follow_ups text not null default '[]'`,

    `alter table review_items add column kind text not null default 'deal' check (kind in ('deal', 'rep'))`,
    `alter table review_items add column minutes real not null default 0`,
    `alter table review_items add column elapsed_ms integer not null default 0`,
    `alter table review_items add column card text`,
    `alter table review_items add column agreed_category text`,
    `alter table review_items add column agreed_close_date text`,
    `alter table review_items add column follow_up integer not null default 0 check (follow_up in (0, 1))`,

    `alter table review_decisions add column done_meeting_id integer
       references review_meetings(id) on delete set null`,
    `alter table review_decisions add column carried_to_meeting_id integer
       references review_meetings(id) on delete set null`,
    `alter table review_decisions add column carried_from integer
       references review_decisions(id) on delete set null`,
    `create index review_meetings_scope on review_meetings(scope_team, scope_reps, started_at)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
