import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '@backend/analytics/load';
import { Members } from '@backend/analytics/scope';
import { velocityReport } from '@backend/analytics/velocity';
import { refVelocity, type RefDeal } from './reference';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { workspaceOf } from './support';
import { defined, withQueries } from './arbitraries';

process.env.TZ = 'America/New_York';

/**
 * Every velocity cell drills to exactly the deals behind its number: the reference,
 * given only those deals, gives the same number, and given all the others, none (or, for
 * a stage's stalled deals, whose limit may be the whole scope's p75, as many deals as
 * the number, each among that stage's open deals).
 */
describe('velocity drill-through', () => {
  it('each cell holds exactly the deals behind its number, each once', async () => {
    await fc.assert(
      fc.asyncProperty(withQueries, async ([stages, deals, queries]) => {
        const { ws, now } = await workspaceOf(stages, deals);
        const s = buildSnapshot(ws, 1);
        for (const raw of queries) {
          const q = { ...defined(raw), distribution: true };
          const report = velocityReport(s, q, now);
          const drill = (cell: string) => {
            const members = new Members(cell);
            velocityReport(s, q, now, members);
            const ids = members.deals.map((d) => s.deals.id[d]!);
            expect(new Set(ids).size).toBe(ids.length);
            const set = new Set(ids);
            const split = (keep: boolean) => deals.filter((d: RefDeal) => set.has(d.id) === keep);
            return {
              ids,
              only: refVelocity(stages, split(true), q),
              others: refVelocity(stages, split(false), q),
            };
          };
          for (const st of report.stages) {
            const at = (r: ReturnType<typeof refVelocity>) => r.stages.find((x) => x.key === st.key)!;
            const visits = drill(`visits:${st.key}`);
            expect(at(visits.only).count).toBe(st.count);
            expect(at(visits.others).count).toBe(0);
            const open = drill(`open:${st.key}`);
            expect(open.ids.length).toBe(st.openCount);
            expect(at(open.others).openCount).toBe(0);
            const stalled = drill(`stalled:${st.key}`);
            expect(stalled.ids.length).toBe(st.stalled ?? 0);
            expect(stalled.ids.every((id) => open.ids.includes(id))).toBe(true);
          }
          const cycle = drill('cycle');
          expect(cycle.only.salesCycle.count).toBe(report.salesCycle.count);
          expect(cycle.others.salesCycle.count).toBe(0);
          const closed = drill('closed');
          expect(closed.only.winRate).toBe(report.winRate);
          expect(closed.others.winRate).toBeNull();
          for (const month of report.cycleByMonth ?? []) {
            const inMonth = drill(`cycle:${month.month}`);
            expect(inMonth.ids.length).toBe(month.count);
            expect(inMonth.others.cycleByMonth.some((m) => m.month === month.month)).toBe(false);
          }
          expect(drill('cycle:2099-01').ids).toEqual([]);
        }
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it('counts a deal as stalled only once its age is past the dwell limit, in the report and the drill alike', async () => {
    // 报价比选 (proposal) has a 7-day limit: one deal exactly 7 days in it, one 7 days and 1 ms.
    const asOf = Date.parse('2026-03-01T00:00:00Z');
    const limitMs = 7 * 86_400_000;
    const deal = (id: string, entered: number): RefDeal => ({
      id,
      createdAt: entered,
      stage: 'proposal',
      amountCents: 100_00,
      closeDate: null,
      forecastCategory: 'pipeline',
      owner: 'Ann',
      team: 'East',
      nextStep: '',
      lastActivityAt: null,
      deletedAt: null,
      history: [],
    });
    const { ws, now } = await workspaceOf(
      [...DEFAULT_STAGES],
      [deal('AT', asOf - limitMs), deal('PAST', asOf - limitMs - 1)],
    );
    const s = buildSnapshot(ws, 1);
    const proposal = velocityReport(s, { asOf }, now).stages.find((st) => st.key === 'proposal')!;
    expect(proposal.stalled).toBe(1);
    const members = new Members('stalled:proposal');
    velocityReport(s, { asOf }, now, members);
    expect(members.deals.map((d) => s.deals.id[d])).toEqual(['PAST']);
  });
});
