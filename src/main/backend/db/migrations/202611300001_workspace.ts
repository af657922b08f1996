import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The workspace's schema, frozen on the day it shipped. Never edit a migration that has
 * been released: add a new file instead. No imports of app code, so a later refactor can't
 * change what this migration does.
 *
 * Upstream data (what a CRM sync or an import owns) lives in `deals`, `deal_history`,
 * `stages`, `owners`, `teams`, `accounts`; everything the manager creates locally lives in
 * tables of its own (notes, review_*, precall_*, mentor_assignments, quotas,
 * forecast_snapshots, settings), keyed by the deal's text id, so no sync or re-import can
 * overwrite or orphan it. Sync bookkeeping hangs off `crm_connections` and goes with it.
 *
 * Every table is STRICT: SQLite refuses a value of the wrong type instead of storing it.
 * Times are integer milliseconds since the epoch (UTC); money is integer cents, so sums
 * stay exact to the cent; calendar days ('YYYY-MM-DD') stay text, as in the files.
 */
// Kysely<any>: a migration must not depend on today's schema types, which will change.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Db = Kysely<any>;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const strict = <T extends CreateTableBuilder<any, any>>(table: T): T => table.modifyEnd(sql`strict`) as T;

const oneOf = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(', ')})`);

export async function up(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('settings')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull()),
  ).execute();

  await connections(db);
  await stageModel(db);
  await deals(db);
  await localWork(db);
  await meetings(db);
  await plans(db);
  await forecasts(db);
  await sync(db);
}

/** One row per CRM account the workspace syncs from: two portals of one CRM are two rows. */
async function connections(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('crm_connections')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) =>
        c.notNull().check(oneOf('kind', ['hubspot', 'salesforce', 'pipedrive'])),
      )
      .addColumn('base_url', 'text', (c) => c.notNull())
      // The upstream account (HubSpot portal id, Salesforce org id, Pipedrive company id):
      // one base URL can serve many accounts.
      .addColumn('account_key', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
      // Encrypted with the OS keychain (Electron safeStorage) in the app; null when the
      // token comes from an environment variable (the CLI) or was never stored.
      .addColumn('token_ciphertext', 'blob')
      .addColumn('token_storage', 'text', (c) => c.check(oneOf('token_storage', ['keychain', 'basic_text'])))
      // Per-connection choices as JSON, e.g. which Salesforce field holds the lost reason.
      .addColumn('options', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addUniqueConstraint('crm_connections_account', ['kind', 'base_url', 'account_key']),
  ).execute();
}

/** The workspace's funnel: stages of the customer's buying process (PRODUCT.md). */
async function stageModel(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('stages')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('name_zh', 'text')
      .addColumn('name_en', 'text')
      .addColumn('sort_order', 'real', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['open', 'won', 'lost'])))
      .addColumn('probability', 'real', (c) => c.notNull().check(sql`probability between 0 and 1`))
      .addColumn('dwell_limit_days', 'real', (c) => c.check(sql`dwell_limit_days >= 0`))
      .addColumn('followup_days', 'real', (c) => c.check(sql`followup_days >= 0`))
      .addColumn('buying_phase', 'text')
      .addColumn('exit_criteria', 'text'),
  ).execute();

  // Reference lists behind the filters, kept in step with the deals by the writer.
  await strict(
    db.schema
      .createTable('teams')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique()),
  ).execute();
  await strict(
    db.schema
      .createTable('owners')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('email', 'text')
      .addColumn('team', 'text')
      .addColumn('active', 'integer', (c) =>
        c
          .notNull()
          .defaultTo(1)
          .check(sql`active in (0, 1)`),
      ),
  ).execute();
  await strict(
    db.schema
      .createTable('accounts')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('industry', 'text'),
  ).execute();
}

async function deals(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('deals')
      .addColumn('seq', 'integer', (c) => c.primaryKey())
      // The upstream's own record id as text ('0042' stays '0042').
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
      .addColumn('forecast_category', 'text', (c) =>
        c
          .notNull()
          .defaultTo('pipeline')
          .check(oneOf('forecast_category', ['pipeline', 'best_case', 'commit', 'omitted', 'closed'])),
      )
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
      // Where the deal comes from. A synced deal belongs to its connection: a CSV import
      // refuses to overwrite it (the next sync would undo the change). When the connection
      // is removed its deals stay, as local copies (connection_id null, source still 'sync').
      .addColumn('source', 'text', (c) =>
        c
          .notNull()
          .defaultTo('csv')
          .check(oneOf('source', ['csv', 'demo', 'sync'])),
      )
      .addColumn('connection_id', 'integer', (c) => c.references('crm_connections.id').onDelete('set null'))
      // The CRM's own pipeline and stage ids, so an unmapped stage can be shown as it is upstream.
      .addColumn('upstream_pipeline', 'text')
      .addColumn('upstream_stage', 'text')
      .addColumn('synced_at', 'integer'),
  ).execute();
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
  // Synced deals only: local ones (most, in a CSV workspace) cost it nothing.
  await db.schema
    .createIndex('deals_connection')
    .on('deals')
    .column('connection_id')
    .where(sql.ref('connection_id'), 'is not', null)
    .execute();
  await dealSearch(db);

  await strict(
    db.schema
      .createTable('deal_history')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('deal_seq', 'integer', (c) => c.notNull().references('deals.seq').onDelete('cascade'))
      .addColumn('field', 'text', (c) =>
        c.notNull().check(oneOf('field', ['stage', 'amount', 'close_date', 'forecast_category', 'owner'])),
      )
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'integer', (c) => c.notNull())
      .addColumn('source', 'text', (c) => c.notNull().defaultTo('csv'))
      // What identifies a synced row's event upstream: the CRM's change id where it has one,
      // else a natural key (the instant and the value). Unique per deal and field, so a sync
      // that re-reads an overlapping window inserts nothing twice. Null for local rows: a CSV
      // import replaces a deal's whole history and the demo writes it once, so neither ever
      // re-reads one (and 2 M keys would cost a demo or an import a tenth of its time).
      .addColumn('event_key', 'text'),
  ).execute();
  await db.schema
    .createIndex('deal_history_deal')
    .on('deal_history')
    .columns(['deal_seq', 'changed_at'])
    .execute();
  await db.schema
    .createIndex('deal_history_event')
    .unique()
    .on('deal_history')
    .columns(['deal_seq', 'field', 'event_key'])
    .where(sql.ref('event_key'), 'is not', null)
    .execute();
}

/**
 * Substring search that seeks instead of scanning: two contentless FTS5 indexes over each
 * deal's search_text, kept in step by triggers. deals_search_tri (trigram, over
 * lower(search_text), case-sensitive: queried with lower(q) it folds ASCII case only, as
 * LIKE does) answers 3+ characters; deals_search_chars (one token per character, from
 * search_chars(), a function every workspace connection registers) answers 1–2. The
 * narrow (seq, amount) index lets totals over the matches skip the table rows.
 */
async function dealSearch(db: Db): Promise<void> {
  await sql`create virtual table deals_search_tri using fts5(
    k, content='', contentless_delete=1, tokenize='trigram case_sensitive 1', detail=full)`.execute(db);
  await sql`create virtual table deals_search_chars using fts5(
    k, content='', contentless_delete=1, tokenize='ascii', detail=full)`.execute(db);
  await sql`create trigger deals_search_ai after insert on deals begin
    insert into deals_search_tri(rowid, k) values (new.seq, lower(new.search_text));
    insert into deals_search_chars(rowid, k) values (new.seq, search_chars(new.search_text));
  end`.execute(db);
  await sql`create trigger deals_search_ad after delete on deals begin
    delete from deals_search_tri where rowid = old.seq;
    delete from deals_search_chars where rowid = old.seq;
  end`.execute(db);
  await sql`create trigger deals_search_au after update of search_text on deals
    when old.search_text is not new.search_text begin
    delete from deals_search_tri where rowid = old.seq;
    delete from deals_search_chars where rowid = old.seq;
    insert into deals_search_tri(rowid, k) values (new.seq, lower(new.search_text));
    insert into deals_search_chars(rowid, k) values (new.seq, search_chars(new.search_text));
  end`.execute(db);
  await db.schema
    .createIndex('deals_live_seq_amount_cents')
    .on('deals')
    .columns(['seq', 'amount_cents'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}

/** The manager's own work on deals: notes, mentor tags; and the quotas the forecasts meet. */
async function localWork(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('deal_notes')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('deal_notes_deal')
    .on('deal_notes')
    .columns(['deal_id', 'created_at'])
    .execute();

  // One tag per (deal, mentor): a senior joins a junior's deal for a share of its won amount.
  await strict(
    db.schema
      .createTable('mentor_assignments')
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('mentor', 'text', (c) => c.notNull())
      .addColumn('share_pct', 'real', (c) => c.notNull().check(sql`share_pct between 0 and 100`))
      .addColumn('source', 'text', (c) =>
        c
          .notNull()
          .defaultTo('csv')
          .check(oneOf('source', ['csv', 'demo', 'app'])),
      )
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('mentor_assignments_pk', ['deal_id', 'mentor']),
  ).execute();
  await db.schema
    .createIndex('mentor_assignments_mentor')
    .on('mentor_assignments')
    .column('mentor')
    .execute();

  // Empty owner = the team's quota; empty team and owner = the organisation's (quotas.csv).
  await strict(
    db.schema
      .createTable('quotas')
      .addColumn('quarter', 'text', (c) => c.notNull().check(sql`quarter glob '[0-9][0-9][0-9][0-9]Q[1-4]'`))
      .addColumn('team', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('owner', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('quotas_pk', ['quarter', 'team', 'owner']),
  ).execute();
}

/**
 * Funnel-review meetings: an agenda of deals (or reps) for one scope, looked at as of an
 * instant and compared with the previous review; decisions and next steps captured per item.
 */
async function meetings(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('review_meetings')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('scope_team', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('scope_owner', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('mode', 'text', (c) =>
        c
          .notNull()
          .defaultTo('deal')
          .check(oneOf('mode', ['deal', 'rep'])),
      )
      // The instant the meeting looks at; "what changed" runs from the previous meeting's as_of.
      .addColumn('as_of', 'integer', (c) => c.notNull())
      .addColumn('previous_meeting_id', 'integer', (c) =>
        c.references('review_meetings.id').onDelete('set null'),
      )
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('planned')
          .check(oneOf('status', ['planned', 'running', 'ended'])),
      )
      .addColumn('started_at', 'integer')
      .addColumn('ended_at', 'integer')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull()),
  ).execute();
  await strict(
    db.schema
      .createTable('review_items')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('meeting_id', 'integer', (c) =>
        c.notNull().references('review_meetings.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('deal_id', 'text')
      .addColumn('owner', 'text')
      // Why the item is on the agenda (attention flags, a manager's pick) as JSON.
      .addColumn('reason', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('reviewed_at', 'integer')
      .addUniqueConstraint('review_items_position', ['meeting_id', 'position'])
      .addCheckConstraint('review_items_subject', sql`deal_id is not null or owner is not null`),
  ).execute();
  await strict(
    db.schema
      .createTable('review_decisions')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('meeting_id', 'integer', (c) =>
        c.notNull().references('review_meetings.id').onDelete('cascade'),
      )
      .addColumn('item_id', 'integer', (c) => c.references('review_items.id').onDelete('set null'))
      .addColumn('deal_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull().check(oneOf('kind', ['decision', 'next_step', 'risk'])))
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('assignee', 'text')
      .addColumn('due_date', 'text')
      .addColumn('done_at', 'integer')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema
    .createIndex('review_decisions_meeting')
    .on('review_decisions')
    .column('meeting_id')
    .execute();
  await db.schema.createIndex('review_decisions_deal').on('review_decisions').column('deal_id').execute();
}

/**
 * Pre-call plans (访前拜访表): per buying stage, a template of the standard sales actions
 * (标准化销售动作); per deal and visit, a plan checked item by item and signed off by the manager.
 */
async function plans(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('precall_templates')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('stage_key', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull()),
  ).execute();
  await strict(
    db.schema
      .createTable('precall_template_items')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('template_id', 'integer', (c) =>
        c.notNull().references('precall_templates.id').onDelete('cascade'),
      )
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addUniqueConstraint('precall_template_items_position', ['template_id', 'position']),
  ).execute();
  await strict(
    db.schema
      .createTable('precall_plans')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('deal_id', 'text', (c) => c.notNull())
      .addColumn('stage_key', 'text', (c) => c.notNull())
      .addColumn('template_id', 'integer', (c) => c.references('precall_templates.id').onDelete('set null'))
      .addColumn('visit_date', 'text')
      .addColumn('status', 'text', (c) =>
        c
          .notNull()
          .defaultTo('draft')
          .check(oneOf('status', ['draft', 'submitted', 'signed_off', 'returned'])),
      )
      .addColumn('reviewer', 'text')
      .addColumn('reviewed_at', 'integer')
      .addColumn('review_comment', 'text')
      .addColumn('created_at', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'integer', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('precall_plans_deal').on('precall_plans').column('deal_id').execute();
  await strict(
    db.schema
      .createTable('precall_plan_items')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('precall_plans.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('done_at', 'integer')
      .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
      .addUniqueConstraint('precall_plan_items_position', ['plan_id', 'position']),
  ).execute();
}

/**
 * Forecast snapshots: what a forecast said at a time, one row per method, for a scope and
 * a horizon (rep: 3 months, manager: 1 year, director: 3 years), so calls can be compared
 * with what closed.
 */
async function forecasts(db: Db): Promise<void> {
  await strict(
    db.schema
      .createTable('forecast_snapshots')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('taken_at', 'integer', (c) => c.notNull())
      .addColumn('as_of', 'integer', (c) => c.notNull())
      .addColumn('scope_team', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('scope_owner', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('horizon', 'text', (c) =>
        c.notNull().check(oneOf('horizon', ['rep', 'manager', 'director'])),
      )
      // The period forecast, [start, end) as days; `quarter` when it is one.
      .addColumn('period_start', 'text', (c) => c.notNull())
      .addColumn('period_end', 'text', (c) => c.notNull())
      .addColumn('quarter', 'text')
      .addColumn('method', 'text', (c) =>
        c
          .notNull()
          .check(
            oneOf('method', [
              'weighted',
              'commit',
              'best_case',
              'pipeline',
              'historical',
              'simulation',
              'manager_call',
            ]),
          ),
      )
      .addColumn('amount_cents', 'integer', (c) => c.notNull())
      // The rest of what the method produced (a P10/P50/P90 range, the gap plan) as JSON.
      .addColumn('detail', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('meeting_id', 'integer', (c) => c.references('review_meetings.id').onDelete('set null')),
  ).execute();
  await db.schema
    .createIndex('forecast_snapshots_scope')
    .on('forecast_snapshots')
    .columns(['scope_team', 'scope_owner', 'horizon', 'period_start', 'taken_at'])
    .execute();
}

/** Sync bookkeeping, per connection: removing a connection removes all of it. */
async function sync(db: Db): Promise<void> {
  const connection = (c: ColumnDefinitionBuilder) =>
    c.notNull().references('crm_connections.id').onDelete('cascade');
  await strict(
    db.schema
      .createTable('sync_state')
      .addColumn('connection_id', 'integer', connection)
      // What the cursor is for: 'deals', 'deals.deleted', 'owners', 'pipelines' …
      .addColumn('object', 'text', (c) => c.notNull())
      .addColumn('cursor', 'text')
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('sync_state_pk', ['connection_id', 'object']),
  ).execute();
  await strict(
    db.schema
      .createTable('stage_mappings')
      .addColumn('connection_id', 'integer', connection)
      .addColumn('upstream_pipeline', 'text', (c) => c.notNull())
      .addColumn('upstream_stage', 'text', (c) => c.notNull())
      .addColumn('upstream_pipeline_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('upstream_stage_name', 'text', (c) => c.notNull().defaultTo(''))
      // null until mapped: the deal is then kept in a stage of its own, named as upstream.
      .addColumn('stage_key', 'text')
      .addPrimaryKeyConstraint('stage_mappings_pk', ['connection_id', 'upstream_pipeline', 'upstream_stage']),
  ).execute();
  // Upstream look-ups (owners, teams, companies) kept between runs, so an incremental sync
  // resolves an owner id to a name without fetching every user again.
  await strict(
    db.schema
      .createTable('upstream_objects')
      .addColumn('connection_id', 'integer', connection)
      .addColumn('object', 'text', (c) =>
        c.notNull().check(oneOf('object', ['owner', 'team', 'company', 'pipeline'])),
      )
      .addColumn('upstream_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('updated_at', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('upstream_objects_pk', ['connection_id', 'object', 'upstream_id']),
  ).execute();
  await strict(
    db.schema
      .createTable('sync_runs')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('connection_id', 'integer', connection)
      .addColumn('started_at', 'integer', (c) => c.notNull())
      .addColumn('finished_at', 'integer')
      .addColumn('status', 'text', (c) =>
        c.notNull().check(oneOf('status', ['running', 'done', 'interrupted', 'failed'])),
      )
      .addColumn('pages', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('upserted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
      // Why it stopped, as a message of the catalog (key and parameters, JSON).
      .addColumn('error', 'text'),
  ).execute();
  await db.schema
    .createIndex('sync_runs_connection')
    .on('sync_runs')
    .columns(['connection_id', 'started_at'])
    .execute();
  await strict(
    db.schema
      .createTable('sync_quarantine')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('run_id', 'integer', (c) => c.notNull().references('sync_runs.id').onDelete('cascade'))
      .addColumn('object', 'text', (c) => c.notNull().defaultTo('deal'))
      .addColumn('record_id', 'text')
      // Why it was not stored, as a message of the catalog (JSON).
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull()),
  ).execute();
  await db.schema.createIndex('sync_quarantine_run').on('sync_quarantine').column('run_id').execute();
}
