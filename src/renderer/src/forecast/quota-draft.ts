import type { Quota } from '@shared/contract';

/**
 * The quota editor's working copy for one quarter: the stored rows with the amounts being
 * edited, rows marked for removal (still shown, with an Undo, until saved) and rows added.
 * Nothing is written until Save, which sends every change as one batch (quotas.save writes
 * all of it or none). Pure, so the rules are tested without a screen.
 */

/** One quota's scope: empty team and owner = the organisation, empty owner = the team. */
export interface QuotaScope {
  team: string;
  owner: string;
}

/** What the amount field holds: a number, or '' while it is empty. */
export type AmountText = number | '';

export interface DraftRow extends QuotaScope {
  key: string;
  amount: AmountText;
  /** The stored amount; null for a row added in this draft. */
  stored: number | null;
  removed: boolean;
}

export interface QuotaEdits {
  amounts: Record<string, AmountText>;
  removed: string[];
  added: (QuotaScope & { amount: AmountText })[];
}

export const NO_EDITS: QuotaEdits = { amounts: {}, removed: [], added: [] };

/** The contract's ceiling for one amount. */
export const MAX_QUOTA = 1e13;

export const scopeKey = (s: QuotaScope): string => JSON.stringify([s.team, s.owner]);

/** Organisation first, then each team's own row before its reps, teams and reps by name. */
export function compareScopes(a: QuotaScope, b: QuotaScope): number {
  const rank = (s: QuotaScope) => (s.team === '' && s.owner === '' ? 0 : 1);
  return (
    rank(a) - rank(b) ||
    a.team.localeCompare(b.team) ||
    (a.owner === '' ? 0 : 1) - (b.owner === '' ? 0 : 1) ||
    a.owner.localeCompare(b.owner)
  );
}

export function draftRows(stored: readonly Quota[], edits: QuotaEdits): DraftRow[] {
  const removed = new Set(edits.removed);
  const rows: DraftRow[] = stored.map((q) => {
    const key = scopeKey(q);
    return {
      key,
      team: q.team,
      owner: q.owner,
      amount: key in edits.amounts ? edits.amounts[key]! : q.amount,
      stored: q.amount,
      removed: removed.has(key),
    };
  });
  for (const a of edits.added) {
    const key = scopeKey(a);
    rows.push({
      key,
      team: a.team,
      owner: a.owner,
      amount: key in edits.amounts ? edits.amounts[key]! : a.amount,
      stored: null,
      removed: false,
    });
  }
  return rows.sort(compareScopes);
}

export type AmountError = 'required' | 'tooLarge' | 'negative';

export function amountError(amount: AmountText): AmountError | null {
  if (amount === '' || !Number.isFinite(amount)) return 'required';
  if (amount < 0) return 'negative';
  if (amount > MAX_QUOTA) return 'tooLarge';
  return null;
}

/** A row to add: its amount must be valid and its scope must not have a row already. */
export function addError(
  candidate: QuotaScope & { amount: AmountText },
  rows: readonly DraftRow[],
):
  | { field: 'scope'; error: 'duplicate'; existing: DraftRow }
  | { field: 'amount'; error: AmountError }
  | null {
  const existing = rows.find((r) => r.key === scopeKey(candidate));
  if (existing) return { field: 'scope', error: 'duplicate', existing };
  const error = amountError(candidate.amount);
  return error ? { field: 'amount', error } : null;
}

export interface QuotaChange extends QuotaScope {
  quarter: string;
  /** null removes the row. */
  amount: number | null;
}

/** The batch Save sends: new and changed amounts, and null for each stored row removed. */
export function changesOf(rows: readonly DraftRow[], quarter: string): QuotaChange[] {
  const out: QuotaChange[] = [];
  for (const r of rows) {
    const scope = { quarter, team: r.team, owner: r.owner };
    if (r.removed) {
      if (r.stored !== null) out.push({ ...scope, amount: null });
    } else if (r.amount !== '' && r.amount !== r.stored) out.push({ ...scope, amount: r.amount });
  }
  return out;
}

/** Rows that differ from what is stored (an emptied amount too: Save then says what is missing). */
export const pendingCount = (rows: readonly DraftRow[]): number =>
  rows.filter((r) => (r.removed ? r.stored !== null : r.stored === null || r.amount !== r.stored)).length;

/** Whether every row can be saved as it is. */
export const draftValid = (rows: readonly DraftRow[]): boolean =>
  rows.every((r) => r.removed || amountError(r.amount) === null);
