import type { FunnelReport, ReportScope } from '@shared/contract';
import { ratio } from '@shared/domain/statistics';
import { toMoney } from './money';
import { frame, DealScope, Members, resolveWindow } from './scope';
import type { Snapshot } from './snapshot';
import { LOST, OPEN, stageView, WON } from './stage-view';
import { valueAt } from './deal-state';
import { timelineSummary } from './summary';

/**
 * Funnel (PRODUCT.md, "Funnel (Success, Shape)"): the creation cohort [from, to) before
 * as-of, how far each deal got (reached), and where it stands at as-of.
 *
 * Drill cells: `reached:<stage key>`, `deals`, `open`, `won`, `lost`.
 */
export function funnelReport(
  s: Snapshot,
  scope: ReportScope,
  now: number,
  members = new Members(null),
): FunnelReport {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const m = view.open.length;
  const reached = new Float64Array(m);
  const reachedCents = new Float64Array(m);
  const keep = new DealScope(s, w);
  const { createdAt, deletedAt, count } = s.deals;
  const { start, stage, enteredAt } = s.visits;
  const { kind, rank } = view;
  const reachedCells = view.open.map((st) => `reached:${st.key}`);
  const wanted = members.cell;
  let deals = 0;
  let open = 0;
  let won = 0;
  let lost = 0;

  const asOf = w.asOf;
  const from = w.from;
  const to = w.to;
  const summary = timelineSummary(s);

  for (let d = 0; d < count; d++) {
    const c = createdAt[d]!;
    if (!(c >= from && c < to)) continue;
    if (deletedAt[d]! < asOf || !keep.keeps(d)) continue;
    // One walk over the visits before as-of: the highest open rank, whether it was ever
    // won (then it passed every open stage), and the stage it is in at as-of; or, when
    // as-of is after the deal's last change, the same read from the summary.
    let top = -1;
    let atAsOf: number;
    if (summary.lastEntered[d]! < asOf) {
      top = summary.top[d]!;
      atAsOf = summary.lastKind[d]!;
    } else {
      let everWon = false;
      const first = start[d]!;
      let last = first;
      for (let v = first, end = start[d + 1]!; v < end; v++) {
        if (v > first && enteredAt[v]! >= asOf) break;
        const code = stage[v]!;
        const k = kind[code]!;
        if (k === OPEN) top = Math.max(top, rank[code]!);
        else if (k === WON) everWon = true;
        last = v;
      }
      if (everWon) top = m - 1;
      atAsOf = kind[stage[last]!]!;
    }
    deals++;
    const status = atAsOf === OPEN ? 'open' : atAsOf === WON ? 'won' : atAsOf === LOST ? 'lost' : null;
    if (status === 'open') open++;
    else if (status === 'won') won++;
    else if (status === 'lost') lost++;
    if (top >= 0) {
      const cents = valueAt(s.amount, d, asOf);
      for (let r = 0; r <= top; r++) {
        reached[r]!++;
        reachedCents[r]! += cents;
      }
    }
    if (wanted !== null) {
      if (wanted === 'deals' || wanted === status) members.deals.push(d);
      else for (let r = 0; r <= top; r++) if (wanted === reachedCells[r]) members.deals.push(d);
    }
  }

  return {
    ...frame(w, s),
    stages: view.open.map((st, r) => ({
      key: st.key,
      reached: reached[r]!,
      reachedAmount: toMoney(reachedCents[r]!),
      conversionToNext: r + 1 < m ? ratio(reached[r + 1]!, reached[r]!) : ratio(won, reached[r]!),
    })),
    deals,
    open,
    won,
    lost,
    winRate: ratio(won, won + lost),
  };
}
