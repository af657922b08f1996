import { describe, expect, it } from 'vitest';
import { insert, migratedTo } from './support';

describe('migration 202612010001_deal_revisions', () => {
  it('stamps every deal with revision 0 and indexes the column, so a snapshot reads only later writes', async () => {
    const db = await migratedTo('202612010001_deal_revisions');
    insert(db, 'deals', { id: 'D1', stage: 'need', created_at: 1, updated_at: 1, stage_entered_at: 1 });
    expect(db.prepare('select revision from deals').get()).toEqual({ revision: 0 });
    const plan = db.prepare('explain query plan select seq from deals where revision > ?').all(0) as {
      detail: string;
    }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/deals_revision/);
  });
});
