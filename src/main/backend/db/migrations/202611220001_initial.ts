import { sql, type Kysely } from 'kysely';

/**
 * The whole product's schema, frozen on the day it shipped. Never edit a migration that
 * has been released: add a new file instead. No imports of app code, so a later refactor
 * can't change what this migration does.
 *
 * Upstream columns (what a CRM or an import owns) live in `deals`, `deal_history`,
 * `stages`, `owners`, `teams`, `accounts`; everything the manager creates locally lives in
 * tables of its own (notes, review_*, precall_*, mentor_assignments, quotas,
 * forecast_snapshots, settings) keyed by the deal's text id, so no sync or re-import can
 * overwrite or orphan it.
 */
// Kysely<any>: a migration must not depend on today's schema types, which will change.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // --- upstream model -------------------------------------------------------------------
  await db.schema
    .createTable('pipelines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('local'))
    .addColumn('upstream_id', 'text')
    .execute();

  await db.schema
    .createTable('stages')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text')
    .addColumn('name_en', 'text')
    .addColumn('sort_order', 'real', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('open','won','lost')`))
    .addColumn('probability', 'real', (c) => c.notNull())
    .addColumn('dwell_limit_days', 'real')
    .addColumn('buying_phase', 'text')
    .addColumn('exit_criteria', 'text')
    .addColumn('upstream_id', 'text')
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('upstream_id', 'text')
    .execute();

  await db.schema
    .createTable('owners')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text')
    .addColumn('team', 'text')
    .addColumn('upstream_id', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('industry', 'text')
    .addColumn('upstream_id', 'text')
    .execute();

  // Times are integer milliseconds since the epoch (UTC); money is integer cents so sums
  // stay exact to the cent; close_date is the calendar day 'YYYY-MM-DD' it is in the files.
  await db.schema
    .createTable('deals')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('account', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('team', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('close_date', 'text')
    .addColumn('forecast_category', 'text', (c) => c.notNull().defaultTo('pipeline'))
    .addColumn('lost_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('product', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_step', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addColumn('last_activity_at', 'integer')
    .addColumn('deleted_at', 'integer')
    // Derived when the deal is written: when it entered its current stage (for stalls),
    // and its stage's position in the funnel (so sorting by stage can walk an index).
    .addColumn('stage_entered_at', 'integer', (c) => c.notNull())
    .addColumn('stage_rank', 'real')
    // name, account, id and owner in one column, so a substring search scans one narrow
    // index instead of the wide table.
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pipeline_id', 'text')
    .addColumn('upstream_stage', 'text')
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('csv'))
    .addColumn('synced_at', 'integer')
    .execute();
  // The pipeline screen filters, sorts and counts in SQL. Partial indexes over the live
  // deals (deleted upstream ones are never listed) let one page and its totals walk a
  // narrow index instead of the wide table; each ends in amount_cents so sums are covered.
  for (const cols of [
    ['team', 'amount_cents'],
    ['team', 'stage', 'stage_entered_at', 'amount_cents'],
    ['owner', 'amount_cents'],
    ['search_text', 'amount_cents'],
    ['stage', 'stage_entered_at', 'amount_cents'],
    ['forecast_category', 'amount_cents'],
    ['close_date', 'amount_cents'],
    ['stage_rank', 'amount_cents'],
    ['amount_cents'],
    ['updated_at', 'amount_cents'],
    ['stage_entered_at', 'amount_cents'],
    ['name', 'amount_cents'],
    ['account', 'amount_cents'],
  ]) {
    await db.schema
      .createIndex(`deals_live_${cols.join('_')}`)
      .on('deals')
      .columns(cols)
      .where(sql.ref('deleted_at'), 'is', null)
      .execute();
  }

  await db.schema
    .createTable('deal_history')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('deal_seq', 'integer', (c) => c.notNull().references('deals.seq').onDelete('cascade'))
    .addColumn('field', 'text', (c) =>
      c.notNull().check(sql`field in ('stage','amount','close_date','forecast_category','owner')`),
    )
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull().defaultTo('csv'))
    .execute();
  await db.schema
    .createIndex('deal_history_deal')
    .on('deal_history')
    .columns(['deal_seq', 'changed_at'])
    .execute();

  // --- local-only: the manager's own work ------------------------------------------------
  await db.schema
    .createTable('deal_notes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('deal_notes_deal')
    .on('deal_notes')
    .columns(['deal_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('review_meetings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('previous_meeting_id', 'integer', (c) => c.references('review_meetings.id'))
    .addColumn('snapshot_at', 'integer')
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('ended_at', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .execute();
  await db.schema
    .createTable('review_items')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('review_meetings.id').onDelete('cascade'),
    )
    .addColumn('deal_id', 'text')
    .addColumn('owner', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('reviewed_at', 'integer')
    .execute();
  await db.schema
    .createTable('review_decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('review_meetings.id').onDelete('cascade'),
    )
    .addColumn('deal_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('assignee', 'text')
    .addColumn('due_date', 'text')
    .addColumn('done_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('precall_templates')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('precall_plans')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('stage_key', 'text', (c) => c.notNull())
    .addColumn('template_id', 'integer', (c) => c.references('precall_templates.id'))
    .addColumn('visit_date', 'text')
    .addColumn('items', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('signed_off_by', 'text')
    .addColumn('signed_off_at', 'integer')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('precall_plans_deal').on('precall_plans').column('deal_id').execute();

  await db.schema
    .createTable('mentor_assignments')
    .addColumn('deal_id', 'text', (c) => c.notNull())
    .addColumn('mentor', 'text', (c) => c.notNull())
    .addColumn('share_pct', 'real', (c) => c.notNull())
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentor_assignments_pk', ['deal_id', 'mentor'])
    .execute();

  // Empty team/owner = the team's or the organisation's quota (see quotas.csv).
  await db.schema
    .createTable('quotas')
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('quotas_pk', ['quarter', 'team', 'owner'])
    .execute();

  await db.schema
    .createTable('forecast_snapshots')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('quarter', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('taken_at', 'integer', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();

  // --- sync bookkeeping ------------------------------------------------------------------
  await db.schema
    .createTable('crm_connections')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('base_url', 'text', (c) => c.notNull())
    .addColumn('token_ciphertext', 'blob')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('stage_mappings')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('upstream_pipeline', 'text', (c) => c.notNull())
    .addColumn('upstream_stage', 'text', (c) => c.notNull())
    .addColumn('upstream_name', 'text')
    .addColumn('stage_key', 'text')
    .addPrimaryKeyConstraint('stage_mappings_pk', ['source', 'upstream_pipeline', 'upstream_stage'])
    .execute();
  await db.schema
    .createTable('sync_state')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('object', 'text', (c) => c.notNull())
    .addColumn('cursor', 'text')
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_state_pk', ['source', 'object'])
    .execute();
  await db.schema
    .createTable('sync_runs')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('upserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createTable('sync_quarantine')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('run_id', 'integer', (c) => c.notNull().references('sync_runs.id').onDelete('cascade'))
    .addColumn('record_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .execute();
}
