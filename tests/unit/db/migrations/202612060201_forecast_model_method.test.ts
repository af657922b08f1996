import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider, migrations } from '@backend/db/migrations';
import { registerSearchFunctions } from '@backend/db/search-index';
import { insert } from './support';

const NAME = '202612060201_forecast_model_method';
const BEFORE = '202612050102_unplanned_agenda';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const row = (method: string, extra: Record<string, unknown> = {}) => ({
  taken_at: 5,
  as_of: 4,
  scope_owner: '王芳',
  horizon: 'rep',
  period_start: '2026-10-01',
  period_end: '2027-01-01',
  quarter: '2026Q4',
  method,
  amount_cents: 123_45,
  ...extra,
});

describe(`migration ${NAME}`, () => {
  it("admits the win model's method and keeps every snapshot row, its id, detail and meeting", async () => {
    expect(Object.keys(migrations)).toContain(NAME);
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
    expect(() => insert(sqlite, 'forecast_snapshots', row('model'))).toThrow(/CHECK/);
    const meeting = Number(
      insert(sqlite, 'review_meetings', { title: 'W49', as_of: 1, created_at: 1, updated_at: 1 })
        .lastInsertRowid,
    );
    insert(
      sqlite,
      'forecast_snapshots',
      row('simulation', { id: 7, detail: '{"p10":1}', meeting_id: meeting }),
    );
    insert(sqlite, 'forecast_snapshots', row('commit', { id: 9 }));
    const before = sqlite.prepare('select * from forecast_snapshots order by id').all();

    sqlite.exec('begin immediate');
    expect((await migrator.migrateTo(NAME)).error).toBeUndefined();
    sqlite.exec('commit');

    expect(sqlite.prepare('select * from forecast_snapshots order by id').all()).toEqual(before);
    insert(sqlite, 'forecast_snapshots', row('model'));
    expect(() => insert(sqlite, 'forecast_snapshots', row('guess'))).toThrow(/CHECK/);
    expect(() => insert(sqlite, 'forecast_snapshots', row('commit', { horizon: 'week' }))).toThrow(/CHECK/);
    // STRICT still: text in an integer column is refused, not stored.
    expect(() => insert(sqlite, 'forecast_snapshots', row('commit', { amount_cents: 'ten' }))).toThrow(
      /cannot store TEXT/,
    );
    const index = sqlite
      .prepare(
        `select name from pragma_index_list('forecast_snapshots') where name = 'forecast_snapshots_scope'`,
      )
      .all();
    expect(index).toHaveLength(1);
    // The meeting link still sets null when the meeting goes.
    sqlite.prepare('delete from review_meetings where id = ?').run(meeting);
    expect(sqlite.prepare('select meeting_id from forecast_snapshots where id = 7').pluck().get()).toBeNull();
  });
});
