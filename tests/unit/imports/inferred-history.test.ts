import { describe, expect, it } from 'vitest';
import { applyImport, checkImport } from '@backend/imports/import';
import { writeSetting } from '@backend/workspace/settings';
import { createBackend } from '@backend/index';
import type { DealDetail } from '@shared/contract';
import type { Workspace } from '@backend/db/connection';
import { tempWorkspace } from '../../support/temp';

const HEADER = 'id,name,owner,amount,stage,created_at,close_date,updated_at';
const deals = (...rows: string[]) => ({
  deals: { name: 'deals.csv', text: [HEADER, ...rows].join('\n') + '\n' },
});
const history = (ws: Workspace, id: string) =>
  ws.sqlite
    .prepare(
      `select h.field, h.value, h.changed_at as changedAt, h.source from deal_history h join deals d on d.seq = h.deal_seq
       where d.id = ? order by h.changed_at, h.id`,
    )
    .all(id);
const ms = (iso: string) => Date.parse(iso);

describe('re-importing a newer export without history', () => {
  it("records each change as inferred history at the row's updated_at, the old value first at created_at", async () => {
    const ws = await tempWorkspace();
    applyImport(ws, deals('D1,Deal,张三,1000,need,2026-01-01,2026-03-31,2026-01-02'), { skipInvalid: false });
    expect(history(ws, 'D1')).toEqual([]);

    const check = checkImport(
      ws,
      deals('D1,Deal,李四,1500,proposal,2026-01-01,2026-03-31,2026-02-15T10:00Z'),
    );
    expect(check.warnings.find((w) => w.code === 'history_inferred')).toMatchObject({
      line: 2,
      params: { count: 1 },
    });
    const out = applyImport(ws, deals('D1,Deal,李四,1500,proposal,2026-01-01,2026-03-31,2026-02-15T10:00Z'), {
      skipInvalid: false,
    });
    expect(out.imported.history).toBe(6);
    expect(history(ws, 'D1')).toEqual([
      { field: 'stage', value: 'need', changedAt: ms('2026-01-01'), source: 'inferred' },
      { field: 'amount', value: '1000', changedAt: ms('2026-01-01'), source: 'inferred' },
      { field: 'owner', value: '张三', changedAt: ms('2026-01-01'), source: 'inferred' },
      { field: 'stage', value: 'proposal', changedAt: ms('2026-02-15T10:00Z'), source: 'inferred' },
      { field: 'amount', value: '1500', changedAt: ms('2026-02-15T10:00Z'), source: 'inferred' },
      { field: 'owner', value: '李四', changedAt: ms('2026-02-15T10:00Z'), source: 'inferred' },
    ]);
    // The timeline shows the move: the deal entered proposal at the export's updated_at.
    expect(ws.sqlite.prepare(`select stage_entered_at from deals where id = 'D1'`).pluck().get()).toBe(
      ms('2026-02-15T10:00Z'),
    );

    // …and so does the deal's timeline as the app shows it, with the amount history.
    const detail = await createBackend(ws).dispatch('deal.get', { id: 'D1' });
    if (!detail.ok) throw new Error(detail.error.message);
    const shown = detail.value as DealDetail;
    expect(shown.timeline.map((v) => [v.stage, v.enteredAt])).toEqual([
      ['need', '2026-01-01T00:00:00.000Z'],
      ['proposal', '2026-02-15T10:00:00.000Z'],
    ]);
    expect(shown.amountHistory.map((h) => [h.value, h.source])).toEqual([
      ['1000', 'inferred'],
      ['1500', 'inferred'],
    ]);

    // A third export: the fields now have rows, so only the new value goes in.
    applyImport(ws, deals('D1,Deal,李四,1500,won,2026-01-01,2026-03-31,2026-03-01'), { skipInvalid: false });
    expect(history(ws, 'D1').filter((r) => (r as { field: string }).field === 'stage')).toEqual([
      { field: 'stage', value: 'need', changedAt: ms('2026-01-01'), source: 'inferred' },
      { field: 'stage', value: 'proposal', changedAt: ms('2026-02-15T10:00Z'), source: 'inferred' },
      { field: 'stage', value: 'won', changedAt: ms('2026-03-01'), source: 'inferred' },
    ]);
  });

  it('stamps a change at the import time when the row has no updated_at', async () => {
    const ws = await tempWorkspace();
    applyImport(ws, deals('D1,Deal,张三,1000,need,2026-01-01,,'), { skipInvalid: false });
    writeSetting(ws, 'workspace.clock', ms('2026-04-01T08:00Z'));
    applyImport(ws, deals('D1,Deal,张三,1000,need,2026-01-01,2026-06-30,'), { skipInvalid: false });
    expect(history(ws, 'D1')).toEqual([
      { field: 'close_date', value: '', changedAt: ms('2026-01-01'), source: 'inferred' },
      { field: 'close_date', value: '2026-06-30', changedAt: ms('2026-04-01T08:00Z'), source: 'inferred' },
    ]);
  });

  it('leaves unchanged deals alone, and a re-import with history rows replaces the history as before', async () => {
    const ws = await tempWorkspace();
    const row = 'D1,Deal,张三,1000,need,2026-01-01,2026-03-31,2026-01-02';
    applyImport(ws, deals(row), { skipInvalid: false });
    const same = applyImport(ws, deals(row), { skipInvalid: false });
    expect(same.warnings.map((w) => w.code)).not.toContain('history_inferred');
    expect(history(ws, 'D1')).toEqual([]);

    applyImport(
      ws,
      {
        ...deals('D1,Deal,张三,1000,solution,2026-01-01,2026-03-31,2026-02-01'),
        history: {
          name: 'history.csv',
          text: 'deal_id,field,value,changed_at\nD1,stage,need,2026-01-01\nD1,stage,solution,2026-01-20\n',
        },
      },
      { skipInvalid: false },
    );
    expect(history(ws, 'D1')).toEqual([
      { field: 'stage', value: 'need', changedAt: ms('2026-01-01'), source: 'csv' },
      { field: 'stage', value: 'solution', changedAt: ms('2026-01-20'), source: 'csv' },
    ]);
  });
});
