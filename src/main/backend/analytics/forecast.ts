import type { ForecastReport, ForecastScope, GapPlanStage, StageWinRate } from '@shared/contract/forecast';
import { dayNumber, dayOf, DAY_MS, quarterOf, quarterRange } from '@shared/time';
import { toMoney } from './money';
import { frame, DealScope, resolveWindow, type Window } from './scope';
import type { Snapshot } from './snapshot';
import { OPEN, stageView, WON, type StageView } from './stage-view';
import { valueAt, visitAt } from './deal-state';
import { closings } from './closings';
import { firstAtOrAfter } from './sorted';
import { timelineSummary, type TimelineSummary } from './summary';

/** A quota row (quotas.csv): empty team and owner = the organisation's, empty owner = the team's. */
export interface QuotaRow {
  quarter: string;
  team: string;
  owner: string;
  amountCents: number;
}

/** The window h(s) and m look back over (PRODUCT.md: `[as-of − 365 days, as-of)`). */
export const LOOKBACK_MS = 365 * DAY_MS;
/** Below this many closed deals that reached a stage, h(s) is the stage's probability. */
export const MIN_CLOSED_FOR_HISTORY = 20;

/**
 * Forecast (PRODUCT.md, "Forecast — funnel report forecast"). Q is `--quarter`, else the
 * quarter of the as-of day (the UTC day of as-of − 1 ms). Open deals: open at as-of with
 * a close date at as-of in Q. Won amount: deals won at as-of whose (first) won time is in
 * Q, at their amount at as-of. Every sum is kept in cents until the end.
 */
export function forecastReport(
  s: Snapshot,
  scope: ForecastScope,
  now: number,
  quotas: readonly QuotaRow[],
): ForecastReport {
  const q = quarterInputs(s, scope, now);
  const { w, quarter, range, view, winRates } = q;
  const h = winRates.map((r) => r.h);
  let openCents = 0;
  let weightedCents = 0;
  let historicalOpenCents = 0;
  const byCategory = new Map<string, number>();
  for (const o of q.open) {
    openCents += o.cents;
    weightedCents += o.cents * view.stage[o.code]!.probability;
    historicalOpenCents += o.cents * h[o.rank]!;
    byCategory.set(o.category, (byCategory.get(o.category) ?? 0) + o.cents);
  }
  const wonCents = q.wonCents;
  const openDeals = q.open.length;
  const commitCents = wonCents + (byCategory.get('commit') ?? 0);
  const bestCaseCents = commitCents + (byCategory.get('best_case') ?? 0);
  const quotaCents = quotaOf(quotas, quarter, w);
  const gapCents = quotaCents === null ? null : quotaCents - wonCents;
  const meanWonCents = meanWonAmount(s, w, q.kept);
  return {
    ...frame(w, s),
    quarter,
    quarterStart: range.start,
    quarterEnd: range.end,
    weighted: toMoney(weightedCents),
    commit: toMoney(commitCents),
    bestCase: toMoney(bestCaseCents),
    pipeline: toMoney(wonCents + openCents),
    historical: toMoney(wonCents + historicalOpenCents),
    quota: quotaCents === null ? null : toMoney(quotaCents),
    coverage: gapCents === null || gapCents <= 0 ? null : openCents / gapCents,
    gapPlan: gapPlan(view, winRates, gapCents, meanWonCents),
    wonAmount: toMoney(wonCents),
    openAmount: toMoney(openCents),
    openDeals,
    openByCategory: Object.fromEntries([...byCategory].map(([k, cents]) => [k, toMoney(cents)])),
    gap: gapCents === null ? null : toMoney(gapCents),
    meanWonAmount: meanWonCents === null ? null : toMoney(meanWonCents),
    winRates,
  };
}

/** One open deal of the quarter's forecast, at as-of. */
export interface OpenInQuarter {
  deal: number;
  cents: number;
  /** Stage code and open rank at as-of. */
  code: number;
  rank: number;
  category: string;
}

/**
 * What every forecast of a quarter reads (the report, the simulation): the window, Q, the
 * kept deals, h(s), the open deals due in Q at as-of and the amount won in Q so far.
 */
export function quarterInputs(s: Snapshot, scope: ForecastScope, now: number) {
  const w = resolveWindow(scope, now);
  const asOf = w.asOf;
  const quarter = scope.quarter ?? quarterOf(dayOf(asOf - 1));
  const range = quarterRange(quarter)!;
  const firstDay = dayNumber(range.start);
  const endDay = dayNumber(range.end);
  const qStart = firstDay * DAY_MS;
  const qEnd = endDay * DAY_MS;
  const view = stageView(s);
  const summary = timelineSummary(s);
  const keep = new DealScope(s, w);
  const kept = (d: number) => !(s.deals.deletedAt[d]! < asOf) && keep.keeps(d);
  const winRates = historicalWinRates(s, view, summary, w, kept);
  const categories = s.dictionaries.category.values;
  const open: OpenInQuarter[] = [];
  let wonCents = 0;
  for (let d = 0; d < s.deals.count; d++) {
    if (!kept(d)) continue;
    const code = s.visits.stage[visitAt(s, d, asOf)]!;
    const kind = view.kind[code];
    if (kind === WON) {
      const wonAt = summary.wonAt[d]!;
      // The first won time decides: a deal won again in Q after a win before Q counts in neither.
      if (wonAt >= qStart && wonAt < qEnd) wonCents += valueAt(s.amount, d, asOf);
    } else if (kind === OPEN) {
      const closeDay = valueAt(s.closeDay, d, asOf);
      if (!(closeDay >= firstDay && closeDay < endDay)) continue; // NaN (no date) is never in Q
      open.push({
        deal: d,
        cents: valueAt(s.amount, d, asOf),
        code,
        rank: view.rank[code]!,
        category: categories[valueAt(s.category, d, asOf)] ?? 'pipeline',
      });
    }
  }
  return { w, quarter, range, qStart, qEnd, view, summary, kept, winRates, open, wonCents };
}

