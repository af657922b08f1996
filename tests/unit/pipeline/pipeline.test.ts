import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackend } from '@backend/index';
import { applyImport } from '@backend/imports/import';
import { Registry } from '@backend/registry';
import { writeSetting } from '@backend/workspace/settings';
import type { DealDetail, DealPage, Note } from '@shared/contract';
import { tempWorkspace } from '../../support/temp';

const fixture = (name: string) => ({
  name,
  text: readFileSync(join(__dirname, '../../fixtures/small', name), 'utf8'),
});

/** A workspace with the small fixture plus 250 generated open deals, its clock fixed. */
async function workspace() {
  const ws = await tempWorkspace();
  const rows = ['id,name,account,owner,team,amount,stage,created_at,close_date,forecast_category'];
  for (let i = 0; i < 250; i++) {
    const team = ['东区', '西区'][i % 2];
    const stage = ['need', 'solution', 'proposal'][i % 3];
    const close = `2026-${String((i % 12) + 1).padStart(2, '0')}-15`;
    rows.push(
      `G${String(i).padStart(3, '0')},Deal ${i},Account ${i % 17},Rep ${i % 5},${team},${1000 + i},${stage},2026-0${(i % 9) + 1}-01,${close},${i % 4 === 0 ? 'commit' : 'pipeline'}`,
    );
  }
  applyImport(ws, { deals: fixture('deals.csv'), history: fixture('history.csv') }, { skipInvalid: false });
  applyImport(ws, { deals: { name: 'g.csv', text: rows.join('\n') } }, { skipInvalid: false });
  writeSetting(ws, 'workspace.clock', Date.parse('2026-11-01T00:00:00Z'));
  const events: string[] = [];
  const api = createBackend(ws, (e) => events.push(e));
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await api.dispatch(channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  return { ws, api, call, events };
}

describe('pipeline.list', () => {
  it('pages through every deal once, in a stable sort order', async () => {
    const { call } = await workspace();
    const seen: string[] = [];
    let total = 0;
    for (let offset = 0; ; offset += 40) {
      const page = await call<DealPage>('pipeline.list', {
        sort: { column: 'amount', direction: 'desc' },
        offset,
        limit: 40,
      });
      total = page.total;
      seen.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 40) break;
    }
    expect(total).toBe(253);
    expect(new Set(seen).size).toBe(253);
    const first = await call<DealPage>('pipeline.list', {
      sort: { column: 'amount', direction: 'desc' },
      limit: 3,
    });
    expect(first.rows.map((r) => r.amount)).toEqual([120000.5, 5000, 1249]);
  });

  it('filters by team, owner, stage, forecast category, close quarter and search, with totals', async () => {
    const { call } = await workspace();
    const east = await call<DealPage>('pipeline.list', { filter: { teams: ['东区'] } });
    expect(east.total).toBe(125);
    expect(east.rows.every((r) => r.team === '东区')).toBe(true);
    const combo = await call<DealPage>('pipeline.list', {
      filter: { teams: ['东区'], stages: ['need'], forecastCategories: ['commit'], closeQuarter: '2026Q1' },
      limit: 500,
    });
    for (const r of combo.rows) {
      expect(r).toMatchObject({ team: '东区', stage: 'need', forecastCategory: 'commit' });
      expect(r.closeDate! >= '2026-01-01' && r.closeDate! < '2026-04-01').toBe(true);
    }
    expect(combo.totalAmount).toBeCloseTo(
      combo.rows.reduce((s, r) => s + r.amount, 0),
      2,
    );
    const search = await call<DealPage>('pipeline.list', { filter: { search: '华信' } });
    expect(search.rows.map((r) => r.id)).toEqual(['0042']);
    const byId = await call<DealPage>('pipeline.list', { filter: { search: 'A-2' } });
    expect(byId.rows.map((r) => r.id)).toEqual(['A-2']);
    const wildcard = await call<DealPage>('pipeline.list', { filter: { search: '%' } });
    expect(wildcard.total).toBe(0);
  });

  it('finds stalled deals: open and longer in the stage than its dwell limit', async () => {
    const { call } = await workspace();
    const stalled = await call<DealPage>('pipeline.list', { filter: { stalledOnly: true }, limit: 500 });
    expect(stalled.total).toBeGreaterThan(0);
    for (const r of stalled.rows) {
      expect(r.stalled).toBe(true);
      expect(['need', 'solution', 'proposal', 'negotiation', 'contract']).toContain(r.stage);
    }
    // Deal 0042 entered proposal (limit 7 days) on 2026-02-10: stalled at 2026-11-01.
    expect(stalled.rows.some((r) => r.id === '0042')).toBe(true);
    const won = await call<DealPage>('pipeline.list', { filter: { search: 'A-2' } });
    expect(won.rows[0]!.stalled).toBe(false);
  });

  it('sorts by stage order and by days in stage', async () => {
    const { call } = await workspace();
    const byStage = await call<DealPage>('pipeline.list', {
      sort: { column: 'stage', direction: 'asc' },
      limit: 500,
    });
    const order = ['need', 'solution', 'proposal', 'negotiation', 'contract', 'won', 'lost'];
    const idx = byStage.rows.map((r) => order.indexOf(r.stage));
    expect(idx).toEqual([...idx].sort((a, b) => a - b));
    const longest = await call<DealPage>('pipeline.list', {
      sort: { column: 'daysInStage', direction: 'desc' },
      limit: 500,
    });
    const days = longest.rows.map((r) => r.daysInStage);
    expect(days).toEqual([...days].sort((a, b) => b - a));
  });
});

