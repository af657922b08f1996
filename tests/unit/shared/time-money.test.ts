import { describe, expect, it } from 'vitest';
import { formatAmount, parseAmount } from '@shared/money';
import { parseAsOf, parseDay, parseTimestamp, quarterOf, quarterRange } from '@shared/time';

describe('timestamps (PRODUCT.md)', () => {
  it('reads every accepted form as UTC unless an offset says otherwise', () => {
    const t = Date.parse('2026-03-04T05:06:00Z');
    expect(parseTimestamp('2026-03-04')).toBe(Date.parse('2026-03-04T00:00:00Z'));
    expect(parseTimestamp('2026-03-04T05:06')).toBe(t); // not local time
    expect(parseTimestamp('2026-03-04T05:06:00Z')).toBe(t);
    expect(parseTimestamp('2026-03-04T13:06:00+08:00')).toBe(t);
    expect(parseTimestamp('2026-03-04T13:06:00+0800')).toBe(t);
    expect(parseTimestamp('2026-03-04T00:06:00-05:00')).toBe(t);
    expect(parseTimestamp('2026-03-04T05:06:07.5Z')).toBe(t + 7500);
    expect(parseTimestamp('2026-03-04T05:06:07.123456Z')).toBe(t + 7123);
  });

  it('rejects what is not a real instant', () => {
    for (const bad of [
      '',
      '2026-02-30',
      '2026-13-01',
      '2026-3-4',
      '2026-03-04 05:06',
      '2026-03-04T24:00',
      '2026-03-04T05:06+25:00',
      'yesterday',
    ]) {
      expect(parseTimestamp(bad), bad).toBeNull();
    }
    expect(parseDay('2028-02-29')).toBe('2028-02-29');
    expect(parseDay('2026-02-29')).toBeNull();
  });

  it('takes --as-of D as the end of day D', () => {
    expect(parseAsOf('2026-06-30')).toBe(Date.parse('2026-07-01T00:00:00Z'));
    expect(parseAsOf('2026-06-30T12:00Z')).toBe(Date.parse('2026-06-30T12:00:00Z'));
  });

  it('knows quarters', () => {
    expect(quarterRange('2026Q4')).toEqual({ start: '2026-10-01', end: '2027-01-01' });
    expect(quarterRange('2026Q5')).toBeNull();
    expect(quarterOf('2026-03-31')).toBe('2026Q1');
    expect(quarterOf('2026-04-01')).toBe('2026Q2');
  });
});

describe('amounts', () => {
  it('parses decimals into exact cents and writes the shortest exact form back', () => {
    expect(parseAmount('')).toEqual({ cents: 0, rounded: false });
    expect(parseAmount('1234.5')).toEqual({ cents: 123450, rounded: false });
    expect(parseAmount('-0.05')!.cents).toBe(-5);
    expect(parseAmount('.5')!.cents).toBe(50);
    expect(parseAmount('0.105')).toEqual({ cents: 11, rounded: true });
    expect(parseAmount('1,000')).toBeNull();
    expect(parseAmount('1e3')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
    for (const c of [0, 5, 50, 123450, 100000, -5, -123456789])
      expect(parseAmount(formatAmount(c))!.cents).toBe(c);
    expect(formatAmount(123450)).toBe('1234.5');
    expect(formatAmount(100000)).toBe('1000');
  });
});

describe('edge years and plain decimals', () => {
  it('keeps years below 100 as written', () => {
    expect(new Date(parseTimestamp('0099-01-01')!).toISOString()).toBe('0099-01-01T00:00:00.000Z');
    expect(new Date(parseTimestamp('0099-01-01T00:00:00.000Z')!).toISOString()).toBe(
      '0099-01-01T00:00:00.000Z',
    );
  });

  it('reads only plain decimals where a number is expected', async () => {
    const { parseDecimal } = await import('@shared/money');
    expect(parseDecimal('12.5')).toBe(12.5);
    expect(parseDecimal(' 7 ')).toBe(7);
    for (const bad of ['0x14', '1e1', '', 'ten', '1,5', 'Infinity'])
      expect(parseDecimal(bad), bad).toBeNull();
  });
});
