import type { LiftGroup, MentorLift } from '@shared/contract';
import {
  bootstrapMedian,
  bootstrapMedianDifference,
  bootstrapRateDifference,
  medianOf,
  NO_ESTIMATE,
  wilson,
  type BootstrapOptions,
} from '@shared/domain/intervals';
import { quarterIndex } from './quarters';
import type { ClosedDeals } from './closed-in-window';
import { valueAt, visitAt } from './deal-state';
import type { Window } from './scope';
import type { Snapshot } from './snapshot';
import { OPEN, stageView, WON } from './stage-view';
import { timelineSummary } from './summary';

/**
 * The lift of mentoring: mentored deals closed in the window against comparable
 * unmentored ones, so nobody reads noise as proof.
 *
 * Comparable means the same cell: the same stage when the mentor joined, the same size
 * band (amount at as-of, the workspace's analytics bands), closed in the same quarter.
 * A mentored deal joined at stage s is compared with unmentored deals that reached s
 * (PRODUCT.md's "Reached"): a deal lost before s never had the chance the mentored deal
 * had, and counting it would flatter the mentors. An unmentored deal is comparable when it
 * shares a cell with at least one mentored deal, and counts once (no weights).
 *
 * The stage when the mentor joined is the deal's stage at the tag's created_at. When the
 * deal was no longer open then (tagged after it closed, as a `mentors.csv` import made
 * after the fact is), or the time says nothing (before the deal existed, or not before
 * as-of), the reading is the deal's entry stage: the mentor is taken to have been there
 * from the start, which compares the deal with every deal that entered at that stage or
 * passed it. An entry stage that is not open (a deal created closed) sets no stage condition.
 *
 * Below the minimum sample no difference is claimed: `enough` is false and the lift's
 * estimate and bounds are null (the groups' own figures are still shown).
 */

/** At least this many closed deals on each side before a win-rate difference is claimed. */
export const MIN_CLOSED = 20;
/** At least this many won deals on each side before a cycle difference (or a median's interval) is claimed. */
export const MIN_WON = 10;
/** The bootstrap's fixed seed and resamples: one figure on every machine, every run. */
export const LIFT_BOOTSTRAP: BootstrapOptions = { seed: 20_261_213, resamples: 2000 };

export interface SizeBands {
  large: number;
  medium: number;
}

/** 0 large, 1 medium, 2 small, by amount (cents) at as-of, as the pipeline view bands deals. */
export function bandOf(cents: number, bands: SizeBands): number {
  return cents >= Math.round(bands.large * 100) ? 0 : cents >= Math.round(bands.medium * 100) ? 1 : 2;
}

/**
 * The open-stage rank the deal was at when the mentor joined at `taggedAt`, by the
 * reading above; -1 for no stage condition.
 */
export function rankWhenTagged(s: Snapshot, d: number, taggedAt: number, asOf: number): number {
  const view = stageView(s);
  const first = s.visits.start[d]!;
  const known = taggedAt > s.deals.createdAt[d]! && taggedAt < asOf;
  if (known) {
    const code = s.visits.stage[visitAt(s, d, taggedAt)]!;
    if (view.kind[code] === OPEN) return view.rank[code]!;
  }
  const entry = s.visits.stage[first]!;
  return view.kind[entry] === OPEN ? view.rank[entry]! : -1;
}

/** The highest open rank the deal reached before as-of (the last rank when it was won): PRODUCT.md's "Reached". */
export function rankReached(s: Snapshot, d: number, asOf: number): number {
  const summary = timelineSummary(s);
  if (summary.lastEntered[d]! < asOf) return summary.top[d]!;
  const view = summary.view;
  const { start, stage, enteredAt } = s.visits;
  let best = -1;
  for (let v = start[d]!; v < start[d + 1]!; v++) {
    if (v > start[d]! && enteredAt[v]! >= asOf) break;
    const kind = view.kind[stage[v]!]!;
    if (kind === OPEN) best = Math.max(best, view.rank[stage[v]!]!);
    else if (kind === WON) return view.open.length - 1; // won: passed every open stage
  }
  return best;
}

