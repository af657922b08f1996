import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DealPage } from '@shared/contract';
import { parseAsOf, parseTimestamp } from '@shared/time';
import { openWorkspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';
import type { Registry } from '@backend/registry';
import { writeSetting } from '@backend/workspace/settings';
import { call } from './support';

/**
 * Drill-through: the deals table filtered to exactly the deals behind a number, and the
 * attention flags as a column and a filter, on the golden workspace (see golden.test.ts)
 * with its clock set to the golden as-of.
 */
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/analytics', name), 'utf8');
const AS_OF = parseAsOf('2026-03-31')!;
let registry: Registry;

beforeAll(async () => {
  const ws = await openWorkspace(':memory:', { create: true });
  registry = createBackend(ws);
  const files = Object.fromEntries(
    (['deals', 'history', 'stages'] as const).map((k) => [
      k,
      { name: `${k}.csv`, text: fixture(`${k}.csv`) },
    ]),
  );
  await call(registry, 'import.apply', { files });
  writeSetting(ws, 'workspace.clock', AS_OF);
});

const ids = (page: DealPage) => page.rows.map((r) => r.id).sort();
const list = (filter: object) => call<DealPage>(registry, 'pipeline.list', { filter, limit: 500 });

describe('drill-through to the deals table', () => {
  it('lists exactly the deals behind a cell, deleted ones included where they count', async () => {
    const scope = {
      asOf: AS_OF,
      from: parseTimestamp('2026-02-12')!,
      to: parseTimestamp('2026-03-18')!,
      quarter: '2026Q1',
    };
    expect(ids(await list({ drill: { report: 'changes', scope, cell: 'removed' } }))).toEqual(['E']);
    expect(ids(await list({ drill: { report: 'changes', scope, cell: 'start' } }))).toEqual([
      'C',
      'E',
      'G',
      'H',
    ]);
    expect(
      ids(await list({ drill: { report: 'funnel', scope: { asOf: AS_OF }, cell: 'reached:deal' } })),
    ).toEqual(['A', 'C']);
    expect(
      ids(await list({ drill: { report: 'velocity', scope: { asOf: AS_OF }, cell: 'stalled:demo' } })),
    ).toEqual(['B', 'D']);
    expect(
      ids(await list({ drill: { report: 'velocity', scope: { asOf: AS_OF }, cell: 'visits:lead' } })),
    ).toEqual(['A', 'B', 'C', 'D']);
    expect(
      ids(await list({ drill: { report: 'cohorts', scope: { asOf: AS_OF }, cell: '2026-01:won:1' } })),
    ).toEqual(['A']);
    expect(
      ids(await list({ drill: { report: 'attention', scope: { asOf: AS_OF }, cell: 'noNextStep' } })),
    ).toEqual(['C', 'G']);
    expect(
      ids(await list({ drill: { report: 'pipeline', scope: { asOf: AS_OF }, cell: 'stage:lead' } })),
    ).toEqual(['G', 'H']);
    expect(ids(await list({ drill: { report: 'reps', scope: { asOf: AS_OF }, cell: 'rep:Wei' } }))).toEqual([
      'C',
    ]);
    // Combined with the table's own filters.
    expect(
      ids(
        await list({
          drill: { report: 'funnel', scope: { asOf: AS_OF }, cell: 'reached:lead' },
          teams: ['West'],
        }),
      ),
    ).toEqual(['C', 'H']);
  });

  it('shows each row’s attention flags at the workspace’s now and filters by them', async () => {
    // The table lists deals as stored (G's win at the clock's instant is already in its
    // stage column; F, created after the clock, is listed but has no state to flag yet).
    // The table shows flags once the engine has its snapshot (any report builds it; the
    // app and browser mode build it when the workspace opens).
    await call(registry, 'report.attention', {});
    const page = await list({ status: 'all' });
    expect(Object.fromEntries(page.rows.map((r) => [r.id, r.flags]))).toEqual({
      A: [],
      B: ['overdue'],
      C: ['stalled', 'pushed', 'shrunk', 'noNextStep'],
      D: ['inactive'],
      F: [],
      G: ['stalled', 'noNextStep'],
      H: ['stalled'],
    });
    expect(ids(await list({ flags: ['pushed', 'inactive'] }))).toEqual(['C', 'D']);
    expect(
      ids(
        await list({ flags: ['overdue'], drill: { report: 'funnel', scope: { asOf: AS_OF }, cell: 'open' } }),
      ),
    ).toEqual(['B']);
  });
});
