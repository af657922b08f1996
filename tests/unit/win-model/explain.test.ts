import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { formatMessage } from '@shared/messages';
import type { Snapshot } from '@backend/analytics/snapshot';
import type { StageView } from '@backend/analytics/stage-view';
import { explain, words } from '@backend/forecast/win-model/explain';
import type { NUMERIC_FEATURES } from '@backend/forecast/win-model/features';
import { featureNames, type DealFacts } from '@backend/forecast/win-model/features';
import type { WinModel } from '@backend/forecast/win-model/train';

/** A deal's factors in words, in English and Chinese, and their effects adding up to its log-odds. */
const snapshot = { dictionaries: { owner: { values: ['王伟', 'Ann Lee'] } } } as unknown as Snapshot;
const open = DEFAULT_STAGES.filter((s) => s.kind === 'open').sort((a, b) => a.order - b.order);
const view = {
  open,
  stage: open,
  kind: new Uint8Array(open.length).fill(1),
  rank: Int32Array.from(open, (_, i) => i),
} as unknown as StageView;

const facts: DealFacts = {
  rank: 2,
  stageCode: 2,
  daysInStage: 37.6,
  pushes: 3,
  amountCents: 8_000_000,
  firstAmountCents: 10_000_000,
  idleDays: 12.2,
  owner: 0,
  ownerClosed: 40,
  ownerWon: 18,
  orgRate: 0.3,
  mentors: ['陈志强'],
  approvedPlans: 1,
  contacts: 4,
  daysToClose: -9,
  ageDays: 120.4,
};

const say = (name: (typeof NUMERIC_FEATURES)[number], f: DealFacts = facts) => {
  const ref = words(snapshot, name, f);
  return [formatMessage(ref, 'en'), formatMessage(ref, 'zh-CN')];
};

describe('the factors in words', () => {
  it('say what the deal’s history said, in both languages', () => {
    expect(say('daysInStage')).toEqual(['38 days in the current stage', '在当前阶段已停留 38 天']);
    expect(say('pushes')).toEqual(['Close date pushed out 3 time(s)', '预计成交日期已推迟 3 次']);
    expect(say('pushes', { ...facts, pushes: 0 })).toEqual([
      'Close date never pushed out',
      '预计成交日期从未推迟',
    ]);
    expect(say('amountChange')).toEqual(['Amount down 20% since first entered', '金额较最初录入下调 20%']);
    expect(say('amountChange', { ...facts, amountCents: 15_000_000 })).toEqual([
      'Amount up 50% since first entered',
      '金额较最初录入上调 50%',
    ]);
    expect(say('amountChange', { ...facts, amountCents: 10_000_000 })[0]).toBe(
      'Amount unchanged since first entered',
    );
    expect(say('amount')).toEqual(['Deal size 80,000', '商机金额 80,000']);
    expect(say('idleDays')).toEqual(['Last change on record 12 days ago', '最近一次记录变更在 12 天前']);
    expect(say('ownerWinRate')).toEqual([
      'Owner 王伟 won 45% of 40 closed deals (everyone: 30%)',
      '负责人王伟已结束的 40 个商机赢单率 45%（整体 30%）',
    ]);
    expect(say('ownerWinRate', { ...facts, owner: 1, ownerClosed: 0, ownerWon: 0 })[0]).toBe(
      'Owner Ann Lee has no closed deals yet (everyone: 30%)',
    );
    expect(say('mentored')).toEqual(['Mentored by 陈志强', '有师父带单：陈志强']);
    expect(say('mentored', { ...facts, mentors: [] })).toEqual(['No mentor on the deal', '无师父带单']);
    expect(say('approvedPlan')).toEqual(['1 pre-call plan(s) approved', '已有 1 份获批的访前计划']);
    expect(say('approvedPlan', { ...facts, approvedPlans: 0 })[1]).toBe('没有获批的访前计划');
    expect(say('contacts')[1]).toBe('采购决策链中已记录 4 位联系人');
    expect(say('daysToClose')).toEqual(['Close date passed 9 days ago', '预计成交日期已过 9 天']);
    expect(say('daysToClose', { ...facts, daysToClose: 20 })).toEqual([
      'Expected to close in 20 days',
      '预计 20 天后成交',
    ]);
    expect(say('daysToClose', { ...facts, daysToClose: Number.NaN })[0]).toBe('No close date');
    expect(say('dealAge')).toEqual(['Created 120 days ago', '创建于 120 天前']);
  });

  it('rank the factors by the size of their effect, the stage as one factor named in each language', () => {
    const names = featureNames(view);
    const p = names.length;
    // Coefficients chosen so the order is known: pushes weighs most, then the stage, then the owner.
    const coef = new Float64Array(p);
    coef[names.indexOf('stage:proposal')] = 0.5;
    coef[names.indexOf('pushes')] = -0.9;
    coef[names.indexOf('ownerWinRate')] = 0.3;
    coef[names.indexOf('dealAge')] = 0.01;
    const model = {
      names,
      fit: {
        mean: new Float64Array(p),
        sd: new Float64Array(p).fill(1),
        coef,
        intercept: -1,
        iterations: 1,
        converged: true,
      },
    } as unknown as WinModel;
    const row = new Float64Array(p);
    row[names.indexOf('stage:proposal')] = 1;
    row[names.indexOf('pushes')] = 3;
    row[names.indexOf('ownerWinRate')] = 0.6;
    row[names.indexOf('dealAge')] = 4.8;
    const factors = explain(snapshot, view, model, facts, row, 3);
    expect(factors.map((f) => f.factor)).toEqual(['pushes', 'stage', 'ownerWinRate']);
    expect(factors[0]!.effect).toBeCloseTo(-2.7, 12);
    expect(factors[1]!.words).toEqual({
      en: 'In stage Proposal & comparison (stage probability 45%)',
      zh: '处于“报价比选”阶段（阶段赢率 45%）',
    });
    // All factors together: intercept + Σ effects is the deal's log-odds.
    const all = explain(snapshot, view, model, facts, row, 100);
    const logOdds = -1 + 0.5 + -0.9 * 3 + 0.3 * 0.6 + 0.01 * 4.8;
    expect(-1 + all.reduce((sum, f) => sum + f.effect, 0)).toBeCloseTo(logOdds, 12);
  });
});
