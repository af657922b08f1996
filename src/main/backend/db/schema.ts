import type { Generated, Selectable } from 'kysely';

/**
 * Kysely's view of the tables created in migrations/. Times are integer ms (UTC), money
 * integer cents. Keep in step with the migrations: a test opens a fresh database and
 * checks every table here exists with these columns.
 */
export interface SettingsTable {
  key: string;
  value: string;
}

export interface PipelinesTable {
  id: string;
  name: string;
  source: Generated<string>;
  upstream_id: string | null;
}

export interface StagesTable {
  key: string;
  pipeline_id: string;
  name: string;
  name_zh: string | null;
  name_en: string | null;
  sort_order: number;
  kind: 'open' | 'won' | 'lost';
  probability: number;
  dwell_limit_days: number | null;
  buying_phase: string | null;
  exit_criteria: string | null;
  upstream_id: string | null;
}

export interface TeamsTable {
  id: Generated<number>;
  name: string;
  upstream_id: string | null;
}

export interface OwnersTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  team: string | null;
  upstream_id: string | null;
  active: Generated<number>;
}

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  industry: string | null;
  upstream_id: string | null;
}

export interface DealsTable {
  seq: Generated<number>;
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  amount_cents: number;
  currency: string;
  stage: string;
  created_at: number;
  close_date: string | null;
  forecast_category: string;
  lost_reason: string;
  product: string;
  next_step: string;
  updated_at: number;
  last_activity_at: number | null;
  deleted_at: number | null;
  stage_entered_at: number;
  stage_rank: number | null;
  search_text: Generated<string>;
  pipeline_id: string | null;
  upstream_stage: string | null;
  source: Generated<string>;
  synced_at: number | null;
}

export interface DealHistoryTable {
  id: Generated<number>;
  deal_seq: number;
  field: 'stage' | 'amount' | 'close_date' | 'forecast_category' | 'owner';
  value: string;
  changed_at: number;
  source: Generated<string>;
}

export interface DealNotesTable {
  id: Generated<number>;
  deal_id: string;
  body: string;
  created_at: number;
  updated_at: number;
}

export interface ReviewMeetingsTable {
  id: Generated<number>;
  title: string;
  scope: Generated<string>;
  previous_meeting_id: number | null;
  snapshot_at: number | null;
  started_at: number;
  ended_at: number | null;
  status: Generated<string>;
}

export interface ReviewItemsTable {
  id: Generated<number>;
  meeting_id: number;
  deal_id: string | null;
  owner: string | null;
  position: number;
  reason: string | null;
  reviewed_at: number | null;
}

export interface ReviewDecisionsTable {
  id: Generated<number>;
  meeting_id: number;
  deal_id: string | null;
  kind: string;
  text: string;
  assignee: string | null;
  due_date: string | null;
  done_at: number | null;
  created_at: number;
}

export interface PrecallTemplatesTable {
  id: Generated<number>;
  stage_key: string;
  name: string;
  items: Generated<string>;
  updated_at: number;
}

export interface PrecallPlansTable {
  id: Generated<number>;
  deal_id: string;
  stage_key: string;
  template_id: number | null;
  visit_date: string | null;
  items: Generated<string>;
  status: Generated<string>;
  signed_off_by: string | null;
  signed_off_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface MentorAssignmentsTable {
  deal_id: string;
  mentor: string;
  share_pct: number;
  created_at: number;
}

export interface QuotasTable {
  quarter: string;
  team: string;
  owner: string;
  amount_cents: number;
}

export interface ForecastSnapshotsTable {
  id: Generated<number>;
  quarter: string;
  scope: Generated<string>;
  taken_at: number;
  payload: string;
}

export interface CrmConnectionsTable {
  id: Generated<number>;
  source: string;
  base_url: string;
  token_ciphertext: Uint8Array | null;
  created_at: number;
}

export interface StageMappingsTable {
  source: string;
  upstream_pipeline: string;
  upstream_stage: string;
  upstream_name: string | null;
  stage_key: string | null;
}

export interface SyncStateTable {
  source: string;
  object: string;
  cursor: string | null;
  updated_at: number;
}

export interface SyncRunsTable {
  id: Generated<number>;
  source: string;
  started_at: number;
  finished_at: number | null;
  status: string;
  pages: Generated<number>;
  upserted: Generated<number>;
  deleted: Generated<number>;
  quarantined: Generated<number>;
  error: string | null;
}

export interface SyncQuarantineTable {
  id: Generated<number>;
  run_id: number;
  record_id: string | null;
  reason: string;
  payload: string;
}

export interface Database {
  settings: SettingsTable;
  pipelines: PipelinesTable;
  stages: StagesTable;
  teams: TeamsTable;
  owners: OwnersTable;
  accounts: AccountsTable;
  deals: DealsTable;
  deal_history: DealHistoryTable;
  deal_notes: DealNotesTable;
  review_meetings: ReviewMeetingsTable;
  review_items: ReviewItemsTable;
  review_decisions: ReviewDecisionsTable;
  precall_templates: PrecallTemplatesTable;
  precall_plans: PrecallPlansTable;
  mentor_assignments: MentorAssignmentsTable;
  quotas: QuotasTable;
  forecast_snapshots: ForecastSnapshotsTable;
  crm_connections: CrmConnectionsTable;
  stage_mappings: StageMappingsTable;
  sync_state: SyncStateTable;
  sync_runs: SyncRunsTable;
  sync_quarantine: SyncQuarantineTable;
}

export type DealRecord = Selectable<DealsTable>;
export type NoteRecord = Selectable<DealNotesTable>;
