import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStalled } from '@shared/domain/attention';
import { DEFAULT_STAGES, type Stage } from '@shared/domain/stages';
import { DAY_MS } from '@shared/time';
import { listDeals } from '@backend/pipeline/deal-list';
import { replaceStages } from '@backend/stages/model';
import { tempWorkspace } from '../../support/temp';

/**
 * The pipeline screen filters in SQL, for speed; the rules live in src/shared/domain. These
 * properties check, deal by deal on the same data, that each SQL filter selects exactly
 * the deals the rule's function selects — fractional dwell limits and boundary ages included.
 */
const NOW = Date.parse('2026-11-20T12:00:00Z');

const stageModel = fc
  .array(
    fc.option(fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 60, noNaN: true })), {
      nil: null,
    }),
    {
      minLength: 5,
      maxLength: 5,
    },
  )
  .map((limits): Stage[] =>
    DEFAULT_STAGES.map((s, i) =>
      s.kind === 'open' ? { ...s, dwellLimitDays: limits[i] ?? null } : { ...s },
    ),
  );

/** Ages around every limit (exactly at it, 1 ms either side) as well as anywhere. */
const deal = (stages: Stage[]) =>
  fc.record({
    stage: fc.constantFrom(...stages.map((s) => s.key)),
    ageMs: fc.oneof(
      fc.integer({ min: -DAY_MS, max: 90 * DAY_MS }),
      fc
        .tuple(fc.constantFrom(...stages.map((s) => s.dwellLimitDays ?? 7)), fc.integer({ min: -2, max: 2 }))
        .map(([limit, nudge]) => Math.round(limit * DAY_MS) + nudge),
    ),
  });

async function workspaceWith(stages: Stage[], deals: { stage: string; ageMs: number }[]) {
  const ws = await tempWorkspace();
  replaceStages(ws, stages);
  const insert = ws.sqlite.prepare(
    `insert into deals(id, stage, created_at, updated_at, stage_entered_at, amount_cents) values(?, ?, 0, 0, ?, ?)`,
  );
  deals.forEach((d, i) => insert.run(`D${i}`, d.stage, NOW - d.ageMs, i));
  return ws;
}

async function ids(ws: Awaited<ReturnType<typeof tempWorkspace>>, stages: Stage[], filter: object) {
  const page = await listDeals(ws.db, stages, NOW, { filter, limit: 500 });
  return page.rows.map((r) => r.id).sort();
}

describe('the pipeline filters against the rules they stand for', () => {
  it('stalledOnly selects exactly the deals isStalled() flags, and each row says so', async () => {
    await fc.assert(
      fc.asyncProperty(
        stageModel.chain((stages) =>
          fc.tuple(fc.constant(stages), fc.array(deal(stages), { maxLength: 60 })),
        ),
        async ([stages, deals]) => {
          const ws = await workspaceWith(stages, deals);
          const byKey = new Map(stages.map((s) => [s.key, s]));
          const expected = deals
            .map((d, i) => ({
              id: `D${i}`,
              stalled: isStalled(Math.max(0, d.ageMs) / DAY_MS, byKey.get(d.stage)),
            }))
            .filter((d) => d.stalled)
            .map((d) => d.id)
            .sort();
          expect(await ids(ws, stages, { stalledOnly: true })).toEqual(expected);
          const all = await listDeals(ws.db, stages, NOW, { limit: 500 });
          expect(
            all.rows
              .filter((r) => r.stalled)
              .map((r) => r.id)
              .sort(),
          ).toEqual(expected);
          await ws.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the status filter selects the deals whose stage is of that kind', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(deal([...DEFAULT_STAGES]), { maxLength: 40 }), async (deals) => {
        const ws = await workspaceWith([...DEFAULT_STAGES], deals);
        for (const status of ['open', 'won', 'lost'] as const) {
          const expected = deals
            .map((d, i) => ({ id: `D${i}`, kind: DEFAULT_STAGES.find((s) => s.key === d.stage)!.kind }))
            .filter((d) => d.kind === status)
            .map((d) => d.id)
            .sort();
          expect(await ids(ws, [...DEFAULT_STAGES], { status })).toEqual(expected);
        }
        expect((await ids(ws, [...DEFAULT_STAGES], { status: 'all' })).length).toBe(deals.length);
        await ws.close();
      }),
      { numRuns: 20 },
    );
  });

  it('a limit of exactly the age is not stalled yet; one millisecond more is', async () => {
    const stages = DEFAULT_STAGES.map((s) => (s.key === 'need' ? { ...s, dwellLimitDays: 187.2 } : { ...s }));
    const limitMs = 187.2 * DAY_MS;
    const ws = await workspaceWith(stages, [
      { stage: 'need', ageMs: limitMs },
      { stage: 'need', ageMs: limitMs + 1 },
      { stage: 'proposal', ageMs: 7 * DAY_MS },
      { stage: 'proposal', ageMs: 7 * DAY_MS + 1 },
      { stage: 'won', ageMs: 400 * DAY_MS },
    ]);
    expect(await ids(ws, stages, { stalledOnly: true })).toEqual(['D1', 'D3']);
  });
});
