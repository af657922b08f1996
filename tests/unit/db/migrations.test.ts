import { describe, expect, it } from 'vitest';
import { migrations } from '@backend/db/migrations';
import { tempWorkspace } from '../../support/temp';

const EXPECTED_TABLES = [
  'settings',
  'pipelines',
  'stages',
  'teams',
  'owners',
  'accounts',
  'deals',
  'deal_history',
  'deal_notes',
  'review_meetings',
  'review_items',
  'review_decisions',
  'precall_templates',
  'precall_plans',
  'mentor_assignments',
  'quotas',
  'forecast_snapshots',
  'crm_connections',
  'stage_mappings',
  'sync_state',
  'sync_runs',
  'sync_quarantine',
];

describe('migration 202611220001_initial', () => {
  it('is listed, and creates every table of the product with its key columns', async () => {
    expect(Object.keys(migrations)).toContain('202611220001_initial');
    const ws = await tempWorkspace();
    const tables = ws.sqlite
      .prepare(`select name from sqlite_master where type = 'table'`)
      .pluck()
      .all() as string[];
    for (const t of EXPECTED_TABLES) expect(tables).toContain(t);
    const columns = (table: string) =>
      (ws.sqlite.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[]).sort();
    expect(columns('deals')).toEqual(
      [
        'account',
        'amount_cents',
        'close_date',
        'created_at',
        'currency',
        'deleted_at',
        'forecast_category',
        'id',
        'last_activity_at',
        'lost_reason',
        'name',
        'next_step',
        'owner',
        'pipeline_id',
        'product',
        'search_text',
        'seq',
        'source',
        'stage',
        'stage_entered_at',
        'stage_rank',
        'synced_at',
        'team',
        'updated_at',
        'upstream_stage',
      ].sort(),
    );
    expect(columns('stages')).toEqual(
      [
        'buying_phase',
        'dwell_limit_days',
        'exit_criteria',
        'key',
        'kind',
        'name',
        'name_en',
        'name_zh',
        'pipeline_id',
        'probability',
        'sort_order',
        'upstream_id',
      ].sort(),
    );
    expect(columns('deal_history')).toEqual(['changed_at', 'deal_seq', 'field', 'id', 'source', 'value']);
  });

  it('keeps local notes apart from upstream deals: deleting a deal row leaves its notes', async () => {
    const ws = await tempWorkspace();
    ws.sqlite.exec(`insert into pipelines(id, name) values ('default', 'Default')`);
    ws.sqlite.exec(
      `insert into deals(id, stage, created_at, updated_at, stage_entered_at) values ('D1', 'need', 0, 0, 0)`,
    );
    ws.sqlite.exec(
      `insert into deal_notes(deal_id, body, created_at, updated_at) values ('D1', 'call back', 1, 1)`,
    );
    ws.sqlite.exec(`delete from deals where id = 'D1'`);
    expect(ws.sqlite.prepare('select count(*) from deal_notes').pluck().get()).toBe(1);
  });

  it('rejects a history row with an unknown field', async () => {
    const ws = await tempWorkspace();
    ws.sqlite.exec(
      `insert into deals(id, stage, created_at, updated_at, stage_entered_at) values ('D1', 'need', 0, 0, 0)`,
    );
    expect(() =>
      ws.sqlite.exec(
        `insert into deal_history(deal_seq, field, value, changed_at) values (1, 'colour', 'red', 0)`,
      ),
    ).toThrow(/CHECK/);
  });
});
