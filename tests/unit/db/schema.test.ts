import type { Selectable } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '@backend/db/schema';
import { tempWorkspace } from '../../support/temp';

/**
 * schema.ts is checked, not hoped: the compiler makes this map list exactly the columns of
 * every table type with their nullability (a missing, extra or wrongly nullable column is
 * a type error here), and the test compares it with the tables the migrations create.
 */
type Nullability<T> = {
  [K in keyof T]-?: K extends keyof Selectable<T>
    ? null extends Selectable<T>[K]
      ? 'null'
      : 'not null'
    : never;
};

const SCHEMA: { [Table in keyof Database]: Nullability<Database[Table]> } = {
  settings: { key: 'not null', value: 'not null' },
  crm_connections: {
    id: 'not null',
    kind: 'not null',
    base_url: 'not null',
    account_key: 'not null',
    label: 'not null',
    token_ciphertext: 'null',
    token_storage: 'null',
    options: 'not null',
    created_at: 'not null',
  },
  stages: {
    key: 'not null',
    name: 'not null',
    name_zh: 'null',
    name_en: 'null',
    sort_order: 'not null',
    kind: 'not null',
    probability: 'not null',
    dwell_limit_days: 'null',
    followup_days: 'null',
    buying_phase: 'null',
    exit_criteria: 'null',
  },
  teams: { id: 'not null', name: 'not null' },
  owners: { id: 'not null', name: 'not null', email: 'null', team: 'null', active: 'not null' },
  accounts: { id: 'not null', name: 'not null', industry: 'null' },
  deals: {
    seq: 'not null',
    id: 'not null',
    name: 'not null',
    account: 'not null',
    owner: 'not null',
    team: 'not null',
    amount_cents: 'not null',
    currency: 'not null',
    stage: 'not null',
    created_at: 'not null',
    close_date: 'null',
    forecast_category: 'not null',
    lost_reason: 'not null',
    product: 'not null',
    next_step: 'not null',
    updated_at: 'not null',
    last_activity_at: 'null',
    deleted_at: 'null',
    stage_entered_at: 'not null',
    stage_rank: 'null',
    search_text: 'not null',
    source: 'not null',
    connection_id: 'null',
    upstream_pipeline: 'null',
    upstream_stage: 'null',
    synced_at: 'null',
    revision: 'not null',
    sync_hash: 'null',
  },
  deal_history: {
    id: 'not null',
    deal_seq: 'not null',
    field: 'not null',
    value: 'not null',
    changed_at: 'not null',
    source: 'not null',
    event_key: 'null',
    upstream_stage: 'null',
  },
  deal_notes: {
    id: 'not null',
    deal_id: 'not null',
    body: 'not null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  mentor_assignments: {
    deal_id: 'not null',
    mentor: 'not null',
    share_pct: 'not null',
    source: 'not null',
    created_at: 'not null',
  },
  quotas: { quarter: 'not null', team: 'not null', owner: 'not null', amount_cents: 'not null' },
  review_meetings: {
    id: 'not null',
    title: 'not null',
    scope_team: 'not null',
    scope_reps: 'not null',
    agenda_style: 'not null',
    top_n: 'null',
    budget_minutes: 'not null',
    as_of: 'not null',
    previous_meeting_id: 'null',
    status: 'not null',
    notes: 'not null',
    position: 'not null',
    elapsed_ms: 'not null',
    timer_started_at: 'null',
    follow_ups: 'not null',
    started_at: 'null',
    ended_at: 'null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  review_items: {
    id: 'not null',
    meeting_id: 'not null',
    position: 'not null',
    kind: 'not null',
    deal_id: 'null',
    owner: 'null',
    reason: 'not null',
    minutes: 'not null',
    elapsed_ms: 'not null',
    card: 'null',
    agreed_category: 'null',
    agreed_close_date: 'null',
    follow_up: 'not null',
    reviewed_at: 'null',
  },
  review_decisions: {
    id: 'not null',
    meeting_id: 'not null',
    item_id: 'null',
    deal_id: 'null',
    kind: 'not null',
    text: 'not null',
    assignee: 'null',
    due_date: 'null',
    done_at: 'null',
    done_meeting_id: 'null',
    carried_to_meeting_id: 'null',
    carried_from: 'null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  sales_actions: {
    id: 'not null',
    stage_key: 'not null',
    position: 'not null',
    text_zh: 'not null',
    text_en: 'not null',
  },
  stage_playbooks: { stage_key: 'not null', visit_goal: 'null' },
  deal_contacts: {
    id: 'not null',
    deal_id: 'not null',
    name: 'not null',
    title: 'not null',
    role: 'not null',
    influence: 'not null',
    stance: 'not null',
    met: 'not null',
    note: 'not null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  precall_plans: {
    id: 'not null',
    uid: 'not null',
    deal_id: 'not null',
    deal_name: 'not null',
    account: 'not null',
    owner: 'not null',
    team: 'not null',
    amount_cents: 'not null',
    stage_key: 'not null',
    visit_date: 'not null',
    attendees: 'not null',
    objective: 'not null',
    commitment: 'not null',
    situation: 'not null',
    questions: 'not null',
    objections: 'not null',
    materials: 'not null',
    risks: 'not null',
    status: 'not null',
    prepared_by: 'not null',
    reviewer: 'null',
    reviewed_at: 'null',
    review_comment: 'null',
    outcome_objective_met: 'null',
    outcome_commitment_obtained: 'null',
    outcome_next_step: 'null',
    outcome_exit_criteria_met: 'null',
    outcome_notes: 'null',
    outcome_by: 'null',
    outcome_at: 'null',
    created_at: 'not null',
    updated_at: 'not null',
  },
  precall_plan_items: {
    id: 'not null',
    plan_id: 'not null',
    position: 'not null',
    action_id: 'null',
    stage_key: 'null',
    text: 'not null',
    source: 'not null',
    done: 'not null',
  },
  precall_plan_events: {
    id: 'not null',
    plan_id: 'not null',
    at: 'not null',
    by: 'not null',
    action: 'not null',
    comment: 'not null',
  },
  forecast_snapshots: {
    id: 'not null',
    taken_at: 'not null',
    as_of: 'not null',
    scope_team: 'not null',
    scope_owner: 'not null',
    horizon: 'not null',
    period_start: 'not null',
    period_end: 'not null',
    quarter: 'null',
    method: 'not null',
    amount_cents: 'not null',
    detail: 'not null',
    meeting_id: 'null',
  },
  forecast_assumptions: {
    scope_team: 'not null',
    scope_owner: 'not null',
    name: 'not null',
    stage: 'not null',
    value: 'not null',
    saved_at: 'not null',
  },
  sync_state: { connection_id: 'not null', object: 'not null', cursor: 'null', updated_at: 'not null' },
  stage_mappings: {
    connection_id: 'not null',
    upstream_pipeline: 'not null',
    upstream_stage: 'not null',
    upstream_pipeline_name: 'not null',
    upstream_stage_name: 'not null',
    stage_key: 'null',
  },
  upstream_objects: {
    connection_id: 'not null',
    object: 'not null',
    upstream_id: 'not null',
    name: 'not null',
    data: 'not null',
    updated_at: 'not null',
  },
  sync_runs: {
    id: 'not null',
    connection_id: 'not null',
    started_at: 'not null',
    finished_at: 'null',
    status: 'not null',
    pages: 'not null',
    upserted: 'not null',
    deleted: 'not null',
    quarantined: 'not null',
    error: 'null',
    records: 'not null',
    requests: 'not null',
    retries: 'not null',
    unchanged: 'not null',
    phase: 'null',
  },
  sync_quarantine: {
    id: 'not null',
    run_id: 'not null',
    object: 'not null',
    record_id: 'null',
    reason: 'not null',
    payload: 'not null',
  },
};

