import type { Db } from '../../db/query';
import type { Snapshot } from '../../analytics/snapshot';
import { stageView, type StageView } from '../../analytics/stage-view';
import { buildExamples, instantsKnownBy, trainingInstants, type ExampleSet } from './examples';
import { encode, factsAt, ownerRecordAt, type DealFacts, type OwnerRecord } from './features';
import { sideFacts, type SideFacts } from './side-facts';
import { predict, trainWinModel, type WinModel } from './train';

/**
 * The trained models of one analytics snapshot, built on first use and kept beside it
 * (WeakMap keyed by the snapshot object, like analytics/mentor-tags.ts): any write makes a
 * new snapshot, so a model is never older than the data it would be asked about.
 *
 * One example set per snapshot (and per number of instants whose labels `now` knows: the
 * real clock may move on under an unchanged snapshot); one model per training cutoff,
 * keyed by how many instants it learns from, so a backtest's quarters and a forecast at
 * any as-of share them.
 */
interface Kept {
  side: SideFacts;
  view: StageView;
  sets: Map<number, ExampleSet>;
  models: Map<string, WinModel | null>;
  owners: Map<number, OwnerRecord>;
}

const cache = new WeakMap<Snapshot, Kept>();
/** Owner records kept per snapshot (each is a pass over every deal): a few as-of instants at a time. */
const OWNER_RECORDS_KEPT = 16;

function kept(ws: Db, s: Snapshot): Kept {
  let k = cache.get(s);
  if (!k) {
    k = { side: sideFacts(ws, s), view: stageView(s), sets: new Map(), models: new Map(), owners: new Map() };
    cache.set(s, k);
  }
  return k;
}

/** The example set for what `now` knows. */
export function examplesOf(ws: Db, s: Snapshot, now: number): ExampleSet {
  const k = kept(ws, s);
  const count = trainingInstants(s, now).length;
  let set = k.sets.get(count);
  if (!set) {
    set = buildExamples(s, k.side, now);
    // The clock moved on under an unchanged snapshot: the older sets are not asked for again.
    if (k.sets.size >= 2) k.sets.clear();
    k.sets.set(count, set);
  }
  return set;
}

/**
 * The model trained on what was known at `cutoff`: the instants whose 180-day label window
 * ended by then. Null when that is too little history (train.ts MIN_TRAINING_ROWS).
 */
export function modelAt(ws: Db, s: Snapshot, cutoff: number, now: number, seed = 1): WinModel | null {
  const set = examplesOf(ws, s, Math.max(now, cutoff));
  const instants = instantsKnownBy(set, cutoff);
  const k = kept(ws, s);
  const key = `${set.instants.length}:${instants}:${seed}`;
  if (!k.models.has(key)) k.models.set(key, trainWinModel(set, instants, { seed }));
  return k.models.get(key)!;
}

/** One open deal as the model sees it at an instant. */
export interface Prediction {
  facts: DealFacts;
  row: Float64Array;
  probability: number;
}

/** Predicts deals at one instant (the owners' records at that instant are computed once). */
export class Predictor {
  private readonly owners: OwnerRecord;
  readonly view: StageView;
  private readonly side: SideFacts;

  constructor(
    ws: Db,
    private readonly s: Snapshot,
    readonly model: WinModel,
    readonly at: number,
  ) {
    const k = kept(ws, s);
    this.view = k.view;
    this.side = k.side;
    let owners = k.owners.get(at);
    if (!owners) {
      owners = ownerRecordAt(s, k.view, at);
      if (k.owners.size >= OWNER_RECORDS_KEPT) k.owners.clear();
      k.owners.set(at, owners);
    }
    this.owners = owners;
  }

  /** Null when the deal is not open at the instant. */
  predict(d: number): Prediction | null {
    const facts = factsAt(this.s, this.view, this.side, this.owners, d, this.at);
    if (!facts) return null;
    const row = new Float64Array(this.model.names.length);
    encode(facts, this.view.open.length, row, 0);
    return { facts, row, probability: predict(this.model, row) };
  }
}
