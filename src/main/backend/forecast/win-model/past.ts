import type { FieldTimeline, Snapshot } from '../../analytics/snapshot';

/**
 * The model's only readers of a deal's history rows: what was on record strictly before an
 * instant t, and nothing stamped at or after it. Stricter than the reports' valueAt: a field
 * whose rows all lie at or after t is *unknown* at t (NaN) rather than read from its earliest
 * row, because that row is a change made later (PRODUCT.md back-dates it only for reports).
 * A field without any rows is the deal's column: it never changed, so it held that value at
 * every instant.
 *
 * Every row whose value a feature uses is announced to `rowReads.watch` when a test sets it,
 * so a test can fail on any read of a row at or after the instant a feature is built for.
 */
export const rowReads: { watch: ((rowAt: number, t: number) => void) | null } = { watch: null };

const seen = (rowAt: number, t: number): void => {
  if (rowReads.watch) rowReads.watch(rowAt, t);
};

/** The field's value just before t: its last row before t; NaN when unknown at t. */
export function fieldBefore(tl: FieldTimeline, d: number, t: number): number {
  const s = tl.start[d]!;
  const e = tl.start[d + 1]!;
  if (s === e) return tl.column[d]!;
  let r = s - 1;
  while (r + 1 < e && tl.at[r + 1]! < t) r++;
  if (r < s) return Number.NaN;
  seen(tl.at[r]!, t);
  return tl.value[r]!;
}

/** The field's first recorded value, when it was recorded before t; NaN otherwise. */
export function firstBefore(tl: FieldTimeline, d: number, t: number): number {
  const s = tl.start[d]!;
  if (s === tl.start[d + 1]!) return tl.column[d]!;
  if (!(tl.at[s]! < t)) return Number.NaN;
  seen(tl.at[s]!, t);
  return tl.value[s]!;
}

/**
 * Close-date pushes before t (PRODUCT.md's pushCount cut at t): rows whose date is later
 * than the row just before it; the first row is never a push, nor the row after a cleared date.
 */
export function pushesBefore(tl: FieldTimeline, d: number, t: number): number {
  let pushes = 0;
  for (let r = tl.start[d]! + 1, e = tl.start[d + 1]!; r < e && tl.at[r]! < t; r++) {
    seen(tl.at[r]!, t);
    if (tl.value[r]! > tl.value[r - 1]!) pushes++;
  }
  return pushes;
}

/**
 * The visit the deal is in just before t (call only for a deal created before t): the
 * first visit, which starts at creation in the deal's first stage, or the last one entered
 * before t.
 */
export function visitBefore(s: Snapshot, d: number, t: number): number {
  const { start, enteredAt } = s.visits;
  let v = start[d]!;
  for (let end = start[d + 1]!; v + 1 < end && enteredAt[v + 1]! < t;) v++;
  seen(v === start[d]! ? s.deals.createdAt[d]! : enteredAt[v]!, t);
  return v;
}

/**
 * The last time anything on the deal's record changed before t (any field's row, a stage
 * change), and its creation when nothing did: the history's stand-in for activity recency.
 */
export function lastChangeBefore(s: Snapshot, d: number, t: number): number {
  let last = s.deals.createdAt[d]!;
  for (const tl of [s.amount, s.closeDay, s.category, s.owner]) {
    let r = tl.start[d]! - 1;
    while (r + 1 < tl.start[d + 1]! && tl.at[r + 1]! < t) r++;
    if (r >= tl.start[d]! && tl.at[r]! > last) last = tl.at[r]!;
  }
  const { start, enteredAt } = s.visits;
  for (let v = start[d]! + 1; v < start[d + 1]! && enteredAt[v]! < t; v++)
    if (enteredAt[v]! > last) last = enteredAt[v]!;
  seen(last, t);
  return last;
}
