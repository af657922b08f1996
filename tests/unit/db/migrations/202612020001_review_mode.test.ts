import { describe, expect, it } from 'vitest';
import { migrations } from '@backend/db/migrations';
import { insert, migratedTo } from './support';

const NAME = '202612020001_review_mode';

const columns = (db: Awaited<ReturnType<typeof migratedTo>>, table: string) =>
  (db.prepare(`select name from pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name);

describe(`migration ${NAME}`, () => {
  it('gives meetings their scope of reps, agenda style, budget, notes, presenter position and timer', async () => {
    expect(Object.keys(migrations)).toContain(NAME);
    const db = await migratedTo(NAME);
    expect(columns(db, 'review_meetings')).not.toContain('scope_owner');
    expect(columns(db, 'review_meetings')).not.toContain('mode');
    const meeting = Number(
      insert(db, 'review_meetings', { title: 'East weekly', as_of: 1, created_at: 1, updated_at: 1 })
        .lastInsertRowid,
    );
    expect(db.prepare('select * from review_meetings where id = ?').get(meeting)).toMatchObject({
      scope_team: '',
      scope_reps: '[]',
      agenda_style: 'flagged',
      top_n: null,
      budget_minutes: 60,
      notes: '',
      position: 0,
      elapsed_ms: 0,
      timer_started_at: null,
      follow_ups: '[]',
      status: 'planned',
    });
    const bad = (row: Record<string, unknown>) => () =>
      insert(db, 'review_meetings', { title: 'x', as_of: 1, created_at: 1, updated_at: 1, ...row });
    expect(bad({ agenda_style: 'random' })).toThrow(/CHECK/);
    expect(bad({ budget_minutes: 0 })).toThrow(/CHECK/);
    expect(bad({ top_n: 0 })).toThrow(/CHECK/);
  });

  it('keeps per item its kind, budget share, timer, card as shown, agreed values and follow-up flag', async () => {
    const db = await migratedTo(NAME);
    const meeting = Number(
      insert(db, 'review_meetings', { title: 'm', as_of: 1, created_at: 1, updated_at: 1 }).lastInsertRowid,
    );
    const item = Number(
      insert(db, 'review_items', {
        meeting_id: meeting,
        position: 0,
        kind: 'rep',
        owner: '王伟',
        minutes: 7.5,
        card: '{"owner":"王伟"}',
      }).lastInsertRowid,
    );
    expect(db.prepare('select * from review_items where id = ?').get(item)).toMatchObject({
      kind: 'rep',
      minutes: 7.5,
      elapsed_ms: 0,
      agreed_category: null,
      agreed_close_date: null,
      follow_up: 0,
    });
    expect(() =>
      insert(db, 'review_items', { meeting_id: meeting, position: 1, deal_id: 'D1', kind: 'x' }),
    ).toThrow(/CHECK/);
    expect(() =>
      insert(db, 'review_items', { meeting_id: meeting, position: 1, deal_id: 'D1', follow_up: 2 }),
    ).toThrow(/CHECK/);
  });

  it('links a next step to the meeting that closed it, the one it was carried to and the step it carries on', async () => {
    const db = await migratedTo(NAME);
    const meeting = (title: string) =>
      Number(
        insert(db, 'review_meetings', { title, as_of: 1, created_at: 1, updated_at: 1 }).lastInsertRowid,
      );
    const [first, second] = [meeting('first'), meeting('second')];
    const step = Number(
      insert(db, 'review_decisions', {
        meeting_id: first,
        kind: 'next_step',
        text: 'Send the revised quote',
        created_at: 1,
        updated_at: 1,
        carried_to_meeting_id: second,
      }).lastInsertRowid,
    );
    const carried = Number(
      insert(db, 'review_decisions', {
        meeting_id: second,
        kind: 'next_step',
        text: 'Send the revised quote',
        created_at: 2,
        updated_at: 2,
        carried_from: step,
      }).lastInsertRowid,
    );
    db.prepare('update review_decisions set done_meeting_id = ?, done_at = 3 where id = ?').run(
      second,
      carried,
    );
    // Deleting the later meeting leaves the earlier step open again, pointing nowhere.
    db.prepare('delete from review_meetings where id = ?').run(second);
    expect(db.prepare('select carried_to_meeting_id from review_decisions where id = ?').get(step)).toEqual({
      carried_to_meeting_id: null,
    });
    expect(() =>
      insert(db, 'review_decisions', {
        meeting_id: first,
        kind: 'next_step',
        text: 'x',
        created_at: 1,
        updated_at: 1,
        carried_from: 999,
      }),
    ).toThrow(/FOREIGN KEY/);
  });
});
