import { describe, expect, it } from 'vitest';
import type { ForecastReport } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { parseAsOf, parseTimestamp } from '@shared/time';
import { upsertQuotas } from '@backend/forecast/quotas';
import type { RefDeal } from '../analytics/reference';
import { call, workspaceOf } from '../analytics/support';

const at = (text: string) => parseTimestamp(text)!;
const AS_OF = parseAsOf('2026-09-30')!;

function deal(
  id: string,
  team: string,
  steps: [string, string][],
  amount: number,
  closeDate = '2026-09-15',
): RefDeal {
  return {
    id,
    createdAt: at(steps[0]![1]),
    stage: steps.at(-1)![0],
    amountCents: amount * 100,
    closeDate,
    forecastCategory: 'pipeline',
    owner: team === 'East' ? 'Ann' : 'Bob',
    team,
    nextStep: 'Call',
    lastActivityAt: null,
    deletedAt: null,
    history: steps.map(([value, day]) => ({ field: 'stage', value, changedAt: at(day) })),
  };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const DEALS = [
  // West: 10 won through every stage, 20 lost in need, within the year before as-of.
  ...range(10).map((i) =>
    deal(
      `W${i}`,
      'West',
      [
        ['need', '2026-01-05'],
        ['solution', '2026-02-01'],
        ['proposal', '2026-03-01'],
        ['negotiation', '2026-04-01'],
        ['contract', '2026-05-01'],
        ['won', '2026-06-01'],
      ],
      1000 + i * 100,
    ),
  ),
  ...range(20).map((i) =>
    deal(
      `L${i}`,
      'West',
      [
        ['need', '2026-01-06'],
        ['lost', '2026-03-10'],
      ],
      500,
    ),
  ),
  // A loss 366 days before as-of: outside the year.
  ...range(5).map((i) =>
    deal(
      `O${i}`,
      'West',
      [
        ['need', '2025-08-01'],
        ['lost', '2025-09-29'],
      ],
      500,
    ),
  ),
  // East: 25 lost in need, none won.
  ...range(25).map((i) =>
    deal(
      `E${i}`,
      'East',
      [
        ['need', '2026-02-01'],
        ['lost', '2026-04-01'],
      ],
      700,
    ),
  ),
  // Open in Q3: one each side in need.
  deal('WO', 'West', [['need', '2026-08-01']], 3000),
  deal('EO', 'East', [['need', '2026-08-01']], 2000),
];

async function forecast(scope: object) {
  const { ws, registry } = await workspaceOf([...DEFAULT_STAGES], DEALS);
  ws.sqlite.transaction(() =>
    upsertQuotas(ws, [
      { quarter: '2026Q3', team: 'West', owner: '', amountCents: 500_000 },
      { quarter: '2026Q3', team: 'East', owner: '', amountCents: 400_000 },
    ]),
  )();
  return call<ForecastReport>(registry, 'report.forecast', { asOf: AS_OF, ...scope });
}

describe('h(s), the historical win rate per stage', () => {
  it('is won / closed among deals that reached the stage from 20 closes on, the probability below', async () => {
    const r = await forecast({ team: 'West' });
    // need: 30 closed in the year (10 won); the 5 older losses are outside it. Later stages: 10 closed.
    expect(r.winRates.map((w) => [w.stage, w.closed, w.won, w.source])).toEqual([
      ['need', 30, 10, 'history'],
      ['solution', 10, 10, 'probability'],
      ['proposal', 10, 10, 'probability'],
      ['negotiation', 10, 10, 'probability'],
      ['contract', 10, 10, 'probability'],
    ]);
    expect(r.historical).toBeCloseTo(3000 / 3, 9);
    // m = the mean of the 10 wins (1000 … 1900) = 1450; gap = 5000.
    expect(r.gapPlan[0]).toEqual({
      stage: 'need',
      deals: expect.closeTo(5000 / 1450 / (1 / 3), 9),
      amount: expect.closeTo(15000, 6),
    });
    expect(r.gapPlan[1]!.deals).toBeCloseTo(5000 / 1450 / DEFAULT_STAGES[1]!.probability, 9);
  });

  it('of 0 leaves the historical figure at what is won and the stage without a plan', async () => {
    const r = await forecast({ team: 'East' });
    expect(r.winRates[0]).toMatchObject({ stage: 'need', closed: 25, won: 0, h: 0, source: 'history' });
    expect(r.historical).toBe(0);
    expect(r.pipeline).toBe(2000);
    // No win in the year: m is null, so no stage has a deal count; need has no amount either.
    expect(r.gapPlan[0]).toEqual({ stage: 'need', deals: null, amount: null });
    expect(r.gapPlan[1]).toEqual({
      stage: 'solution',
      deals: null,
      amount: expect.closeTo(4000 / DEFAULT_STAGES[1]!.probability, 6),
    });
  });
});
