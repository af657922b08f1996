import { DAY_MS, monthIndex, monthStart } from '@shared/time';
import type { Snapshot } from '../../analytics/snapshot';
import { stageView, WON, type StageView } from '../../analytics/stage-view';
import { encode, factsAt, featureNames, ownerRecordAt } from './features';
import type { SideFacts } from './side-facts';

/**
 * The model predicts whether an open deal is won within this many days. 180 days cover
 * the sales cycle of nearly every win in a typical workspace (the demo's 95th percentile
 * from creation to win is about 150 days), and a deal still open after half a year is
 * unlikely to close in the quarter being forecast.
 */
export const HORIZON_DAYS = 180;
export const HORIZON_MS = HORIZON_DAYS * DAY_MS;

/**
 * The training examples of a workspace: every (deal, t) pair where t is the first instant
 * of a month (UTC) and the deal was open just before t, its features read from what was on
 * record before t, its label whether it was won in [t, t + 180 days). Only instants whose
 * label window has ended by `now` are taken, so every label is known; a model for an
 * earlier cutoff uses the prefix of instants whose window ended by that cutoff
 * (`rowsKnownBy`), so the examples are built once per snapshot and serve every backtest.
 *
 * Rows are ordered by instant, then by deal index.
 */
export interface ExampleSet {
  names: string[];
  /** Number of features per row. */
  width: number;
  instants: number[];
  /** rowEnd[k] = the first row after instant k's rows. */
  rowEnd: Int32Array;
  rows: number;
  x: Float64Array;
  y: Uint8Array;
  deal: Int32Array;
  /** Per row, the amount (cents, NaN unknown) and close day at t, and the stage's probability. */
  amountCents: Float64Array;
  closeDay: Float64Array;
  stageProbability: Float64Array;
}

/** Whether deal d enters a won stage in [from, to): the label. */
export function wonWithin(s: Snapshot, view: StageView, d: number, from: number, to: number): boolean {
  const { start, stage, enteredAt } = s.visits;
  for (let v = start[d]! + 1, end = start[d + 1]!; v < end; v++) {
    const at = enteredAt[v]!;
    if (at >= to) break;
    if (at >= from && view.kind[stage[v]!] === WON) return true;
  }
  return false;
}

/** The month starts after the first deal's creation whose label window ends by `now`. */
export function trainingInstants(s: Snapshot, now: number): number[] {
  let first = Number.POSITIVE_INFINITY;
  for (let d = 0; d < s.deals.count; d++) first = Math.min(first, s.deals.createdAt[d]!);
  if (!Number.isFinite(first)) return [];
  const out: number[] = [];
  for (let m = monthIndex(first) + 1; monthStart(m) + HORIZON_MS <= now; m++) out.push(monthStart(m));
  return out;
}

export function buildExamples(s: Snapshot, side: SideFacts, now: number): ExampleSet {
  const view = stageView(s);
  const names = featureNames(view);
  const width = names.length;
  const stages = view.open.length;
  const instants = trainingInstants(s, now);
  const rowEnd = new Int32Array(instants.length);
  let capacity = 1024;
  let x = new Float64Array(capacity * width);
  let y = new Uint8Array(capacity);
  let deal = new Int32Array(capacity);
  let amountCents = new Float64Array(capacity);
  let closeDay = new Float64Array(capacity);
  let stageProbability = new Float64Array(capacity);
  let rows = 0;
  const grow = () => {
    capacity *= 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(a: T, size: number): T => {
      const b = new (a.constructor as new (n: number) => T)(size);
      b.set(a);
      return b;
    };
    x = widen(x, capacity * width);
    y = widen(y, capacity);
    deal = widen(deal, capacity);
    amountCents = widen(amountCents, capacity);
    closeDay = widen(closeDay, capacity);
    stageProbability = widen(stageProbability, capacity);
  };
  instants.forEach((t, k) => {
    const owners = ownerRecordAt(s, view, t);
    for (let d = 0; d < s.deals.count; d++) {
      const f = factsAt(s, view, side, owners, d, t);
      if (!f) continue;
      if (rows === capacity) grow();
      encode(f, stages, x, rows * width);
      y[rows] = wonWithin(s, view, d, t, t + HORIZON_MS) ? 1 : 0;
      deal[rows] = d;
      amountCents[rows] = f.amountCents;
      closeDay[rows] = f.daysToClose + Math.floor((t - 1) / DAY_MS);
      stageProbability[rows] = view.open[f.rank]!.probability;
      rows++;
    }
    rowEnd[k] = rows;
  });
  return {
    names,
    width,
    instants,
    rowEnd,
    rows,
    x: x.subarray(0, rows * width),
    y: y.subarray(0, rows),
    deal: deal.subarray(0, rows),
    amountCents: amountCents.subarray(0, rows),
    closeDay: closeDay.subarray(0, rows),
    stageProbability: stageProbability.subarray(0, rows),
  };
}

/** How many leading instants have their label window ended by the cutoff (their labels known then). */
export function instantsKnownBy(set: ExampleSet, cutoff: number): number {
  let k = 0;
  while (k < set.instants.length && set.instants[k]! + HORIZON_MS <= cutoff) k++;
  return k;
}
