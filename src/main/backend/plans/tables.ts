import type { Generated, Selectable } from 'kysely';
import type { ContactRole, PlanItemSource, PlanStatus, Stance } from '@shared/contract';

/** The standard sales actions (标准化销售动作) of each open stage, in order. */
export interface SalesActionsTable {
  id: Generated<number>;
  stage_key: string;
  position: number;
  text_zh: Generated<string>;
  text_en: Generated<string>;
}
export type SalesActionRow = Selectable<SalesActionsTable>;

/** The goal of a visit in a stage. */
export interface StagePlaybooksTable {
  stage_key: string;
  visit_goal: string | null;
}

/** The buying centre (权力地图) of a deal, keyed by the deal's text id. */
export interface DealContactsTable {
  id: Generated<number>;
  deal_id: string;
  name: string;
  title: Generated<string>;
  role: ContactRole;
  influence: number;
  stance: Stance;
  met: number;
  note: Generated<string>;
  created_at: number;
  updated_at: number;
}
export type ContactRow = Selectable<DealContactsTable>;

/**
 * A pre-call plan (访前拜访表) for one deal and visit. The deal's name, account, owner,
 * team and amount as of the plan's last write (the deal may be deleted upstream later);
 * lists are JSON arrays; the outcome columns are null until the visit's outcome is recorded.
 */
export interface PrecallPlansTable {
  id: Generated<number>;
  uid: string;
  deal_id: string;
  deal_name: string;
  account: Generated<string>;
  owner: Generated<string>;
  team: Generated<string>;
  amount_cents: Generated<number>;
  stage_key: string;
  visit_date: string;
  attendees: Generated<string>;
  objective: string;
  commitment: Generated<string>;
  situation: Generated<string>;
  questions: Generated<string>;
  objections: Generated<string>;
  materials: Generated<string>;
  risks: Generated<string>;
  status: Generated<PlanStatus>;
  prepared_by: string;
  reviewer: string | null;
  reviewed_at: number | null;
  review_comment: string | null;
  outcome_objective_met: number | null;
  outcome_commitment_obtained: number | null;
  outcome_next_step: string | null;
  outcome_exit_criteria_met: number | null;
  outcome_notes: string | null;
  outcome_by: string | null;
  outcome_at: number | null;
  created_at: number;
  updated_at: number;
}
export type PlanRow = Selectable<PrecallPlansTable>;

export interface PrecallPlanItemsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  action_id: number | null;
  stage_key: string | null;
  text: string;
  source: PlanItemSource;
  done: Generated<number>;
}
export type PlanItemRow = Selectable<PrecallPlanItemsTable>;

export interface PrecallPlanEventsTable {
  id: Generated<number>;
  plan_id: number;
  at: number;
  by: string;
  action: 'created' | 'edited' | 'submitted' | 'approved' | 'returned' | 'outcome' | 'reopened';
  comment: Generated<string>;
}
export type PlanEventRow = Selectable<PrecallPlanEventsTable>;
