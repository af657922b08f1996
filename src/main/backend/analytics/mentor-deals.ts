import type { MentoredDeal, ReportScope } from '@shared/contract';
import { closedInWindow } from './closed-in-window';
import { valueAt, visitAt } from './deal-state';
import type { MentorTagIndex } from './mentor-tags';
import { toMoney } from './money';
import { DealScope, resolveWindow } from './scope';
import type { Snapshot } from './snapshot';
import { OPEN, stageView } from './stage-view';

/**
 * The deals behind the Mentors view's numbers, one row per (deal, mentor): the tagged deals
 * closed in the window (won or lost, as the report counts them, with the close that put
 * them there) and those open at as-of, of one mentor or of all. A tagged deal closed
 * before the window and not reopened is behind no number and is left out.
 */
export function mentoredDeals(
  s: Snapshot,
  tags: MentorTagIndex,
  scope: ReportScope & { mentor?: string | undefined },
  now: number,
): MentoredDeal[] {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const closed = closedInWindow(s, w);
  const outcome = new Map<number, { won: boolean; at: number }>();
  closed.deal.forEach((d, i) => {
    if (tags.byDeal.has(d)) outcome.set(d, { won: closed.won[i] === 1, at: closed.at[i]! });
  });
  const keep = new DealScope(s, w);
  const rows: MentoredDeal[] = [];
  for (const [d, mentors] of tags.byDeal) {
    if (!keep.keeps(d) || s.deals.deletedAt[d]! < w.asOf) continue;
    const code = s.visits.stage[visitAt(s, d, w.asOf)]!;
    const close = outcome.get(d);
    if (!close && view.kind[code] !== OPEN) continue;
    const cents = valueAt(s.amount, d, w.asOf);
    for (const m of mentors) {
      if (scope.mentor !== undefined && m.mentor !== scope.mentor) continue;
      const won = close?.won === true;
      rows.push({
        dealId: s.deals.id[d]!,
        name: s.deals.name[d]!,
        owner: s.dictionaries.owner.values[valueAt(s.owner, d, w.asOf)] ?? '',
        stage: s.dictionaries.stage.values[code]!,
        amount: toMoney(cents),
        mentor: m.mentor,
        sharePct: m.sharePct,
        outcome: close ? (won ? 'won' : 'lost') : 'open',
        closedAt: close ? new Date(close.at).toISOString() : null,
        shareAmount: won ? toMoney(Math.round((cents * m.sharePct) / 100)) : 0,
      });
    }
  }
  // Newest closes first, then the open ones; ties by deal and mentor.
  return rows.sort(
    (a, b) =>
      (b.closedAt ?? '').localeCompare(a.closedAt ?? '') ||
      a.dealId.localeCompare(b.dealId) ||
      a.mentor.localeCompare(b.mentor),
  );
}
