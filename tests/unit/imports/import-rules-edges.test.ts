/**
 * The edges of the spreadsheet and export rules, where mutation testing found them loose:
 * each case would read one way with the rule and another without it.
 */
import { describe, expect, it } from 'vitest';
import { isoCellText } from '@backend/xlsx/cell-text';
import { isDateFormat } from '@backend/xlsx/date-format';
import { totalsRecord } from '@backend/imports/totals-row';
import type { Stage } from '@shared/domain/stages';
import {
  detectDateOrder,
  hasAmbiguousDates,
  isCanonicalHeader,
  presetFits,
  presetMapping,
  suggestColumns,
  suggestStage,
} from '@shared/imports/column-mapping';
import { normalizeCategory, normalizeExportAmount, normalizeExportDate } from '@shared/imports/export-values';

/** Records of id,amount for totalsRecord, lines from 2. */
const records = (...rows: [string, string][]) =>
  rows.map(([id, amount], i) => ({ line: i + 2, cells: [id, amount] }));
const cell = (r: { cells: string[] }, column: string) => (column === 'id' ? r.cells[0]! : r.cells[1]!);

describe('the totals row', () => {
  it('needs a row above it, and two rows are enough', () => {
    expect(totalsRecord(records(['', '100']), cell)).toBeNull();
    expect(totalsRecord(records(['', '0']), cell)).toBeNull();
    expect(totalsRecord([], cell)).toBeNull();
    expect(totalsRecord(records(['A', '100'], ['Total', '100']), cell)).toEqual({ line: 3, amount: '100' });
  });

  it('takes an id of spaces for empty, and a label with spaces around it', () => {
    expect(totalsRecord(records(['A', '1'], ['B', '2'], ['  ', '3']), cell)).toEqual({
      line: 4,
      amount: '3',
    });
    expect(totalsRecord(records(['A', '1'], ['B', '2'], [' 合计 ', '3']), cell)).toEqual({
      line: 4,
      amount: '3',
    });
  });

  it('is no totals row without an amount, or when an amount above is no number', () => {
    expect(totalsRecord(records(['A', ''], ['B', ''], ['', '']), cell)).toBeNull();
    expect(totalsRecord(records(['A', ''], ['B', ''], ['', '  ']), cell)).toBeNull();
    expect(totalsRecord(records(['A', '1'], ['B', 'n/a'], ['Total', '1']), cell)).toBeNull();
    expect(totalsRecord(records(['A', '1'], ['Total', 'lots']), cell)).toBeNull();
  });
});

describe('a t="d" cell', () => {
  it('is an ISO date-time read as UTC, trimmed, to the millisecond', () => {
    expect(isoCellText(' 2026-03-04 ')).toBe('2026-03-04');
    expect(isoCellText('2026-03-04T05:06')).toBe('2026-03-04T05:06:00.000Z');
    expect(isoCellText('2026-03-04T05:06:07.5')).toBe('2026-03-04T05:06:07.500Z');
    expect(isoCellText('2026-03-04T05:06:07.123456Z')).toBe('2026-03-04T05:06:07.123Z');
    expect(isoCellText('2026-12-31T23:59:59')).toBe('2026-12-31T23:59:59.000Z');
  });

  it('is nothing else', () => {
    for (const v of [
      'x2026-03-04',
      '2026-03-04x',
      '2026-03-04T05',
      '2026-03-04T05:06:07.',
      '2026-03-04T05:06:07.x',
      '2026-13-01',
      '2026-02-30',
      '2026-03-04T24:00',
      '2026-03-04T05:60',
      '2026-03-04T05:06:60',
      '0099-01-01',
      'soon',
    ])
      expect(isoCellText(v), v).toBeNull();
  });
});

describe('date formats', () => {
  it('elapsed time alone in brackets is a time format', () => {
    for (const f of ['[h]', '[hh]', '[m]', '[mm]', '[s]', '[ss]']) expect(isDateFormat(200, f), f).toBe(true);
    expect(isDateFormat(200, '[Red]')).toBe(false);
    expect(isDateFormat(200, '[$-804]0.00')).toBe(false);
  });
});

const stage = (
  key: string,
  kind: Stage['kind'],
  name: string,
  nameZh: string | null,
  nameEn: string | null,
): Stage => ({
  key,
  name,
  nameZh,
  nameEn,
  order: 1,
  kind,
  probability: 0.5,
  dwellLimitDays: null,
  followupDays: null,
  buyingPhase: null,
  exitCriteria: null,
});

describe('stage suggestions against a workspace of its own', () => {
  const model = [
    stage('s1', 'open', 'Discovery', '初步接洽', null),
    stage('s2', 'open', '需求分析', null, 'Analysis'),
    stage('s3', 'open', 'Closed Won Deal', null, null),
  ];

  it('by either language name, with separators and case aside', () => {
    expect(suggestStage('初步接洽', model)).toBe('s1');
    expect(suggestStage('analysis', model)).toBe('s2');
    expect(suggestStage(' closed_won-deal ', model)).toBe('s3');
  });

  it('a stage without a name in one language matches nothing by it', () => {
    expect(suggestStage('Qualification', model)).toBeNull();
    // A name of separators alone folds to nothing, which every value would start with.
    expect(suggestStage('Qualification', [stage('x', 'open', ' - ', null, null), ...model])).toBeNull();
    expect(suggestStage('', model)).toBeNull();
  });

  it('an exact name wins over an earlier stage it is the prefix of', () => {
    const wonder = [stage('a', 'open', 'Wonder', null, null), stage('w', 'won', 'Won', null, null)];
    expect(suggestStage('won', wonder)).toBe('w');
  });

  it('a prefix needs two characters', () => {
    expect(suggestStage('d', model)).toBeNull();
    expect(suggestStage('di', model)).toBe('s1');
  });

  it('won and lost words need a won or lost stage', () => {
    expect(suggestStage('Closed Lost', model)).toBeNull();
    expect(suggestStage('Won', [...model, stage('w', 'won', 'Signed', null, null)])).toBe('w');
  });
});

