import type { Database } from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '@backend/db/connection';
import { resumeDealUpkeep, suspendDealUpkeep } from '@backend/db/search-index';
import { tempDir, track } from '../../support/temp';

const upkeep = (ws: { sqlite: Database }) =>
  (
    ws.sqlite
      .prepare(
        `select type || ' ' || name from sqlite_master
         where name like 'deals_search_a%' or name like 'deals_live_%' order by 1`,
      )
      .pluck()
      .all() as string[]
  ).join(',');

const addDeal = (ws: { sqlite: Database }, id: string, name: string) =>
  ws.sqlite
    .prepare(
      `insert into deals(id, name, stage, created_at, updated_at, stage_entered_at, search_text) values(?, ?, 'need', 1, 1, 1, ?)`,
    )
    .run(id, name, `${name}\n\n${id}\n`);

const found = (ws: { sqlite: Database }, text: string) =>
  ws.sqlite
    .prepare(
      `select d.id from deals_search_tri t join deals d on d.seq = t.rowid where t.k match ? order by d.id`,
    )
    .pluck()
    .all(`"${text.toLowerCase()}"`);

describe('suspending the deals’ index upkeep for a long load', () => {
  it('drops the search triggers, then refills the search indexes with every deal findable and puts them back', async () => {
    const ws = track(await openWorkspace(join(tempDir(), 'w.db'), { create: true }));
    const before = upkeep(ws);
    expect(before).toMatch(/index deals_live_amount_cents/);
    expect(before).toMatch(/trigger deals_search_ai/);
    addDeal(ws, 'D1', '华东数据中心');
    suspendDealUpkeep(ws.sqlite);
    // The pipeline screen's indexes stay, so the deals table never scans meanwhile.
    expect(upkeep(ws)).toBe(before.replace(/trigger deals_search_a[diu],?/g, '').replace(/,$/, ''));
    addDeal(ws, 'D2', '华东物流平台');
    expect(found(ws, '华东数')).toEqual(['D1']); // not yet: the index is suspended
    expect(resumeDealUpkeep(ws.sqlite)).toBe(true);
    expect(upkeep(ws)).toBe(before);
    expect(found(ws, '华东物')).toEqual(['D2']);
    addDeal(ws, 'D3', '华东物联网');
    expect(found(ws, '华东物')).toEqual(['D2', 'D3']);
    expect(resumeDealUpkeep(ws.sqlite)).toBe(false);
  });

  it('is resumed by the next opening when the process died with it suspended', async () => {
    const path = join(tempDir(), 'w.db');
    const first = await openWorkspace(path, { create: true });
    const before = upkeep(first);
    suspendDealUpkeep(first.sqlite);
    addDeal(first, 'D9', 'Shanghai Metro signalling');
    await first.close();
    const again = track(await openWorkspace(path));
    expect(upkeep(again)).toBe(before);
    expect(found(again, 'metro')).toEqual(['D9']);
    expect(again.sqlite.prepare(`select count(*) from settings where key like 'deals.%'`).pluck().get()).toBe(
      0,
    );
  });
});
