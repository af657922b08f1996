import type { Generated } from 'kysely';

/** The standard sales actions (标准化销售动作) to prepare before a visit, per buying stage. */
export interface PrecallTemplatesTable {
  id: Generated<number>;
  stage_key: string;
  name: string;
  created_at: number;
  updated_at: number;
}

export interface PrecallTemplateItemsTable {
  id: Generated<number>;
  template_id: number;
  position: number;
  text: string;
}

/** A pre-call plan (访前拜访表) for one deal and visit, reviewed and signed off by the manager. */
export interface PrecallPlansTable {
  id: Generated<number>;
  deal_id: string;
  stage_key: string;
  template_id: number | null;
  visit_date: string | null;
  status: Generated<'draft' | 'submitted' | 'signed_off' | 'returned'>;
  reviewer: string | null;
  reviewed_at: number | null;
  review_comment: string | null;
  created_at: number;
  updated_at: number;
}

export interface PrecallPlanItemsTable {
  id: Generated<number>;
  plan_id: number;
  position: number;
  text: string;
  done_at: number | null;
  note: Generated<string>;
}
