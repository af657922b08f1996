import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';
import type { Registry } from '@backend/registry';
import { parseAsOf, parseTimestamp } from '@shared/time';
import { call } from './support';

/**
 * A small workspace whose every number was computed by hand from PRODUCT.md
 * (tests/fixtures/analytics). What it covers:
 * - a stage model whose orders do not sort as text (9 < 10 < 100) and a won stage with a
 *   lower order than the open ones;
 * - offsets +08:00, −05:00 and none; a row at exactly as-of (G's win) and after it (D);
 * - two stage rows at one instant (D: a zero-length visit, file order decides);
 * - a skipped stage (C), a reopened lost deal (B), a deleted deal (E), a deal created
 *   after as-of (F), an owner change (C: Ann → Wei);
 * - a visit and a loss exactly at the window's start (B, 2026-02-01);
 * - a close date on the as-of day (G: not overdue), two pushes (C), a shrink (C), blank
 *   and ideographic-space next steps (C, G).
 *
 * As-of 2026-03-31 is the instant 2026-04-01T00:00Z. Days between dates are whole unless
 * an offset says otherwise (C entered `deal` at 02-03 05:00 UTC: 56 d 19 h before as-of).
 */
process.env.TZ = 'Asia/Shanghai';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/analytics', name), 'utf8');
const AS_OF = parseAsOf('2026-03-31')!;
const at = (text: string) => parseTimestamp(text)!;

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
  const outcome = await call<{ valid: boolean }>(registry, 'import.apply', { files });
  expect(outcome.valid).toBe(true);
});

const report = <T>(name: string, input: object) => call<T>(registry, `report.${name}`, input);
const C_DAYS = 56 + 19 / 24;

