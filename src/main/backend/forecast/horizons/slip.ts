import { DAY_MS } from '@shared/time';
import { valueAt, visitAt } from '../../analytics/deal-state';
import type { Snapshot } from '../../analytics/snapshot';
import { OPEN } from '../../analytics/stage-view';
import { monthsBefore } from './periods';
import type { ScopeHistory } from './scope-history';

/** Complete months before the as-of month the slip rate is read over. */
export const SLIP_MONTHS = 12;

export interface MonthlySlip {
  /** slipped / due; 0 when nothing was due (nothing says deals slip). */
  rate: number;
  due: number;
  slipped: number;
  /** Months read (those after the scope's first deal, at most 12). */
  months: number;
}

/**
 * The scope's monthly slip rate: over the complete months before the as-of month, the kept
 * deals open at a month's start with a close date (at that instant) in that month are due;
 * those still open at its end slipped. The monthly cousin of the quarter simulation's slip
 * rate, read the same way (state at an instant = everything stamped before it).
 */
export function monthlySlip(s: Snapshot, h: ScopeHistory): MonthlySlip {
  const { kept, view, summary } = h.inputs;
  const first = h.firstCreated;
  const months = first === null ? [] : monthsBefore(h.asOf, SLIP_MONTHS).filter((m) => m.end > first);
  let due = 0;
  let slipped = 0;
  for (const { start, end } of months) {
    const [firstDay, endDay] = [start / DAY_MS, end / DAY_MS];
    for (let d = 0; d < s.deals.count; d++) {
      if (!(s.deals.createdAt[d]! < start) || s.deals.deletedAt[d]! < end) continue;
      // Most deals closed for good before the month: their last stage began before it and is not open.
      if (summary.lastEntered[d]! < start && summary.lastKind[d] !== OPEN) continue;
      if (!kept(d) || view.kind[s.visits.stage[visitAt(s, d, start)]!] !== OPEN) continue;
      const closeDay = valueAt(s.closeDay, d, start);
      if (!(closeDay >= firstDay && closeDay < endDay)) continue; // NaN (no date) is never due
      due++;
      if (view.kind[s.visits.stage[visitAt(s, d, end)]!] === OPEN) slipped++;
    }
  }
  return { rate: due === 0 ? 0 : slipped / due, due, slipped, months: months.length };
}
