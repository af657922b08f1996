import type { FieldTimeline, Snapshot } from './snapshot';

/**
 * A deal's state at an instant t over the snapshot (PRODUCT.md, "State at an instant"
 * and "Field values"): everything stamped strictly before t, nothing at or after it.
 * These are the engine's only readers of the timelines; every report goes through them.
 */

/**
 * The value of a field at t: its last row before t; before the earliest row, the
 * earliest row's value (even when that row is at or after t); without rows, the column.
 */
export function valueAt(tl: FieldTimeline, d: number, t: number): number {
  const s = tl.start[d]!;
  const e = tl.start[d + 1]!;
  if (s === e) return tl.column[d]!;
  let v = tl.value[s]!;
  for (let r = s + 1; r < e && tl.at[r]! < t; r++) v = tl.value[r]!;
  return v;
}

/**
 * The visit the deal is in just before t: the first visit (entered at created_at, so
 * call this only for a deal created before t) or the last one entered before t.
 */
export function visitAt(s: Snapshot, d: number, t: number): number {
  const { start, enteredAt } = s.visits;
  const end = start[d + 1]!;
  // Most deals changed stage for the last time before t: no walk.
  if (enteredAt[end - 1]! < t) return end - 1;
  let v = start[d]!;
  while (v + 1 < end && enteredAt[v + 1]! < t) v++;
  return v;
}

/**
 * When the timeline, cut at t, first enters a stage of `kind` (won or lost time, PRODUCT.md
 * "Won and lost"), even if it left it later; +Infinity when it never does before t.
 */
export function firstEntry(s: Snapshot, kinds: Uint8Array, d: number, t: number, kind: number): number {
  const { start, stage, enteredAt } = s.visits;
  const end = start[d + 1]!;
  for (let v = start[d]!; v < end; v++) {
    if (v > start[d]! && enteredAt[v]! >= t) break;
    if (kinds[stage[v]!] === kind) return enteredAt[v]!;
  }
  return Number.POSITIVE_INFINITY;
}