describe('the golden workspace, computed by hand', () => {
  it('funnel: reached follows the order (skips count), amounts at as-of, conversion to next and to won', async () => {
    expect(await report('funnel', { asOf: AS_OF })).toMatchObject({
      stages: [
        { key: 'lead', reached: 6, reachedAmount: 3950, conversionToNext: 4 / 6 },
        { key: 'demo', reached: 4, reachedAmount: 3300, conversionToNext: 0.5 },
        { key: 'deal', reached: 2, reachedAmount: 2500, conversionToNext: 0.5 },
      ],
      deals: 6,
      open: 5,
      won: 1,
      lost: 0,
      winRate: 1,
    });
  });

  it('funnel: a creation window, a team, and an owner at as-of (not the owner at creation)', async () => {
    const westOrWindow = {
      stages: [
        { key: 'lead', reached: 2, reachedAmount: 1750, conversionToNext: 0.5 },
        { key: 'demo', reached: 1, reachedAmount: 1500, conversionToNext: 1 },
        { key: 'deal', reached: 1, reachedAmount: 1500, conversionToNext: 0 },
      ],
      deals: 2,
      open: 2,
      won: 0,
      lost: 0,
      winRate: null,
    };
    expect(
      await report('funnel', { asOf: AS_OF, from: at('2026-02-01'), to: at('2026-03-01') }),
    ).toMatchObject(westOrWindow);
    expect(await report('funnel', { asOf: AS_OF, team: 'West' })).toMatchObject(westOrWindow);
    expect(await report('funnel', { asOf: AS_OF, owner: 'Wei' })).toMatchObject({
      stages: [
        { key: 'lead', reached: 1, reachedAmount: 1500, conversionToNext: 1 },
        { key: 'demo', reached: 1, reachedAmount: 1500, conversionToNext: 1 },
        { key: 'deal', reached: 1, reachedAmount: 1500, conversionToNext: 0 },
      ],
      deals: 1,
      winRate: null,
    });
    expect(await report('funnel', { asOf: AS_OF, owner: 'Ann' })).toMatchObject({
      stages: [
        { key: 'lead', reached: 2, reachedAmount: 1400, conversionToNext: 0.5 },
        { key: 'demo', reached: 1, reachedAmount: 1000, conversionToNext: 1 },
        { key: 'deal', reached: 1, reachedAmount: 1000, conversionToNext: 1 },
      ],
      deals: 2,
      open: 1,
      won: 1,
      winRate: 1,
    });
    expect(await report('funnel', { asOf: AS_OF, owner: 'Nobody' })).toMatchObject({
      deals: 0,
      winRate: null,
    });
  });

  it('velocity: completed visits, zero-length visits, open ages, stalls by limit and by p75, the sales cycle', async () => {
    const v = await report<{ stages: object[] }>('velocity', { asOf: AS_OF });
    expect(v).toMatchObject({
      stages: [
        { key: 'lead', count: 4, meanDays: 8.5, medianDays: 6, p75Days: 13, openCount: 2, stalled: 2 },
        { key: 'demo', count: 1, meanDays: 5, medianDays: 5, p75Days: 5, openCount: 2, stalled: 2 },
        { key: 'deal', count: 1, meanDays: 21, medianDays: 21, p75Days: 21, openCount: 1, stalled: 1 },
      ],
      salesCycle: { count: 1, meanDays: 36, medianDays: 36 },
      winRate: 0.5,
    });
    expect((v as unknown as { velocityPerDay: number }).velocityPerDay).toBeCloseTo((5 * 1000 * 0.5) / 36, 9);
  });

  it('velocity: a window counts exits in [from, to), the start included; no visit gives nulls', async () => {
    const v = await report('velocity', { asOf: AS_OF, from: at('2026-02-01'), to: at('2026-03-01') });
    expect(v).toMatchObject({
      stages: [
        { key: 'lead', count: 2, meanDays: 12, medianDays: 12, p75Days: 17, openCount: 2, stalled: 2 },
        {
          key: 'demo',
          count: 0,
          meanDays: null,
          medianDays: null,
          p75Days: null,
          openCount: 2,
          stalled: null,
        },
        { key: 'deal', count: 1, meanDays: 21, openCount: 1, stalled: 1 },
      ],
      salesCycle: { count: 1, meanDays: 36 },
      winRate: 0.5,
    });
  });

  it('changes: every category, one per deal, and start + Σ deltas = end', async () => {
    expect(
      await report('changes', {
        asOf: AS_OF,
        from: at('2026-02-12'),
        to: at('2026-03-18'),
        quarter: '2026Q1',
      }),
    ).toMatchObject({
      periodStart: '2026-01-01',
      periodEnd: '2026-04-01',
      start: 3350,
      end: 2400,
      totals: {
        new: 0,
        pulledIn: 0,
        reopened: 500,
        increased: 0,
        decreased: -500,
        unchanged: 0,
        slipped: -250,
        won: 0,
        lost: 0,
        removed: -700,
      },
      counts: {
        new: 0,
        pulledIn: 0,
        reopened: 1,
        increased: 0,
        decreased: 1,
        unchanged: 1,
        slipped: 1,
        won: 0,
        lost: 0,
        removed: 1,
      },
    });
    const q1 = await report<{ deals: { id: string }[] }>('changes', {
      asOf: AS_OF,
      from: at('2026-01-01'),
      to: at('2026-04-01'),
    });
    // Without a period: the quarter of the window's last day (2026-03-31), i.e. 2026Q1.
    expect(q1).toMatchObject({ periodStart: '2026-01-01', periodEnd: '2026-04-01', start: 0, end: 900 });
    expect(q1.deals.map((d) => d.id).sort()).toEqual(['B', 'G']);
  });

  it('cohorts: by UTC month of creation (an offset can move a deal), won share cumulative up to the as-of month', async () => {
    expect(await report('cohorts', { asOf: AS_OF })).toMatchObject({
      cohorts: [
        {
          month: '2026-01',
          size: 3,
          wonShare: [0, 1 / 3, 1 / 3],
          reachedShare: { lead: 1, demo: 2 / 3, deal: 1 / 3 },
        },
        { month: '2026-02', size: 2, wonShare: [0, 0], reachedShare: { lead: 1, demo: 0.5, deal: 0.5 } },
        { month: '2026-03', size: 1, wonShare: [0], reachedShare: { lead: 1, demo: 1, deal: 0 } },
      ],
    });
  });

  it('attention: the flags in PRODUCT.md order, with the open visit age and the push count', async () => {
    const { deals } = await report<{ deals: { id: string; daysInStage: number }[] }>('attention', {
      asOf: AS_OF,
    });
    expect(
      deals.map(({ id, daysInStage, ...rest }) => ({
        id,
        days: Math.round(daysInStage * 1e9) / 1e9,
        ...rest,
      })),
    ).toMatchObject([
      { id: 'B', stage: 'demo', days: 45, pushCount: 0, flags: ['overdue'] },
      {
        id: 'C',
        stage: 'deal',
        days: Math.round(C_DAYS * 1e9) / 1e9,
        pushCount: 2,
        flags: ['stalled', 'pushed', 'shrunk', 'noNextStep'],
      },
      { id: 'D', stage: 'demo', days: 27, pushCount: 0, flags: ['inactive'] },
      { id: 'G', stage: 'lead', days: 71, pushCount: 0, flags: ['stalled', 'noNextStep'] },
      { id: 'H', stage: 'lead', days: 55, pushCount: 1, flags: ['stalled'] },
    ]);
  });

  it('as-of is exclusive: a row stamped exactly at as-of has not happened yet', async () => {
    // G is won at 2026-04-01T00:00Z: at as-of 2026-03-31 it is open; a millisecond later it is won.
    const before = await report<{ won: number }>('funnel', { asOf: AS_OF });
    const after = await report<{ won: number }>('funnel', { asOf: AS_OF + 1 });
    expect(after.won).toBe(before.won + 1);
  });
});
