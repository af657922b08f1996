import type { Snapshot } from './snapshot';

/**
 * Reusable buffers per snapshot and stage code, big enough for every visit of that code,
 * so a report collects durations without allocating megabytes per call. Reports run one
 * at a time on one thread, and each fills a buffer from 0 before reading it.
 */
const buffers = new WeakMap<Snapshot, Map<string, Float64Array[]>>();

export function visitBuffers(s: Snapshot, purpose: string): Float64Array[] {
  let bySnapshot = buffers.get(s);
  if (!bySnapshot) buffers.set(s, (bySnapshot = new Map()));
  let list = bySnapshot.get(purpose);
  if (!list) {
    const counts = new Int32Array(s.dictionaries.stage.size);
    for (const code of s.visits.stage) counts[code]!++;
    list = Array.from(counts, (n) => new Float64Array(n));
    bySnapshot.set(purpose, list);
  }
  return list;
}
