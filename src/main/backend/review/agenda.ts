import type { AgendaReason, AgendaStyle, ChangeField, CoverageGap } from '@shared/contract';
import type { AttentionFlag } from '@shared/domain/attention';

export { divideBudget } from '@shared/domain/review-budget';

/** A deal a review could put on its agenda, with what the agenda styles sort by. */
export interface Candidate {
  dealId: string;
  owner: string;
  /** The stage's rank among the open stages (0 = the first); -1 for a closed deal. */
  stageRank: number;
  amount: number;
  flags: readonly AttentionFlag[];
  changes: readonly ChangeField[];
  /** Created since the previous review. */
  isNew: boolean;
  /** Won or lost since the previous review (only the `changed` style looks at these). */
  closed: boolean;
  /** The hard gaps of the deal's mapped buying centre (plans/review-hooks): they flag it as attention flags do. */
  coverage?: readonly CoverageGap['kind'][];
  /** The day of this week's visit that has no approved pre-call plan, if any (the `unplanned` style). */
  unplannedVisit?: string | null;
}

export interface AgendaEntry {
  kind: 'deal' | 'rep';
  dealId: string | null;
  owner: string | null;
  reason: AgendaReason;
}

/** How many deals a style takes when the manager names no number (per rep for `rep`). */
export const DEFAULT_TOP_N: Record<AgendaStyle, number> = {
  rep: 5,
  flagged: 30,
  stage: 30,
  top: 10,
  changed: 30,
  unplanned: 30,
};

const byAmount = (a: Candidate, b: Candidate) => b.amount - a.amount || compareText(a.dealId, b.dealId);
/** Attention flags and coverage gaps weigh the same: each is a reason to look at the deal. */
const flagCount = (c: Candidate) => c.flags.length + (c.coverage?.length ?? 0);
const byFlags = (a: Candidate, b: Candidate) => flagCount(b) - flagCount(a) || byAmount(a, b);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The agenda of a review in one of its styles (a pure function of the candidates):
 *
 * - `flagged`: the deals with attention flags or coverage gaps, most first, then by amount;
 * - `top`: the largest open deals;
 * - `stage`: the open deals from the stage nearest to closing down, by amount within one;
 * - `changed`: the deals new or changed since the last review, and those closed since,
 *   most changes first, then by amount;
 * - `unplanned`: the open deals with a visit this week that has no approved pre-call plan,
 *   the soonest visit first, then by amount;
 * - `rep`: per rep (the scope's, else every owner with an open deal, by name), the rep's
 *   section then the rep's open deals, flagged first.
 *
 * `leftOut` counts the deals the style would take but the top N cut.
 */
export function buildAgenda(
  candidates: readonly Candidate[],
  style: AgendaStyle,
  topN: number | null,
  reps: readonly string[],
): { entries: AgendaEntry[]; leftOut: number } {
  const n = topN ?? DEFAULT_TOP_N[style];
  const open = candidates.filter((c) => !c.closed);
  const deal = (c: Candidate, why: AgendaReason['why']): AgendaEntry => ({
    kind: 'deal',
    dealId: c.dealId,
    owner: c.owner,
    reason: {
      why,
      flags: [...c.flags],
      changes: [...c.changes],
      ...(c.coverage?.length ? { coverage: [...c.coverage] } : {}),
      ...(c.unplannedVisit ? { visitDate: c.unplannedVisit } : {}),
    },
  });
  const take = (list: Candidate[], why: AgendaReason['why']) => ({
    entries: list.slice(0, n).map((c) => deal(c, why)),
    leftOut: Math.max(0, list.length - n),
  });
  switch (style) {
    case 'flagged':
      return take(open.filter((c) => flagCount(c) > 0).sort(byFlags), 'flagged');
    case 'unplanned':
      return take(
        open
          .filter((c) => c.unplannedVisit)
          .sort((a, b) => compareText(a.unplannedVisit!, b.unplannedVisit!) || byAmount(a, b)),
        'unplanned',
      );
    case 'top':
      return take([...open].sort(byAmount), 'top');
    case 'stage':
      return take(
        [...open].sort((a, b) => b.stageRank - a.stageRank || byAmount(a, b)),
        'stage',
      );
    case 'changed':
      return take(
        candidates
          .filter((c) => c.changes.length > 0 || c.isNew || c.closed)
          .sort((a, b) => weight(b) - weight(a) || byAmount(a, b)),
        'changed',
      );
    case 'rep': {
      const owners = reps.length
        ? [...reps]
        : [...new Set(open.map((c) => c.owner))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
      const entries: AgendaEntry[] = [];
      let leftOut = 0;
      for (const owner of owners) {
        entries.push({ kind: 'rep', dealId: null, owner, reason: { why: 'rep', flags: [], changes: [] } });
        const own = open.filter((c) => c.owner === owner).sort(byFlags);
        entries.push(...own.slice(0, n).map((c) => deal(c, 'rep')));
        leftOut += Math.max(0, own.length - n);
      }
      return { entries, leftOut };
    }
  }
}

/** How much changed: a closing counts most, a new deal next, then each changed field. */
const weight = (c: Candidate) => (c.closed ? 100 : 0) + (c.isNew ? 10 : 0) + c.changes.length;