describe('deal.get and notes', () => {
  it('shows the stage timeline and the amount history', async () => {
    const { call } = await workspace();
    const d = await call<DealDetail>('deal.get', { id: '0042' });
    expect(d.timeline.map((v) => v.stage)).toEqual(['need', 'solution', 'proposal']);
    expect(d.timeline[0]!.days).toBe(15);
    expect(d.timeline[2]!.exitedAt).toBeNull();
    expect(d.amountHistory.map((h) => h.value)).toEqual(['100000', '120000.5']);
    await expect(call('deal.get', { id: 'nope' })).rejects.toThrow(/no deal with id "nope"/);
  });

  it('saves, edits and deletes notes locally, and they survive a re-import of the deal', async () => {
    const { ws, call, events } = await workspace();
    const note = await call<Note>('notes.save', { dealId: '0042', body: '客户CFO关注ROI' });
    await call<Note>('notes.save', { dealId: '0042', noteId: note.id, body: '客户CFO关注ROI，下周复盘' });
    await call<Note>('notes.save', { dealId: '0042', body: 'second' });
    applyImport(ws, { deals: fixture('deals.csv') }, { skipInvalid: false });
    const d = await call<DealDetail>('deal.get', { id: '0042' });
    expect(d.notes.map((n) => n.body)).toEqual(['second', '客户CFO关注ROI，下周复盘']);
    const removed = await call<Note>('notes.delete', { noteId: note.id });
    expect(removed.body).toBe('客户CFO关注ROI，下周复盘');
    expect((await call<DealDetail>('deal.get', { id: '0042' })).notes).toHaveLength(1);
    expect(events).toContain('workspace.changed');
    await expect(call('notes.save', { dealId: '0042', body: '   ' })).rejects.toThrow(/body/);
    await expect(call('notes.save', { dealId: 'ghost', body: 'x' })).rejects.toThrow(/no deal/);
  });
});

describe('the registry', () => {
  it('refuses a channel registered twice or one outside the contract', () => {
    const r = new Registry();
    r.handle('workspace.info', () => ({}) as never);
    expect(() => r.handle('workspace.info', () => ({}) as never)).toThrow(/twice/);
    expect(() => r.handle('nope' as never, () => ({}) as never)).toThrow(/not in the contract/);
    expect(() => r.assertComplete()).toThrow(/no handler/);
  });

  it('answers a malformed payload with an error result, never a crash', async () => {
    const { api } = await workspace();
    for (const input of [null, 42, 'x', { sort: { column: 'password' } }, { offset: -1 }]) {
      const r = await api.dispatch('pipeline.list', input);
      if (input === null) expect(r.ok).toBe(true);
      else expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });
});
