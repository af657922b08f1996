import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { BUCKETS, bucketOf } from '@backend/analytics/duration-sample';
import { EVERY, exitIndex, rangeTotals, type ExitIndex } from '@backend/analytics/exit-index';
import { buildSnapshot } from '@backend/analytics/load';
import type { RefDeal } from './reference';
import { workspaceOf } from './support';

const T = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;

/**
 * `visits` deals, each with one completed visit of the first stage: entered at creation,
 * left for the second stage after a pseudo-random length; some deals deleted. Among them, an
 * eighth as many more still in the first stage, a visit the index must leave out.
 */
async function indexOf(visits: number): Promise<{ index: ExitIndex; rows: string[]; expected: string[] }> {
  const [first, second] = DEFAULT_STAGES;
  const deals: RefDeal[] = Array.from({ length: (visits / 8) * 9 }, (_, i) => {
    const open = i % 9 === 8;
    const createdAt = T + ((i * 7_919) % 997) * (DAY / 8);
    const length = ((i * 104_729) % 300_001) * 100_000; // 0 to ~347 days, past the last bucket
    return {
      id: `D${i}`,
      createdAt,
      stage: open ? first!.key : second!.key,
      amountCents: 100_00,
      closeDate: null,
      forecastCategory: 'pipeline',
      owner: 'Ann',
      team: 'East',
      nextStep: '',
      lastActivityAt: null,
      deletedAt: i % 5 === 0 ? T + ((i * 31) % 400) * DAY : null,
      // Every ninth deal is still in the first stage: an open visit, between the others.
      history: !open
        ? [
            { field: 'stage', value: first!.key, changedAt: createdAt },
            { field: 'stage', value: second!.key, changedAt: createdAt + length },
          ]
        : [{ field: 'stage', value: first!.key, changedAt: createdAt }],
    };
  });
  const { ws } = await workspaceOf([...DEFAULT_STAGES], deals);
  const s = buildSnapshot(ws, 1);
  expect(exitIndex(s)).toBe(exitIndex(s)); // built once per snapshot
  const index = exitIndex(s)[s.dictionaries.stage.values.indexOf(first!.key)]!;
  // The positions of deleted deals' visits, which the running totals must take out.
  expect(Array.from(index.deleted)).toEqual(
    Array.from(index.deletedAt.keys()).filter((i) => index.deletedAt[i] !== Number.POSITIVE_INFINITY),
  );
  // Each visit as exit, length, deal and deletion, to compare with the deals as written.
  const rows = Array.from(index.exit, (exit, i) =>
    [exit, index.ms[i], s.deals.id[index.deal[i]!], index.deletedAt[i]].join(' '),
  );
  const expected = deals
    .filter((d) => d.history.length === 2)
    .map((d) => {
      const [entered, left] = d.history.map((h) => h.changedAt);
      return [left, left! - entered!, d.id, d.deletedAt ?? Number.POSITIVE_INFINITY].join(' ');
    });
  return { index, rows, expected };
}

/** What rangeTotals must give, visit by visit. */
function byHand(index: ExitIndex, first: number, last: number, asOf: number) {
  const histogram = new Int32Array(BUCKETS);
  let count = 0;
  let ms = 0;
  for (let i = first; i < last; i++) {
    if (index.deletedAt[i]! < asOf) continue;
    histogram[bucketOf(index.ms[i]! / DAY)]!++;
    count++;
    ms += index.ms[i]!;
  }
  return { count, ms, histogram: Array.from(histogram) };
}

describe('the exit index', () => {
  // Exactly two checkpoints' worth (the last checkpoint sits at the very end), and more.
  for (const visits of [2 * EVERY, 2 * EVERY + 360]) {
    it(`sums any range of ${visits} visits from its running totals as a scan would`, async () => {
      const { index, rows, expected } = await indexOf(visits);
      expect(rows.toSorted()).toEqual(expected.toSorted());
      for (let i = 1; i < visits; i++) expect(index.exit[i]!).toBeGreaterThanOrEqual(index.exit[i - 1]!);
      const bound = fc.integer({ min: 0, max: visits });
      const edge = fc.constantFrom(0, EVERY - 1, EVERY, EVERY + 1, 2 * EVERY, visits);
      fc.assert(
        fc.property(
          fc.oneof(bound, edge),
          fc.oneof(bound, edge),
          fc.integer({ min: 0, max: 420 }).map((d) => T + d * DAY),
          (x, y, asOf) => {
            const [first, last] = x <= y ? [x, y] : [y, x];
            const histogram = new Int32Array(BUCKETS).fill(7); // cleared by rangeTotals
            const totals = rangeTotals(index, first, last, asOf, histogram);
            expect({ ...totals, histogram: Array.from(histogram) }).toEqual(byHand(index, first, last, asOf));
          },
        ),
        { numRuns: 300 },
      );
    }, 120_000);
  }
});
