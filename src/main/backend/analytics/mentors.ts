import type { MentorGroup, MentorLine, MentorsReport, ReportScope } from '@shared/contract';
import { ratio } from '@shared/domain/statistics';
import { closedInWindow, type ClosedDeals } from './closed-in-window';
import { valueAt } from './deal-state';
import type { MentorTagIndex } from './mentor-tags';
import { toMoney } from './money';
import { frame, resolveWindow, type Window } from './scope';
import type { Snapshot } from './snapshot';

/**
 * Mentors (PRODUCT.md, "Mentors — funnel report mentors"): the deals closed in the
 * window, split into mentored (at least one tag, whenever it was made: `mentors.csv` has
 * no times) and not, each side's closed, won, win rate and mean sales cycle; and per
 * mentor its deals closed in the window, the won ones, their amount at as-of and the
 * mentor's share of it.
 *
 * `shareAmount` = Σ over the mentor's deals won in the window of amount × share_pct / 100:
 * a share is earned by a win the window saw, as `won` and `wonAmount` are. Summed exactly
 * (cents × percent) and rounded to the cent once, at the end.
 */
export function mentorsReport(
  s: Snapshot,
  tags: MentorTagIndex,
  scope: ReportScope,
  now: number,
): MentorsReport {
  const w = resolveWindow(scope, now);
  const closed = closedInWindow(s, w);
  return { ...frame(w, s), ...mentorTotals(s, tags, w, closed) };
}

export interface MentorTally {
  deals: number;
  won: number;
  wonCents: number;
  /** Σ cents × percent: the share in hundredths of a cent, exact until rounded. */
  shareCentsPct: number;
}

export const emptyTally = (): MentorTally => ({ deals: 0, won: 0, wonCents: 0, shareCentsPct: 0 });

/** Adds one closed deal to a mentor's tally. */
export function tally(t: MentorTally, won: boolean, cents: number, sharePct: number): void {
  t.deals++;
  if (!won) return;
  t.won++;
  t.wonCents += cents;
  t.shareCentsPct += cents * sharePct;
}

/** The tally in the report's units: money in the workspace currency, rounded to the cent. */
export const moneyOf = (t: MentorTally): Omit<MentorLine, 'mentor'> => ({
  deals: t.deals,
  won: t.won,
  wonAmount: toMoney(t.wonCents),
  shareAmount: toMoney(Math.round(t.shareCentsPct / 100)),
});

export function mentorTotals(
  s: Snapshot,
  tags: MentorTagIndex,
  w: Window,
  closed: ClosedDeals,
): Pick<MentorsReport, 'mentored' | 'unmentored' | 'mentors'> {
  const sides = { mentored: side(), unmentored: side() };
  const byMentor = new Map<string, MentorTally>();
  closed.deal.forEach((d, i) => {
    const won = closed.won[i] === 1;
    const mentors = tags.byDeal.get(d);
    const group = mentors ? sides.mentored : sides.unmentored;
    group.closed++;
    if (won) {
      group.won++;
      group.cycleDays += closed.cycleDays[i]!;
    }
    if (!mentors) return;
    const cents = won ? valueAt(s.amount, d, w.asOf) : 0;
    for (const m of mentors) {
      let t = byMentor.get(m.mentor);
      if (!t) byMentor.set(m.mentor, (t = emptyTally()));
      tally(t, won, cents, m.sharePct);
    }
  });
  return {
    mentored: groupOf(sides.mentored),
    unmentored: groupOf(sides.unmentored),
    mentors: [...byMentor]
      .map(([mentor, t]) => ({ mentor, ...moneyOf(t) }))
      .sort((a, b) => b.shareAmount - a.shareAmount || a.mentor.localeCompare(b.mentor)),
  };
}

const side = () => ({ closed: 0, won: 0, cycleDays: 0 });

const groupOf = (g: ReturnType<typeof side>): MentorGroup => ({
  closed: g.closed,
  won: g.won,
  winRate: ratio(g.won, g.closed),
  meanCycleDays: g.won ? g.cycleDays / g.won : null,
});
