import { beforeEach, describe, expect, it } from 'vitest';
import type { AnalyticsSettings } from '@shared/contract';
import type { Workback, WorkbackInput, WorkbackStage } from '@shared/contract/forecast-workback';
import { DEFAULT_STAGES, openStages } from '@shared/domain/stages';
import { parseAsOf } from '@shared/time';
import { lowConversionGap } from '@backend/forecast/workback/conversion';
import { diagnose, type RowFigures } from '@backend/forecast/workback/diagnosis';
import { parsePeriod } from '@backend/forecast/workback/period';
import type { Registry } from '@backend/registry';
import { call } from '../analytics/support';
import { many, quota, WON_PATH, workbackWorkspace } from './workback-support';

/**
 * The diagnosis on a hand-made workspace, as of the end of 2026-06-30, for 2026Q3:
 *
 * East, Ann: 10 wins (created 2026-01-05, won 30 days later), 26 open deals created 2026-05-01.
 * East, Bob: 2 wins like Ann's, 8 deals lost after 方案交流, 26 open deals created 2026-05-01.
 * West, Cy: 1 win, 9 deals lost after 方案交流, 13 open deals created 2026-05-01.
 * The open deals are due in December: nothing is due in Q3, so every target needs new deals.
 *
 * Conversion 方案交流 → 报价比选 (deals created in the year): Ann 10/10, Bob 2/10, East 12/20,
 * West 1/10, the organisation 13/30. Need → solution is 10/36 for each East rep and East,
 * 10/23 for West and 30/95 for the organisation: never 20% apart.
 */
const AS_OF = parseAsOf('2026-06-30')!;
const LOST_AFTER_SOLUTION: [string, string][] = [
  ['need', '2026-01-05'],
  ['solution', '2026-01-10'],
  ['lost', '2026-01-20'],
];
const OPEN_NEED = { path: [['need', '2026-05-01']] as [string, string][], close: '2026-12-15', amount: 1000 };
const DEALS = [
  ...many(10, 'AW', { owner: 'Ann', team: 'East', path: WON_PATH('2026-01-05', '2026-02-04'), amount: 1000 }),
  ...many(26, 'AO', { owner: 'Ann', team: 'East', ...OPEN_NEED }),
  ...many(2, 'BW', { owner: 'Bob', team: 'East', path: WON_PATH('2026-01-05', '2026-02-04'), amount: 1000 }),
  ...many(8, 'BL', { owner: 'Bob', team: 'East', path: LOST_AFTER_SOLUTION, amount: 1000 }),
  ...many(26, 'BO', { owner: 'Bob', team: 'East', ...OPEN_NEED }),
  ...many(1, 'CW', { owner: 'Cy', team: 'West', path: WON_PATH('2026-01-05', '2026-02-04'), amount: 1000 }),
  ...many(9, 'CL', { owner: 'Cy', team: 'West', path: LOST_AFTER_SOLUTION, amount: 1000 }),
  ...many(13, 'CO', { owner: 'Cy', team: 'West', ...OPEN_NEED }),
];
const QUOTAS = [
  quota('2026Q3', 'East', '', 11_000),
  quota('2026Q3', 'East', 'Ann', 1000),
  quota('2026Q3', 'East', 'Bob', 10_000),
];

let run: (input: WorkbackInput) => Promise<Workback>;
let registry: Registry;
beforeEach(async () => {
  ({ run, registry } = await workbackWorkspace(DEALS, QUOTAS));
});
const workback = (input: Partial<WorkbackInput>) => run({ asOf: AS_OF, period: '2026Q3', ...input });
const codes = (w: { findings: { code: string; stage: string | null }[] }) =>
  w.findings.map((f) => (f.stage ? `${f.code}:${f.stage}` : f.code));

