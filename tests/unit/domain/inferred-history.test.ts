import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inferChanges, inferHistoryRows, type TrackedFields } from '@shared/domain/inferred-history';
import { HISTORY_FIELDS } from '@shared/domain/stages';

const before: TrackedFields = {
  stage: 'need',
  amount: '1000',
  close_date: '2026-03-31',
  forecast_category: 'pipeline',
  owner: '张三',
};
const CREATED = Date.UTC(2026, 0, 1);
const AT = Date.UTC(2026, 2, 1);

describe('inferChanges', () => {
  it('gives one row per changed field with the new value at the given time', () => {
    expect(inferChanges(before, { ...before, stage: 'solution', amount: '1200.5' }, AT)).toEqual([
      { field: 'stage', value: 'solution', changedAt: AT },
      { field: 'amount', value: '1200.5', changedAt: AT },
    ]);
    expect(inferChanges(before, { ...before }, AT)).toEqual([]);
  });

  it('a cleared close date is a change to the empty value', () => {
    expect(inferChanges(before, { ...before, close_date: '' }, AT)).toEqual([
      { field: 'close_date', value: '', changedAt: AT },
    ]);
  });

  it('names exactly the fields that differ, whatever they are', () => {
    const value = fc.constantFrom('a', 'b', '');
    const fields = fc.record({
      stage: value,
      amount: value,
      close_date: value,
      forecast_category: value,
      owner: value,
    });
    fc.assert(
      fc.property(fields, fields, (a, b) => {
        const changed = inferChanges(a, b, AT).map((c) => c.field);
        expect(changed).toEqual(HISTORY_FIELDS.filter((f) => a[f] !== b[f]));
      }),
    );
  });
});

describe('inferHistoryRows', () => {
  it('writes the old value at created_at first when the field had no history row, so the new value is not back-dated', () => {
    const rows = inferHistoryRows(before, { ...before, stage: 'proposal' }, AT, {
      createdAt: CREATED,
      lastChangedAt: {},
    });
    expect(rows).toEqual([
      { field: 'stage', value: 'need', changedAt: CREATED },
      { field: 'stage', value: 'proposal', changedAt: AT },
    ]);
  });

  it('appends only the new value to a field that has rows, never before its last one', () => {
    const lastStage = Date.UTC(2026, 1, 10);
    expect(
      inferHistoryRows(before, { ...before, stage: 'proposal' }, AT, {
        createdAt: CREATED,
        lastChangedAt: { stage: lastStage },
      }),
    ).toEqual([{ field: 'stage', value: 'proposal', changedAt: AT }]);
    // An export older than the stored history: the change still comes last.
    const late = Date.UTC(2026, 5, 1);
    expect(
      inferHistoryRows(before, { ...before, owner: '李四' }, AT, {
        createdAt: CREATED,
        lastChangedAt: { owner: late },
      }),
    ).toEqual([{ field: 'owner', value: '李四', changedAt: late }]);
  });
});
