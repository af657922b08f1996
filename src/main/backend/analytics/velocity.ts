import type { CycleMonth, VelocityReport, VelocityScope, VelocityStage } from '@shared/contract';
import { median, ratio } from '@shared/domain/statistics';
import { DAY_MS, monthIndex, monthLabel } from '@shared/time';
import { toMoney } from './money';
import { frame, DealScope, Members, resolveWindow } from './scope';
import { dealMask, dealSample, visitSamples } from './scratch';
import type { Snapshot } from './snapshot';
import { stageView } from './stage-view';
import { closings } from './closings';
import { candidatesAt, openVisitIndex } from './open-visits';
import { firstAtOrAfter } from './sorted';
import { exitIndex, firstExitFrom, rangeTotals } from './exit-index';
import { timelineSummary } from './summary';
import { valueAt } from './deal-state';

/**
 * Speed (PRODUCT.md, "Speed"): every deal that exists at as-of, not a cohort. Completed
 * visits are counted by their exit in [from, to) whenever they began; open visits at
 * as-of give `openCount` and `stalled`; deals won in the window give the sales cycle.
 *
 * Drill cells: `visits:<key>` (deals with a completed visit counted there), `open:<key>`,
 * `stalled:<key>`, `cycle` (won in the window), `cycle:<YYYY-MM>` (won in the window in that
 * month), `closed` (closed in the window).
 */