interface ColumnInfo {
  name: string;
  notnull: number;
  pk: number;
}

describe('schema.ts against the migrated workspace', () => {
  // The deals' search indexes (FTS5 virtual tables and their shadow tables) are SQLite's
  // to lay out; no query of ours reads them through Kysely.
  it('names every table the migrations create, and only those', async () => {
    const ws = await tempWorkspace();
    const tables = ws.sqlite
      .prepare(
        `select name from sqlite_master where type = 'table' and name not like 'kysely_%' and name not like 'sqlite_%'
         and name not like 'deals_search_%'`,
      )
      .pluck()
      .all() as string[];
    expect(tables.sort()).toEqual(Object.keys(SCHEMA).sort());
  });

  it.each(Object.keys(SCHEMA))(
    '%s has exactly the columns and nullability of its table type',
    async (table) => {
      const ws = await tempWorkspace();
      const info = ws.sqlite
        .prepare('select name, "notnull", pk from pragma_table_info(?)')
        .all(table) as ColumnInfo[];
      // A STRICT table's primary key columns are NOT NULL whatever the pragma's flag says.
      const actual = Object.fromEntries(info.map((c) => [c.name, c.notnull || c.pk ? 'not null' : 'null']));
      expect(actual).toEqual(SCHEMA[table as keyof Database]);
    },
  );

  it('makes every table STRICT', async () => {
    const ws = await tempWorkspace();
    const loose = ws.sqlite
      .prepare(
        `select name from pragma_table_list where schema = 'main' and type = 'table' and strict = 0
         and name not like 'kysely_%' and name not like 'sqlite_%' and name not like 'deals_search_%'`,
      )
      .pluck()
      .all();
    expect(loose).toEqual([]);
  });
});
