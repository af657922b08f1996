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
 *   and ideographic-space next steps (C, G);
 * - mentors: a repeated (deal, mentor) pair whose shares add up (A: 陈志强 20 + 5), a share
 *   of a thousandth of a percent (A: Lee 12.345), a tag on an open deal (C) and on the win
 *   at exactly as-of (G);
 * - quotas: the organisation's, a team's met exactly (gap 0), an owner's in two teams.
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
    (['deals', 'history', 'stages', 'mentors', 'quotas'] as const).map((k) => [
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

  it('mentors: closed deals split by tag, per mentor its closed deals, wins, won amount and share', async () => {
    expect(await report('mentors', { asOf: AS_OF })).toMatchObject({
      mentored: { closed: 1, won: 1, winRate: 1, meanCycleDays: 36 },
      unmentored: { closed: 1, won: 0, winRate: 0, meanCycleDays: null },
    });
    const byName = (r: { mentors: { mentor: string }[] }) =>
      [...r.mentors].sort((a, b) => a.mentor.localeCompare(b.mentor));
    expect(byName(await report('mentors', { asOf: AS_OF }))).toEqual([
      { mentor: 'Lee', deals: 1, won: 1, wonAmount: 1000, shareAmount: 123.45 },
      { mentor: '陈志强', deals: 1, won: 1, wonAmount: 1000, shareAmount: 250 },
    ]);
    // A millisecond later G's win is in: 71 days from 2026-01-20 to 2026-04-01.
    const later = await report<{ mentors: { mentor: string }[] }>('mentors', { asOf: AS_OF + 1 });
    expect(later).toMatchObject({ mentored: { closed: 2, won: 2, winRate: 1, meanCycleDays: 53.5 } });
    expect(byName(later)[0]).toEqual({
      mentor: 'Lee',
      deals: 2,
      won: 2,
      wonAmount: 1400,
      shareAmount: 163.45,
    });
    // A window from 02-05 leaves B's loss (02-01) out; West closed nothing.
    expect(await report('mentors', { asOf: AS_OF, from: at('2026-02-05') })).toMatchObject({
      mentored: { closed: 1, won: 1 },
      unmentored: { closed: 0, won: 0, winRate: null, meanCycleDays: null },
    });
    expect(await report('mentors', { asOf: AS_OF, team: 'West' })).toMatchObject({
      mentored: { closed: 0, winRate: null },
      unmentored: { closed: 0 },
      mentors: [],
    });
  });

  it('forecast: open deals closing in the quarter, won in it, h(s) from the probabilities below 20 closes', async () => {
    // Q1 at as-of: open B (demo, 500, closes 03-20) and G (lead, 400, closes 03-31); won A (1000).
    // C, D, H close in Q2 at as-of; E is deleted; F is created after as-of.
    expect(await report('forecast', { asOf: AS_OF })).toMatchObject({
      quarter: '2026Q1',
      weighted: 500 * 0.3 + 400 * 0.1,
      commit: 1000,
      bestCase: 1000,
      pipeline: 1900,
      historical: 1000 + 190,
      quota: 3000,
      coverage: 900 / 2000,
      gapPlan: [
        { stage: 'lead', deals: 2000 / 1000 / 0.1, amount: 20000 },
        { stage: 'demo', deals: expect.closeTo(2000 / 1000 / 0.3, 9), amount: expect.closeTo(2000 / 0.3, 6) },
        { stage: 'deal', deals: expect.closeTo(2000 / 1000 / 0.6, 9), amount: expect.closeTo(2000 / 0.6, 6) },
      ],
    });
    // Q2: C (deal, commit, 1500 after its shrink), D (demo, 300), H (lead, 250); G's win at
    // exactly as-of has not happened yet, so nothing is won in Q2.
    expect(await report('forecast', { asOf: AS_OF, quarter: '2026Q2' })).toMatchObject({
      quarter: '2026Q2',
      weighted: 1500 * 0.6 + 300 * 0.3 + 250 * 0.1,
      commit: 1500,
      bestCase: 1500,
      pipeline: 2050,
      quota: 5000,
      coverage: 2050 / 5000,
    });
  });

  it('forecast: the quota of exactly the scope; a gap of 0 or no quota has no coverage and no plan', async () => {
    // East's team row is met exactly: gap 0.
    expect(await report('forecast', { asOf: AS_OF, team: 'East' })).toMatchObject({
      pipeline: 1900,
      quota: 1000,
      coverage: null,
      gapPlan: [],
    });
    // West has no team row of its own; Ann's rows of both teams add up.
    expect(await report('forecast', { asOf: AS_OF, team: 'West' })).toMatchObject({
      quota: null,
      coverage: null,
      gapPlan: [],
    });
    expect(await report('forecast', { asOf: AS_OF, owner: 'Ann' })).toMatchObject({
      pipeline: 1400,
      quota: 1500,
      coverage: 400 / 500,
    });
    // Ann in West: only E, deleted before as-of: nothing won (m null: no deals needed), nothing open.
    expect(await report('forecast', { asOf: AS_OF, owner: 'Ann', team: 'West' })).toMatchObject({
      pipeline: 0,
      quota: 300,
      coverage: 0,
      gapPlan: [
        { stage: 'lead', deals: null, amount: 3000 },
        { stage: 'demo', deals: null, amount: expect.closeTo(1000, 6) },
        { stage: 'deal', deals: null, amount: expect.closeTo(500, 6) },
      ],
    });
  });

  it('as-of is exclusive: a row stamped exactly at as-of has not happened yet', async () => {
    // G is won at 2026-04-01T00:00Z: at as-of 2026-03-31 it is open; a millisecond later it is won.
    const before = await report<{ won: number }>('funnel', { asOf: AS_OF });
    const after = await report<{ won: number }>('funnel', { asOf: AS_OF + 1 });
    expect(after.won).toBe(before.won + 1);
  });
});
