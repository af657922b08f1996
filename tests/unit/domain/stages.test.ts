import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGES, openStages, stageLabel, type Stage } from '../../../src/shared/domain/stages';

describe('default stage model (PRODUCT.md "Default stage model")', () => {
  it('is the table of buying-process stages, in order', () => {
    expect(
      DEFAULT_STAGES.map((s) => [
        s.order,
        s.key,
        s.nameZh,
        s.nameEn,
        s.kind,
        s.probability,
        s.dwellLimitDays,
        s.followupDays,
        s.buyingPhase,
      ]),
    ).toEqual([
      [1, 'need', '需求确认', 'Need confirmed', 'open', 0.1, 14, 7, '需求认知 Need awareness'],
      [2, 'solution', '方案交流', 'Solution exchange', 'open', 0.25, 21, 7, '方案评估 Solution evaluation'],
      [3, 'proposal', '报价比选', 'Proposal & comparison', 'open', 0.45, 7, 3, '供应商选择 Vendor selection'],
      [4, 'negotiation', '商务谈判', 'Negotiation', 'open', 0.65, 14, 3, '供应商选择 Vendor selection'],
      [5, 'contract', '合同签署', 'Contract', 'open', 0.85, 7, 1, '合同签订 Contract'],
      [6, 'won', '赢单', 'Won', 'won', 1, null, null, null],
      [7, 'lost', '输单', 'Lost', 'lost', 0, null, null, null],
    ]);
  });

  it('gives every open stage objective exit criteria (准出标准) and imports its name as zh-CN', () => {
    for (const s of DEFAULT_STAGES) {
      expect(s.name).toBe(s.nameZh);
      if (s.kind === 'open') expect(s.exitCriteria?.trim()).toBeTruthy();
      else expect(s.exitCriteria).toBeNull();
    }
  });
});

const stage = (key: string, order: number, kind: Stage['kind']): Stage => ({
  key,
  name: key,
  nameZh: null,
  nameEn: null,
  order,
  kind,
  probability: 0,
  dwellLimitDays: null,
  followupDays: null,
  buyingPhase: null,
  exitCriteria: null,
});

describe('open stages', () => {
  it('keeps only open stages, by ascending order whatever the input order, leaving the input alone', () => {
    const stages = [
      stage('c', 3, 'open'),
      stage('w', 0, 'won'),
      stage('a', 1, 'open'),
      stage('l', 2, 'lost'),
    ];
    expect(openStages(stages).map((s) => s.key)).toEqual(['a', 'c']);
    expect(stages.map((s) => s.key)).toEqual(['c', 'w', 'a', 'l']);
    expect(openStages(DEFAULT_STAGES).map((s) => s.key)).toEqual([
      'need',
      'solution',
      'proposal',
      'negotiation',
      'contract',
    ]);
  });
});

describe('stage label', () => {
  it('uses the name in the UI language, falling back to the imported name', () => {
    const both = { name: 'raw', nameZh: '需求确认', nameEn: 'Need confirmed' };
    expect(stageLabel(both, 'zh-CN')).toBe('需求确认');
    expect(stageLabel(both, 'zh')).toBe('需求确认');
    expect(stageLabel(both, 'en')).toBe('Need confirmed');
    expect(stageLabel(both, 'en-zh')).toBe('Need confirmed');
    expect(stageLabel({ name: 'raw', nameZh: null, nameEn: null }, 'zh-CN')).toBe('raw');
    expect(stageLabel({ name: 'raw', nameZh: null, nameEn: null }, 'en')).toBe('raw');
  });
});
