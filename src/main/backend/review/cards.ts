import type { AttentionDealRow, ChangeField, DealCard, RepCard, ValueChange } from '@shared/contract';
import { DAY_MS, dayOfNumber, formatTimestamp } from '@shared/time';
import { attentionReport } from '../analytics/attention';
import { dealIndex, stateAt, type DealStateAt } from '../analytics/review-deals';
import { funnelReport } from '../analytics/funnel';
import { pipelineReport } from '../analytics/pipeline';
import { Members } from '../analytics/scope';
import type { Snapshot } from '../analytics/snapshot';
import { WON, LOST, stageView } from '../analytics/stage-view';
import { velocityReport } from '../analytics/velocity';
import { all, type Db } from '../db/query';
import { coverageOf, planStateMap } from '../plans/review-hooks';
import { loadStages } from '../stages/model';

/**
 * The presenter's screens, computed from the analytics snapshot at the meeting's as-of:
 * the attention flags are the `attention` report's for the same instant and team (one
 * definition for the report, the table and the meeting), "what changed" compares the
 * deal at the previous review's as-of with the deal now, and the rep's section is the
 * 4S reports for the rep's deals.
 */
export interface CardContext {
  s: Snapshot;
  asOf: number;
  /** The previous review's as-of, or null. */
  since: number | null;
  team: string | null;
  /** The attention report's rows by deal id (scope: as-of and team). */
  attention: Map<string, AttentionDealRow>;
}

export function cardContext(
  s: Snapshot,
  asOf: number,
  since: number | null,
  team: string | null,
): CardContext {
  const report = attentionReport(s, { asOf, ...(team ? { team } : {}) }, asOf, new Members(null));
  return { s, asOf, since, team, attention: new Map(report.deals.map((row) => [row.id, row])) };
}

/** What only SQLite holds of a deal: its currency, next step and the manager's notes. */
function localFields(ws: Db, ids: readonly string[]) {
  const deals = new Map<string, { currency: string; nextStep: string }>();
  const notes = new Map<string, { body: string; createdAt: string }[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    for (const r of all(
      ws,
      ws.db.selectFrom('deals').select(['id', 'currency', 'next_step']).where('id', 'in', chunk),
    ))
      deals.set(r.id, { currency: r.currency, nextStep: r.next_step });
    for (const r of all(
      ws,
      ws.db
        .selectFrom('deal_notes')
        .select(['deal_id', 'body', 'created_at'])
        .where('deal_id', 'in', chunk)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc'),
    )) {
      const list = notes.get(r.deal_id) ?? [];
      if (list.length < 5) list.push({ body: r.body, createdAt: formatTimestamp(r.created_at) });
      notes.set(r.deal_id, list);
    }
  }
  return { deals, notes };
}

/**
 * The cards of these deals (null for an id the snapshot does not hold), each with its
 * pre-call plan state (the next visit's plan at as-of, else the latest) and the coverage
 * gaps of its buying centre at the card's stage.
 */
export function dealCards(ws: Db, ctx: CardContext, ids: readonly string[]): (DealCard | null)[] {
  const local = localFields(ws, ids);
  const cards = ids.map((id) => {
    const d = dealIndex(ctx.s, id);
    return d < 0 ? null : dealCard(ctx, d, local.deals.get(id), local.notes.get(id) ?? []);
  });
  const shown = cards.filter((c): c is DealCard => c !== null);
  const stageOf = new Map(shown.map((c) => [c.id, c.stage]));
  const ofShown = shown.map((c) => c.id);
  const plans = planStateMap(ws, ofShown, ctx.asOf);
  const coverage = coverageOf(ws, ofShown, (id) => stageOf.get(id) ?? '', loadStages(ws));
  return cards.map((c) =>
    c === null ? null : { ...c, plan: plans.get(c.id) ?? null, coverageGaps: coverage.get(c.id)?.gaps ?? [] },
  );
}

