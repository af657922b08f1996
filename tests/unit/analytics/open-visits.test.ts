import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { buildSnapshot } from '@backend/analytics/load';
import { candidatesAt, openVisitIndex } from '@backend/analytics/open-visits';
import type { RefDeal } from './reference';
import { workspaceOf } from './support';

const T = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
/** Visit lengths at and around each tier's bound, zero among them. */
const LENGTHS = [
  0,
  1,
  2 * DAY,
  2 * DAY + 1,
  8 * DAY,
  8 * DAY + 1,
  32 * DAY,
  128 * DAY,
  128 * DAY + 1,
  512 * DAY,
  600 * DAY,
];
const KEYS = DEFAULT_STAGES.map((s) => s.key);

/** 400 deals walking the stages (won and lost among them, some reopened), some deleted. */
const deals: RefDeal[] = Array.from({ length: 400 }, (_, i) => {
  const createdAt = T + ((i * 7_919) % 997) * (DAY / 8);
  const history = [];
  let at = createdAt;
  for (let k = 0; k < 1 + (i % 6); k++) {
    history.push({ field: 'stage', value: KEYS[(i * 3 + k * 5) % KEYS.length]!, changedAt: at });
    at += LENGTHS[(i + k * 7) % LENGTHS.length]!;
  }
  return {
    id: `D${i}`,
    createdAt,
    stage: history.at(-1)!.value,
    amountCents: 100_00,
    closeDate: null,
    forecastCategory: 'pipeline',
    owner: 'Ann',
    team: 'East',
    nextStep: '',
    lastActivityAt: null,
    deletedAt: i % 7 === 0 ? createdAt + DAY : null,
    history,
  };
});

describe('the open-visit index', () => {
  it('holds each open stage’s visits that can be in progress, in tiers by length, each sorted by entry', async () => {
    const { ws } = await workspaceOf([...DEFAULT_STAGES], deals);
    const s = buildSnapshot(ws, 1);
    const tiers = openVisitIndex(s);
    expect(openVisitIndex(s)).toBe(tiers);
    expect(tiers.map((t) => t.length / DAY)).toEqual([2, 8, 32, 128, 512, Number.POSITIVE_INFINITY]);

    // By hand, from the snapshot's visits: open stages only, never a visit that ends as it begins.
    const open = new Set(DEFAULT_STAGES.filter((st) => st.kind === 'open').map((st) => st.key));
    const expected: string[] = [];
    const { start, stage, enteredAt } = s.visits;
    for (let d = 0; d < s.deals.count; d++)
      for (let v = start[d]!; v < start[d + 1]!; v++) {
        const exit = v + 1 < start[d + 1]! ? enteredAt[v + 1]! : Number.POSITIVE_INFINITY;
        const key = s.dictionaries.stage.values[stage[v]!]!;
        if (open.has(key) && exit > enteredAt[v]!)
          expected.push([s.deals.id[d], key, enteredAt[v], exit, s.deals.deletedAt[d]].join(' '));
      }
    expect(expected.length).toBeGreaterThan(300);

    const rows: string[] = [];
    tiers.forEach((tier, t) => {
      const shorter = t === 0 ? 0 : tiers[t - 1]!.length;
      for (let i = 0; i < tier.entered.length; i++) {
        const length = tier.exit[i]! - tier.entered[i]!;
        // Tier t holds the visits longer than tier t − 1's bound and no longer than its own.
        expect(length).toBeGreaterThan(shorter);
        expect(length).toBeLessThanOrEqual(tier.length);
        if (i > 0) expect(tier.entered[i]!).toBeGreaterThanOrEqual(tier.entered[i - 1]!);
        const key = s.dictionaries.stage.values[tier.stage[i]!];
        rows.push(
          [s.deals.id[tier.deal[i]!], key, tier.entered[i], tier.exit[i], tier.deletedAt[i]].join(' '),
        );
      }
    });
    expect(rows.toSorted()).toEqual(expected.toSorted());
  });

  it('gives as candidates at any instant exactly the visits entered within a tier’s length before it, those in progress among them', async () => {
    const { ws } = await workspaceOf([...DEFAULT_STAGES], deals);
    const s = buildSnapshot(ws, 1);
    const tiers = openVisitIndex(s);
    for (let t = T - DAY; t < T + 800 * DAY; t += DAY / 3) {
      const inProgress = (tier: (typeof tiers)[number], i: number) =>
        tier.entered[i]! < t && tier.exit[i]! >= t;
      tiers.forEach((tier) => {
        const [first, last] = candidatesAt(tier, t);
        // Exactly those entered in [t − length, t): no visit of the tier could be in progress longer.
        for (let i = first; i < last; i++) {
          expect(tier.entered[i]!).toBeGreaterThanOrEqual(t - tier.length);
          expect(tier.entered[i]!).toBeLessThan(t);
        }
        if (first > 0) expect(tier.entered[first - 1]!).toBeLessThan(t - tier.length);
        if (last < tier.entered.length) expect(tier.entered[last]!).toBeGreaterThanOrEqual(t);
        for (let i = 0; i < tier.entered.length; i++)
          if (inProgress(tier, i)) {
            expect(i).toBeGreaterThanOrEqual(first);
            expect(i).toBeLessThan(last);
          }
      });
    }
  });
});
