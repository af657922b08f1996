import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DealQuery } from '@shared/contract';
import type { Stage } from '@shared/domain/stages';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { BROAD_MATCHES, dealListQueries, FEW_MATCHES } from '@backend/pipeline/deal-list';
import { loadStages } from '@backend/stages/model';

/**
 * The deals table stays fast at 200k deals because every page and its totals walk one of
 * the narrow partial indexes (see the migration) instead of the wide table. These tests
 * ask SQLite how it plans each shape the screen sends, so a change to the query, the
 * indexes or the filters that falls back to a table scan fails here, not in a user's hands.
 */
let ws: Workspace;
let stages: Stage[];
const dir = mkdtempSync(join(tmpdir(), 'funnel-plans-'));

// One workspace for every shape (the suite's helpers close theirs after each test).
afterAll(async () => {
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
});

beforeAll(async () => {
  ws = await openWorkspace(join(dir, 'w.db'), { create: true });
  generateDemo(ws, { deals: 2000, seed: 4, today: '2026-11-20' });
  stages = loadStages(ws);
}, 60_000);

function plan(input: DealQuery, matches = 0): { page: string[]; totals: string[] } {
  const { page, totals } = dealListQueries(stages, Date.parse('2026-11-20T00:00:00Z'), input, matches);
  const explain = (q: typeof page | typeof totals) => {
    const { sql, parameters } = q.compile(ws.db);
    return (
      ws.sqlite.prepare(`explain query plan ${sql}`).all(...(parameters as unknown[])) as { detail: string }[]
    ).map((r) => r.detail);
  };
  return { page: explain(page), totals: explain(totals) };
}

/** A scan of the deals table itself (not of one of its indexes). */
const tableScan = (steps: string[]) => steps.filter((s) => /^SCAN d$/.test(s));
const uses = (steps: string[], index: string) =>
  steps.some((s) => s.includes(index === 'VIRTUAL TABLE' ? 'VIRTUAL TABLE' : `INDEX ${index}`));

const SHAPES: [string, DealQuery, string | null, number?][] = [
  [
    'the default view (open deals by amount)',
    { filter: { status: 'open' } },
    'deals_live_stage_stage_entered_at_amount_cents',
  ],
  ['a team', { filter: { status: 'open', teams: ['华东大客户部'] } }, 'deals_live_team_'],
  ['an owner', { filter: { owners: ['王芳'] } }, 'deals_live_owner_amount_cents'],
  ['a close quarter', { filter: { closeQuarter: '2026Q4' } }, 'deals_live_close_date_amount_cents'],
  [
    'a forecast category',
    { filter: { forecastCategories: ['commit'] } },
    'deals_live_forecast_category_amount_cents',
  ],
  ['a search with few matches', { filter: { search: '华信' } }, 'VIRTUAL TABLE', 20],
  [
    'a search with few matches, in one team',
    { filter: { search: '华信', teams: ['华东大客户部'] } },
    'VIRTUAL TABLE',
    20,
  ],
  [
    'a search with many matches',
    { filter: { search: 'abc' } },
    'deals_live_seq_amount_cents',
    FEW_MATCHES + 1,
  ],
  [
    'a search with many matches, open only',
    { filter: { search: 'ab', status: 'open' } },
    'deals_live_stage_',
    FEW_MATCHES + 1,
  ],
  [
    'a search matching most deals',
    { filter: { search: '有限' } },
    'deals_live_search_text_amount_cents',
    BROAD_MATCHES + 1,
  ],
  ['stalled only', { filter: { stalledOnly: true } }, null],
  ['all deals by name', { sort: { column: 'name', direction: 'asc' } }, 'deals_live_name_amount_cents'],
  [
    'all deals by days in stage',
    { sort: { column: 'daysInStage', direction: 'desc' } },
    'deals_live_stage_entered_at_amount_cents',
  ],
  [
    'all deals by update',
    { sort: { column: 'updatedAt', direction: 'desc' }, offset: 1500 },
    'deals_live_updated_at_amount_cents',
  ],
];

describe('the deals table’s query plans', () => {
  it.each(SHAPES)(
    '%s: page and totals walk an index, never the wide table',
    (_name, input, index, matches) => {
      const { page, totals } = plan(input, matches);
      expect(tableScan(page), page.join(' | ')).toEqual([]);
      expect(tableScan(totals), totals.join(' | ')).toEqual([]);
      // The page's rows are fetched by row number after the index picked them (deferred join).
      expect(page).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)');
      if (index)
        expect(uses(page, index) || uses(totals, index), [...page, ...totals].join(' | ')).toBe(true);
    },
  );

  it('a filter on team and stage seeks both in the one index that holds them', () => {
    const { totals } = plan({ filter: { teams: ['华东大客户部'], stages: ['need'] } });
    expect(totals.join(' | ')).toMatch(
      /INDEX deals_live_team_stage_stage_entered_at_amount_cents \(team=\? AND stage=\?\)/,
    );
  });
});
