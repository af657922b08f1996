import { describe, expect, it } from 'vitest';
import { all } from '@backend/db/query';
import { applyImport, checkImport } from '@backend/imports/import';
import { tempWorkspace } from '../../support/temp';

const file = (name: string, lines: string[]) => ({ name, text: lines.join('\n') + '\n' });
const deals = file('deals.csv', [
  'id,name,amount,stage,created_at',
  'A,Alpha,1000,need,2026-01-01',
  'B,Beta,500,need,2026-01-02',
]);
const mentors = (...rows: string[]) => file('mentors.csv', ['deal_id,mentor,share_pct', ...rows]);

/** mentors.csv (PRODUCT.md): a share from 0 to 100, repeated pairs summed, one deal's shares at most 100%. */
describe('mentors.csv', () => {
  it('sums a repeated (deal, mentor) pair, and lets a deal reach exactly 100% in decimals', async () => {
    const ws = await tempWorkspace();
    const out = applyImport(
      ws,
      { deals, mentors: mentors('A,陈志强,20', 'A,陈志强,13.33', 'A,Mia,33.33', 'A,Ole,33.34') },
      { skipInvalid: false },
    );
    expect(out.valid).toBe(true);
    const rows = all(
      ws,
      ws.db.selectFrom('mentor_assignments').select(['mentor', 'share_pct']).orderBy('mentor'),
    );
    expect(rows.map((r) => [r.mentor, Math.round(r.share_pct * 100) / 100])).toEqual([
      ['Mia', 33.33],
      ['Ole', 33.34],
      ['陈志强', 33.33],
    ]);
  });

  it('refuses one deal whose mentors add up to more than 100%, naming the deal and the total, and writes nothing', async () => {
    const ws = await tempWorkspace();
    const check = checkImport(ws, { deals, mentors: mentors('A,陈志强,60', 'B,Mia,50', 'A,Mia,40.5') });
    expect(check.valid).toBe(false);
    expect(check.errors).toEqual([
      expect.objectContaining({
        file: 'mentors',
        line: 2,
        code: 'deal_shares_over',
        params: { id: 'A', total: 100.5 },
      }),
    ]);
    expect(check.errors[0]!.message).toContain('deal "A" add up to 100.5%');
    expect(() =>
      applyImport(ws, { deals, mentors: mentors('A,陈志强,60', 'A,Mia,40.5') }, { skipInvalid: false }),
    ).toThrow();
    expect(all(ws, ws.db.selectFrom('deals').select('id'))).toEqual([]);
  });

  it('with --skip-invalid keeps the other deals’ tags and leaves the over-shared deal’s out whole', async () => {
    const ws = await tempWorkspace();
    const out = applyImport(
      ws,
      { deals, mentors: mentors('A,陈志强,60', 'B,Mia,50', 'A,Mia,40.5') },
      { skipInvalid: true },
    );
    expect(out.imported.mentors).toBe(1);
    const rows = all(ws, ws.db.selectFrom('mentor_assignments').select(['deal_id', 'mentor']));
    expect(rows).toEqual([{ deal_id: 'B', mentor: 'Mia' }]);
  });

  it('refuses a share outside 0–100 and a repeated pair over 100', async () => {
    const ws = await tempWorkspace();
    const check = checkImport(ws, {
      deals,
      mentors: mentors('A,Mia,101', 'B,Ole,-1', 'B,陈志强,70', 'B,陈志强,40'),
    });
    expect(check.errors.map((e) => [e.line, e.code])).toEqual([
      [2, 'share_invalid'],
      [3, 'share_invalid'],
      [5, 'share_over'],
    ]);
  });
});