describe("the work-back's diagnosis", () => {
  it("names each rep's lead shortage and weak stage against the team, in both languages", async () => {
    const w = await workback({ team: 'East' });
    const [ann, bob] = w.rows;
    expect(codes(w)).toEqual(['new_deals_on_pace']);
    expect(codes(ann!)).toEqual(['new_deals_on_pace']);
    expect(codes(bob!)).toEqual(['too_few_new_deals', 'low_conversion:solution']);

    // Bob: 10,000 at c = 0.10 (10 closes: the stage probability) and m = 1,000 is 100 deals,
    // created by 2026-09-01 (the quarter's end − 30 days), 62 days after as-of.
    expect(bob!.newDeals.needed).toBeCloseTo(100, 9);
    expect(bob!.newDeals.perWeek).toBeCloseTo(100 / (62 / 7), 9);
    expect(bob!.newDeals.recentPerWeek).toBe(2);
    expect(bob!.findings[0]!.words).toEqual({
      en: 'Too few new deals: need 11 a week until 2026-09-01, creating 2.0 a week (last 13 weeks) → work on lead generation (finding and qualifying customers).',
      zh: '新商机不足：到 2026-09-01 前每周需新建 11 个，近 13 周每周仅新建 2.0 个 → 加强客户识别/线索开发。',
    });
    const solution = bob!.stages.find((s) => s.stage === 'solution')!;
    expect([solution.conversion, solution.benchmark, solution.reached]).toEqual([0.2, 0.6, 10]);
    expect(bob!.findings[1]).toEqual({
      code: 'low_conversion',
      stage: 'solution',
      figures: { conversion: 0.2, benchmark: 0.6, reached: 10 },
      words: {
        en: "Conversion from Solution exchange to Proposal & comparison is 20% against the team's 60% (10 deals reached Solution exchange) → coach at Solution exchange.",
        zh: '方案交流→报价比选转化率 20%，低于团队的 60%（10 个商机到达方案交流）→ 在方案交流阶段开展辅导。',
      },
    });
    // Ann: 10 deals by 2026-09-01 against 2 a week created.
    expect(ann!.newDeals.perWeek).toBeCloseTo(10 / (62 / 7), 9);
    expect(ann!.findings[0]!.words.en).toBe(
      'New deals on pace: need 1.1 a week until 2026-09-01, creating 2.0 a week (last 13 weeks).',
    );
    expect(ann!.findings[0]!.words.zh).toBe(
      '新商机节奏达标：到 2026-09-01 前每周需新建 1.1 个，近 13 周每周新建 2.0 个。',
    );
  });

  it("judges a team against the organisation's conversion, and a team without a quota asks for a target", async () => {
    const w = await workback({ target: 20_000 });
    const [east, west] = w.rows;
    expect([east!.team, east!.benchmark, east!.target, east!.targetSource]).toEqual([
      'East',
      'organisation',
      20_000,
      'share',
    ]);
    // East: 20,000 at h(need) = 12/20 is 33.3 deals in 62 days, 3.8 a week against 4 created.
    expect(east!.newDeals.needed).toBeCloseTo(20_000 / 1000 / 0.6, 9);
    expect(codes(east!)).toEqual(['new_deals_on_pace']);
    expect([west!.team, west!.status]).toEqual(['West', 'needsTarget']);
    expect(codes(west!)).toEqual(['needs_target', 'low_conversion:solution']);
    expect(west!.findings[1]!.words.en).toBe(
      "Conversion from Solution exchange to Proposal & comparison is 10% against the organisation's 43% (10 deals reached Solution exchange) → coach at Solution exchange.",
    );
    expect(west!.findings[1]!.words.zh).toBe(
      '方案交流→报价比选转化率 10%，低于全公司的 43%（10 个商机到达方案交流）→ 在方案交流阶段开展辅导。',
    );
    // The organisation: 20,000 at c = h(need) = 13/30 is 46.2 deals by 2026-09-01, against 65 in 13 weeks.
    expect(w.newDeals.needed).toBeCloseTo(20_000 / 1000 / (13 / 30), 9);
    expect(w.newDeals.recentPerWeek).toBe(5);
    expect(w.findings[0]!.words.en).toContain('need 5.2 a week until 2026-09-01, creating 5.0 a week');
  });

  it('judges the organisation against the benchmark rates set for the funnel', async () => {
    expect(codes(await workback({ target: 20_000 }))).toEqual(['too_few_new_deals']);
    const settings = await call<AnalyticsSettings>(registry, 'analytics.settings', {});
    await call(registry, 'analytics.saveSettings', {
      ...settings,
      benchmarks: { ...settings.benchmarks, solution: 0.9 },
    });
    const w = await workback({ target: 20_000 });
    expect(w.benchmark).toBe('settings');
    expect(codes(w)).toEqual(['too_few_new_deals', 'low_conversion:solution']);
    expect(w.findings[1]!.words.en).toContain('is 43% against the benchmark 90%');
    expect(w.findings[1]!.words.zh).toContain('低于基准的 90%');
  });
});

describe('what counts as low conversion', () => {
  it('is at least 20% below the benchmark, on at least 5 deals that reached the stage', () => {
    expect(lowConversionGap(0.4, 5, 0.5)).toBeCloseTo(0.2, 12); // exactly 20% below: low
    expect(lowConversionGap(0.41, 5, 0.5)).toBeNull();
    expect(lowConversionGap(0.4, 4, 0.5)).toBeNull(); // too few deals to call it
    expect(lowConversionGap(0, 5, 0.5)).toBe(1);
    expect(lowConversionGap(0.1, 5, null)).toBeNull();
    expect(lowConversionGap(0, 5, 0)).toBeNull();
    expect(lowConversionGap(null, 50, 0.5)).toBeNull();
  });

  it('names the weakest stage first, and the last stage as converting to won', () => {
    const open = openStages(DEFAULT_STAGES);
    const stage = (key: string, conversion: number, benchmark: number): WorkbackStage => ({
      stage: key,
      h: 0.5,
      hSource: 'history',
      needDeals: 1,
      needAmount: 1,
      haveDeals: 1,
      haveAmount: 1,
      shortDeals: 0,
      shortAmount: 0,
      conversion,
      reached: 20,
      benchmark,
    });
    const figures: RowFigures = {
      period: parsePeriod('2026Q3'),
      asOf: AS_OF,
      open,
      won: DEFAULT_STAGES.find((s) => s.kind === 'won'),
      target: 100,
      wonAmount: 100,
      gap: 0,
      expected: 0,
      stages: [
        stage('need', 0.5, 0.5),
        stage('solution', 0.3, 0.5), // 40% below
        stage('proposal', 0.45, 0.5), // 10% below: not low
        stage('negotiation', 0.5, 0.5),
        stage('contract', 0.2, 0.5), // 60% below
      ],
      newDeals: {
        uncovered: 0,
        conversion: 0.5,
        meanWon: 1,
        cycleDays: 30,
        lastCreationDay: '2026-09-01',
        creationWeeks: 8,
        needed: 0,
        perWeek: 0,
        recentPerWeek: 1,
        shortPerWeek: 0,
      },
      benchmark: 'team',
    };
    const findings = diagnose(figures);
    expect(findings.map((f) => f.stage ?? f.code)).toEqual(['covered', 'contract', 'solution']);
    expect(findings[1]!.words.en).toContain('Conversion from Contract to Won is 20%');
    expect(findings[1]!.words.zh).toContain('合同签署→赢单转化率 20%');
  });
});
