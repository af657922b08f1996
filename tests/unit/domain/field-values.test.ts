import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  amountCents,
  amountCentsAt,
  byChangedAt,
  closeDateAt,
  fieldRows,
  fieldValueAt,
  type HistoryRow,
} from '@shared/domain/field-values';
import { HISTORY_FIELDS } from '@shared/domain/stages';

const row = (field: string, value: string, changedAt: number): HistoryRow => ({ field, value, changedAt });

describe('field value at an instant (PRODUCT.md "Field values")', () => {
  const owner = [row('owner', 'Li', 10), row('owner', 'Wang', 20), row('owner', 'Zhao', 30)];

  it('is the value of the last row stamped strictly before t', () => {
    expect(fieldValueAt(owner, 'owner', 25, 'column')).toBe('Wang');
    expect(fieldValueAt(owner, 'owner', 31, 'column')).toBe('Zhao');
    expect(fieldValueAt(owner, 'owner', 1e15, 'column')).toBe('Zhao');
  });

  it('does not see a row stamped exactly at t (it belongs to what happens from t on)', () => {
    expect(fieldValueAt(owner, 'owner', 20, 'column')).toBe('Li');
    expect(fieldValueAt(owner, 'owner', 21, 'column')).toBe('Wang');
  });

  it('is the earliest row before the first row, even when that row is at or after t', () => {
    expect(fieldValueAt(owner, 'owner', 10, 'column')).toBe('Li');
    expect(fieldValueAt(owner, 'owner', 5, 'column')).toBe('Li');
    expect(fieldValueAt(owner, 'owner', -1e15, 'column')).toBe('Li');
  });

  it("is the deal's column only when the field has no rows at all", () => {
    expect(fieldValueAt([], 'owner', 25, 'column')).toBe('column');
    expect(fieldValueAt(owner, 'stage', 25, 'need')).toBe('need');
    expect(fieldValueAt(owner, 'amount', 25, null)).toBeNull();
  });

  it('sorts rows by time whatever order they come in', () => {
    const shuffled = [owner[2]!, owner[0]!, owner[1]!];
    expect(fieldValueAt(shuffled, 'owner', 25, 'column')).toBe('Wang');
    expect(fieldValueAt(shuffled, 'owner', 5, 'column')).toBe('Li');
  });

  it('keeps file order among rows at one instant: the later in the file is the last', () => {
    const tied = [row('owner', 'First', 10), row('owner', 'Second', 10)];
    expect(fieldValueAt(tied, 'owner', 11, 'column')).toBe('Second');
    expect(fieldValueAt([...tied].reverse(), 'owner', 11, 'column')).toBe('First');
    // Before them both, the earliest row is the first in the file.
    expect(fieldValueAt(tied, 'owner', 10, 'column')).toBe('First');
    expect(fieldValueAt([...tied].reverse(), 'owner', 10, 'column')).toBe('Second');
  });

  it('byChangedAt and fieldRows sort stably and leave the input alone', () => {
    const rows = [row('owner', 'b', 2), row('stage', 'x', 1), row('owner', 'a1', 1), row('owner', 'a2', 1)];
    const copy = [...rows];
    expect(byChangedAt(rows).map((r) => r.value)).toEqual(['x', 'a1', 'a2', 'b']);
    expect(fieldRows(rows, 'owner').map((r) => r.value)).toEqual(['a1', 'a2', 'b']);
    expect(rows).toEqual(copy);
  });
});

describe('amounts in cents', () => {
  it('parses history amounts as decimals; empty is 0; junk counts as 0', () => {
    expect(amountCents('1234.5')).toBe(123450);
    expect(amountCents('1234')).toBe(123400);
    expect(amountCents('-0.25')).toBe(-25);
    expect(amountCents('')).toBe(0);
    expect(amountCents('abc')).toBe(0);
  });

  it('takes the amount at t from the rows, the column only without amount rows', () => {
    const rows = [
      row('amount', '100', 10),
      row('amount', '', 20),
      row('amount', '2.5', 30),
      row('owner', 'x', 5),
    ];
    expect(amountCentsAt(rows, 5, 999)).toBe(10000);
    expect(amountCentsAt(rows, 25, 999)).toBe(0);
    expect(amountCentsAt(rows, 31, 999)).toBe(250);
    expect(amountCentsAt([row('owner', 'x', 5)], 31, 999)).toBe(999);
  });
});

describe('close date at an instant', () => {
  it('reads an empty row as a cleared date and falls back to the column without rows', () => {
    const rows = [row('close_date', '2026-03-01', 10), row('close_date', '', 20)];
    expect(closeDateAt(rows, 15, null)).toBe('2026-03-01');
    expect(closeDateAt(rows, 21, '2026-09-09')).toBeNull();
    expect(closeDateAt([], 21, '2026-09-09')).toBe('2026-09-09');
    expect(closeDateAt([], 21, null)).toBeNull();
  });
});

describe('field value properties', () => {
  const field = fc.constantFrom(...HISTORY_FIELDS);
  const anyRow = fc.record({
    field,
    value: fc.constantFrom('a', 'b', 'c', '', '10', '2026-01-01'),
    changedAt: fc.integer({ min: -50, max: 50 }),
  });
  const rows = fc.array(anyRow, { maxLength: 12 });
  const t = fc.integer({ min: -60, max: 60 });

  it('equals the column when the field has no rows', () => {
    fc.assert(
      fc.property(rows, field, t, fc.string(), (rs, f, at, column) => {
        const others = rs.filter((r) => r.field !== f);
        expect(fieldValueAt(others, f, at, column)).toBe(column);
      }),
    );
  });

  it('after every row, is the last row of the latest instant in file order', () => {
    fc.assert(
      fc.property(rows, field, (rs, f) => {
        const own = rs.filter((r) => r.field === f);
        fc.pre(own.length > 0);
        // Independent of the sort: the latest stamp wins, and among equals the later in the file.
        const last = own.reduce((best, r) => (r.changedAt >= best.changedAt ? r : best));
        expect(fieldValueAt(rs, f, 51, 'column')).toBe(last.value);
      }),
    );
  });

  it('ignores rows stamped at or after t once an earlier row exists', () => {
    fc.assert(
      fc.property(rows, rows, field, t, (before, later, f, at) => {
        const past = before.map((r) => ({ ...r, field: f, changedAt: Math.min(r.changedAt, at - 1) }));
        fc.pre(past.length > 0);
        const future = later.map((r) => ({ ...r, changedAt: at + Math.abs(r.changedAt) }));
        expect(fieldValueAt([...past, ...future], f, at, 'column')).toBe(fieldValueAt(past, f, at, 'column'));
      }),
    );
  });

  it('is one of the rows values, or the column', () => {
    fc.assert(
      fc.property(rows, field, t, (rs, f, at) => {
        const values = rs.filter((r) => r.field === f).map((r) => r.value);
        const v = fieldValueAt(rs, f, at, null);
        if (values.length === 0) expect(v).toBeNull();
        else expect(values).toContain(v);
      }),
    );
  });
});
