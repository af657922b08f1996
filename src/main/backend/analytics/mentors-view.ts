import type { MentorQuarter, MentorSummary, MentorsView, ReportScope } from '@shared/contract';
import { closedInWindow } from './closed-in-window';
import { valueAt, visitAt } from './deal-state';
import { liftCells, mentorLift, type SizeBands } from './mentor-lift';
import type { MentorTagIndex } from './mentor-tags';
import { emptyTally, mentorTotals, moneyOf, tally, type MentorTally } from './mentors';
import { quarterIndex, quarterLabel } from './quarters';
import { DealScope, frame, resolveWindow } from './scope';
import type { Snapshot } from './snapshot';
import { OPEN, stageView } from './stage-view';

/**
 * The Mentors view: PRODUCT.md's mentors report, and per mentor the same figures by the
 * quarter of each deal's close (what payroll pays by), the tagged deals still open at
 * as-of, and the mentor's own lift; with the lift of all mentored deals on top.
 */
export function mentorsView(
  s: Snapshot,
  tags: MentorTagIndex,
  scope: ReportScope,
  now: number,
  bands: SizeBands,
): MentorsView {
  const w = resolveWindow(scope, now);
  const closed = closedInWindow(s, w);
  const totals = mentorTotals(s, tags, w, closed);
  const cells = liftCells(s, w, closed, bands);

  // Per mentor, per quarter of the close.
  const quarters = new Map<string, Map<number, MentorTally>>();
  closed.deal.forEach((d, i) => {
    const mentors = tags.byDeal.get(d);
    if (!mentors) return;
    const won = closed.won[i] === 1;
    const cents = won ? valueAt(s.amount, d, w.asOf) : 0;
    const q = quarterIndex(closed.at[i]!);
    for (const m of mentors) {
      let byQuarter = quarters.get(m.mentor);
      if (!byQuarter) quarters.set(m.mentor, (byQuarter = new Map()));
      let t = byQuarter.get(q);
      if (!t) byQuarter.set(q, (t = emptyTally()));
      tally(t, won, cents, m.sharePct);
    }
  });

  // The tagged deals open at as-of, per mentor.
  const open = new Map<string, number>();
  const keep = new DealScope(s, w);
  const view = stageView(s);
  for (const [d, mentors] of tags.byDeal) {
    if (!keep.keeps(d) || s.deals.deletedAt[d]! < w.asOf) continue;
    if (view.kind[s.visits.stage[visitAt(s, d, w.asOf)]!] !== OPEN) continue;
    for (const m of mentors) open.set(m.mentor, (open.get(m.mentor) ?? 0) + 1);
  }

  // The mentoring began when the first mentor joined.
  const firstTagged = (d: number): number | null => {
    const mentors = tags.byDeal.get(d);
    return mentors ? Math.min(...mentors.map((m) => m.taggedAt)) : null;
  };
  const untagged = (d: number) => !tags.byDeal.has(d);
  const lines = new Map(totals.mentors.map((line) => [line.mentor, line]));
  const names = [...new Set([...lines.keys(), ...open.keys()])];
  const summaries: MentorSummary[] = names.map((mentor) => {
    const line = lines.get(mentor) ?? { mentor, deals: 0, won: 0, wonAmount: 0, shareAmount: 0 };
    const own = (d: number): number | null =>
      tags.byDeal.get(d)?.find((m) => m.mentor === mentor)?.taggedAt ?? null;
    return {
      ...line,
      open: open.get(mentor) ?? 0,
      quarters: quarterRows(quarters.get(mentor)),
      lift: mentorLift(s, w, closed, cells, own, untagged),
    };
  });
  summaries.sort(
    (a, b) => b.shareAmount - a.shareAmount || b.deals - a.deals || a.mentor.localeCompare(b.mentor),
  );
  return {
    ...frame(w, s),
    ...totals,
    lift: mentorLift(s, w, closed, cells, firstTagged, untagged),
    summaries,
  };
}

function quarterRows(byQuarter: Map<number, MentorTally> | undefined): MentorQuarter[] {
  if (!byQuarter) return [];
  return [...byQuarter]
    .sort(([a], [b]) => a - b)
    .map(([q, t]) => ({ quarter: quarterLabel(q), ...moneyOf(t) }));
}
