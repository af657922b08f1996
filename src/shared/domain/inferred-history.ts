/**
 * History inferred from two versions of a deal, for sources that give no history of their
 * own: a re-imported export, a CRM sync without field history. The CSV import and the sync
 * engine share these rules so a deal's timeline means the same whichever way it arrived.
 */
import { HISTORY_FIELDS, type HistoryField } from './stages';

/** A deal's tracked fields as history values (`amount` formatted by formatAmount). */
export interface TrackedFields {
  stage: string;
  amount: string;
  close_date: string;
  forecast_category: string;
  owner: string;
}

export interface InferredChange {
  field: HistoryField;
  value: string;
  changedAt: number;
}

/** One row per field whose value differs, with the new value, stamped `at`. */
export function inferChanges(before: TrackedFields, after: TrackedFields, at: number): InferredChange[] {
  const out: InferredChange[] = [];
  for (const field of HISTORY_FIELDS)
    if (before[field] !== after[field]) out.push({ field, value: after[field], changedAt: at });
  return out;
}

/** What is known of the stored deal's history, per field. */
export interface StoredHistory {
  createdAt: number;
  /** The latest `changed_at` among the field's rows; absent when the field has none. */
  lastChangedAt: Partial<Record<HistoryField, number>>;
}

/**
 * The rows to append for a changed deal. PRODUCT.md: a field's rows override its column,
 * and before its earliest row a field has that row's value. A field without rows would
 * therefore read the new value all the way back to created_at, so its old value goes in
 * first, at created_at (its initial value). A change is never stamped before the field's
 * last stored row (it would not be the latest) nor before created_at.
 */
export function inferHistoryRows(
  before: TrackedFields,
  after: TrackedFields,
  at: number,
  stored: StoredHistory,
): InferredChange[] {
  const rows: InferredChange[] = [];
  for (const change of inferChanges(before, after, at)) {
    const last = stored.lastChangedAt[change.field];
    if (last === undefined)
      rows.push({ field: change.field, value: before[change.field], changedAt: stored.createdAt });
    rows.push({ ...change, changedAt: Math.max(change.changedAt, last ?? stored.createdAt) });
  }
  return rows;
}
