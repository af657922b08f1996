import type { CycleMonth, VelocityReport, VelocityScope, VelocityStage } from '@shared/contract';
import { median, ratio } from '@shared/domain/statistics';
import { DAY_MS, monthIndex, monthLabel } from '@shared/time';
import { toMoney } from './money';
import { frame, DealScope, Members, resolveWindow } from './scope';
import { dealMask, dealSample, visitSamples } from './scratch';
import type { Snapshot } from './snapshot';
import { LOST, OPEN, stageView, WON } from './stage-view';
import { exitIndex, firstExitFrom, timelineSummary } from './summary';
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
  const { kind } = view;
  const keep = new DealScope(s, w);
  const { createdAt, deletedAt, count } = s.deals;
  const { start, stage, enteredAt } = s.visits;
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
  const NEVER = Number.POSITIVE_INFINITY;

  const summary = timelineSummary(s);

  // Per deal: the visit open at as-of, and the won and lost times (from the summary when
  // as-of is after the deal's last change, else by walking its visits up to as-of).
  const { lastEntered, lastKind } = summary;
  const settledBefore = Math.min(from, asOf);
  const counted = dealMask(s);
  for (let d = 0; d < count; d++) {
    // Closed for good before the window began (and before as-of): nothing of it counts here.
    if (lastEntered[d]! < settledBefore && lastKind[d] !== OPEN) continue;
    if (deletedAt[d]! < asOf || !keep.keeps(d)) continue;
    counted[d] = 1;
    const end = start[d + 1]!;
    let wonAt = NEVER;
    let lostAt = NEVER;
    let v = end - 1;
    if (lastEntered[d]! < asOf) {
      wonAt = summary.wonAt[d]!;
      lostAt = summary.lostAt[d]!;
    } else {
      for (v = start[d]!; v < end; v++) {
        const k = kind[stage[v]!]!;
        if (k === WON) {
          if (wonAt === NEVER) wonAt = enteredAt[v]!;
        } else if (k === LOST && lostAt === NEVER) lostAt = enteredAt[v]!;
        if (v + 1 === end || !(enteredAt[v + 1]! < asOf)) break; // the visit in progress at as-of
      }
    }
    const current = stage[v]!;
    if (kind[current] === OPEN) {
      const age = (asOf - enteredAt[v]!) / DAY_MS;
      ages[current]!.add(age);
      if (wanted !== null) {
        if (openCell.get(wanted) === current) members.deals.push(d);
        if (stalledCell.get(wanted) === current) stalledOpen.push(d, age);
      }
    }
    const wonInWindow = wonAt >= from && wonAt < to;
    if (wonInWindow) {
      cycles.add((wonAt - createdAt[d]!) / DAY_MS);
      if (distribution) wonMonths.push(monthIndex(wonAt));
      wonCents += valueAt(s.amount, d, asOf);
      if (wanted === 'cycle' || (wanted !== null && wanted === `cycle:${monthLabel(monthIndex(wonAt))}`))
        members.deals.push(d);
    }
    if (wonInWindow || (lostAt >= from && lostAt < to)) {
      closed++;
      if (wanted === 'closed') members.deals.push(d);
    }
  }

  // Per open stage: the visits that ended in [from, to) before as-of, one contiguous
  // range of the exit index, each counted whole wherever it began.
  const index = exitIndex(s);
  const until = Math.min(to, asOf);
  for (const code of codes) {
    if (code < 0 || !index[code]) continue;
    const { exit, days, deal, deletedAt: gone, bucket } = index[code]!;
    const sample = durations[code]!;
    const drilling = wanted !== null && visitCell.get(wanted) === code;
    const seen = drilling ? new Set<number>() : null;
    // The deal exists at as-of (it left a stage before it); without a filter, only its
    // deletion is left to check, read beside the visit.
    const filtered = keep.filters;
    // With a filter, the per-deal pass above already decided each deal (`counted`): one
    // byte per deal read here instead of the filter's owner timeline. A deal it skipped as
    // settled before the window has no visit ending in it.
    for (let i = firstExitFrom(exit, from), last = firstExitFrom(exit, until); i < last; i++) {
      if (gone[i]! < asOf) continue;
      const d = deal[i]!;
      if (filtered && !counted[d]) continue;
      sample.addInBucket(days[i]!, bucket[i]!);
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

/** The sales cycles grouped by the month they were won in, ascending; months without a win are left out. */
function cycleByMonth(cycles: number[], months: number[]): CycleMonth[] {
  const byMonth = new Map<number, number[]>();
  months.forEach((m, i) => {
    const list = byMonth.get(m);
    if (list) list.push(cycles[i]!);
    else byMonth.set(m, [cycles[i]!]);
  });
  return [...byMonth.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([m, days]) => ({
      month: monthLabel(m),
      count: days.length,
      medianDays: median(Float64Array.from(days)),
    }));
}
