import { describe, expect, it } from 'vitest';
import {
  addError,
  amountError,
  changesOf,
  draftRows,
  draftValid,
  NO_EDITS,
  scopeKey,
} from '../../src/renderer/src/forecast/quota-draft';

/** The quota editor's working copy: what Save sends, and what it refuses before sending. */
const stored = [
  { quarter: '2026Q4', team: 'East', owner: 'Li Wei', amount: 300 },
  { quarter: '2026Q4', team: 'East', owner: '', amount: 1000 },
  { quarter: '2026Q4', team: '', owner: '', amount: 5000 },
  { quarter: '2026Q4', team: '', owner: 'Zhou', amount: 50 },
];
const key = (team: string, owner: string) => scopeKey({ team, owner });

describe('quota draft', () => {
  it('lists the organisation first, then each team before its reps', () => {
    expect(draftRows(stored, NO_EDITS).map((r) => [r.team, r.owner])).toEqual([
      ['', ''],
      ['', 'Zhou'],
      ['East', ''],
      ['East', 'Li Wei'],
    ]);
  });

  it('sends changed and added amounts and null for a removed stored row, nothing else', () => {
    const rows = draftRows(stored, {
      amounts: { [key('East', '')]: 1200, [key('', '')]: 5000 },
      removed: [key('East', 'Li Wei')],
      added: [{ team: 'West', owner: '', amount: 0 }],
    });
    expect(changesOf(rows, '2026Q4')).toEqual([
      { quarter: '2026Q4', team: 'East', owner: '', amount: 1200 },
      { quarter: '2026Q4', team: 'East', owner: 'Li Wei', amount: null },
      { quarter: '2026Q4', team: 'West', owner: '', amount: 0 },
    ]);
    expect(changesOf(draftRows(stored, NO_EDITS), '2026Q4')).toEqual([]);
  });

  it('refuses an empty, negative or too large amount, and a scope that has a row already', () => {
    expect(amountError('')).toBe('required');
    expect(amountError(-1)).toBe('negative');
    expect(amountError(1e13)).toBeNull();
    expect(amountError(1e13 + 1)).toBe('tooLarge');
    expect(amountError(0)).toBeNull();
    const rows = draftRows(stored, { ...NO_EDITS, removed: [key('', 'Zhou')] });
    expect(addError({ team: 'East', owner: '', amount: 1 }, rows)).toMatchObject({
      field: 'scope',
      error: 'duplicate',
      existing: { team: 'East', owner: '', removed: false },
    });
    expect(addError({ team: '', owner: 'Zhou', amount: 1 }, rows)).toMatchObject({
      existing: { removed: true },
    });
    expect(addError({ team: 'West', owner: 'Wang Fang', amount: '' }, rows)).toEqual({
      field: 'amount',
      error: 'required',
    });
    expect(addError({ team: 'West', owner: 'Wang Fang', amount: 10 }, rows)).toBeNull();
    // A row emptied in the table keeps the draft from saving; a removed one does not.
    const emptied = draftRows(stored, { ...NO_EDITS, amounts: { [key('', '')]: '' } });
    expect(draftValid(emptied)).toBe(false);
    expect(
      draftValid(draftRows(stored, { ...NO_EDITS, amounts: { [key('', '')]: '' }, removed: [key('', '')] })),
    ).toBe(true);
  });
});
