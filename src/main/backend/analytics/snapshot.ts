import type { Stage } from '@shared/domain/stages';
import type { Dictionary } from './dictionary';

/**
 * The analytics engine's in-memory copy of the workspace (ARCHITECTURE.md, "Speed"): the
 * deals and their field timelines as typed arrays, so a report at any as-of is one
 * linear pass over numbers. SQLite stays the source of truth; a snapshot is immutable
 * once built, and a change to the workspace produces a new one with a higher version
 * (store.ts), so a report never reads a half-updated copy.
 *
 * Deal i's rows of a timeline are [start[i], start[i + 1]) in that timeline's arrays,
 * in time order (rows at one instant in the order they were written: file order).
 */
export interface Snapshot {
  /** Increases with every new snapshot of one workspace. */
  readonly version: number;
  /** The highest `deals.revision` this snapshot has read. */
  readonly revision: number;
  /** The stage model, by ascending order. */
  readonly stages: readonly Stage[];
  readonly dictionaries: Dictionaries;
  readonly deals: DealColumns;
  /** The stage timeline, merged into visits (PRODUCT.md, "Timeline of a deal"). */
  readonly visits: VisitColumns;
  readonly amount: FieldTimeline;
  /** Close dates as day numbers (days since 1970-01-01); NaN = cleared / not set. */
  readonly closeDay: FieldTimeline;
  /** Forecast categories as codes of `dictionaries.category`. */
  readonly category: FieldTimeline;
  /** Owners as codes of `dictionaries.owner`. */
  readonly owner: FieldTimeline;
}

export interface Dictionaries {
  readonly stage: Dictionary;
  readonly owner: Dictionary;
  readonly team: Dictionary;
  readonly product: Dictionary;
  readonly category: Dictionary;
}

export interface DealColumns {
  readonly count: number;
  readonly seq: Int32Array;
  readonly id: readonly string[];
  readonly name: readonly string[];
  readonly account: readonly string[];
  readonly createdAt: Float64Array;
  /** The UTC month of `createdAt` (time.ts monthIndex), for cohorts. */
  readonly createdMonth: Int32Array;
  /** +Infinity for a live deal, so "deleted before t" is `deletedAt < t` without a branch. */
  readonly deletedAt: Float64Array;
  /** NaN when unknown. */
  readonly lastActivityAt: Float64Array;
  readonly team: Int32Array;
  readonly product: Int32Array;
  /** 1 when `next_step` is empty or white space (the `noNextStep` rule, evaluated once). */
  readonly noNextStep: Uint8Array;
}

export interface VisitColumns {
  readonly start: Int32Array;
  /** Code of `dictionaries.stage`. */
  readonly stage: Int32Array;
  /** When the visit began: `created_at` for the first, the stage row's instant for the others. */
  readonly enteredAt: Float64Array;
}

/**
 * One field's history rows. A deal without rows of the field has start[i] = start[i + 1]
 * and its column value in `column[i]`.
 */
export interface FieldTimeline {
  readonly start: Int32Array;
  readonly at: Float64Array;
  readonly value: Float64Array;
  readonly column: Float64Array;
}

/** Bytes held by the snapshot's typed arrays (the strings are counted roughly: 2 bytes a character). */
export function snapshotBytes(s: Snapshot): number {
  const arrays = [
    s.deals.seq,
    s.deals.createdAt,
    s.deals.createdMonth,
    s.deals.deletedAt,
    s.deals.lastActivityAt,
    s.deals.team,
    s.deals.product,
    s.deals.noNextStep,
    s.visits.start,
    s.visits.stage,
    s.visits.enteredAt,
    ...[s.amount, s.closeDay, s.category, s.owner].flatMap((t) => [t.start, t.at, t.value, t.column]),
  ];
  let bytes = arrays.reduce((n, a) => n + a.byteLength, 0);
  for (const column of [s.deals.id, s.deals.name, s.deals.account])
    for (const text of column) bytes += 16 + 2 * text.length;
  return bytes;
}
