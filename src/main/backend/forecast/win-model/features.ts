import { DAY_MS } from '@shared/time';
import { logit } from '@shared/domain/logistic';
import type { Snapshot } from '../../analytics/snapshot';
import { LOST, OPEN, WON, type StageView } from '../../analytics/stage-view';
import { fieldBefore, firstBefore, lastChangeBefore, pushesBefore, visitBefore } from './past';
import { countBefore, type SideFacts } from './side-facts';

/**
 * What the model knows of an open deal at an instant t, read only from what was on record
 * strictly before t (past.ts, side-facts.ts), and its encoding as one row of numbers.
 */
export interface DealFacts {
  /** Open rank of the stage at t (0 = the first open stage). */
  rank: number;
  stageCode: number;
  daysInStage: number;
  pushes: number;
  /** Amount at t and when first entered, in cents; NaN when not known at t. */
  amountCents: number;
  firstAmountCents: number;
  /** Days since anything on the deal's record last changed (activity recency). */
  idleDays: number;
  /** Owner code at t (-1 unknown), and the owner's closed and won deals before t. */
  owner: number;
  ownerClosed: number;
  ownerWon: number;
  /** Won share of every deal closed before t (with one win and one loss added in). */
  orgRate: number;
  mentors: string[];
  approvedPlans: number;
  contacts: number;
  /** Close date at t minus t's day, in days; NaN without a close date. */
  daysToClose: number;
  ageDays: number;
}

/** The numeric features after the stage indicators, in row order. */
export const NUMERIC_FEATURES = [
  'daysInStage',
  'pushes',
  'amountChange',
  'amount',
  'idleDays',
  'ownerWinRate',
  'mentored',
  'approvedPlan',
  'contacts',
  'daysToClose',
  'dealAge',
] as const;
export type NumericFeature = (typeof NUMERIC_FEATURES)[number];

/**
 * Column names: one indicator per open stage above the first (`stage:<key>`; the first open
 * stage is the baseline the intercept stands for), then the numeric features.
 */
export function featureNames(view: StageView): string[] {
  return [...view.open.slice(1).map((st) => `stage:${st.key}`), ...NUMERIC_FEATURES];
}

/** How strongly the owner's record is pulled towards everyone's: as if 10 more deals had closed at that rate. */
const OWNER_PRIOR_DEALS = 10;

export const smoothedOwnerRate = (f: Pick<DealFacts, 'ownerWon' | 'ownerClosed' | 'orgRate'>): number =>
  (f.ownerWon + OWNER_PRIOR_DEALS * f.orgRate) / (f.ownerClosed + OWNER_PRIOR_DEALS);

const clip = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Writes the deal's row (featureNames' order) into `out` at `offset`. */
export function encode(f: DealFacts, stages: number, out: Float64Array, offset: number): void {
  for (let r = 1; r < stages; r++) out[offset + r - 1] = f.rank === r ? 1 : 0;
  let j = offset + stages - 1;
  out[j++] = Math.log1p(Math.max(0, f.daysInStage));
  out[j++] = Math.min(f.pushes, 6);
  out[j++] =
    f.amountCents > 0 && f.firstAmountCents > 0
      ? clip(Math.log(f.amountCents / f.firstAmountCents), -2, 2)
      : f.amountCents === f.firstAmountCents
        ? 0
        : Number.NaN;
  out[j++] = f.amountCents >= 0 ? Math.log10(1 + f.amountCents / 100) : Number.NaN;
  out[j++] = Math.log1p(Math.max(0, f.idleDays));
  out[j++] = logit(smoothedOwnerRate(f)) - logit(f.orgRate);
  out[j++] = f.mentors.length > 0 ? 1 : 0;
  out[j++] = f.approvedPlans > 0 ? 1 : 0;
  out[j++] = Math.log1p(f.contacts);
  out[j++] = f.daysToClose === f.daysToClose ? clip(f.daysToClose, -180, 365) / 30 : Number.NaN;
  out[j++] = Math.log1p(Math.max(0, f.ageDays));
}

/**
 * Every owner's closed and won deals at t: deals created and not deleted before t whose
 * stage just before t is won or lost, credited to their owner just before t.
 */
export interface OwnerRecord {
  closed: Float64Array;
  won: Float64Array;
  /** (won + 1) / (closed + 2) over everyone. */
  orgRate: number;
}

export function ownerRecordAt(s: Snapshot, view: StageView, t: number): OwnerRecord {
  const size = s.dictionaries.owner.size + 1;
  const closed = new Float64Array(size);
  const won = new Float64Array(size);
  let allClosed = 0;
  let allWon = 0;
  for (let d = 0; d < s.deals.count; d++) {
    if (!(s.deals.createdAt[d]! < t) || s.deals.deletedAt[d]! < t) continue;
    const kind = view.kind[s.visits.stage[visitBefore(s, d, t)]!];
    if (kind !== WON && kind !== LOST) continue;
    tally(s, d, t, kind === WON, closed, won);
    allClosed++;
    if (kind === WON) allWon++;
  }
  return { closed, won, orgRate: (allWon + 1) / (allClosed + 2) };
}

function tally(s: Snapshot, d: number, t: number, isWon: boolean, closed: Float64Array, won: Float64Array) {
  const owner = fieldBefore(s.owner, d, t);
  if (!(owner >= 0)) return;
  closed[owner]!++;
  if (isWon) won[owner]!++;
}

/**
 * The facts of deal d at t, or null when it is not an open deal then (not created yet,
 * deleted, closed, or in a stage the model does not know).
 */
export function factsAt(
  s: Snapshot,
  view: StageView,
  side: SideFacts,
  owners: OwnerRecord,
  d: number,
  t: number,
): DealFacts | null {
  if (!(s.deals.createdAt[d]! < t) || s.deals.deletedAt[d]! < t) return null;
  const v = visitBefore(s, d, t);
  const code = s.visits.stage[v]!;
  if (view.kind[code] !== OPEN) return null;
  const entered = v === s.visits.start[d]! ? s.deals.createdAt[d]! : s.visits.enteredAt[v]!;
  const owner = fieldBefore(s.owner, d, t);
  const known = owner >= 0;
  const closeDay = fieldBefore(s.closeDay, d, t);
  const tDay = Math.floor((t - 1) / DAY_MS);
  const mentors = (side.mentorTimes.get(d) ?? []).filter((m) => m.at < t).map((m) => m.mentor);
  return {
    rank: view.rank[code]!,
    stageCode: code,
    daysInStage: (t - entered) / DAY_MS,
    pushes: pushesBefore(s.closeDay, d, t),
    amountCents: fieldBefore(s.amount, d, t),
    firstAmountCents: firstBefore(s.amount, d, t),
    idleDays: (t - lastChangeBefore(s, d, t)) / DAY_MS,
    owner: known ? owner : -1,
    ownerClosed: known ? owners.closed[owner]! : 0,
    ownerWon: known ? owners.won[owner]! : 0,
    orgRate: owners.orgRate,
    mentors,
    approvedPlans: countBefore(side.approvedPlans.get(d), t),
    contacts: countBefore(side.contacts.get(d), t),
    daysToClose: closeDay === closeDay ? closeDay - tDay : Number.NaN,
    ageDays: (t - s.deals.createdAt[d]!) / DAY_MS,
  };
}
