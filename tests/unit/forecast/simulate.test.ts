import { describe, expect, it } from 'vitest';
import type { ForecastRange } from '@shared/contract';
import type { Stage } from '@shared/domain/stages';
import { parseAsOf, parseTimestamp } from '@shared/time';
import { EXACT_DEALS } from '@backend/forecast/simulate';
import type { RefDeal } from '../analytics/reference';
import { call, workspaceOf } from '../analytics/support';

const at = (text: string) => parseTimestamp(text)!;
const AS_OF = parseAsOf('2026-08-15')!;

const stage = (key: string, order: number, kind: Stage['kind'], probability: number): Stage => ({
  key,
  name: key,
  nameZh: null,
  nameEn: null,
  order,
  kind,
  probability,
  dwellLimitDays: null,
  followupDays: null,
  buyingPhase: null,
  exitCriteria: null,
});
const STAGES = [
  stage('early', 1, 'open', 0.2),
  stage('half', 2, 'open', 0.5),
  stage('won', 3, 'won', 1),
  stage('lost', 4, 'lost', 0),
];

function deal(id: string, steps: [string, string][], amount: number, closeDate: string): RefDeal {
  return {
    id,
    createdAt: at(steps[0]![1]),
    stage: steps.at(-1)![0],
    amountCents: amount * 100,
    closeDate,
    forecastCategory: 'pipeline',
    owner: 'Ann',
    team: 'East',
    nextStep: 'Call',
    lastActivityAt: null,
    deletedAt: null,
    history: steps.map(([value, day]) => ({ field: 'stage', value, changedAt: at(day) })),
  };
}
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function simulate(deals: RefDeal[], input: object = {}) {
  const { registry } = await workspaceOf(STAGES, deals);
  return call<ForecastRange>(registry, 'forecast.range', { asOf: AS_OF, ...input });
}

describe('the quarter by simulation', () => {
  it('draws each open deal with h(stage): ten deals of 100 at one half give the binomial quantiles', async () => {
    const deals = [
      ...range(10).map((i) => deal(`H${i}`, [['half', '2026-07-01']], 100, '2026-09-20')),
      // Won in Q3 already: in every run.
      deal(
        'W',
        [
          ['half', '2026-07-01'],
          ['won', '2026-07-20'],
        ],
        250,
        '2026-07-20',
      ),
    ];
    const r = await simulate(deals);
    // No history: no slip, no amount change, h = the stage probability.
    expect(r).toMatchObject({
      quarter: '2026Q3',
      runs: 10_000,
      won: 250,
      slipRate: 0,
      openDeals: 10,
      amountChanges: 1,
    });
    // Binomial(10, ½): P(X ≤ 2) = 5.5%, P(X ≤ 3) = 17.2%, P(X ≤ 4) = 37.7%, P(X ≤ 5) = 62.3%, P(X ≤ 6) = 82.8%, P(X ≤ 7) = 94.5%.
    expect([r.p10, r.p50, r.p90]).toEqual([250 + 300, 250 + 500, 250 + 700]);
    expect(r.mean).toBeCloseTo(250 + 500, -1);
    expect(r.histogram.reduce((n, b) => n + b.runs, 0)).toBe(10_000);
  });

  it('is deterministic for a seed, and another seed draws other runs', async () => {
    const deals = range(40).map((i) => deal(`D${i}`, [['early', '2026-07-01']], 100 + i * 37, '2026-09-01'));
    const a = await simulate(deals, { seed: 5, runs: 2000 });
    expect(await simulate(deals, { seed: 5, runs: 2000 })).toEqual(a);
    const b = await simulate(deals, { seed: 6, runs: 2000 });
    expect(b.histogram).not.toEqual(a.histogram);
  });

  it('keeps the mean and spread of a pipeline longer than the deals it draws one by one', async () => {
    const n = EXACT_DEALS + 1500;
    const deals = range(n).map((i) =>
      deal(`D${i}`, [['half', '2026-07-01']], 1000 + (i % 7) * 10, '2026-09-01'),
    );
    const r = await simulate(deals, { runs: 4000 });
    const amounts = deals.map((d) => d.amountCents / 100);
    const mean = amounts.reduce((a, x) => a + x * 0.5, 0);
    const sd = Math.sqrt(amounts.reduce((a, x) => a + x * x * 0.25, 0));
    expect(Math.abs(r.mean - mean) / mean).toBeLessThan(0.005);
    // The normal's P10 and P90 are mean ∓ 1.2816 sd.
    expect(Math.abs(r.p10 - (mean - 1.2816 * sd)) / sd).toBeLessThan(0.1);
    expect(Math.abs(r.p90 - (mean + 1.2816 * sd)) / sd).toBeLessThan(0.1);
  });

  it('slips deals out of the quarter at the scope’s rate, read at the same point of past quarters', async () => {
    // In each of the last four quarters, at 6 weeks in: 4 deals due in that quarter, one still open at its end.
    const past = ['2026-04-01', '2026-01-01', '2025-10-01', '2025-07-01'].flatMap((q, k) => {
      const start = Date.parse(`${q}T00:00:00Z`);
      const day = (offset: number) => new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
      return [
        deal(
          `P${k}a`,
          [
            ['half', day(1)],
            ['won', day(60)],
          ],
          100,
          day(80),
        ),
        deal(
          `P${k}b`,
          [
            ['half', day(1)],
            ['won', day(70)],
          ],
          100,
          day(80),
        ),
        deal(
          `P${k}c`,
          [
            ['half', day(1)],
            ['lost', day(70)],
          ],
          100,
          day(80),
        ),
        deal(`P${k}d`, [['half', day(1)]], 100, day(80)),
      ];
    });
    const open = range(10).map((i) => deal(`H${i}`, [['half', '2026-07-01']], 100, '2026-09-20'));
    const r = await simulate([...past, ...open]);
    // The four old open deals are due in their quarters but never closed: 4 of 16 slipped.
    expect(r.slipRate).toBe(4 / 16);
    expect(r.mean).toBeCloseTo(1000 * 0.75 * 0.5, -1);
  });
});