function dealCard(
  ctx: CardContext,
  d: number,
  local: { currency: string; nextStep: string } | undefined,
  notes: { body: string; createdAt: string }[],
): DealCard {
  const { s, asOf, since } = ctx;
  const view = stageView(s);
  const now = stateAt(s, d, asOf);
  const stage = view.stage[now.stage];
  const key = s.dictionaries.stage.values[now.stage] ?? '';
  const row = ctx.attention.get(s.deals.id[d]!);
  const activity = s.deals.lastActivityAt[d]!;
  const createdAt = s.deals.createdAt[d]!;
  const before = since !== null && createdAt < since ? stateAt(s, d, since) : null;
  return {
    kind: 'deal',
    id: s.deals.id[d]!,
    name: s.deals.name[d]!,
    account: s.deals.account[d]!,
    owner: s.dictionaries.owner.values[now.owner] ?? '',
    team: s.dictionaries.team.values[s.deals.team[d]!] ?? '',
    amount: now.amountCents / 100,
    currency: local?.currency ?? '',
    stage: key,
    stageKind: now.kind === WON ? 'won' : now.kind === LOST ? 'lost' : 'open',
    daysInStage: (asOf - now.enteredAt) / DAY_MS,
    dwellLimitDays: stage?.dwellLimitDays ?? null,
    followupDays: stage?.followupDays ?? null,
    closeDate: day(now.closeDay),
    closeDateHistory: closeDates(s, d, asOf),
    pushCount: row?.pushCount ?? pushes(closeDates(s, d, asOf)),
    forecastCategory: s.dictionaries.category.values[now.category] ?? '',
    since: since === null ? null : formatTimestamp(since),
    isNew: since !== null && createdAt >= since,
    changes: before ? changesBetween(s, before, now) : [],
    flags: row?.flags ?? [],
    daysSinceActivity: activity < asOf ? (asOf - activity) / DAY_MS : null,
    nextStep: local?.nextStep ?? '',
    notes,
  };
}

const day = (n: number): string | null => (Number.isNaN(n) ? null : dayOfNumber(n));

/** The deal's close dates before as-of, each marked when it moved later than the one before (a push). */
function closeDates(s: Snapshot, d: number, asOf: number): DealCard['closeDateHistory'] {
  const tl = s.closeDay;
  const out: DealCard['closeDateHistory'] = [];
  for (let r = tl.start[d]!; r < tl.start[d + 1]! && tl.at[r]! < asOf; r++)
    out.push({
      at: formatTimestamp(tl.at[r]!),
      closeDate: day(tl.value[r]!),
      pushed: r > tl.start[d]! && tl.value[r]! > tl.value[r - 1]!,
    });
  return out;
}
const pushes = (history: DealCard['closeDateHistory']) => history.filter((h) => h.pushed).length;

/** The fields that differ between two states of a deal, in CHANGE_FIELDS order. */
export function changesBetween(s: Snapshot, a: DealStateAt, b: DealStateAt): ValueChange[] {
  const text = (values: readonly string[], code: number) => values[code] ?? null;
  const pairs: [ChangeField, string | number | null, string | number | null][] = [
    ['stage', text(s.dictionaries.stage.values, a.stage), text(s.dictionaries.stage.values, b.stage)],
    ['amount', a.amountCents / 100, b.amountCents / 100],
    ['closeDate', day(a.closeDay), day(b.closeDay)],
    ['owner', text(s.dictionaries.owner.values, a.owner), text(s.dictionaries.owner.values, b.owner)],
    [
      'forecastCategory',
      text(s.dictionaries.category.values, a.category),
      text(s.dictionaries.category.values, b.category),
    ],
  ];
  return pairs.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}

/** The window a rep's section measures Speed, Success and the funnel over: the 90 days up to as-of. */
export const REP_WINDOW_DAYS = 90;

export function repCard(ctx: CardContext, owner: string): RepCard {
  const { s, asOf, team } = ctx;
  const from = asOf - REP_WINDOW_DAYS * DAY_MS;
  const scope = { asOf, owner, ...(team ? { team } : {}) };
  const pipeline = pipelineReport(s, { ...scope, trendMonths: 1 }, asOf);
  // Drilling into `closed` counts the deals closed in the window beside the report.
  const closed = new Members('closed');
  const velocity = velocityReport(s, { ...scope, from, to: asOf }, asOf, closed);
  const funnel = funnelReport(s, { ...scope, from, to: asOf }, asOf);
  let flagged = 0;
  for (const row of ctx.attention.values()) if (row.owner === owner) flagged++;
  return {
    kind: 'rep',
    owner,
    from: formatTimestamp(from),
    to: formatTimestamp(asOf),
    size: { open: pipeline.open, amount: pipeline.amount },
    shape: pipeline.stages,
    speed: {
      stages: velocity.stages.map((st) => ({
        key: st.key,
        medianDays: st.medianDays,
        openCount: st.openCount,
        stalled: st.stalled,
      })),
      salesCycleMedianDays: velocity.salesCycle.medianDays,
      velocityPerDay: velocity.velocityPerDay,
    },
    success: {
      winRate: velocity.winRate,
      won: velocity.salesCycle.count,
      lost: closed.deals.length - velocity.salesCycle.count,
    },
    funnel: funnel.stages,
    flagged,
  };
}
