import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationProvider, migrations } from '@backend/db/migrations';
import { registerSearchFunctions } from '@backend/db/search-index';
import { insert } from './support';

const NAME = '202612050102_unplanned_agenda';
const BEFORE = '202612050101_precall_plans';

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe(`migration ${NAME}`, () => {
  it('admits the unplanned agenda style and keeps every meeting, its style, agenda and decisions', async () => {
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
    const meeting = (title: string, style: string) =>
      Number(
        insert(sqlite, 'review_meetings', {
          title,
          agenda_style: style,
          as_of: 1,
          created_at: 1,
          updated_at: 1,
        }).lastInsertRowid,
      );
    expect(() => meeting('too early', 'unplanned')).toThrow(/CHECK/);
    const top = meeting('top', 'top');
    insert(sqlite, 'review_items', { meeting_id: top, position: 0, deal_id: 'D1' });
    insert(sqlite, 'review_decisions', {
      meeting_id: top,
      kind: 'decision',
      text: 't',
      created_at: 1,
      updated_at: 1,
    });

    sqlite.exec('begin immediate');
    expect((await migrator.migrateTo(NAME)).error).toBeUndefined();
    sqlite.exec('commit');

    expect(sqlite.prepare('select title, agenda_style from review_meetings').all()).toEqual([
      { title: 'top', agenda_style: 'top' },
    ]);
    expect(sqlite.prepare('select count(*) as n from review_items').get()).toEqual({ n: 1 });
    expect(sqlite.prepare('select count(*) as n from review_decisions').get()).toEqual({ n: 1 });
    expect(meeting('this week', 'unplanned')).toBeGreaterThan(top);
    expect(() => meeting('bad', 'random')).toThrow(/CHECK/);
    expect(
      sqlite.prepare(`select agenda_style from review_meetings where title = 'this week'`).get(),
    ).toEqual({
      agenda_style: 'unplanned',
    });
    expect(
      (
        sqlite
          .prepare(`select dflt_value from pragma_table_info('review_meetings') where name = 'agenda_style'`)
          .get() as {
          dflt_value: string;
        }
      ).dflt_value,
    ).toBe("'flagged'");
  });
});
