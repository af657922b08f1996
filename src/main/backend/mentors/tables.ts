import type { Generated, Insertable } from 'kysely';

/** Mentor tags (师徒制): a senior joins a junior's deal for a share of its won amount. */
export interface MentorAssignmentsTable {
  deal_id: string;
  mentor: string;
  share_pct: number;
  source: Generated<'csv' | 'demo' | 'app'>;
  created_at: number;
}
export type NewMentorTag = Insertable<MentorAssignmentsTable>;
