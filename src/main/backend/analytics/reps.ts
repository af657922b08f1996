import type { RepRow, RepStageFigures, RepsReport, ReportScope } from '@shared/contract';
import { median, ratio } from '@shared/domain/statistics';
import { DAY_MS } from '@shared/time';
import { valueAt } from './deal-state';
import { DealScope, frame, Members, resolveWindow } from './scope';
import type { Snapshot } from './snapshot';
import { LOST, OPEN, stageView, WON } from './stage-view';
import { timelineSummary } from './summary';

/** Below this many deals (or visits) a rep's figure for a stage is too thin to call a weakness. */
export const MIN_SAMPLE = 5;
/** A rep is weakest at a stage when they fall this far (20%) behind everyone in scope there. */
export const WEAKNESS_GAP = 0.2;

interface Tally {
  team: number;
  deals: number;
  won: number;
  lost: number;
  reached: Float64Array;
  days: number[][];
}

const tally = (m: number, team: number): Tally => ({
  team,
  deals: 0,
  won: 0,
  lost: 0,
  reached: new Float64Array(m),
  days: Array.from({ length: m }, () => []),
});

/**
 * Rep diagnostics ("统计人员擅长环节，开展针对性辅导"): per owner at as-of, the funnel's
 * conversion per stage (creation cohort [from, to), as `funnel`) and the median days of
 * the visits completed in the window (as `velocity`), against the same for everyone in
 * scope; and each rep's weakest stage: where their conversion is furthest below, or their
 * time furthest above, everyone's (by at least WEAKNESS_GAP, on at least MIN_SAMPLE).
 *
 * Drill cells: `rep:<owner>` (the rep's cohort), `rep:<owner>:reached:<key>`.
 */
export function repsReport(
  s: Snapshot,
  scope: ReportScope,
  now: number,
  members = new Members(null),
): RepsReport {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const m = view.open.length;
  const keep = new DealScope(s, w);
  const { createdAt, deletedAt, count, team } = s.deals;
  const { start, stage, enteredAt } = s.visits;
  const everyone = tally(m, -1);
  const byOwner: (Tally | undefined)[] = []; // by owner code
  const owners = s.dictionaries.owner.values;
  const wanted = members.cell;

  const { lastEntered } = timelineSummary(s);
  const countIn = (x: Tally, last: number, top: number) => {
    x.deals++;
    const k = view.kind[stage[last]!]!;
    if (k === WON) x.won++;
    else if (k === LOST) x.lost++;
    for (let r = 0; r <= top; r++) x.reached[r]!++;
  };
  for (let d = 0; d < count; d++) {
    if (deletedAt[d]! < w.asOf || !keep.keeps(d)) continue;
    const owner = valueAt(s.owner, d, w.asOf);
    let t = byOwner[owner];
    if (!t) byOwner[owner] = t = tally(m, team[d]!);
    const inCohort = createdAt[d]! >= w.from && createdAt[d]! < w.to;
    // Outside the cohort only visits that ended in the window count: none when its last
    // stage change came before the window (most deals, for a quarter's window).
    if (!inCohort && lastEntered[d]! < w.from) continue;
    let top = -1;
    let everWon = false;
    let last = start[d]!;
    for (let v = start[d]!, end = start[d + 1]!; v < end; v++) {
      if (v > start[d]! && enteredAt[v]! >= w.asOf) break;
      last = v;
      const k = view.kind[stage[v]!]!;
      if (k === WON) everWon = true;
      if (k !== OPEN) continue;
      const r = view.rank[stage[v]!]!;
      top = Math.max(top, r);
      const exited = v + 1 < end ? enteredAt[v + 1]! : Number.POSITIVE_INFINITY;
      if (exited < w.asOf && exited >= w.from && exited < w.to) {
        const days = (exited - enteredAt[v]!) / DAY_MS;
        t.days[r]!.push(days);
        everyone.days[r]!.push(days);
      }
    }
    if (!inCohort) continue;
    if (everWon) top = m - 1;
    countIn(t, last, top);
    countIn(everyone, last, top);
    if (wanted !== null) {
      const name = owners[owner]!;
      if (wanted === `rep:${name}`) members.deals.push(d);
      else
        for (let r = 0; r <= top; r++)
          if (wanted === `rep:${name}:reached:${view.open[r]!.key}`) members.deals.push(d);
    }
  }

  const figures = (x: Tally): RepStageFigures[] =>
    view.open.map((st, r) => ({
      key: st.key,
      reached: x.reached[r]!,
      conversionToNext: r + 1 < m ? ratio(x.reached[r + 1]!, x.reached[r]!) : ratio(x.won, x.reached[r]!),
      medianDays: median(Float64Array.from(x.days[r]!)),
    }));
  const all = figures(everyone);
  const summary = (x: Tally) => ({
    deals: x.deals,
    won: x.won,
    lost: x.lost,
    winRate: ratio(x.won, x.won + x.lost),
    stages: figures(x),
  });

  const reps: RepRow[] = byOwner
    .flatMap((x, owner) => (x ? [[owner, x] as const] : []))
    .filter(([, x]) => x.deals > 0 || x.days.some((d) => d.length > 0))
    .map(([owner, x]) => {
      const row = summary(x);
      return {
        owner: owners[owner]!,
        team: s.dictionaries.team.values[x.team] ?? '',
        ...row,
        weakestStage: weakest(row.stages, all, x),
      };
    })
    .sort((a, b) => a.team.localeCompare(b.team) || a.owner.localeCompare(b.owner));
  return { ...frame(w, s), all: summary(everyone), reps };
}

function weakest(rep: RepStageFigures[], all: RepStageFigures[], x: Tally): RepRow['weakestStage'] {
  let best: RepRow['weakestStage'] = null;
  rep.forEach((st, r) => {
    const everyone = all[r]!;
    if (st.reached >= MIN_SAMPLE && st.conversionToNext !== null && everyone.conversionToNext) {
      const gap = (everyone.conversionToNext - st.conversionToNext) / everyone.conversionToNext;
      if (gap >= WEAKNESS_GAP && (!best || gap > best.gap)) best = { key: st.key, reason: 'conversion', gap };
    }
    if (x.days[r]!.length >= MIN_SAMPLE && st.medianDays !== null && everyone.medianDays) {
      const gap = (st.medianDays - everyone.medianDays) / everyone.medianDays;
      if (gap >= WEAKNESS_GAP && (!best || gap > best.gap)) best = { key: st.key, reason: 'time', gap };
    }
  });
  return best;
}
