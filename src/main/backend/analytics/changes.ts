import {
  CHANGE_CATEGORIES,
  type ChangeCategory,
  type ChangedDeal,
  type ChangesReport,
  type ChangesScope,
} from '@shared/contract';
import { DAY_MS, dayOf, dayStart, quarterOf, quarterRange } from '@shared/time';
import { toMoney } from './money';
import { frame, DealScope, Members, resolveWindow } from './scope';
import type { Snapshot } from './snapshot';
import { LOST, OPEN, stageView, WON } from './stage-view';
import { valueAt, visitAt } from './deal-state';

/** The close-date period P of a changes report: [start, end) in ms. */
export function changesPeriod(scope: ChangesScope): { start: number; end: number } {
  if (scope.periodStart !== undefined && scope.periodEnd !== undefined)
    return { start: scope.periodStart, end: scope.periodEnd };
  // Without a period: the quarter given, else the calendar quarter of the window's last day.
  const quarter = scope.quarter ?? quarterOf(dayOf(scope.to - 1));
  const range = quarterRange(quarter)!;
  return { start: dayStart(range.start), end: dayStart(range.end) };
}

/** A period bound as PRODUCT.md writes dates (`YYYY-MM-DD`), or an ISO instant when it is not a whole day. */
const bound = (ms: number): string => (ms % DAY_MS === 0 ? dayOf(ms) : new Date(ms).toISOString());

/**
 * Pipeline change (PRODUCT.md, "Pipeline change (waterfall)"): pipeline(T0) against
 * pipeline(T1) for the deals whose close date is in P; every deal in either gets one
 * category and a signed delta, so start + Σ deltas = end to the cent (sums in cents).
 * When T0 or T1 is after as-of, the state there is the state at as-of.
 *
 * Drill cells: a category name (its deals), `start` (pipeline(T0)), `end` (pipeline(T1)).
 */
export function changesReport(
  s: Snapshot,
  scope: ChangesScope,
  now: number,
  members = new Members(null),
): ChangesReport {
  const w = resolveWindow(scope, now);
  const { start: pStart, end: pEnd } = changesPeriod(scope);
  const t0 = Math.min(w.from, w.asOf);
  const t1 = Math.min(w.to, w.asOf);
  const view = stageView(s);
  const { kind } = view;
  const keep = new DealScope(s, w);
  const { createdAt, deletedAt, count, id } = s.deals;
  const stageCodes = s.visits.stage;
  const totals = Object.fromEntries(CHANGE_CATEGORIES.map((c) => [c, 0])) as Record<ChangeCategory, number>;
  const counts = { ...totals };
  const deals: ChangedDeal[] = [];
  let startCents = 0;
  let endCents = 0;
  const wanted = members.cell;

  const inPeriod = (d: number, t: number): boolean => {
    const day = valueAt(s.closeDay, d, t);
    // NaN (no close date) fails both comparisons: outside P.
    return day * DAY_MS >= pStart && day * DAY_MS < pEnd;
  };

  for (let d = 0; d < count; d++) {
    if (!keep.keeps(d)) continue;
    const c = createdAt[d]!;
    const existsAt0 = c < t0;
    const kind0 = existsAt0 ? kind[stageCodes[visitAt(s, d, t0)]!]! : 0;
    const kind1 = c < t1 ? kind[stageCodes[visitAt(s, d, t1)]!]! : 0;
    const deletedAt0 = deletedAt[d]! < t0;
    const deletedAt1 = deletedAt[d]! < t1;
    const in0 = existsAt0 && !deletedAt0 && kind0 === OPEN && inPeriod(d, t0);
    const in1 = c < t1 && !deletedAt1 && kind1 === OPEN && inPeriod(d, t1);
    if (!in0 && !in1) continue;
    const a0 = in0 ? valueAt(s.amount, d, t0) : 0;
    const a1 = in1 ? valueAt(s.amount, d, t1) : 0;
    let category: ChangeCategory;
    let delta: number;
    if (in0) {
      startCents += a0;
      delta = -a0;
      if (deletedAt1) category = 'removed';
      else if (kind1 === WON) category = 'won';
      else if (kind1 === LOST) category = 'lost';
      else if (kind1 === OPEN && !in1) category = 'slipped';
      // A stage the model does not know (an unmapped upstream stage): it left the
      // pipeline without being won, lost or slipped; counted with the removed ones so
      // the waterfall still balances.
      else if (!in1) category = 'removed';
      else {
        delta = a1 - a0;
        category = delta > 0 ? 'increased' : delta < 0 ? 'decreased' : 'unchanged';
      }
    } else {
      delta = a1;
      if (!existsAt0) category = 'new';
      else if (kind0 === WON || kind0 === LOST) category = 'reopened';
      else category = 'pulledIn';
    }
    if (in1) endCents += a1;
    totals[category] += delta;
    counts[category]++;
    deals.push({
      id: id[d]!,
      category,
      delta: toMoney(delta),
      amountAtStart: in0 ? toMoney(a0) : null,
      amountAtEnd: in1 ? toMoney(a1) : null,
    });
    if (wanted !== null && (wanted === category || (wanted === 'start' && in0) || (wanted === 'end' && in1)))
      members.deals.push(d);
  }

  return {
    ...frame(w, s),
    periodStart: bound(pStart),
    periodEnd: bound(pEnd),
    start: toMoney(startCents),
    end: toMoney(endCents),
    totals: Object.fromEntries(CHANGE_CATEGORIES.map((c) => [c, toMoney(totals[c])])) as Record<
      ChangeCategory,
      number
    >,
    counts,
    deals,
  };
}
