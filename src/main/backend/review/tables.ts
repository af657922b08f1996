import type { Generated } from 'kysely';

/** A funnel-review meeting: one scope, looked at as of an instant, compared with the previous review. */
export interface ReviewMeetingsTable {
  id: Generated<number>;
  title: string;
  scope_team: Generated<string>;
  scope_owner: Generated<string>;
  mode: Generated<'deal' | 'rep'>;
  as_of: number;
  previous_meeting_id: number | null;
  status: Generated<'planned' | 'running' | 'ended'>;
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
  deal_id: string | null;
  owner: string | null;
  reason: Generated<string>;
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
  created_at: number;
  updated_at: number;
}
