import { describe, expect, it } from 'vitest';
import type { StageEntry } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import {
  changesOf,
  checkedOf,
  insertNew,
  isDirty,
  move,
  newRow,
  rowsOf,
} from '../../src/renderer/src/stages/draft';

/** An imported model: orders 10, 20, 30…, and a stage without localised names. */
const imported: StageEntry[] = DEFAULT_STAGES.map((s, i) => ({
  ...s,
  order: (i + 1) * 10,
  usage: { deals: 1, history: 1 },
}));
imported[1] = { ...imported[1]!, key: 'demo', name: 'Demo', nameZh: null, nameEn: null };

describe('the stage-model screen’s working copy', () => {
  it('shows an imported name in both name fields, and is clean until edited', () => {
    const rows = rowsOf(imported);
    expect(rows[1]).toMatchObject({
      nameZh: 'Demo',
      nameEn: 'Demo',
      buyingPhase: '方案评估 Solution evaluation',
    });
    expect(isDirty(rowsOf(imported), rows)).toBe(false);
    rows[0]!.dwellLimitDays = 1;
    expect(isDirty(rows, rowsOf(imported))).toBe(true);
  });

  it('keeps stored orders while the sequence holds, and numbers the stages 1, 2, 3… once it changes', () => {
    expect(checkedOf(rowsOf(imported)).map((s) => s.order)).toEqual([10, 20, 30, 40, 50, 60, 70]);
    const withoutOne = rowsOf(imported).filter((r) => r.key !== 'demo');
    expect(checkedOf(withoutOne).map((s) => s.order)).toEqual([10, 30, 40, 50, 60, 70]);
    const moved = move(rowsOf(imported), 2, -1);
    expect(checkedOf(moved).map((s) => [s.key, s.order])).toEqual([
      ['need', 1],
      ['proposal', 2],
      ['demo', 3],
      ['negotiation', 4],
      ['contract', 5],
      ['won', 6],
      ['lost', 7],
    ]);
    const added = insertNew(rowsOf(imported), { ...newRow(), key: 'x' });
    expect(checkedOf(added).map((s) => s.key)).toEqual([
      'need',
      'demo',
      'proposal',
      'negotiation',
      'contract',
      'x',
      'won',
      'lost',
    ]);
    expect(checkedOf(added).map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(move(added, 0, -1)).toEqual(added);
  });

  it('names every change for the confirmation', () => {
    const base = rowsOf(imported);
    const rows = move(
      base.filter((r) => r.key !== 'lost'),
      1,
      1,
    ).map((r) => (r.key === 'need' ? { ...r, probability: 0.2, exitCriteria: '', kind: 'won' as const } : r));
    const kind = (k: string) => k.toUpperCase();
    const changes = changesOf(rows, base, kind).map((c) =>
      c.kind === 'field'
        ? [c.kind, c.row.key, c.column, c.from && c.from.slice(0, 10), c.to]
        : c.kind === 'order'
          ? [c.kind, c.rows.map((r) => r.key).join(' ')]
          : [c.kind, c.row.key],
    );
    expect(changes).toEqual([
      ['removed', 'lost'],
      ['field', 'need', 'kind', 'OPEN', 'WON'],
      ['field', 'need', 'probability', '10%', '20%'],
      ['field', 'need', 'exitCriteria', '客户确认了业务痛点和', null],
      ['order', 'need proposal demo negotiation contract won'],
    ]);
  });
});