/** A closed deal's cell without its stage: band × quarter of its close. */
const cellOf = (band: number, quarter: number): number => quarter * 3 + band;

/**
 * What the lift reads of every closed deal, computed once per view (each mentor's lift
 * reuses it): its cell without the stage, and the highest open rank it reached.
 */
export interface LiftCells {
  cell: Int32Array;
  reached: Int32Array;
}

export function liftCells(s: Snapshot, w: Window, closed: ClosedDeals, bands: SizeBands): LiftCells {
  return {
    cell: Int32Array.from(closed.deal, (d, i) =>
      cellOf(bandOf(valueAt(s.amount, d, w.asOf), bands), quarterIndex(closed.at[i]!)),
    ),
    reached: Int32Array.from(closed.deal, (d) => rankReached(s, d, w.asOf)),
  };
}

/**
 * The lift of the mentored deals among `closed` (those `taggedAt` answers for, with the
 * time their mentor joined) against the unmentored ones (`untagged`).
 */
export function mentorLift(
  s: Snapshot,
  w: Window,
  closed: ClosedDeals,
  cells: LiftCells,
  taggedAt: (d: number) => number | null,
  untagged: (d: number) => boolean,
): MentorLift {
  // Per cell, the lowest stage a mentored deal joined at: an unmentored deal of the cell
  // that reached it shares a cell with at least that mentored deal.
  const lowest = new Map<number, number>();
  const mentored: number[] = [];
  closed.deal.forEach((d, i) => {
    const at = taggedAt(d);
    if (at === null) return;
    mentored.push(i);
    const rank = rankWhenTagged(s, d, at, w.asOf);
    const cell = cells.cell[i]!;
    lowest.set(cell, Math.min(lowest.get(cell) ?? Number.POSITIVE_INFINITY, rank));
  });
  const comparable: number[] = [];
  closed.deal.forEach((d, i) => {
    const rank = lowest.get(cells.cell[i]!);
    if (rank !== undefined && untagged(d) && (rank < 0 || cells.reached[i]! >= rank)) comparable.push(i);
  });
  return liftOf(sampleOf(closed, mentored), sampleOf(closed, comparable));
}

interface Sample {
  closed: number;
  won: number;
  cycles: number[];
}

function sampleOf(closed: ClosedDeals, members: readonly number[]): Sample {
  const cycles: number[] = [];
  for (const i of members) if (closed.won[i] === 1) cycles.push(closed.cycleDays[i]!);
  return { closed: members.length, won: cycles.length, cycles };
}

/** Both sides' figures and, with enough data on both, their differences. */
export function liftOf(a: Sample, b: Sample, options = LIFT_BOOTSTRAP): MentorLift {
  const enough = {
    winRate: a.closed >= MIN_CLOSED && b.closed >= MIN_CLOSED,
    cycle: a.won >= MIN_WON && b.won >= MIN_WON,
  };
  return {
    mentored: groupOf(a, options),
    comparable: groupOf(b, options),
    winRateLift: enough.winRate
      ? bootstrapRateDifference(a.won, a.closed, b.won, b.closed, options)
      : NO_ESTIMATE,
    cycleLift: enough.cycle ? bootstrapMedianDifference(a.cycles, b.cycles, options) : NO_ESTIMATE,
    enough,
    minimum: { closed: MIN_CLOSED, won: MIN_WON },
    seed: options.seed,
    resamples: options.resamples,
  };
}

/**
 * One side's win rate (Wilson, valid at any size) and median cycle; the median's bootstrap
 * bounds only from MIN_WON wins on, since a percentile bootstrap of a handful of values
 * draws an interval narrower than the truth.
 */
function groupOf(g: Sample, options: BootstrapOptions): LiftGroup {
  return {
    closed: g.closed,
    won: g.won,
    winRate: wilson(g.won, g.closed),
    medianCycleDays:
      g.won >= MIN_WON
        ? bootstrapMedian(g.cycles, options)
        : { estimate: medianOf(g.cycles), low: null, high: null },
  };
}
