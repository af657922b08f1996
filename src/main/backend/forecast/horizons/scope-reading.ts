import type { Snapshot } from '../../analytics/snapshot';
import { deriveLevels, type Levels } from './levels';
import { readScopeHistory, type ScopeHistory } from './scope-history';
import { monthlySlip, type MonthlySlip } from './slip';
import { completeQuarters, deriveTrends, type Trends } from './trends';

/**
 * Everything the horizons derive from a scope's history at one as-of, before any edit: the
 * deals, the slip rate, the levels and (when the three years are asked) the trends. It does
 * not depend on the assumptions edited, so a what-if (the same scope and as-of, another
 * value) only runs the simulation again: the readings are kept per analytics snapshot (a
 * change to the workspace makes a new snapshot, and these go with the old one), a few scopes
 * at a time.
 */
export interface ScopeReading {
  history: ScopeHistory;
  slip: MonthlySlip;
  levels: Levels;
  /** Complete quarters since the first deal (how much history the trends could read). */
  completeQuarters: number;
  /** Read on first use. */
  trends: () => Trends;
}

/** Scopes kept per snapshot: a view's scope, the one before, a team and a rep being compared. */
const KEPT = 4;
const readings = new WeakMap<Snapshot, Map<string, ScopeReading>>();

export function readScope(
  s: Snapshot,
  scope: { asOf?: number | undefined; team?: string | undefined; owner?: string | undefined },
  now: number,
): ScopeReading {
  const key = JSON.stringify([scope.asOf ?? now, scope.team ?? null, scope.owner ?? null]);
  let bySnapshot = readings.get(s);
  if (!bySnapshot) readings.set(s, (bySnapshot = new Map()));
  const known = bySnapshot.get(key);
  if (known) {
    // Most recently used last, so the oldest goes first.
    bySnapshot.delete(key);
    bySnapshot.set(key, known);
    return known;
  }
  const history = readScopeHistory(s, scope, now);
  const open = history.inputs.view.open;
  const levels = deriveLevels(
    history,
    open.map((st) => st.dwellLimitDays),
    history.inputs.winRates[0] ?? { h: 0, closed: 0 },
  );
  let trends: Trends | null = null;
  const reading: ScopeReading = {
    history,
    slip: monthlySlip(s, history),
    levels,
    completeQuarters: completeQuarters(history).length,
    trends: () =>
      (trends ??= deriveTrends(history, levels.cycleDays.distribution, levels.cycleDays.basis === 'history')),
  };
  bySnapshot.set(key, reading);
  if (bySnapshot.size > KEPT) bySnapshot.delete(bySnapshot.keys().next().value!);
  return reading;
}
