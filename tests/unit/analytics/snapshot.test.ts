import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { buildSnapshot, patchSnapshot } from '@backend/analytics/load';
import { AnalyticsStore } from '@backend/analytics/store';
import { funnelReport } from '@backend/analytics/funnel';
import { attentionReport } from '@backend/analytics/attention';
import { DealWriter } from '@backend/deals/writer';
import type { Workspace } from '@backend/db/connection';
import type { RefDeal } from './reference';
import { call, workspaceOf } from './support';

const T = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const deal = (id: string, extra: Partial<RefDeal> = {}): RefDeal => ({
  id,
  createdAt: T,
  stage: 'need',
  amountCents: 100_00,
  closeDate: null,
  forecastCategory: 'pipeline',
  owner: 'Ann',
  team: 'East',
  nextStep: '',
  lastActivityAt: null,
  deletedAt: null,
  history: [],
  ...extra,
});

/** A plain copy of what a snapshot holds, to compare two of them. */
const contents = (s: ReturnType<typeof buildSnapshot>) => {
  const rows = [];
  for (let i = 0; i < s.deals.count; i++) {
    const visits = [];
    for (let v = s.visits.start[i]!; v < s.visits.start[i + 1]!; v++)
      visits.push([s.dictionaries.stage.values[s.visits.stage[v]!], s.visits.enteredAt[v]]);
    const amounts = [];
    for (let r = s.amount.start[i]!; r < s.amount.start[i + 1]!; r++)
      amounts.push([s.amount.at[r], s.amount.value[r]]);
    rows.push({ id: s.deals.id[i], visits, amounts, column: s.amount.column[i] });
  }
  return rows.sort((a, b) => a.id!.localeCompare(b.id!));
};

function rewrite(ws: Workspace, deals: RefDeal[]): void {
  ws.sqlite.transaction(() => {
    const writer = new DealWriter(ws, { source: 'csv', fresh: false });
    for (const d of deals)
      writer.write(
        {
          id: d.id,
          name: d.id,
          account: '',
          owner: d.owner,
          team: d.team,
          amountCents: d.amountCents,
          currency: 'CNY',
          stage: d.stage,
          createdAt: d.createdAt,
          closeDate: d.closeDate,
          forecastCategory: 'pipeline',
          lostReason: '',
          product: '',
          nextStep: d.nextStep,
          updatedAt: d.createdAt,
          lastActivityAt: null,
          deletedAt: d.deletedAt,
        },
        d.history.map((h) => ({ field: h.field as 'stage', value: h.value, changedAt: h.changedAt })),
      );
    writer.finish();
  })();
}

describe('the analytics snapshot', () => {
  it('keeps rows of one instant in the order they were written, whatever order their times were inserted in', async () => {
    const stages = DEFAULT_STAGES.map((s) => ({ ...s }));
    const { ws } = await workspaceOf(stages, [
      deal('A', {
        history: [
          { field: 'stage', value: 'proposal', changedAt: T + 5 * DAY },
          { field: 'stage', value: 'need', changedAt: T },
          // Two rows at one instant: need → solution → negotiation, file order decides.
          { field: 'stage', value: 'solution', changedAt: T + 2 * DAY },
          { field: 'stage', value: 'negotiation', changedAt: T + 2 * DAY },
          { field: 'amount', value: '7', changedAt: T + 3 * DAY },
          { field: 'amount', value: '9', changedAt: T + 3 * DAY },
        ],
      }),
    ]);
    const s = buildSnapshot(ws, 1);
    expect(contents(s)[0]).toEqual({
      id: 'A',
      visits: [
        ['need', T],
        ['solution', T + 2 * DAY],
        ['negotiation', T + 2 * DAY],
        ['proposal', T + 5 * DAY],
      ],
      amounts: [
        [T + 3 * DAY, 700],
        [T + 3 * DAY, 900],
      ],
      column: 100_00,
    });
  });

  it('a patch after a write holds exactly what a full build holds, under a higher version', async () => {
    const stages = DEFAULT_STAGES.map((s) => ({ ...s }));
    const { ws } = await workspaceOf(
      stages,
      ['A', 'B', 'C', 'D'].map((id, i) =>
        deal(id, { history: [{ field: 'stage', value: 'need', changedAt: T + i }] }),
      ),
    );
    const before = buildSnapshot(ws, 1);
    rewrite(ws, [
      deal('B', { amountCents: 5, history: [{ field: 'stage', value: 'won', changedAt: T + DAY }] }),
      deal('E', { history: [{ field: 'amount', value: '3', changedAt: T }] }),
    ]);
    const patched = patchSnapshot(ws, before, 2)!;
    expect(patched.version).toBe(2);
    expect(patched.revision).toBeGreaterThan(before.revision);
    expect(contents(patched)).toEqual(contents(buildSnapshot(ws, 3)));
    // The previous snapshot is untouched: a reader holding it keeps a consistent copy.
    expect(contents(before).map((d) => d.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(funnelReport(patched, { asOf: T + 2 * DAY }, 0).won).toBe(1);
    expect(funnelReport(before, { asOf: T + 2 * DAY }, 0).won).toBe(0);
  });

  it('the store sees this process’s writes (through the registry) and other connections’ commits', async () => {
    const stages = DEFAULT_STAGES.map((s) => ({ ...s }));
    const { ws, registry } = await workspaceOf(stages, [deal('A')]);
    const first = await call<{ deals: number; snapshotVersion: number }>(registry, 'report.funnel', {
      asOf: T + DAY,
    });
    expect(first.deals).toBe(1);
    const files = {
      deals: {
        name: 'deals.csv',
        text: 'id,name,account,owner,team,amount,currency,stage,created_at,close_date,forecast_category,lost_reason,product,next_step,updated_at\nB,B,,Bob,East,1,CNY,need,2026-01-01,,,,,,2026-01-01\n',
      },
    };
    await call(registry, 'import.apply', { files });
    const second = await call<{ deals: number; snapshotVersion: number }>(registry, 'report.funnel', {
      asOf: T + DAY,
    });
    expect(second.deals).toBe(2);
    expect(second.snapshotVersion).toBeGreaterThan(first.snapshotVersion);
    // Nothing changed: the same snapshot answers.
    const third = await call<{ snapshotVersion: number }>(registry, 'report.funnel', { asOf: T + DAY });
    expect(third.snapshotVersion).toBe(second.snapshotVersion);

    const store = new AnalyticsStore(ws);
    const v1 = store.current();
    expect(store.current()).toBe(v1);
    store.invalidate();
    const v2 = store.current();
    expect(v2.version).toBe(v1.version + 1);
    expect(attentionReport(v2, { asOf: T + DAY }, 0).deals.map((d) => d.id)).toEqual(['A', 'B']);
  });
});
