import type { Snapshot } from './snapshot';
import { LOST, OPEN, stageView, WON, type StageView } from './stage-view';

/**
 * What each deal's whole timeline says, for the common case of a report whose as-of is
 * after the deal's last stage change (most deals, for most as-of dates): its highest
 * open rank, whether it was ever won, and when its last visit began. A report checks
 * `lastEntered[d] < asOf` and then reads these instead of walking the visits.
 *
 * Depends on the stage model, so it is computed per snapshot (a new stage model makes a
 * new snapshot) on first use, in one pass over the visits.
 */
export interface TimelineSummary {
  view: StageView;
  /** Highest open rank over all visits; the last rank when the deal was ever won; -1 for none. */
  top: Int16Array;
  /** The kind of the last visit's stage (stage-view.ts kinds). */
  lastKind: Uint8Array;
  lastEntered: Float64Array;
  /** The first entry into a won stage (won time), +Infinity when never. */
  wonAt: Float64Array;
  /** The first entry into a lost stage (lost time), +Infinity when never. */
  lostAt: Float64Array;
}

const summaries = new WeakMap<Snapshot, TimelineSummary>();

export function timelineSummary(s: Snapshot): TimelineSummary {
  const cached = summaries.get(s);
  if (cached) return cached;
  const view = stageView(s);
  const n = s.deals.count;
  const m = view.open.length;
  const top = new Int16Array(n);
  const lastKind = new Uint8Array(n);
  const lastEntered = new Float64Array(n);
  const wonAt = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const lostAt = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  const { start, stage, enteredAt } = s.visits;
  for (let d = 0; d < n; d++) {
    let best = -1;
    let won = false;
    const end = start[d + 1]!;
    for (let v = start[d]!; v < end; v++) {
      const k = view.kind[stage[v]!]!;
      if (k === OPEN) best = Math.max(best, view.rank[stage[v]!]!);
      else if (k === WON) {
        if (!won) wonAt[d] = enteredAt[v]!;
        won = true;
      } else if (k === LOST && lostAt[d] === Number.POSITIVE_INFINITY) lostAt[d] = enteredAt[v]!;
    }
    top[d] = won ? m - 1 : best;
    lastKind[d] = view.kind[stage[end - 1]!]!;
    lastEntered[d] = enteredAt[end - 1]!;
  }
  const summary = { view, top, lastKind, lastEntered, wonAt, lostAt };
  summaries.set(s, summary);
  return summary;
}
