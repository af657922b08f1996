import { beforeEach, describe, expect, it } from 'vitest';
import type { ForecastReport } from '@shared/contract';
import type { Workback, WorkbackInput, WorkbackStage } from '@shared/contract/forecast-workback';
import { parseAsOf } from '@shared/time';
import type { Registry } from '@backend/registry';
import { call } from '../analytics/support';
import { deal, many, quota, WON_PATH, workbackWorkspace } from './workback-support';

/**
 * Working back from the target on a hand-made workspace whose every figure is worked out
 * below by hand. As of the end of 2026-10-10 (2026-10-11 00:00), in the year before:
 *
 * East, Ann: 10 wins of 1,000 (9 won in May, one on 2026-10-05; each 61 days from creation),
 *   30 losses in need; open: 4 × 1,000 in need due 2026-12-15, one of 500 in need overdue
 *   (due 2026-08-01), one of 5,000 in need due 2027-02-01.
 * East, Bob: open, due 2026-12-15: 2 × 2,000 in proposal, 1 × 3,000 in contract; no close.
 * West, Cy: open, due 2026-12-15: 2 × 700 in need.
 *
 * So for East: h(need) = 10 / 40 = 0.25 (40 closes); the later stages have 10 closes (< 20),
 * so their stage probabilities 0.25, 0.45, 0.65, 0.85; m = 1,000; the cycle 61 days.
 */
const AS_OF = parseAsOf('2026-10-10')!;
const EAST = [
  ...many(9, 'AW', { owner: 'Ann', team: 'East', path: WON_PATH('2026-03-01', '2026-05-01'), amount: 1000 }),
  deal({ id: 'AQ', owner: 'Ann', team: 'East', path: WON_PATH('2026-08-05', '2026-10-05'), amount: 1000 }),
  ...many(30, 'AL', {
    owner: 'Ann',
    team: 'East',
    path: [
      ['need', '2026-03-01'],
      ['lost', '2026-04-01'],
    ],
    amount: 500,
  }),
  ...many(4, 'AO', {
    owner: 'Ann',
    team: 'East',
    path: [['need', '2026-09-01']],
    close: '2026-12-15',
    amount: 1000,
  }),
  deal({
    id: 'AD',
    owner: 'Ann',
    team: 'East',
    path: [['need', '2026-06-01']],
    close: '2026-08-01',
    amount: 500,
  }),
  deal({
    id: 'AN',
    owner: 'Ann',
    team: 'East',
    path: [['need', '2026-09-01']],
    close: '2027-02-01',
    amount: 5000,
  }),
  ...many(2, 'BP', {
    owner: 'Bob',
    team: 'East',
    path: [
      ['need', '2026-09-01'],
      ['solution', '2026-09-05'],
      ['proposal', '2026-09-10'],
    ],
    close: '2026-12-15',
    amount: 2000,
  }),
  deal({
    id: 'BC',
    owner: 'Bob',
    team: 'East',
    path: [
      ['need', '2026-09-01'],
      ['solution', '2026-09-02'],
      ['proposal', '2026-09-03'],
      ['negotiation', '2026-09-04'],
      ['contract', '2026-09-05'],
    ],
    close: '2026-12-15',
    amount: 3000,
  }),
];
const WEST = many(2, 'CO', {
  owner: 'Cy',
  team: 'West',
  path: [['need', '2026-09-15']],
  close: '2026-12-15',
  amount: 700,
});
const QUOTAS = [
  quota('2026Q3', 'East', '', 15_000),
  quota('2026Q4', 'East', '', 20_000),
  quota('2026Q4', 'East', 'Ann', 12_000),
  quota('2026Q4', 'East', 'Bob', 8_000),
  quota('2026Q4', 'East', 'Dee', 3_000),
  quota('2026Q4', 'West', '', 5_000),
];
const H = [0.25, 0.25, 0.45, 0.65, 0.85];
const STAGES = ['need', 'solution', 'proposal', 'negotiation', 'contract'];

let run: (input: WorkbackInput) => Promise<Workback>;
let registry: Registry;
// A fresh workspace per test (support.ts closes them after each).
beforeEach(async () => {
  ({ run, registry } = await workbackWorkspace([...EAST, ...WEST], QUOTAS));
});
const workback = (input: Partial<WorkbackInput>) => run({ asOf: AS_OF, period: '2026Q4', ...input });
const column = <K extends keyof WorkbackStage>(w: { stages: WorkbackStage[] }, key: K) =>
  w.stages.map((s) => s[key]);

