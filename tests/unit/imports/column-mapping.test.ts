import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  presetFits,
  presetMapping,
  suggestColumns,
  suggestStage,
} from '@shared/imports/column-mapping';
import { normalizeCategory, normalizeExportAmount, normalizeExportDate } from '@shared/imports/export-values';
import { DEFAULT_STAGES } from '@shared/domain/stages';

const tz = process.env.TZ;
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('suggested columns', () => {
  it('knows the headers of Salesforce, HubSpot and Chinese CRM exports', () => {
    expect(
      suggestColumns([
        'Opportunity Name',
        'Account Name',
        'Opportunity Owner',
        'Stage',
        'Amount',
        'Close Date',
        'Created Date',
        'Opportunity ID',
      ]),
    ).toEqual(['name', 'account', 'owner', 'stage', 'amount', 'close_date', 'created_at', 'id']);
    expect(
      suggestColumns([
        'Record ID',
        'Deal Name',
        'Deal Stage',
        'Amount',
        'Close Date',
        'Create Date',
        'Deal owner',
        'Associated Company',
      ]),
    ).toEqual(['id', 'name', 'stage', 'amount', 'close_date', 'created_at', 'owner', 'account']);
    expect(
      suggestColumns([
        '商机名称',
        '客户名称',
        '负责人',
        '阶段',
        '金额',
        '预计成交日期',
        '创建时间',
        '商机编号',
        '销售团队',
      ]),
    ).toEqual(['name', 'account', 'owner', 'stage', 'amount', 'close_date', 'created_at', 'id', 'team']);
  });

  it('maps each canonical column once and leaves unknown headers out', () => {
    expect(suggestColumns(['Amount', 'amount', 'Colour'])).toEqual(['amount', null, null]);
  });
});

describe('suggested stages', () => {
  it('by key or name in either language, a name the value starts, or won/lost words', () => {
    const s = (v: string) => suggestStage(v, DEFAULT_STAGES);
    expect(['需求确认', '方案交流', '报价', '赢单', '输单'].map(s)).toEqual([
      'need',
      'solution',
      'proposal',
      'won',
      'lost',
    ]);
    expect(['Negotiation', 'proposal', 'Closed Won', 'Closed Lost', 'Contract Sent'].map(s)).toEqual([
      'negotiation',
      'proposal',
      'won',
      'lost',
      'contract',
    ]);
    expect(s('Qualification')).toBeNull();
    expect(s('')).toBeNull();
  });
});

describe('export values', () => {
  it('reads dates year first, Chinese, and a/b/yyyy in the chosen order, as UTC in any time zone', () => {
    for (const zone of ['Asia/Shanghai', 'America/Los_Angeles']) {
      process.env.TZ = zone;
      expect(normalizeExportDate('2026/3/4', 'mdy')).toBe('2026-03-04');
      expect(normalizeExportDate('2026-03-04', 'dmy')).toBe('2026-03-04');
      expect(normalizeExportDate('2026年3月4日', 'mdy')).toBe('2026-03-04');
      expect(normalizeExportDate('2026.3.4', 'mdy')).toBe('2026-03-04');
      // The ambiguous reading: 3/4/2026 is March 4 month first (the default) and 3 April day first.
      expect(normalizeExportDate('3/4/2026', 'mdy')).toBe('2026-03-04');
      expect(normalizeExportDate('3/4/2026', 'dmy')).toBe('2026-04-03');
      expect(normalizeExportDate('2026/1/5 09:30', 'mdy')).toBe('2026-01-05T09:30:00.000Z');
      expect(normalizeExportDate('2026-03-04 00:00', 'mdy')).toBe('2026-03-04');
      expect(normalizeExportDate('3/4/2026 2:05 PM', 'mdy')).toBe('2026-03-04T14:05:00.000Z');
      expect(normalizeExportDate('2026/1/5 下午 3:00', 'mdy')).toBe('2026/1/5 下午 3:00');
      expect(normalizeExportDate('2026-01-05 09:30', 'mdy', true)).toBe('2026-01-05');
      expect(normalizeExportDate('2026-03-04T05:06:07+08:00', 'mdy')).toBe('2026-03-04T05:06:07+08:00');
    }
    // Not a date: left as written for the check to report.
    expect(normalizeExportDate('2026/2/30', 'mdy')).toBe('2026/2/30');
    expect(normalizeExportDate('13/13/2026', 'mdy')).toBe('13/13/2026');
    expect(normalizeExportDate('soon', 'mdy')).toBe('soon');
  });

  it('takes the date order from values that decide it, else none', () => {
    expect(detectDateOrder(['3/4/2026', '13/4/2026'])).toBe('dmy');
    expect(detectDateOrder(['3/4/2026', '4/30/2026'])).toBe('mdy');
    expect(detectDateOrder(['3/4/2026', '2026-01-01'])).toBeNull();
  });

  it('reads amounts with currency signs, thousands separators and accounting negatives', () => {
    expect(
      [
        '¥1,234.50',
        '1,234.50',
        '￥8,800.00',
        '$12,500.00',
        '(1,234.50)',
        'CNY 5,000',
        '5000元',
        '-1.5',
        '',
      ].map(normalizeExportAmount),
    ).toEqual(['1234.50', '1234.50', '8800.00', '12500.00', '-1234.50', '5000', '5000', '-1.5', '']);
    expect(normalizeExportAmount('about 5k')).toBe('about 5k');
  });

  it('maps forecast category names', () => {
    expect(
      ['Pipeline', 'Best Case', 'BEST_CASE', 'Commit', 'Omitted', 'Closed', '承诺', 'other'].map(
        normalizeCategory,
      ),
    ).toEqual(['pipeline', 'best_case', 'best_case', 'commit', 'omitted', 'closed', 'commit', 'other']);
  });
});

describe('presets', () => {
  it('apply by header name, wherever the column is, and fit only files with every named column', () => {
    const preset = {
      name: 'Salesforce',
      columns: { id: 'Opportunity ID', stage: 'Stage', amount: 'Amount' },
      stages: { 'Closed Won': 'won' },
      dateOrder: 'dmy' as const,
    };
    const header = ['Stage', 'opportunity id', 'Amount', 'Other'];
    expect(presetFits(preset, header)).toBe(true);
    expect(presetFits(preset, ['Stage', 'Amount'])).toBe(false);
    expect(presetMapping(preset, header)).toEqual({
      columns: { id: 1, stage: 0, amount: 2 },
      stages: { 'Closed Won': 'won' },
      dateOrder: 'dmy',
    });
  });
});

describe('export dates, as a property', () => {
  it('every way an export writes a day reads back as that day', () => {
    const day = fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2199, 11, 31) }).map((ms) => {
      const d = new Date(ms - (ms % 86_400_000));
      return {
        y: d.getUTCFullYear(),
        m: d.getUTCMonth() + 1,
        d: d.getUTCDate(),
        iso: d.toISOString().slice(0, 10),
      };
    });
    fc.assert(
      fc.property(day, ({ y, m, d, iso }) => {
        expect(normalizeExportDate(`${y}/${m}/${d}`, 'mdy')).toBe(iso);
        expect(normalizeExportDate(`${y}年${m}月${d}日`, 'dmy')).toBe(iso);
        expect(normalizeExportDate(`${y}-${m}-${d} 00:00`, 'mdy')).toBe(iso);
        expect(normalizeExportDate(`${m}/${d}/${y}`, 'mdy')).toBe(iso);
        expect(normalizeExportDate(`${d}/${m}/${y}`, 'dmy')).toBe(iso);
        expect(normalizeExportDate(iso, 'dmy')).toBe(iso);
      }),
    );
  });
});