export function velocityReport(
  s: Snapshot,
  scope: VelocityScope,
  now: number,
  members = new Members(null),
): VelocityReport {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const keep = new DealScope(s, w);
  const durations = visitSamples(s, 'durations');
  const ages = visitSamples(s, 'ages');
  const codes = view.open.map((st) => s.dictionaries.stage.find(st.key));
  const cycles = dealSample(s);
  const wonMonths: number[] = []; // the month of each cycle's won time, with `distribution`
  const distribution = scope.distribution === true;
  let wonCents = 0;
  let closed = 0;
  const wanted = members.cell;
  const visitCell = new Map(view.open.map((st) => [`visits:${st.key}`, s.dictionaries.stage.find(st.key)]));
  const openCell = new Map(view.open.map((st) => [`open:${st.key}`, s.dictionaries.stage.find(st.key)]));
  const stalledCell = new Map(
    view.open.map((st) => [`stalled:${st.key}`, s.dictionaries.stage.find(st.key)]),
  );
  const stalledOpen: number[] = []; // (deal, age) pairs, only when drilling into stalled

  const asOf = w.asOf;
  const from = w.from;
  const to = w.to;
  const until = Math.min(to, asOf);
  // Without a filter, a deal that changed stage or closed before as-of counts unless it
  // was deleted by then (it was created before its first visit), read beside each row.
  const filtered = keep.filters;
  // With one, the deals it keeps, marked in ascending order (the scans below jump between deals).
  const matches = filtered ? keep.mark(dealMask(s), s) : null;

  // The visit each deal is in at as-of, where it is an open stage: its age there.
  for (const tier of openVisitIndex(s)) {
    const { entered, exit, deal, stage, deletedAt: gone } = tier;
    for (let [i, last] = candidatesAt(tier, asOf); i < last; i++) {
      if (exit[i]! < asOf || gone[i]! < asOf) continue;
      const d = deal[i]!;
      if (matches && !matches[d]) continue;
      const current = stage[i]!;
      const age = (asOf - entered[i]!) / DAY_MS;
      ages[current]!.add(age);
      if (wanted !== null) {
        if (openCell.get(wanted) === current) members.deals.push(d);
        if (stalledCell.get(wanted) === current) stalledOpen.push(d, age);
      }
    }
  }

  // The deals won, then lost, in the window before as-of: the sales cycles and the closed.
  const { won, lost } = closings(s);
  const wonAt = timelineSummary(s).wonAt;
  for (let i = firstAtOrAfter(won.at, from), last = firstAtOrAfter(won.at, until); i < last; i++) {
    const d = won.deal[i]!;
    if (won.deletedAt[i]! < asOf || (matches && !matches[d])) continue;
    const at = won.at[i]!;
    cycles.add(won.cycleDays[i]!);
    if (distribution) wonMonths.push(monthIndex(at));
    wonCents += won.amountSetAt[i]! < asOf ? won.finalCents[i]! : valueAt(s.amount, d, asOf);
    closed++;
    if (
      wanted === 'cycle' ||
      wanted === 'closed' ||
      (wanted !== null && wanted === `cycle:${monthLabel(monthIndex(at))}`)
    )
      members.deals.push(d);
  }
  for (let i = firstAtOrAfter(lost.at, from), last = firstAtOrAfter(lost.at, until); i < last; i++) {
    const d = lost.deal[i]!;
    if (lost.deletedAt[i]! < asOf || (matches && !matches[d])) continue;
    // A deal won and lost in the window closed once, counted with its win.
    if (wonAt[d]! >= from && wonAt[d]! < until) continue;
    closed++;
    if (wanted === 'closed') members.deals.push(d);
  }

  // Per open stage: the visits that ended in [from, to) before as-of, one contiguous
  // range of the exit index, each counted whole wherever it began.
  const index = exitIndex(s);
  for (const code of codes) {
    if (code < 0 || !index[code]) continue;
    const stageIndex = index[code]!;
    const { exit, ms, deal, deletedAt: gone, bucket } = stageIndex;
    const sample = durations[code]!;
    const drilling = wanted !== null && visitCell.get(wanted) === code;
    const first = firstExitFrom(exit, from);
    const last = Math.max(first, firstExitFrom(exit, until)); // empty when the window ends before it begins
    // Without a filter or a drill, every visit of the range counts but the deleted: the
    // index's running totals give the sample without reading the range.
    if (
      !matches &&
      !drilling &&
      sample.takeRange({ ms, bucket, deletedAt: gone, first, last, asOf }, (histogram) =>
        rangeTotals(stageIndex, first, last, asOf, histogram),
      )
    )
      continue;
    const seen = drilling ? new Set<number>() : null;
    for (let i = first; i < last; i++) {
      if (gone[i]! < asOf) continue;
      const d = deal[i]!;
      if (matches && !matches[d]) continue;
      sample.addInBucket(ms[i]! / DAY_MS, bucket[i]!);
      if (seen && !seen.has(d)) {
        seen.add(d);
        members.deals.push(d);
      }
    }
  }

  const stages: VelocityStage[] = view.open.map((st, r) => {
    const code = codes[r]!;
    const sample = code >= 0 ? durations[code]! : null;
    const n = sample?.count ?? 0;
    const meanDays = sample?.mean ?? null;
    const qs = distribution ? [0.5, 0.75, 0, 0.25, 1] : [0.5, 0.75];
    const [medianDays = null, p75Days = null, min = null, q1 = null, max = null] =
      sample?.quantiles(qs) ?? [];
    const open = code >= 0 ? ages[code]!.count : 0;
    // Without a dwell limit a stage is judged against its own p75 in this report.
    const limit = st.dwellLimitDays ?? p75Days;
    const stalled = limit === null ? null : code < 0 ? 0 : ages[code]!.countAbove(limit);
    if (wanted !== null && stalledCell.get(wanted) === code && limit !== null)
      for (let i = 0; i < stalledOpen.length; i += 2)
        if (stalledOpen[i + 1]! > limit) members.deals.push(stalledOpen[i]!);
    return {
      key: st.key,
      count: n,
      meanDays,
      medianDays,
      p75Days,
      openCount: open,
      stalled,
      dwellLimitDays: st.dwellLimitDays,
      ...(distribution
        ? {
            box: n
              ? ([min!, q1!, medianDays!, p75Days!, max!] as [number, number, number, number, number])
              : null,
          }
        : {}),
    };
  });

  const cycleDays = Array.from({ length: distribution ? cycles.count : 0 }, (_, i) => cycles.at(i));
  const salesCycle = {
    count: cycles.count,
    meanDays: cycles.mean,
    medianDays: cycles.quantiles([0.5])[0]!,
  };
  const winRate = ratio(cycles.count, closed);
  const openDeals = stages.reduce((n, st) => n + st.openCount, 0);
  const meanWonAmount = cycles.count ? toMoney(wonCents) / cycles.count : null;
  const velocityPerDay =
    meanWonAmount === null || winRate === null || !salesCycle.meanDays
      ? null
      : (openDeals * meanWonAmount * winRate) / salesCycle.meanDays;
  return {
    ...frame(w, s),
    ...(distribution ? { cycleByMonth: cycleByMonth(cycleDays, wonMonths) } : {}),
    stages,
    salesCycle,
    winRate,
    velocityPerDay,
    openDeals,
    meanWonAmount,
  };
}

/**
 * The sales cycles grouped by the month they were won in, ascending; months without a win
 * are left out. `months` arrive in won-time order (the closing index's), so the groups do too.
 */
function cycleByMonth(cycles: number[], months: number[]): CycleMonth[] {
  const byMonth = new Map<number, number[]>();
  months.forEach((m, i) => {
    const list = byMonth.get(m);
    if (list) list.push(cycles[i]!);
    else byMonth.set(m, [cycles[i]!]);
  });
  return [...byMonth.entries()].map(([m, days]) => ({
    month: monthLabel(m),
    count: days.length,
    medianDays: median(Float64Array.from(days)),
  }));
}
