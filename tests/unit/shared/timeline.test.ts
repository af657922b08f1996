import { describe, expect, it } from 'vitest';
import { stageVisits } from '@shared/domain/timeline';

const row = (value: string, changedAt: number) => ({ value, changedAt });

describe('stage timeline (PRODUCT.md)', () => {
  it('starts in the earliest row stage at created_at and merges repeated stages', () => {
    const v = stageVisits(0, 'won', [
      row('need', 0),
      row('need', 5),
      row('solution', 10),
      row('solution', 12),
      row('won', 20),
    ]);
    expect(v).toEqual([
      { stage: 'need', enteredAt: 0, exitedAt: 10 },
      { stage: 'solution', enteredAt: 10, exitedAt: 20 },
      { stage: 'won', enteredAt: 20, exitedAt: null },
    ]);
  });

  it('sorts by time but keeps file order at one instant, giving a zero-length visit', () => {
    const v = stageVisits(0, 'x', [row('proposal', 10), row('need', 0), row('solution', 10)]);
    expect(v.map((x) => [x.stage, x.enteredAt, x.exitedAt])).toEqual([
      ['need', 0, 10],
      ['proposal', 10, 10],
      ['solution', 10, null],
    ]);
  });

  it('cuts at the cutoff, yet takes the first stage from the earliest row even after it', () => {
    expect(stageVisits(0, 'lost', [row('need', 50), row('won', 60)], 40)).toEqual([
      { stage: 'need', enteredAt: 0, exitedAt: null },
    ]);
    expect(stageVisits(0, 'solution', [], 40)).toEqual([{ stage: 'solution', enteredAt: 0, exitedAt: null }]);
  });

  it('counts a row stamped before created_at as stamped at created_at, and keeps regressions', () => {
    const v = stageVisits(100, 'x', [row('need', 50), row('proposal', 80), row('solution', 150)]);
    expect(v.map((x) => [x.stage, x.enteredAt])).toEqual([
      ['need', 100],
      ['proposal', 100],
      ['solution', 150],
    ]);
  });
});
