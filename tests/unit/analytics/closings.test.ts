import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { closings } from '@backend/analytics/closings';
import { buildSnapshot } from '@backend/analytics/load';
import type { RefDeal } from './reference';
import { workspaceOf } from './support';

const T = Date.parse('2026-01-01T00:00:00Z');
const DAY = 86_400_000;
const KEYS = DEFAULT_STAGES.map((s) => s.key);
const kind = (key: string) => DEFAULT_STAGES.find((s) => s.key === key)!.kind;

/** 300 deals walking the stages, won or lost on the way (some more than once), some with amount changes. */
const deals: RefDeal[] = Array.from({ length: 300 }, (_, i) => {
  const createdAt = T + ((i * 7_919) % 997) * (DAY / 8);
  const history = [];
  let at = createdAt;
  for (let k = 0; k < 1 + (i % 5); k++) {
    history.push({ field: 'stage', value: KEYS[(i * 3 + k * 5) % KEYS.length]!, changedAt: at });
    at += ((i + k * 7) % 9) * (DAY / 2);
  }
  for (let k = 0; k < i % 3; k++)
    history.push({ field: 'amount', value: String(100 + i + k), changedAt: createdAt + (k + (i % 4)) * DAY });
  return {
    id: `D${i}`,
    createdAt,
    stage: history.filter((h) => h.field === 'stage').at(-1)!.value,
    amountCents: 50_00,
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

describe('the closing indexes', () => {
  it('hold every deal ever won (and ever lost) by its first won (lost) time, with what a report reads of it', async () => {
    const { ws } = await workspaceOf([...DEFAULT_STAGES], deals);
    const s = buildSnapshot(ws, 1);
    const { won, lost } = closings(s);
    expect(closings(s).won).toBe(won); // built once per snapshot

    const firstEntry = (d: RefDeal, wanted: string) =>
      d.history.find((h) => h.field === 'stage' && kind(h.value) === wanted)?.changedAt ?? null;
    const rows = (index: typeof lost, extra: (i: number) => unknown[] = () => []) =>
      Array.from(index.deal, (d, i) =>
        [s.deals.id[d], index.at[i], index.deletedAt[i], ...extra(i)].join(' '),
      );
    const expected = (wanted: string, extra: (d: RefDeal, at: number) => unknown[] = () => []) =>
      deals.flatMap((d) => {
        const at = firstEntry(d, wanted);
        return at === null
          ? []
          : [[d.id, at, d.deletedAt ?? Number.POSITIVE_INFINITY, ...extra(d, at)].join(' ')];
      });

    for (const index of [won, lost])
      for (let i = 1; i < index.at.length; i++) expect(index.at[i]!).toBeGreaterThanOrEqual(index.at[i - 1]!);
    expect(rows(lost).toSorted()).toEqual(expected('lost').toSorted());
    expect(rows(won, (i) => [won.cycleDays[i], won.finalCents[i], won.amountSetAt[i]]).toSorted()).toEqual(
      expected('won', (d, at) => {
        const amounts = d.history.filter((h) => h.field === 'amount');
        const last = amounts.at(-1);
        return [
          (at - d.createdAt) / DAY,
          last ? Number(last.value) * 100 : d.amountCents,
          last ? last.changedAt : Number.NEGATIVE_INFINITY,
        ];
      }).toSorted(),
    );
    expect(won.at.length).toBeGreaterThan(50);
    expect(lost.at.length).toBeGreaterThan(50);
  });
});
