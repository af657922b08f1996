import type { ReportScope, VelocityReport, VelocityStage } from '@shared/contract';
import { mean, median, p75, ratio } from '@shared/domain/statistics';
import { DAY_MS } from '@shared/time';
import { toMoney } from './money';
import { frame, DealScope, Members, resolveWindow } from './scope';
import { visitBuffers } from './scratch';
import type { Snapshot } from './snapshot';
import { LOST, OPEN, stageView, WON } from './stage-view';
import { valueAt } from './deal-state';

/**
 * Speed (PRODUCT.md, "Speed"): every deal that exists at as-of, not a cohort. Completed
 * visits are counted by their exit in [from, to) whenever they began; open visits at
 * as-of give `openCount` and `stalled`; deals won in the window give the sales cycle.
 *
 * Drill cells: `visits:<key>` (deals with a completed visit counted there), `open:<key>`,
 * `stalled:<key>`, `cycle` (won in the window), `closed` (closed in the window).
 */
export function velocityReport(
  s: Snapshot,
  scope: ReportScope,
  now: number,
  members = new Members(null),
): VelocityReport {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const { kind } = view;
  const keep = new DealScope(s, w);
  const { createdAt, deletedAt, count } = s.deals;
  const { start, stage, enteredAt } = s.visits;
  const durations = visitBuffers(s, 'durations');
  const ages = visitBuffers(s, 'ages');
  const codes = view.open.map((st) => s.dictionaries.stage.find(st.key));
  const done = new Int32Array(s.dictionaries.stage.size);
  const openCount = new Int32Array(s.dictionaries.stage.size);
  const cycles: number[] = [];
  let wonCents = 0;
  let closed = 0;
  const wanted = members.cell;
  const visitCell = new Map(view.open.map((st) => [`visits:${st.key}`, s.dictionaries.stage.find(st.key)]));
  const openCell = new Map(view.open.map((st) => [`open:${st.key}`, s.dictionaries.stage.find(st.key)]));
  const stalledCell = new Map(view.open.map((st) => [`stalled:${st.key}`, s.dictionaries.stage.find(st.key)]));
  const stalledOpen: number[] = []; // (deal, code, age) triples, only when drilling into stalled

  for (let d = 0; d < count; d++) {
    if (deletedAt[d]! < w.asOf || !keep.keeps(d)) continue;
    const first = start[d]!;
    const end = start[d + 1]!;
    let wonAt = Number.POSITIVE_INFINITY;
    let lostAt = Number.POSITIVE_INFINITY;
    let countedVisit = -1;
    let v = first;
    for (; v < end; v++) {
      const code = stage[v]!;
      const k = kind[code]!;
      const entered = enteredAt[v]!;
      if (k === WON && wonAt === Number.POSITIVE_INFINITY) wonAt = entered;
      if (k === LOST && lostAt === Number.POSITIVE_INFINITY) lostAt = entered;
      const exited = v + 1 < end ? enteredAt[v + 1]! : Number.POSITIVE_INFINITY;
      if (!(exited < w.asOf)) break; // the visit in progress at as-of
      if (k === OPEN && exited >= w.from && exited < w.to) {
        durations[code]![done[code]!++] = (exited - entered) / DAY_MS;
        if (wanted !== null && visitCell.get(wanted) === code) countedVisit = d;
      }
    }
    if (countedVisit >= 0) members.deals.push(d);
    const current = stage[v]!;
    if (kind[current] === OPEN) {
      ages[current]![openCount[current]!++] = (w.asOf - enteredAt[v]!) / DAY_MS;
      if (wanted !== null) {
        if (openCell.get(wanted) === current) members.deals.push(d);
        if (stalledCell.get(wanted) === current) stalledOpen.push(d, current, (w.asOf - enteredAt[v]!) / DAY_MS);
      }
    }
    const wonInWindow = wonAt >= w.from && wonAt < w.to;
    if (wonInWindow) {
      cycles.push((wonAt - createdAt[d]!) / DAY_MS);
      wonCents += valueAt(s.amount, d, w.asOf);
      if (wanted === 'cycle') members.deals.push(d);
    }
    if (wonInWindow || (lostAt >= w.from && lostAt < w.to)) {
      closed++;
      if (wanted === 'closed') members.deals.push(d);
    }
  }

  const stages: VelocityStage[] = view.open.map((st, r) => {
    const code = codes[r]!;
    const n = code >= 0 ? done[code]! : 0;
    const buffer = code >= 0 ? durations[code]! : new Float64Array(0);
    const meanDays = mean(buffer, n);
    const p75Days = p75(buffer, n);
    const medianDays = median(buffer, n);
    const open = code >= 0 ? openCount[code]! : 0;
    // Without a dwell limit a stage is judged against its own p75 in this report.
    const limit = st.dwellLimitDays ?? p75Days;
    let stalled: number | null = null;
    if (limit !== null) {
      stalled = 0;
      const a = code >= 0 ? ages[code]! : new Float64Array(0);
      for (let i = 0; i < open; i++) if (a[i]! > limit) stalled++;
    }
    if (wanted !== null && stalledCell.get(wanted) === code && limit !== null)
      for (let i = 0; i < stalledOpen.length; i += 3) if (stalledOpen[i + 2]! > limit) members.deals.push(stalledOpen[i]!);
    return {
      key: st.key,
      count: n,
      meanDays,
      medianDays,
      p75Days,
      openCount: open,
      stalled,
      dwellLimitDays: st.dwellLimitDays,
    };
  });

  const cycleValues = Float64Array.from(cycles);
  const salesCycle = {
    count: cycles.length,
    meanDays: mean(cycleValues),
    medianDays: median(cycleValues),
  };
  const winRate = ratio(cycles.length, closed);
  const openDeals = stages.reduce((n, st) => n + st.openCount, 0);
  const meanWonAmount = cycles.length ? toMoney(wonCents) / cycles.length : null;
  const velocityPerDay =
    meanWonAmount === null || winRate === null || !salesCycle.meanDays
      ? null
      : (openDeals * meanWonAmount * winRate) / salesCycle.meanDays;
  return {
    ...frame(w, s),
    stages,
    salesCycle,
    winRate,
    velocityPerDay,
    openDeals,
    meanWonAmount,
  };
}