/**
 * h(s) per open stage: won / closed among the kept deals that reached s (by as-of) and
 * closed in [as-of − 365 days, as-of); a deal both won and lost in that window closed
 * once. Fewer than 20 such deals: the stage's probability.
 */
function historicalWinRates(
  s: Snapshot,
  view: StageView,
  summary: TimelineSummary,
  w: Window,
  kept: (d: number) => boolean,
): StageWinRate[] {
  const m = view.open.length;
  const closed = new Float64Array(m);
  const won = new Float64Array(m);
  const from = w.asOf - LOOKBACK_MS;
  const { won: wonIndex, lost: lostIndex } = closings(s);
  const count = (d: number, isWon: boolean) => {
    const top = topRankAt(s, view, summary, d, w.asOf);
    for (let r = 0; r <= top; r++) {
      closed[r]!++;
      if (isWon) won[r]!++;
    }
  };
  for (let i = firstAtOrAfter(wonIndex.at, from), end = firstAtOrAfter(wonIndex.at, w.asOf); i < end; i++) {
    const d = wonIndex.deal[i]!;
    if (kept(d)) count(d, true);
  }
  for (let i = firstAtOrAfter(lostIndex.at, from), end = firstAtOrAfter(lostIndex.at, w.asOf); i < end; i++) {
    const d = lostIndex.deal[i]!;
    const wonAt = summary.wonAt[d]!;
    if (wonAt >= from && wonAt < w.asOf) continue; // counted with its win
    if (kept(d)) count(d, false);
  }
  return view.open.map((st, r) => {
    const fromHistory = closed[r]! >= MIN_CLOSED_FOR_HISTORY;
    return {
      stage: st.key,
      h: fromHistory ? won[r]! / closed[r]! : st.probability,
      closed: closed[r]!,
      won: won[r]!,
      source: fromHistory ? 'history' : 'probability',
    };
  });
}

/**
 * The highest open rank the deal's timeline, cut at t, reached (PRODUCT.md, "Reached"):
 * the last open rank when it was ever won before t; -1 when it was in no open stage.
 */
export function topRankAt(
  s: Snapshot,
  view: StageView,
  summary: TimelineSummary,
  d: number,
  t: number,
): number {
  if (summary.lastEntered[d]! < t) return summary.top[d]!;
  const { start, stage, enteredAt } = s.visits;
  let top = -1;
  for (let v = start[d]!, end = start[d + 1]!; v < end; v++) {
    if (v > start[d]! && enteredAt[v]! >= t) break;
    const code = stage[v]!;
    const k = view.kind[code];
    if (k === WON) return view.open.length - 1;
    if (k === OPEN) top = Math.max(top, view.rank[code]!);
  }
  return top;
}

/** m: the mean amount at as-of of the kept deals whose won time is in the 365 days before as-of. */
export function meanWonAmount(s: Snapshot, w: Window, kept: (d: number) => boolean): number | null {
  const { won } = closings(s);
  let cents = 0;
  let n = 0;
  for (
    let i = firstAtOrAfter(won.at, w.asOf - LOOKBACK_MS), end = firstAtOrAfter(won.at, w.asOf);
    i < end;
    i++
  ) {
    const d = won.deal[i]!;
    if (!kept(d)) continue;
    cents += valueAt(s.amount, d, w.asOf);
    n++;
  }
  return n === 0 ? null : cents / n;
}

/**
 * The quota of exactly the report's scope: no filter, the organisation's row; a team, its
 * team row; an owner, the owner's rows summed (of the team, with both). Rows of other
 * scopes are never added up; null when the scope has none.
 */
export function quotaOf(quotas: readonly QuotaRow[], quarter: string, w: Window): number | null {
  const rows = quotas.filter((q) => {
    if (q.quarter !== quarter) return false;
    if (w.owner !== null) return q.owner === w.owner && (w.team === null || q.team === w.team);
    if (w.team !== null) return q.team === w.team && q.owner === '';
    return q.team === '' && q.owner === '';
  });
  return rows.length === 0 ? null : rows.reduce((sum, q) => sum + q.amountCents, 0);
}

/** gapPlan (PRODUCT.md): per open stage gap / m / h(s) deals and gap / h(s) amount; empty when the gap ≤ 0 or unknown. */
export function gapPlan(
  view: StageView,
  winRates: readonly StageWinRate[],
  gapCents: number | null,
  meanWonCents: number | null,
): GapPlanStage[] {
  if (gapCents === null || gapCents <= 0) return [];
  return view.open.map((st, r) => {
    const h = winRates[r]!.h;
    return {
      stage: st.key,
      deals: meanWonCents === null || meanWonCents === 0 || h === 0 ? null : gapCents / meanWonCents / h,
      amount: h === 0 ? null : toMoney(gapCents / h),
    };
  });
}
