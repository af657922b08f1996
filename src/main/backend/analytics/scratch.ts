import { DurationSample } from './duration-sample';
import type { Snapshot } from './snapshot';

/**
 * Reusable duration samples per snapshot and stage code, each big enough for every
 * visit of that code, so a report collects durations without allocating megabytes per
 * call. Reports run one at a time on one thread, and each resets a sample before use.
 */
const samples = new WeakMap<Snapshot, Map<string, DurationSample[]>>();

export function visitSamples(s: Snapshot, purpose: string): DurationSample[] {
  let bySnapshot = samples.get(s);
  if (!bySnapshot) samples.set(s, (bySnapshot = new Map()));
  let list = bySnapshot.get(purpose);
  if (!list) {
    const counts = new Int32Array(s.dictionaries.stage.size);
    for (const code of s.visits.stage) counts[code]!++;
    list = Array.from(counts, (n) => new DurationSample(new Float64Array(n)));
    bySnapshot.set(purpose, list);
  }
  for (const sample of list) sample.reset();
  return list;
}

const dealSamples = new WeakMap<Snapshot, DurationSample>();

/** One reusable sample with room for a value per deal (the sales cycles of a report). */
export function dealSample(s: Snapshot): DurationSample {
  let sample = dealSamples.get(s);
  if (!sample) dealSamples.set(s, (sample = new DurationSample(new Float64Array(s.deals.count))));
  return sample.reset();
}

const masks = new WeakMap<Snapshot, Uint8Array>();

/** One reusable byte per deal, cleared: which deals a report kept. */
export function dealMask(s: Snapshot): Uint8Array {
  let mask = masks.get(s);
  if (!mask) masks.set(s, (mask = new Uint8Array(s.deals.count)));
  return mask.fill(0);
}
