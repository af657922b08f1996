import { DAY_MS } from '@shared/time';
import type { Snapshot } from './snapshot';
import { firstAtOrAfter, orderByTime } from './sorted';
import { OPEN, stageView } from './stage-view';

/**
 * Every visit of an open stage as an interval [entered, exit) (exit +Infinity while the
 * deal is still there), for finding the visits in progress at an instant t without
 * walking every deal: in progress means entered < t ≤ exit, the last visit entered
 * before t (deal-state.ts `visitAt`; a visit that ends the instant it begins is never in
 * progress).
 *
 * The visits are split into tiers by length, each sorted by entry. A visit of tier i
 * (length ≤ LENGTHS[i]) in progress at t entered in [t − LENGTHS[i], t): one binary search
 * and one scan per tier. Because the tiers' bounds grow fourfold, at least about a quarter
 * of what a scan reads is in progress (the last tier holds the visits still under way,
 * all in progress once entered), so the work follows the open deals, not the workspace.
 */
const LENGTHS = [2, 8, 32, 128, 512, Number.POSITIVE_INFINITY].map((days) => days * DAY_MS);

export interface OpenVisitTier {
  /** The most a visit of this tier lasts, in ms. */
  length: number;
  entered: Float64Array;
  exit: Float64Array;
  deal: Int32Array;
  /** The stage code of the visit. */
  stage: Int32Array;
  /** The deal's deletedAt, copied beside each visit so a scan reads memory in order. */
  deletedAt: Float64Array;
}

const indexes = new WeakMap<Snapshot, OpenVisitTier[]>();

export function openVisitIndex(s: Snapshot): OpenVisitTier[] {
  const cached = indexes.get(s);
  if (cached) return cached;
  const { kind } = stageView(s);
  const { start, stage, enteredAt } = s.visits;
  const n = s.deals.count;
  const tierOf = (v: number, end: number): number => {
    if (v + 1 === end) return LENGTHS.length - 1;
    const length = enteredAt[v + 1]! - enteredAt[v]!;
    let t = 0;
    while (length > LENGTHS[t]!) t++;
    return t;
  };
  // Two passes over the visits: count per tier, then fill; a visit that ends as it
  // begins is never in progress and is left out.
  const counts = new Int32Array(LENGTHS.length);
  const kept = (v: number, end: number) =>
    kind[stage[v]!] === OPEN && (v + 1 === end || enteredAt[v + 1]! > enteredAt[v]!);
  for (let d = 0; d < n; d++) {
    const end = start[d + 1]!;
    for (let v = start[d]!; v < end; v++) if (kept(v, end)) counts[tierOf(v, end)]!++;
  }
  const visits = Array.from(counts, (c) => new Int32Array(c));
  const owners = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Int32Array(LENGTHS.length);
  for (let d = 0; d < n; d++) {
    const end = start[d + 1]!;
    for (let v = start[d]!; v < end; v++) {
      if (!kept(v, end)) continue;
      const t = tierOf(v, end);
      visits[t]![filled[t]!] = v;
      owners[t]![filled[t]!++] = d;
    }
  }
  const tiers = visits.map((vs, t): OpenVisitTier => {
    const order = orderByTime(vs.length, (o) => enteredAt[vs[o]!]!);
    const entered = new Float64Array(vs.length);
    const exit = new Float64Array(vs.length);
    const deal = new Int32Array(vs.length);
    const code = new Int32Array(vs.length);
    const deletedAt = new Float64Array(vs.length);
    for (let i = 0; i < vs.length; i++) {
      const o = order[i]!;
      const v = vs[o]!;
      const d = owners[t]![o]!;
      entered[i] = enteredAt[v]!;
      exit[i] = v + 1 < start[d + 1]! ? enteredAt[v + 1]! : Number.POSITIVE_INFINITY;
      deal[i] = d;
      code[i] = stage[v]!;
      deletedAt[i] = s.deals.deletedAt[d]!;
    }
    return { length: LENGTHS[t]!, entered, exit, deal, stage: code, deletedAt };
  });
  indexes.set(s, tiers);
  return tiers;
}

/**
 * The part of a tier that may be in progress at t: visits entered in [t − length, t).
 * Those of them with exit ≥ t are in progress.
 */
export function candidatesAt(tier: OpenVisitTier, t: number): [first: number, last: number] {
  const first = Number.isFinite(tier.length) ? firstAtOrAfter(tier.entered, t - tier.length) : 0;
  return [first, firstAtOrAfter(tier.entered, t)];
}
