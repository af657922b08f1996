import type { AgendaItem, AgendaStyle, ReviewCard, ReviewScope } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import { dealIndex, reviewDeals, stateAt } from '../analytics/review-deals';
import type { Snapshot } from '../analytics/snapshot';
import { OPEN, stageView } from '../analytics/stage-view';
import type { Db } from '../db/query';
import { coverageOf, unplannedVisits } from '../plans/review-hooks';
import { loadStages } from '../stages/model';
import { buildAgenda, divideBudget, type AgendaEntry, type Candidate } from './agenda';
import { cardContext, changesBetween, dealCards, repCard, type CardContext } from './cards';

/** Without an earlier review of the scope, "what changed" looks back one week (a weekly review's period). */
export const FIRST_REVIEW_LOOKBACK_MS = 7 * DAY_MS;

export const sinceFor = (asOf: number, previousAsOf: number | null): number =>
  previousAsOf ?? asOf - FIRST_REVIEW_LOOKBACK_MS;

/** The deals of a scope at as-of as agenda candidates: their flags, changes since `since`, stage and amount. */
export function candidates(ctx: CardContext, scope: ReviewScope): Candidate[] {
  const { s, asOf } = ctx;
  const since = ctx.since ?? asOf;
  const view = stageView(s);
  return reviewDeals(s, { asOf, team: scope.team, reps: scope.reps, closedSince: since }).map((d) => {
    const now = stateAt(s, d, asOf);
    const created = s.deals.createdAt[d]!;
    const before = created < since ? stateAt(s, d, since) : null;
    const id = s.deals.id[d]!;
    return {
      dealId: id,
      owner: s.dictionaries.owner.values[now.owner] ?? '',
      stageRank: now.kind === OPEN ? view.rank[now.stage]! : -1,
      amount: now.amountCents / 100,
      flags: ctx.attention.get(id)?.flags ?? [],
      changes: before ? changesBetween(s, before, now).map((c) => c.field) : [],
      isNew: created >= since,
      closed: now.kind !== OPEN,
    };
  });
}

/**
 * The candidates with what the pre-call plans add: the hard coverage gaps of a mapped
 * buying centre at the deal's stage at as-of (flags for the `flagged` style), and this
 * week's visit without an approved plan (the `unplanned` style; the week of as-of).
 */
function withPlans(ws: Db, ctx: CardContext, list: Candidate[]): Candidate[] {
  const ids = list.map((c) => c.dealId);
  const coverage = coverageOf(ws, ids, (id) => stageKeyAt(ctx, id), loadStages(ws));
  const unplanned = unplannedVisits(ws, ids, ctx.asOf);
  return list.map((c) => ({
    ...c,
    coverage: coverage.get(c.dealId)?.flags ?? [],
    unplannedVisit: unplanned.get(c.dealId) ?? null,
  }));
}

/** The deal's stage key at the context's as-of. */
export function stageKeyAt(ctx: CardContext, id: string): string {
  const d = dealIndex(ctx.s, id);
  return d < 0 ? '' : (ctx.s.dictionaries.stage.values[stateAt(ctx.s, d, ctx.asOf).stage] ?? '');
}

/** The agenda's entries as items: each with its card at the context's as-of and its share of the budget. */
export function itemsFor(
  ws: Db,
  ctx: CardContext,
  entries: readonly AgendaEntry[],
  followUps: number,
  budgetMinutes: number,
): AgendaItem[] {
  const cards = cardsFor(ws, ctx, entries);
  const minutes = divideBudget(
    entries.map((e) => e.kind),
    followUps,
    budgetMinutes,
  ).items;
  return entries.map((e, i) => ({
    id: null,
    kind: e.kind,
    dealId: e.dealId,
    owner: e.owner,
    reason: e.reason,
    minutes: minutes[i]!,
    elapsedMs: 0,
    card: cards[i]!,
    agreedCategory: null,
    agreedCloseDate: null,
    followUp: false,
    reviewedAt: null,
  }));
}

/** Every card of an agenda at once (one attention report, one read of the local fields). */
export function cardsFor(
  ws: Db,
  ctx: CardContext,
  entries: readonly Pick<AgendaEntry, 'kind' | 'dealId' | 'owner'>[],
): (ReviewCard | null)[] {
  const deals = entries.filter((e) => e.kind === 'deal').map((e) => e.dealId!);
  const dealCardList = dealCards(ws, ctx, deals);
  const byId = new Map(deals.map((id, i) => [id, dealCardList[i] ?? null]));
  return entries.map((e) => (e.kind === 'rep' ? repCard(ctx, e.owner!) : (byId.get(e.dealId!) ?? null)));
}

export function proposeAgenda(
  ws: Db,
  s: Snapshot,
  input: { scope: ReviewScope; style: AgendaStyle; topN: number | null; asOf: number; since: number },
): { entries: AgendaEntry[]; leftOut: number; ctx: CardContext } {
  const ctx = cardContext(s, input.asOf, input.since, input.scope.team);
  const { entries, leftOut } = buildAgenda(
    withPlans(ws, ctx, candidates(ctx, input.scope)),
    input.style,
    input.topN,
    input.scope.reps,
  );
  return { entries, leftOut, ctx };
}
