import type BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from '@backend/db/migrations';
import { insert, migratedTo } from './support';

/**
 * One test per migration, as Signal Desktop does: migrate a fresh database to it, insert
 * what the product will store, read it back, and check the rules the schema enforces.
 */
const NAME = '202611300001_workspace';
function aDeal(db: BetterSqlite3.Database, id: string, extra: Record<string, unknown> = {}): number {
  return Number(
    insert(db, 'deals', { id, stage: 'need', created_at: 1, updated_at: 1, stage_entered_at: 1, ...extra })
      .lastInsertRowid,
  );
}

function aConnection(db: BetterSqlite3.Database, account = 'portal-1'): number {
  return Number(
    insert(db, 'crm_connections', {
      kind: 'hubspot',
      base_url: 'https://api.hubapi.com',
      account_key: account,
      created_at: 1,
    }).lastInsertRowid,
  );
}

describe(`migration ${NAME}`, () => {
  it('is listed, and is the schema frozen in the snapshot (a released migration never changes)', async () => {
    expect(Object.keys(migrations)).toContain(NAME);
    const db = await migratedTo(NAME);
    const schema = db
      .prepare(
        `select type, name, sql from sqlite_master where name not like 'kysely_%' and sql is not null order by type, name`,
      )
      .all() as { type: string; name: string; sql: string }[];
    expect(schema.map((s) => `${s.sql};`).join('\n')).toMatchSnapshot();
  });

  it('stores a deal with its history and reads both back', async () => {
    const db = await migratedTo(NAME);
    const seq = aDeal(db, '0042', { name: '华为云', amount_cents: 123456, close_date: '2026-12-31' });
    insert(db, 'deal_history', {
      deal_seq: seq,
      field: 'stage',
      value: 'need',
      changed_at: 1,
      event_key: '1#0',
    });
    expect(db.prepare('select id, name, amount_cents, source, forecast_category from deals').get()).toEqual({
      id: '0042',
      name: '华为云',
      amount_cents: 123456,
      source: 'csv',
      forecast_category: 'pipeline',
    });
    expect(db.prepare('select field, value, source, event_key from deal_history').all()).toEqual([
      { field: 'stage', value: 'need', source: 'csv', event_key: '1#0' },
    ]);
  });

  it('refuses values of the wrong type (STRICT) and values outside the product’s rules', async () => {
    const db = await migratedTo(NAME);
    expect(() => aDeal(db, 'x', { amount_cents: 12.5 })).toThrow(/cannot store REAL value in INTEGER column/);
    expect(() => aDeal(db, 'y', { created_at: '2026-01-01' })).toThrow(
      /cannot store TEXT value in INTEGER column/,
    );
    expect(() => aDeal(db, 'z', { forecast_category: 'maybe' })).toThrow(/CHECK constraint failed/);
    expect(() => aDeal(db, 'w', { source: 'hubspot' })).toThrow(/CHECK constraint failed/);
    const seq = aDeal(db, 'ok');
    expect(() =>
      insert(db, 'deal_history', {
        deal_seq: seq,
        field: 'colour',
        value: 'red',
        changed_at: 1,
        event_key: 'k',
      }),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      insert(db, 'stages', { key: 's', name: 'S', sort_order: 1, kind: 'open', probability: 1.5 }),
    ).toThrow(/CHECK constraint failed/);
    expect(() => insert(db, 'quotas', { quarter: '2026-Q4', amount_cents: 1 })).toThrow(
      /CHECK constraint failed/,
    );
    expect(() =>
      insert(db, 'mentor_assignments', { deal_id: 'ok', mentor: 'm', share_pct: 120, created_at: 1 }),
    ).toThrow(/CHECK constraint failed/);
  });

  it('keeps one history row per upstream event: re-reading an overlapping window inserts nothing twice', async () => {
    const db = await migratedTo(NAME);
    const seq = aDeal(db, 'D1');
    const upsert = db.prepare(
      `insert into deal_history(deal_seq, field, value, changed_at, source, event_key) values(?, ?, ?, ?, 'sync', ?)
       on conflict(deal_seq, field, event_key) where event_key is not null do nothing`,
    );
    const window = [
      ['stage', 'need', 10, 'hs:10:need'],
      ['stage', 'solution', 20, 'hs:20:solution'],
      ['amount', '100', 20, 'hs:20:100'],
    ] as const;
    for (const [field, value, at, key] of window) upsert.run(seq, field, value, at, key);
    for (const [field, value, at, key] of window) upsert.run(seq, field, value, at, key);
    expect(db.prepare('select count(*) from deal_history').pluck().get()).toBe(3);
    // The same key on another field or deal is another event.
    upsert.run(seq, 'close_date', '2026-12-31', 20, 'hs:20:100');
    upsert.run(aDeal(db, 'D2'), 'stage', 'need', 10, 'hs:10:need');
    expect(db.prepare('select count(*) from deal_history').pluck().get()).toBe(5);
    // Local rows (CSV, demo) carry no key; two alike at one instant are two rows, as in the file.
    const local = db.prepare(
      `insert into deal_history(deal_seq, field, value, changed_at) values(?, 'stage', 'need', 30)`,
    );
    local.run(seq);
    local.run(seq);
    expect(db.prepare('select count(*) from deal_history where event_key is null').pluck().get()).toBe(2);
  });

  it('keys sync bookkeeping by connection: two portals of one CRM never collide', async () => {
    const db = await migratedTo(NAME);
    const a = aConnection(db, 'portal-1');
    const b = aConnection(db, 'portal-2');
    expect(() => aConnection(db, 'portal-1')).toThrow(/UNIQUE constraint failed/);
    for (const c of [a, b]) {
      insert(db, 'sync_state', { connection_id: c, object: 'deals', cursor: `cursor-${c}`, updated_at: 1 });
      insert(db, 'stage_mappings', {
        connection_id: c,
        upstream_pipeline: 'default',
        upstream_stage: 'appointmentscheduled',
        stage_key: 'need',
      });
    }
    expect(db.prepare('select cursor from sync_state order by connection_id').pluck().all()).toEqual([
      `cursor-${a}`,
      `cursor-${b}`,
    ]);
  });

  it('removing a connection removes its bookkeeping and keeps its deals as local copies', async () => {
    const db = await migratedTo(NAME);
    const c = aConnection(db);
    const seq = aDeal(db, 'HS-1', {
      source: 'sync',
      connection_id: c,
      upstream_pipeline: 'default',
      upstream_stage: 'qualified',
    });
    insert(db, 'deal_history', {
      deal_seq: seq,
      field: 'stage',
      value: 'need',
      changed_at: 1,
      event_key: 'hs:1',
      source: 'hubspot',
    });
    insert(db, 'sync_state', { connection_id: c, object: 'deals', updated_at: 1 });
    insert(db, 'stage_mappings', {
      connection_id: c,
      upstream_pipeline: 'default',
      upstream_stage: 'qualified',
    });
    insert(db, 'upstream_objects', {
      connection_id: c,
      object: 'owner',
      upstream_id: '7',
      name: '王芳',
      updated_at: 1,
    });
    const run = Number(
      insert(db, 'sync_runs', { connection_id: c, started_at: 1, status: 'done' }).lastInsertRowid,
    );
    insert(db, 'sync_quarantine', {
      run_id: run,
      record_id: 'HS-9',
      reason: '{"key":"deal_missing"}',
      payload: '{}',
    });
    db.prepare('delete from crm_connections where id = ?').run(c);
    for (const table of ['sync_state', 'stage_mappings', 'upstream_objects', 'sync_runs', 'sync_quarantine'])
      expect(db.prepare(`select count(*) from ${table}`).pluck().get(), table).toBe(0);
    expect(db.prepare('select id, source, connection_id from deals').get()).toEqual({
      id: 'HS-1',
      source: 'sync',
      connection_id: null,
    });
    expect(db.prepare('select count(*) from deal_history').pluck().get()).toBe(1);
  });

  it('keeps the manager’s own work apart from upstream deals: deleting a deal row leaves its notes, plans and decisions', async () => {
    const db = await migratedTo(NAME);
    aDeal(db, 'D1');
    insert(db, 'deal_notes', { deal_id: 'D1', body: 'call the CFO', created_at: 1, updated_at: 1 });
    const plan = Number(
      insert(db, 'precall_plans', { deal_id: 'D1', stage_key: 'need', created_at: 1, updated_at: 1 })
        .lastInsertRowid,
    );
    insert(db, 'precall_plan_items', { plan_id: plan, position: 1, text: '确认预算' });
    const meeting = Number(
      insert(db, 'review_meetings', { title: 'Weekly', as_of: 1, created_at: 1, updated_at: 1 })
        .lastInsertRowid,
    );
    const item = Number(
      insert(db, 'review_items', { meeting_id: meeting, position: 1, deal_id: 'D1' }).lastInsertRowid,
    );
    insert(db, 'review_decisions', {
      meeting_id: meeting,
      item_id: item,
      deal_id: 'D1',
      kind: 'next_step',
      text: 'demo',
      created_at: 1,
      updated_at: 1,
    });
    db.prepare(`delete from deals where id = 'D1'`).run();
    expect(db.prepare('select count(*) from deal_notes').pluck().get()).toBe(1);
    expect(db.prepare('select count(*) from precall_plan_items').pluck().get()).toBe(1);
    expect(db.prepare('select count(*) from review_decisions').pluck().get()).toBe(1);
  });

  it('holds meetings, their agenda and decisions together, and snapshots of what a forecast said', async () => {
    const db = await migratedTo(NAME);
    const first = Number(
      insert(db, 'review_meetings', { title: 'W47', as_of: 1, created_at: 1, updated_at: 1 }).lastInsertRowid,
    );
    const second = Number(
      insert(db, 'review_meetings', {
        title: 'W48',
        as_of: 2,
        previous_meeting_id: first,
        created_at: 2,
        updated_at: 2,
      }).lastInsertRowid,
    );
    insert(db, 'review_items', { meeting_id: second, position: 1, owner: '王芳' });
    expect(() => insert(db, 'review_items', { meeting_id: second, position: 1, deal_id: 'D2' })).toThrow(
      /UNIQUE/,
    );
    expect(() => insert(db, 'review_items', { meeting_id: second, position: 2 })).toThrow(
      /CHECK constraint failed/,
    );
    insert(db, 'forecast_snapshots', {
      taken_at: 2,
      as_of: 2,
      scope_team: '华东',
      horizon: 'rep',
      period_start: '2026-10-01',
      period_end: '2027-01-01',
      quarter: '2026Q4',
      method: 'commit',
      amount_cents: 500_000_00,
      meeting_id: second,
    });
    expect(() =>
      insert(db, 'forecast_snapshots', {
        taken_at: 2,
        as_of: 2,
        horizon: 'week',
        period_start: 'a',
        period_end: 'b',
        method: 'commit',
        amount_cents: 1,
      }),
    ).toThrow(/CHECK constraint failed/);
    db.prepare('delete from review_meetings where id = ?').run(first);
    expect(db.prepare('select previous_meeting_id from review_meetings').pluck().get()).toBeNull();
    db.prepare('delete from review_meetings where id = ?').run(second);
    expect(db.prepare('select count(*) from review_items').pluck().get()).toBe(0);
    expect(db.prepare('select meeting_id, scope_owner from forecast_snapshots').get()).toEqual({
      meeting_id: null,
      scope_owner: '',
    });
  });
});
