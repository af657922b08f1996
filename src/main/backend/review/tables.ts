import type { Generated } from 'kysely';

export const AGENDA_STYLES = ['rep', 'flagged', 'stage', 'top', 'changed', 'unplanned'] as const;

/**
 * A funnel-review meeting: one scope (a team, some reps), looked at as of an instant and
 * compared with the previous review of the same scope. `planned` is a draft agenda;
 * starting it fixes the cards; `ended` is history, read-only.
 */
export interface ReviewMeetingsTable {
  id: Generated<number>;
  title: string;
  scope_team: Generated<string>;
  /** JSON array of owner names, sorted; '[]' for every rep of the team. */
  scope_reps: Generated<string>;
  agenda_style: Generated<(typeof AGENDA_STYLES)[number]>;
  top_n: number | null;
  budget_minutes: Generated<number>;
  as_of: number;
  previous_meeting_id: number | null;
  status: Generated<'planned' | 'running' | 'ended'>;
  notes: Generated<string>;
  /** The presenter's slide (0 = the follow-ups when there are any, then the items). */
  position: Generated<number>;
  elapsed_ms: Generated<number>;
  /** Set while the overall timer runs. */
  timer_started_at: number | null;
  /** JSON ids of the earlier next steps this meeting followed up, fixed when it started. */
  follow_ups: Generated<string>;
  started_at: number | null;
  ended_at: number | null;
  created_at: number;
  updated_at: number;
}

/** One agenda item: a deal or a rep, in order, with why it is on the agenda. */
export interface ReviewItemsTable {
  id: Generated<number>;
  meeting_id: number;
  position: number;
  kind: Generated<'deal' | 'rep'>;
  deal_id: string | null;
  owner: string | null;
  /** Why the item is on the agenda, as JSON. */
  reason: Generated<string>;
  /** Its share of the meeting's time budget. */
  minutes: Generated<number>;
  elapsed_ms: Generated<number>;
  /** The card as shown (JSON), written when the meeting starts. */
  card: string | null;
  agreed_category: string | null;
  agreed_close_date: string | null;
  follow_up: Generated<0 | 1>;
  reviewed_at: number | null;
}

export interface ReviewDecisionsTable {
  id: Generated<number>;
  meeting_id: number;
  item_id: number | null;
  deal_id: string | null;
  kind: 'decision' | 'next_step' | 'risk';
  text: string;
  assignee: string | null;
  due_date: string | null;
  done_at: number | null;
  done_meeting_id: number | null;
  carried_to_meeting_id: number | null;
  carried_from: number | null;
  created_at: number;
  updated_at: number;
}