describe('working back from a quarter target', () => {
  it('needs per stage gap / m / h(s) deals and gap / h(s) now, against what each stage holds due in the quarter', async () => {
    const w = await workback({ team: 'East' });
    expect(w).toMatchObject({
      status: 'ready',
      period: '2026Q4',
      kind: 'quarter',
      periodStart: '2026-10-01',
      periodEnd: '2027-01-01',
      target: 20_000,
      targetSource: 'quota',
      quotaQuarters: ['2026Q4'],
      won: 1000,
      gap: 19_000,
      benchmark: 'organisation',
    });
    expect(w.weeksLeft).toBeCloseTo(82 / 7, 12);
    expect(column(w, 'stage')).toEqual(STAGES);
    expect(column(w, 'h')).toEqual(H);
    expect(column(w, 'hSource')).toEqual([
      'history',
      'probability',
      'probability',
      'probability',
      'probability',
    ]);
    H.forEach((h, r) => {
      expect(w.stages[r]!.needDeals).toBeCloseTo(19_000 / 1000 / h, 9);
      expect(w.stages[r]!.needAmount).toBeCloseTo(19_000 / h, 6);
    });
    // The overdue deal and the one due in 2027 are not due in the quarter.
    expect(column(w, 'haveDeals')).toEqual([4, 0, 2, 0, 1]);
    expect(column(w, 'haveAmount')).toEqual([4000, 0, 4000, 0, 3000]);
    expect(w.stages[0]!.shortDeals).toBeCloseTo(72, 9);
    expect(w.stages[0]!.shortAmount).toBeCloseTo(72_000, 6);
    expect(w.stages[2]!.shortDeals).toBeCloseTo(19 / 0.45 - 2, 9);
    // 4,000 × 0.25 + 4,000 × 0.45 + 3,000 × 0.85
    expect(w.expected).toBeCloseTo(5350, 9);
  });

  it('agrees with the forecast report: gapPlan stage for stage, and won + expected is the historical figure', async () => {
    for (const scope of [{ team: 'East' }, { team: 'East', owner: 'Ann' }, { team: 'West' }]) {
      const w = await workback(scope);
      const f = await call<ForecastReport>(registry, 'report.forecast', {
        asOf: AS_OF,
        quarter: '2026Q4',
        ...scope,
      });
      expect(f.gapPlan.length).toBe(5);
      expect(w.stages.map((s) => ({ stage: s.stage, deals: s.needDeals, amount: s.needAmount }))).toEqual(
        f.gapPlan,
      );
      expect([w.target, w.won, w.gap]).toEqual([f.quota, f.wonAmount, f.gap]);
      expect(w.stages.map((s) => s.h)).toEqual(f.winRates.map((r) => r.h));
      expect(w.newDeals.meanWon).toBe(f.meanWonAmount);
      expect(w.won + w.expected).toBeCloseTo(f.historical, 6);
      expect(w.stages.reduce((sum, s) => sum + s.haveAmount, 0)).toBeCloseTo(f.openAmount, 6);
    }
  });

  it('spreads the new deals the pipeline does not cover over the weeks in which they still close in time', async () => {
    const w = await workback({ team: 'East' });
    const n = w.newDeals;
    // Uncovered 19,000 − 5,350 = 13,650: 13.65 wins of 1,000 at c = h(need) = 0.25.
    expect(n.uncovered).toBeCloseTo(13_650, 6);
    expect(n.conversion).toBe(0.25);
    expect(n.needed).toBeCloseTo(54.6, 9);
    // A new deal takes 61 days: the last worth creating is on 2027-01-01 − 61 days, 3 weeks after as-of.
    expect(n.cycleDays).toBe(61);
    expect(n.lastCreationDay).toBe('2026-11-01');
    expect(n.creationWeeks).toBeCloseTo(3, 12);
    expect(n.perWeek).toBeCloseTo(18.2, 9);
    // Created in the 13 weeks before as-of: the October win, Ann's 5 open since September, Bob's 3.
    expect(n.recentPerWeek).toBeCloseTo(9 / 13, 12);
    expect(n.shortPerWeek).toBeCloseTo(18.2 - 9 / 13, 9);
    expect(w.findings.map((f) => f.code)).toEqual(['too_few_new_deals']);
    expect(w.findings[0]!.words).toEqual({
      en: 'Too few new deals: need 18 a week until 2026-11-01, creating 0.7 a week (last 13 weeks) → work on lead generation (finding and qualifying customers).',
      zh: '新商机不足：到 2026-11-01 前每周需新建 18 个，近 13 周每周仅新建 0.7 个 → 加强客户识别/线索开发。',
    });
  });

  it('says there is no time left for new deals when the cycle is longer than the weeks to the end', async () => {
    // As of the end of 2026-11-05: 56 days left, the cycle is 61.
    const w = await workback({ team: 'East', asOf: parseAsOf('2026-11-05')! });
    expect(w.newDeals.creationWeeks).toBe(0);
    expect(w.newDeals.perWeek).toBeNull();
    expect(w.newDeals.needed).toBeGreaterThan(0);
    expect(w.findings[0]).toMatchObject({
      code: 'too_late_for_new_deals',
      figures: { cycleDays: 61, daysLeft: 56 },
    });
    expect(w.findings[0]!.words.en).toContain(
      'a deal takes 61 days from creation to won (median) and 56 days are left',
    );
    expect(w.findings[0]!.words.zh).toContain('周期中位数为 61 天，仅剩 56 天');
  });

  it('needs nothing once the target is won, and says it is covered', async () => {
    const w = await workback({ team: 'East', target: 500 });
    expect(w).toMatchObject({ status: 'ready', target: 500, targetSource: 'input', gap: -500 });
    expect(column(w, 'needDeals')).toEqual([0, 0, 0, 0, 0]);
    expect(column(w, 'needAmount')).toEqual([0, 0, 0, 0, 0]);
    expect(column(w, 'shortAmount')).toEqual([0, 0, 0, 0, 0]);
    expect(w.newDeals).toMatchObject({ uncovered: 0, needed: 0, perWeek: 0, shortPerWeek: 0 });
    expect(w.findings).toEqual([
      {
        code: 'covered',
        stage: null,
        figures: { won: 1000, target: 500 },
        words: {
          en: 'Target reached: 1.00K won against a target of 500; nothing more is needed.',
          zh: '目标已达成：已赢单 1000，目标 500，无需更多商机。',
        },
      },
    ]);
  });

  it('says the pipeline covers a gap its expected wins reach, and asks for no new deals', async () => {
    // Gap 5,350 = what the open deals due in the quarter are expected to win.
    const w = await workback({ team: 'East', target: 6350 });
    expect(w.gap).toBe(5350);
    expect(w.stages[0]!.needDeals).toBeCloseTo(5350 / 1000 / 0.25, 9);
    expect(w.newDeals).toMatchObject({ uncovered: 0, needed: 0, perWeek: 0 });
    expect(w.findings[0]).toMatchObject({ code: 'covered', figures: { gap: 5350 } });
    expect(w.findings[0]!.words.en).toBe(
      'Enough pipeline: the open deals due by 2026-12-31 are expected to win 5.35K, which covers the gap of 5.35K.',
    );
    expect(w.findings[0]!.words.zh).toBe(
      '商机充足：2026-12-31 前到期的在途商机预计赢单 5350，可覆盖差额 5350。',
    );
  });

  it('asks for a target when there is none and no quota of exactly the scope, keeping what the scope holds', async () => {
    const w = await workback({});
    expect(w).toMatchObject({
      status: 'needsTarget',
      target: null,
      targetSource: null,
      gap: null,
      benchmark: 'settings',
    });
    expect(column(w, 'needDeals')).toEqual([null, null, null, null, null]);
    expect(column(w, 'shortAmount')).toEqual([null, null, null, null, null]);
    expect(column(w, 'haveDeals')).toEqual([6, 0, 2, 0, 1]);
    expect(w.newDeals).toMatchObject({ uncovered: null, needed: null, perWeek: null });
    expect(w.findings[0]).toEqual({
      code: 'needs_target',
      stage: null,
      figures: {},
      words: {
        en: 'No quota is set for 2026Q4 in this scope: enter a target to work back from.',
        zh: '本范围 2026Q4 未设置配额：请输入目标后再倒推。',
      },
    });
    // The teams still work back from their own quotas.
    expect(w.breakdown).toBe('team');
    expect(w.rows.map((r) => [r.team, r.status, r.target, r.targetSource])).toEqual([
      ['East', 'ready', 20_000, 'quota'],
      ['West', 'ready', 5000, 'quota'],
    ]);
  });

  it("splits the organisation's target over the teams in proportion to their quotas", async () => {
    const w = await workback({ target: 50_000 });
    expect(w).toMatchObject({
      status: 'ready',
      target: 50_000,
      targetSource: 'input',
      won: 1000,
      gap: 49_000,
    });
    expect(w.rows.map((r) => [r.team, r.target, r.targetSource])).toEqual([
      ['East', 40_000, 'share'],
      ['West', 10_000, 'share'],
    ]);
  });

  it("lists each rep of a team with the rep's own work-back, a quota without deals included", async () => {
    const w = await workback({ team: 'East' });
    expect(w.breakdown).toBe('owner');
    expect(w.rows.map((r) => [r.owner, r.target, r.won, r.gap])).toEqual([
      ['Ann', 12_000, 1000, 11_000],
      ['Bob', 8000, 0, 8000],
      ['Dee', 3000, 0, 3000],
    ]);
    const [ann, bob, dee] = w.rows;
    expect(ann!.benchmark).toBe('team');
    expect(column(ann!, 'haveDeals')).toEqual([4, 0, 0, 0, 0]);
    expect(ann!.newDeals.needed).toBeCloseTo(40, 9); // (11,000 − 1,000) / 1,000 / 0.25
    expect(ann!.newDeals.perWeek).toBeCloseTo(40 / 3, 9);
    expect(ann!.newDeals.recentPerWeek).toBeCloseTo(6 / 13, 12);
    expect(ann!.findings.map((f) => f.code)).toEqual(['too_few_new_deals']);
    // Bob never closed a deal: stage probabilities, no m, so amounts only.
    expect(column(bob!, 'h')).toEqual([0.1, 0.25, 0.45, 0.65, 0.85]);
    expect(column(bob!, 'needDeals')).toEqual([null, null, null, null, null]);
    expect(bob!.stages[0]!.needAmount).toBeCloseTo(80_000, 6);
    expect(bob!.expected).toBeCloseTo(4350, 9);
    expect(bob!.newDeals).toMatchObject({ needed: null, perWeek: null, cycleDays: null });
    expect(bob!.newDeals.uncovered).toBeCloseTo(3650, 9);
    expect(bob!.findings.map((f) => f.code)).toEqual(['no_won_history']);
    expect(bob!.findings[0]!.words.zh).toBe('近 365 天没有赢单：无法推算所需商机数，只能给出金额。');
    expect(column(dee!, 'haveDeals')).toEqual([0, 0, 0, 0, 0]);
    expect(dee!.newDeals.recentPerWeek).toBe(0);
    // A rep has no rows below.
    const alone = await workback({ team: 'East', owner: 'Ann' });
    expect([alone.breakdown, alone.rows]).toEqual([null, []]);
  });
});

