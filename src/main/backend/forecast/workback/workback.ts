import type {
  Workback,
  WorkbackBenchmark,
  WorkbackInput,
  WorkbackRow,
} from '@shared/contract/forecast-workback';
import type { QuotaRow } from '../../analytics/forecast';
import { toMoney } from '../../analytics/money';
import type { Snapshot } from '../../analytics/snapshot';
import { Conversions } from './conversion';
import { diagnose } from './diagnosis';
import { members } from './members';
import { newDeals, recentCreationPerWeek, RECENT_WEEKS, typicalCycleDays, WEEK_MS } from './new-deals';
import { parsePeriod, periodInputs, type Period, type RowScope } from './period';
import { stageRows } from './stages';
import { breakdownTargets, scopeTarget, type Target } from './target';

/**
 * Works back from a quarter's or a year's target (the contract, forecast-workback.ts):
 * the scope's row, and the same row for each of its teams (the organisation) or reps (a
 * team). Every figure reads the analytics snapshot through the forecast's own functions.
 *
 * `benchmarks`: the conversion rates set for the funnel view (analytics settings), what the
 * organisation's own conversion is judged against; teams and reps are judged against the
 * organisation's and their team's conversion. `breakdown: false` leaves the rows out (the
 * deck shows the scope alone and has each rep's forecast elsewhere).
 */
export function workback(
  s: Snapshot,
  input: WorkbackInput,
  now: number,
  quotas: readonly QuotaRow[],
  benchmarks: Readonly<Record<string, number>>,
  options: { breakdown?: boolean } = {},
): Workback {
  const asOf = input.asOf ?? now;
  const period = parsePeriod(input.period);
  const scope: RowScope = {
    asOf,
    ...(input.team !== undefined ? { team: input.team } : {}),
    ...(input.owner !== undefined ? { owner: input.owner } : {}),
  };
  const conversions = new Conversions(s, now);
  const target = scopeTarget(quotas, period, scope, input.target);
  const top = row(s, now, period, scope, target, conversions, benchmarks);

  const breakdown =
    options.breakdown === false || scope.owner !== undefined
      ? null
      : scope.team !== undefined
        ? 'owner'
        : 'team';
  const scopes: RowScope[] =
    breakdown === null
      ? []
      : members(s, scope, now, period, quotas, breakdown).map((name) =>
          breakdown === 'team' ? { asOf, team: name } : { asOf, team: scope.team!, owner: name },
        );
  const targets = breakdownTargets(quotas, period, scopes, target);
  const rows = scopes.map((sub, i) => row(s, now, period, sub, targets[i]!, conversions, benchmarks));

  return {
    ...top,
    period: period.label,
    kind: period.kind,
    periodStart: period.start,
    periodEnd: period.end,
    asOf: new Date(asOf).toISOString(),
    weeksLeft: Math.max(0, (period.endMs - Math.max(asOf, period.startMs)) / WEEK_MS),
    recentWeeks: RECENT_WEEKS,
    breakdown,
    rows,
    snapshotVersion: s.version,
  };
}

/** Whose conversion a scope is judged against: the organisation's own set rates, else the level above. */
function benchmarkOf(scope: RowScope): { kind: WorkbackBenchmark; of: RowScope | null } {
  if (scope.team === undefined && scope.owner === undefined) return { kind: 'settings', of: null };
  if (scope.owner !== undefined && scope.team !== undefined)
    return { kind: 'team', of: { asOf: scope.asOf, team: scope.team } };
  return { kind: 'organisation', of: { asOf: scope.asOf } };
}

function row(
  s: Snapshot,
  now: number,
  period: Period,
  scope: RowScope,
  target: Target,
  conversions: Conversions,
  settings: Readonly<Record<string, number>>,
): WorkbackRow {
  const p = periodInputs(s, scope, now, period);
  const gapCents = target.cents === null ? null : target.cents - p.wonCents;
  const bench = benchmarkOf(scope);
  const benchmarks =
    bench.of === null
      ? p.view.open.map((st) => settings[st.key] ?? null)
      : conversions.of(bench.of).map((st) => st.conversionToNext);
  const { stages, expectedCents } = stageRows(p, gapCents, conversions.of(scope), benchmarks);
  const fresh = newDeals(
    p,
    period,
    gapCents,
    expectedCents,
    typicalCycleDays(s, p),
    recentCreationPerWeek(s, p),
  );
  const figures = {
    target: target.cents === null ? null : toMoney(target.cents),
    won: toMoney(p.wonCents),
    gap: gapCents === null ? null : toMoney(gapCents),
    expected: toMoney(expectedCents),
  };
  return {
    team: scope.team ?? null,
    owner: scope.owner ?? null,
    status: target.cents === null ? 'needsTarget' : 'ready',
    target: figures.target,
    targetSource: target.source,
    quotaQuarters: target.quotaQuarters,
    won: figures.won,
    gap: figures.gap,
    expected: figures.expected,
    benchmark: bench.kind,
    stages,
    newDeals: fresh,
    findings: diagnose({
      period,
      asOf: scope.asOf,
      open: p.view.open,
      won: s.stages.find((st) => st.kind === 'won'),
      target: figures.target,
      wonAmount: figures.won,
      gap: figures.gap,
      expected: figures.expected,
      stages,
      newDeals: fresh,
      benchmark: bench.kind,
    }),
  };
}