describe('headers and date order', () => {
  it('headers meet across BOMs, case, underscores and punctuation', () => {
    expect(suggestColumns(['\ufeffOpportunity_ID', 'deal-stage', 'Close Date:', '（金额）'])).toEqual([
      'id',
      'stage',
      'close_date',
      'amount',
    ]);
  });

  it('a canonical header needs id, stage and created_at, in any case, a BOM aside', () => {
    expect(isCanonicalHeader(['\ufeffID', ' Stage ', 'created_at', 'other'])).toBe(true);
    expect(isCanonicalHeader(['id', 'stage'])).toBe(false);
    expect(isCanonicalHeader([])).toBe(false);
  });

  it('a/b/yyyy is ambiguous until a part above 12 decides', () => {
    expect(detectDateOrder([' 13/4/2026'])).toBe('dmy');
    expect(detectDateOrder(['4/13/2026'])).toBe('mdy');
    expect(detectDateOrder(['12/4/2026', '4/12/2026'])).toBeNull();
    expect(hasAmbiguousDates(['2026-03-04', ' 3/4/2026'])).toBe(true);
    expect(hasAmbiguousDates(['2026-03-04', '2026/3/4'])).toBe(false);
  });

  it('a preset names its columns: one the file lacks is left out, one naming none fits nothing', () => {
    const preset = {
      name: 'p',
      columns: { id: 'ID', amount: 'Amount' },
      stages: {},
      dateOrder: 'mdy' as const,
    };
    const mapped = presetMapping(preset, ['ID', 'Stage']);
    expect(Object.keys(mapped.columns)).toEqual(['id']);
    expect(presetFits({ ...preset, columns: {} }, ['ID'])).toBe(false);
  });
});

describe('export dates at their edges', () => {
  it('a canonical timestamp passes through, or gives its day for a close date', () => {
    expect(normalizeExportDate(' 2026-03-04 ', 'mdy')).toBe('2026-03-04');
    expect(normalizeExportDate('   ', 'mdy')).toBe('');
    expect(normalizeExportDate('x2026-03-04', 'mdy', true)).toBe('x2026-03-04');
    expect(normalizeExportDate('2026-03-04T05:06Z', 'mdy')).toBe('2026-03-04T05:06Z');
    expect(normalizeExportDate('2026-03-04T23:30:00-05:00', 'mdy', true)).toBe('2026-03-04');
  });

  it('keeps milliseconds and reads AM/PM', () => {
    expect(normalizeExportDate('2026/1/5 09:30:15.5', 'mdy')).toBe('2026-01-05T09:30:15.500Z');
    expect(normalizeExportDate('3/4/2026 09:30:15.25', 'mdy')).toBe('2026-03-04T09:30:15.250Z');
    expect(normalizeExportDate('3/4/2026 12:05 AM', 'mdy')).toBe('2026-03-04T00:05:00.000Z');
    expect(normalizeExportDate('3/4/2026 12:05 PM', 'mdy')).toBe('2026-03-04T12:05:00.000Z');
    expect(normalizeExportDate('2026/3/4 1:05 下午', 'mdy')).toBe('2026-03-04T13:05:00.000Z');
    expect(normalizeExportDate('2026/12/31 23:59:59', 'mdy')).toBe('2026-12-31T23:59:59.000Z');
  });

  it('leaves impossible dates and times as written', () => {
    for (const v of [
      '3/4/2026 13:05 PM',
      '3/4/2026 0:05 AM',
      '0099/1/1',
      '2026/13/1',
      '2026/1/5 24:00',
      '2026/1/5 9:60',
      '2026/1/5 9:30:60',
    ])
      expect(normalizeExportDate(v, 'mdy'), v).toBe(v);
  });
});

describe('export amounts at their edges', () => {
  it('reads blank as empty and a sign before the currency', () => {
    expect(normalizeExportAmount('   ')).toBe('');
    expect(normalizeExportAmount('-¥1,234.50')).toBe('-1234.50');
    expect(normalizeExportAmount('(-5)')).toBe('5');
    expect(normalizeExportAmount('.5')).toBe('.5');
    expect(normalizeExportAmount('¥.55')).toBe('.55');
  });

  it('leaves what is no number as written', () => {
    for (const v of ['(1,234.50', '1,234.50)', 'x(12)', '(12)x', '1.2.3', '12abc', 'x.5', '.x'])
      expect(normalizeExportAmount(v), v).toBe(v);
  });

  it('reads forecast categories whatever their case and spacing', () => {
    expect([' Best Case ', 'COMMIT', 'best_case'].map(normalizeCategory)).toEqual([
      'best_case',
      'commit',
      'best_case',
    ]);
  });
});