describe('working back from a year target', () => {
  it("sums the year's quarter quotas of the scope, its wins and its open deals due in any of its quarters", async () => {
    const w = await workback({ team: 'East', period: '2026' });
    expect(w).toMatchObject({
      kind: 'year',
      periodStart: '2026-01-01',
      periodEnd: '2027-01-01',
      target: 35_000,
      quotaQuarters: ['2026Q3', '2026Q4'],
      won: 10_000,
      gap: 25_000,
    });
    // The overdue deal was due in Q3: it is in the year's pipeline.
    expect(column(w, 'haveDeals')).toEqual([5, 0, 2, 0, 1]);
    expect(column(w, 'haveAmount')).toEqual([4500, 0, 4000, 0, 3000]);
    expect(w.stages[0]!.needDeals).toBeCloseTo(100, 9);
    expect(w.expected).toBeCloseTo(5475, 9);
    expect(w.newDeals.needed).toBeCloseTo(19_525 / 1000 / 0.25, 9);
    expect(w.newDeals.creationWeeks).toBeCloseTo(3, 12);
  });

  it('asks for a target for a year without quotas, and works back from one given', async () => {
    expect((await workback({ team: 'East', period: '2027' })).status).toBe('needsTarget');
    const w = await workback({ team: 'East', period: '2027', target: 10_000 });
    expect(w).toMatchObject({ status: 'ready', won: 0, gap: 10_000, quotaQuarters: [] });
    expect(column(w, 'haveDeals')).toEqual([1, 0, 0, 0, 0]);
    // The last day worth creating a deal on is 2028-01-01 − 61 days; 386 days after as-of.
    expect(w.newDeals.lastCreationDay).toBe('2027-11-01');
    expect(w.newDeals.creationWeeks).toBeCloseTo(386 / 7, 12);
    // (10,000 − 5,000 × 0.25) / 1,000 / 0.25 = 35 deals over 55.1 weeks: 0.63 a week, 0.69 created.
    expect(w.newDeals.perWeek).toBeCloseTo(35 / (386 / 7), 9);
    expect(w.findings.map((f) => f.code)).toEqual(['new_deals_on_pace']);
  });
});

describe('the input', () => {
  it('is refused with the field named when the period is neither a quarter nor a year', async () => {
    await expect(workback({ period: 'Q4 2026' })).rejects.toThrow(/period/);
    await expect(workback({ period: '2026Q5' })).rejects.toThrow(/period/);
    await expect(workback({ target: -1 })).rejects.toThrow(/target/);
  });
});
