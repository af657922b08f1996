import { LOOKBACK_MS, type QuotaRow } from '../../analytics/forecast';
import { valueAt, visitAt } from '../../analytics/deal-state';
import { DealScope, resolveWindow } from '../../analytics/scope';
import type { Snapshot } from '../../analytics/snapshot';
import { OPEN, stageView } from '../../analytics/stage-view';
import { timelineSummary } from '../../analytics/summary';
import type { Period, RowScope } from './period';

/**
 * The teams of the organisation, or the reps of a team, that a work-back lists: those with a
 * deal of the scope active in the year before as-of (open at as-of, created, won or lost in
 * that year; a rep by the deal's owner at as-of) and those with a quota of the period at that
 * level (a rep with a quota and nothing in the pipeline is the one most short). A team or rep
 * whose deals all closed long ago is left out. Deals without a team name no team row.
 * Sorted by name.
 */
export function members(
  s: Snapshot,
  scope: RowScope,
  now: number,
  period: Period,
  quotas: readonly QuotaRow[],
  level: 'team' | 'owner',
): string[] {
  const w = resolveWindow(scope, now);
  const asOf = w.asOf;
  const from = asOf - LOOKBACK_MS;
  const keep = new DealScope(s, w);
  const view = stageView(s);
  const { wonAt, lostAt } = timelineSummary(s);
  const names = new Set<string>();
  const codes = new Set<number>();
  for (let d = 0; d < s.deals.count; d++) {
    if (s.deals.deletedAt[d]! < asOf || !keep.keeps(d)) continue;
    const active =
      s.deals.createdAt[d]! >= from ||
      (wonAt[d]! >= from && wonAt[d]! < asOf) ||
      (lostAt[d]! >= from && lostAt[d]! < asOf) ||
      view.kind[s.visits.stage[visitAt(s, d, asOf)]!] === OPEN;
    if (!active) continue;
    codes.add(level === 'team' ? s.deals.team[d]! : valueAt(s.owner, d, asOf));
  }
  const dictionary = level === 'team' ? s.dictionaries.team : s.dictionaries.owner;
  for (const code of codes) {
    const name = dictionary.values[code];
    if (name) names.add(name);
  }
  for (const q of quotas) {
    if (!period.quarters.includes(q.quarter)) continue;
    if (level === 'team' && q.team !== '' && q.owner === '') names.add(q.team);
    if (level === 'owner' && q.owner !== '' && q.team === scope.team) names.add(q.owner);
  }
  return [...names].sort((a, b) => a.localeCompare(b));
}
