import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider, migrations } from '@backend/db/migrations';
import { registerSearchFunctions } from '@backend/db/search-index';
import { insert, migratedTo } from './support';

const NAME = '202612050101_precall_plans';
const BEFORE = '202612040001_sync_details';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** A database migrated to BEFORE, prepared by `seed`, then migrated to this migration. */
async function upgraded(seed: (db: BetterSqlite3.Database) => void) {
  const sqlite = new BetterSqlite3(':memory:');
  open.push(sqlite);
  sqlite.pragma('foreign_keys = ON');
  registerSearchFunctions(sqlite);
  const migrator = new Migrator({
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    db: new Kysely<any>({ dialect: new SqliteDialect({ database: sqlite }) }),
    provider: migrationProvider,
  });
  expect((await migrator.migrateTo(BEFORE)).error).toBeUndefined();
  seed(sqlite);
  expect((await migrator.migrateTo(NAME)).error).toBeUndefined();
  return sqlite;
}

const actions = (db: BetterSqlite3.Database) =>
  db
    .prepare('select stage_key, position, text_zh, text_en from sales_actions order by stage_key, position')
    .all() as {
    stage_key: string;
    position: number;
    text_zh: string;
    text_en: string;
  }[];

const stage = (key: string, order: number, kind: string) => ({
  key,
  name: key,
  sort_order: order,
  kind,
  probability: 0.5,
});

describe(`migration ${NAME}`, () => {
  it('replaces the sketched precall tables and seeds every default stage’s actions and visit goal in a workspace on the default model', async () => {
    expect(Object.keys(migrations)).toContain(NAME);
    const db = await migratedTo(NAME);
    const tables = (
      db.prepare(`select name from sqlite_schema where type = 'table'`).all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).not.toContain('precall_templates');
    expect(tables).not.toContain('precall_template_items');
    expect(tables).toEqual(
      expect.arrayContaining(['sales_actions', 'stage_playbooks', 'deal_contacts', 'precall_plan_events']),
    );
    const seeded = actions(db);
    expect(new Set(seeded.map((a) => a.stage_key))).toEqual(
      new Set(['need', 'solution', 'proposal', 'negotiation', 'contract']),
    );
    expect(seeded.filter((a) => a.stage_key === 'need').map((a) => a.text_zh)).toEqual([
      '需求挖掘',
      '现状与要求的差距（Gap）分析',
      '行业趋势分享',
    ]);
    expect(seeded.find((a) => a.text_zh === '产品演示')).toMatchObject({
      stage_key: 'solution',
      text_en: 'Product demo',
    });
    expect(seeded.every((a) => a.text_zh !== '' && a.text_en !== '')).toBe(true);
    expect(
      db.prepare('select count(*) as n from stage_playbooks where visit_goal is not null').get(),
    ).toEqual({ n: 5 });
  });

  it('seeds only the open stages that carry a default key in a workspace with its own model', async () => {
    const db = await upgraded((db) => {
      insert(db, 'stages', stage('need', 1, 'open'));
      insert(db, 'stages', stage('pilot', 2, 'open'));
      insert(db, 'stages', stage('contract', 3, 'won'));
      insert(db, 'stages', stage('lost', 4, 'lost'));
    });
    expect([...new Set(actions(db).map((a) => a.stage_key))]).toEqual(['need']);
    expect(db.prepare('select stage_key from stage_playbooks').all()).toEqual([{ stage_key: 'need' }]);
  });

  it('keeps a checklist item’s text and stage when its action is removed, and a plan’s history goes with the plan', async () => {
    const db = await migratedTo(NAME);
    const plan = Number(
      insert(db, 'precall_plans', {
        uid: 'u-1',
        deal_id: 'D1',
        deal_name: 'Deal 1',
        stage_key: 'need',
        visit_date: '2026-03-04',
        objective: 'o',
        prepared_by: 'Ann',
        created_at: 1,
        updated_at: 1,
      }).lastInsertRowid,
    );
    const action = (
      db.prepare(`select id from sales_actions where text_zh = '产品演示'`).get() as { id: number }
    ).id;
    insert(db, 'precall_plan_items', {
      plan_id: plan,
      position: 0,
      action_id: action,
      stage_key: 'solution',
      text: '产品演示',
      source: 'other_stage',
    });
    insert(db, 'precall_plan_events', { plan_id: plan, at: 1, by: 'Ann', action: 'created' });
    db.prepare('delete from sales_actions where id = ?').run(action);
    expect(db.prepare('select action_id, stage_key, text from precall_plan_items').get()).toEqual({
      action_id: null,
      stage_key: 'solution',
      text: '产品演示',
    });
    expect(() =>
      insert(db, 'precall_plan_events', { plan_id: plan, at: 1, by: 'x', action: 'signed' }),
    ).toThrow(/CHECK/);
    expect(() =>
      insert(db, 'precall_plans', {
        uid: 'u-1',
        deal_id: 'D2',
        deal_name: 'd',
        stage_key: 'need',
        visit_date: '2026-03-04',
        objective: 'o',
        prepared_by: 'Ann',
        created_at: 1,
        updated_at: 1,
      }),
    ).toThrow(/UNIQUE/);
    db.prepare('delete from precall_plans').run();
    expect(db.prepare('select count(*) as n from precall_plan_events').get()).toEqual({ n: 0 });
    expect(() =>
      insert(db, 'deal_contacts', {
        deal_id: 'D1',
        name: 'x',
        role: 'boss',
        influence: 3,
        stance: 'neutral',
        met: 0,
        created_at: 1,
        updated_at: 1,
      }),
    ).toThrow(/CHECK/);
  });
});
