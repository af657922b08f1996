import type { Cohort, CohortsReport, ReportScope } from '@shared/contract';
import { monthIndex, monthLabel } from '@shared/time';
import { frame, DealScope, Members, resolveWindow } from './scope';
import type { Snapshot } from './snapshot';
import { OPEN, stageView, WON } from './stage-view';
import { timelineSummary } from './summary';

/**
 * Cohorts (PRODUCT.md, "Cohorts"): deals created in [from, to) before as-of, by the UTC
 * month of creation. wonShare[k] is the share whose won time (the first entry into a won
 * stage, kept after a reopening, so the series never decreases) is before the first
 * instant of month (cohort + k + 1), for k up to the as-of month; the last entry stops at
 * as-of. reachedShare: the share that reached each open stage by as-of.
 *
 * The as-of month is the month of the as-of date, the UTC day of as-of − 1 ms (as-of is
 * exclusive: `--as-of 2026-03-31` is 2026-04-01 00:00, still a March report).
 *
 * Drill cells: `<YYYY-MM>` (the cohort), `<YYYY-MM>:won:<k>`, `<YYYY-MM>:reached:<key>`.
 */
export function cohortsReport(
  s: Snapshot,
  scope: ReportScope,
  now: number,
  members = new Members(null),
): CohortsReport {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const { kind, rank } = view;
  const m = view.open.length;
  const keep = new DealScope(s, w);
  const { createdAt, createdMonth, deletedAt, count } = s.deals;
  const { start, stage, enteredAt } = s.visits;
  const asOfMonth = monthIndex(w.asOf - 1);
  const summary = timelineSummary(s);

  interface Tally {
    size: number;
    /** Deals first won in month cohort + k, by k. */
    wonIn: Float64Array;
    reached: Float64Array;
  }
  const tallies = new Map<number, Tally>();
  const wanted = members.cell;

  for (let d = 0; d < count; d++) {
    const c = createdAt[d]!;
    if (!(c >= w.from && c < w.to)) continue;
    if (deletedAt[d]! < w.asOf || !keep.keeps(d)) continue;
    const month = createdMonth[d]!;
    let t = tallies.get(month);
    if (!t) {
      const span = asOfMonth - month + 1;
      t = { size: 0, wonIn: new Float64Array(span), reached: new Float64Array(m) };
      tallies.set(month, t);
    }
    t.size++;
    let top = -1;
    let wonAt = Number.POSITIVE_INFINITY;
    if (summary.lastEntered[d]! < w.asOf) {
      // As-of is after the deal's last change: its whole timeline counts.
      top = summary.top[d]!;
      wonAt = summary.wonAt[d]!;
    } else {
      for (let v = start[d]!, end = start[d + 1]!; v < end; v++) {
        if (v > start[d]! && enteredAt[v]! >= w.asOf) break;
        const k = kind[stage[v]!]!;
        if (k === OPEN) top = Math.max(top, rank[stage[v]!]!);
        else if (k === WON && wonAt === Number.POSITIVE_INFINITY) wonAt = enteredAt[v]!;
      }
    }
    let wonK = -1;
    if (wonAt !== Number.POSITIVE_INFINITY) {
      top = m - 1;
      wonK = monthIndex(wonAt) - month;
      t.wonIn[wonK]!++;
    }
    for (let r = 0; r <= top; r++) t.reached[r]!++;
    if (wanted !== null) {
      const label = monthLabel(month);
      if (wanted === label) members.deals.push(d);
      else if (wanted.startsWith(`${label}:won:`)) {
        if (wonK >= 0 && wonK <= Number(wanted.slice(label.length + 5))) members.deals.push(d);
      } else if (wanted.startsWith(`${label}:reached:`)) {
        const r = view.open.findIndex((st) => st.key === wanted.slice(label.length + 9));
        if (r >= 0 && r <= top) members.deals.push(d);
      }
    }
  }

  const cohorts: Cohort[] = [...tallies.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([month, t]) => {
      const wonShare: number[] = [];
      let cumulative = 0;
      for (let k = 0; k < t.wonIn.length; k++) {
        cumulative += t.wonIn[k]!;
        wonShare.push(cumulative / t.size);
      }
      return {
        month: monthLabel(month),
        size: t.size,
        wonShare,
        reachedShare: Object.fromEntries(view.open.map((st, r) => [st.key, t.reached[r]! / t.size])),
      };
    });
  return { ...frame(w, s), cohorts };
}
