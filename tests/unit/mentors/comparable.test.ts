import { describe, expect, it } from 'vitest';
import type { MentorsView } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { parseTimestamp } from '@shared/time';
import { run } from '@backend/db/query';
import type { RefDeal } from '../analytics/reference';
import { call, workspaceOf } from '../analytics/support';

const at = (text: string) => parseTimestamp(text)!;

/** A deal of 300,000 (the default medium band) walking through `steps` (stage, date). */
function deal(id: string, steps: [string, string][], amount = 300_000): RefDeal {
  return {
    id,
    createdAt: at(steps[0]![1]),
    stage: steps.at(-1)![0],
    amountCents: amount * 100,
    closeDate: '2026-03-31',
    forecastCategory: 'pipeline',
    owner: 'Ann',
    team: 'East',
    nextStep: 'Call',
    lastActivityAt: null,
    deletedAt: null,
    history: steps.map(([value, day]) => ({ field: 'stage', value, changedAt: at(day) })),
  };
}

const DEALS = [
  // Mentored by 陈志强 from 01-12, when it was in 方案交流 (solution).
  deal('M', [
    ['need', '2026-01-01'],
    ['solution', '2026-01-10'],
    ['won', '2026-02-15'],
  ]),
  // Reached solution and beyond, lost in Q1, same band: comparable.
  deal('U1', [
    ['need', '2026-01-02'],
    ['solution', '2026-01-05'],
    ['proposal', '2026-01-20'],
    ['lost', '2026-03-01'],
  ]),
  // Lost in need: never had the chance M had.
  deal('U2', [
    ['need', '2026-01-03'],
    ['lost', '2026-02-01'],
  ]),
  // Large band (2,000,000).
  deal(
    'U3',
    [
      ['need', '2026-01-04'],
      ['solution', '2026-01-08'],
      ['won', '2026-02-20'],
    ],
    2_000_000,
  ),
  // Closed in Q2.
  deal('U4', [
    ['need', '2026-01-05'],
    ['solution', '2026-01-09'],
    ['lost', '2026-04-10'],
  ]),
  // Won straight from need: a win passed every open stage.
  deal('U6', [
    ['need', '2026-01-06'],
    ['won', '2026-02-25'],
  ]),
  // Mentored by Mia from 01-07, still in need; won in Q1.
  deal('U5', [
    ['need', '2026-01-06'],
    ['won', '2026-03-10'],
  ]),
];

async function view(tags: [string, string, string][]): Promise<MentorsView> {
  const { ws, registry } = await workspaceOf([...DEFAULT_STAGES], DEALS);
  for (const [dealId, mentor, day] of tags)
    run(
      ws,
      ws.db
        .insertInto('mentor_assignments')
        .values({ deal_id: dealId, mentor, share_pct: 10, created_at: at(day) }),
    );
  return call<MentorsView>(registry, 'mentors.view', { asOf: at('2026-06-30') });
}

describe('the comparable unmentored deals', () => {
  it('share the stage when tagged (reached it), the size band and the quarter of the close', async () => {
    const v = await view([['M', '陈志强', '2026-01-12']]);
    expect(v.lift.mentored).toMatchObject({ closed: 1, won: 1 });
    // U1, U6 and U5 (unmentored here; both won from need, and a win passed every stage).
    expect(v.lift.comparable).toMatchObject({ closed: 3, won: 2 });
  });

  it('take the lowest stage a mentored deal of the cell joined at, and leave mentored deals out', async () => {
    const v = await view([
      ['M', '陈志强', '2026-01-12'],
      ['U5', 'Mia', '2026-01-07'],
    ]);
    // Overall: M (solution) and U5 (need) share a cell, so U2 (lost in need) joins U1 and U6.
    expect(v.lift.mentored).toMatchObject({ closed: 2, won: 2 });
    expect(v.lift.comparable).toMatchObject({ closed: 3, won: 1 });
    // 陈志强's own lift: his deal joined at solution; U5 is mentored, so neither it nor U2 counts.
    const chen = v.summaries.find((m) => m.mentor === '陈志强')!;
    expect(chen.lift.comparable).toMatchObject({ closed: 2, won: 1 });
    expect(chen.lift.enough).toEqual({ winRate: false, cycle: false });
    expect(chen.lift.winRateLift).toEqual({ estimate: null, low: null, high: null });
  });

  it('read a tag made after the close (a mentors.csv import) as made at the deal’s entry stage', async () => {
    const v = await view([['M', '陈志强', '2026-05-01']]);
    // Entry stage need: U2 is comparable now as well as U1, U5 and U6.
    expect(v.lift.comparable).toMatchObject({ closed: 4, won: 2 });
  });
});
