import { valueAt, visitAt } from './deal-state';
import type { Snapshot } from './snapshot';
import { OPEN, stageView } from './stage-view';

/**
 * What a funnel review reads of the deals: which deals a scope holds at as-of, and each
 * one's state at two instants (the previous review's as-of and this one's), from the same
 * snapshot and timeline rules as every report.
 */

/** A deal as it stood just before t (rows stamped at or after t have not happened). */
export interface DealStateAt {
  /** Created before t and not deleted before t. */
  exists: boolean;
  /** Stage code (`dictionaries.stage`), its kind (stage-view.ts) and when the visit began. */
  stage: number;
  kind: number;
  enteredAt: number;
  amountCents: number;
  /** Day number; NaN when no close date is set. */
  closeDay: number;
  owner: number;
  category: number;
}

export function stateAt(s: Snapshot, d: number, t: number): DealStateAt {
  const { kind } = stageView(s);
  const exists = s.deals.createdAt[d]! < t && !(s.deals.deletedAt[d]! < t);
  if (!(s.deals.createdAt[d]! < t))
    return {
      exists,
      stage: -1,
      kind: 0,
      enteredAt: NaN,
      amountCents: NaN,
      closeDay: NaN,
      owner: -1,
      category: -1,
    };
  const v = visitAt(s, d, t);
  const stage = s.visits.stage[v]!;
  return {
    exists,
    stage,
    kind: kind[stage]!,
    enteredAt: s.visits.enteredAt[v]!,
    amountCents: valueAt(s.amount, d, t),
    closeDay: valueAt(s.closeDay, d, t),
    owner: valueAt(s.owner, d, t),
    category: valueAt(s.category, d, t),
  };
}

export interface ReviewScopeAt {
  asOf: number;
  team: string | null;
  /** Owners at as-of; empty for every owner. */
  reps: readonly string[];
  /** Also the deals that closed (won or lost) in [closedSince, asOf). */
  closedSince?: number | null;
}

/**
 * The deals a review of this scope looks at: existing at as-of, of the team, owned at
 * as-of by one of the reps, and open at as-of (or, with `closedSince`, closed since then).
 * Deal indexes, ascending.
 */
export function reviewDeals(s: Snapshot, scope: ReviewScopeAt): number[] {
  const { kind } = stageView(s);
  const team = scope.team === null ? -2 : s.dictionaries.team.find(scope.team);
  const reps = new Set(scope.reps.map((r) => s.dictionaries.owner.find(r)));
  const { asOf } = scope;
  const since = scope.closedSince ?? null;
  const out: number[] = [];
  if (team === -1) return out;
  for (let d = 0; d < s.deals.count; d++) {
    if (!(s.deals.createdAt[d]! < asOf) || s.deals.deletedAt[d]! < asOf) continue;
    if (team !== -2 && s.deals.team[d] !== team) continue;
    if (reps.size && !reps.has(valueAt(s.owner, d, asOf))) continue;
    const v = visitAt(s, d, asOf);
    const k = kind[s.visits.stage[v]!]!;
    if (k === OPEN) out.push(d);
    else if (since !== null && k !== 0 && s.visits.enteredAt[v]! >= since) out.push(d);
  }
  return out;
}

/** The deal's index in the snapshot by id, or -1. */
export function dealIndex(s: Snapshot, id: string): number {
  let byId = indexes.get(s);
  if (!byId) {
    byId = new Map(s.deals.id.map((deal, d) => [deal, d]));
    indexes.set(s, byId);
  }
  return byId.get(id) ?? -1;
}
const indexes = new WeakMap<Snapshot, Map<string, number>>();
