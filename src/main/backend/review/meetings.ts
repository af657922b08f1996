import type { Selectable } from 'kysely';
import type {
  AgendaItem,
  AgendaReason,
  AgendaStyle,
  LiveState,
  MeetingSummary,
  ReviewCard,
  ReviewDecision,
  ReviewScope,
} from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { formatTimestamp } from '@shared/time';
import { all, first, run, type Db } from '../db/query';
import type { ReviewDecisionsTable, ReviewItemsTable, ReviewMeetingsTable } from './tables';

/**
 * The meetings' rows and their shapes in the contract. Everything here is the manager's
 * own data, keyed by deal id: no import or sync writes these tables, and a deal deleted
 * upstream keeps its items and decisions (its card as shown stays in the item).
 */
export type MeetingRow = Selectable<ReviewMeetingsTable>;
export type ItemRow = Selectable<ReviewItemsTable>;
export type DecisionRow = Selectable<ReviewDecisionsTable>;

export const scopeColumns = (scope: ReviewScope) => ({
  scope_team: scope.team ?? '',
  scope_reps: JSON.stringify(scope.reps),
});

export const scopeOf = (row: MeetingRow): ReviewScope => ({
  team: row.scope_team === '' ? null : row.scope_team,
  reps: JSON.parse(row.scope_reps) as string[],
});

export function meetingRow(ws: Db, id: number): MeetingRow {
  const row = first(ws, ws.db.selectFrom('review_meetings').selectAll().where('id', '=', id));
  if (!row) throw new WorkbenchError('not_found', msg('review_missing', { id }));
  return row;
}

export const itemRows = (ws: Db, meetingId: number): ItemRow[] =>
  all(
    ws,
    ws.db.selectFrom('review_items').selectAll().where('meeting_id', '=', meetingId).orderBy('position'),
  );

export function itemRow(ws: Db, id: number): ItemRow {
  const row = first(ws, ws.db.selectFrom('review_items').selectAll().where('id', '=', id));
  if (!row) throw new WorkbenchError('not_found', msg('review_item_missing', { id }));
  return row;
}

export function decisionRow(ws: Db, id: number): DecisionRow {
  const row = first(ws, ws.db.selectFrom('review_decisions').selectAll().where('id', '=', id));
  if (!row) throw new WorkbenchError('not_found', msg('review_decision_missing', { id }));
  return row;
}

/** Decisions with their meeting's title and as-of, and the deal's name (from the card shown when known). */
export function decisions(ws: Db, where: { meetingId?: number; ids?: readonly number[] }): ReviewDecision[] {
  if (where.ids && where.ids.length === 0) return [];
  let query = ws.db
    .selectFrom('review_decisions as d')
    .innerJoin('review_meetings as m', 'm.id', 'd.meeting_id')
    .leftJoin('deals', 'deals.id', 'd.deal_id')
    .selectAll('d')
    .select(['m.title as meeting_title', 'm.as_of as meeting_as_of', 'deals.name as deal_name'])
    .orderBy('d.created_at')
    .orderBy('d.id');
  if (where.meetingId !== undefined) query = query.where('d.meeting_id', '=', where.meetingId);
  if (where.ids) query = query.where('d.id', 'in', where.ids);
  const rows = all(ws, query);
  const shown = shownNames(
    ws,
    rows.filter((r) => r.deal_name === null && r.deal_id !== null).map((r) => r.deal_id!),
  );
  return rows.map((r) => ({
    id: r.id,
    meetingId: r.meeting_id,
    meetingTitle: r.meeting_title,
    meetingAsOf: formatTimestamp(r.meeting_as_of),
    itemId: r.item_id,
    dealId: r.deal_id,
    dealName: r.deal_name ?? (r.deal_id === null ? null : (shown.get(r.deal_id) ?? null)),
    kind: r.kind,
    text: r.text,
    assignee: r.assignee,
    dueDate: r.due_date,
    doneAt: r.done_at === null ? null : formatTimestamp(r.done_at),
    doneMeetingId: r.done_meeting_id,
    carriedToMeetingId: r.carried_to_meeting_id,
    carriedFrom: r.carried_from,
    createdAt: formatTimestamp(r.created_at),
  }));
}

/** A deleted deal's name, from the last card a meeting showed of it. */
function shownNames(ws: Db, ids: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  if (!ids.length) return names;
  const rows = all(
    ws,
    ws.db
      .selectFrom('review_items')
      .select(['deal_id', 'card'])
      .where('deal_id', 'in', [...new Set(ids)])
      .where('card', 'is not', null)
      .orderBy('id'),
  );
  for (const r of rows) {
    const card = JSON.parse(r.card!) as { name?: string };
    if (r.deal_id && card.name) names.set(r.deal_id, card.name);
  }
  return names;
}

export const toItem = (r: ItemRow, card: ReviewCard | null): AgendaItem => ({
  id: r.id,
  kind: r.kind,
  dealId: r.deal_id,
  owner: r.owner,
  reason: JSON.parse(r.reason) as AgendaReason,
  minutes: r.minutes,
  elapsedMs: r.elapsed_ms,
  card,
  agreedCategory: r.agreed_category,
  agreedCloseDate: r.agreed_close_date,
  followUp: r.follow_up === 1,
  reviewedAt: r.reviewed_at === null ? null : formatTimestamp(r.reviewed_at),
});

export function summaries(ws: Db, id?: number): MeetingSummary[] {
  let query = ws.db
    .selectFrom('review_meetings as m')
    .selectAll('m')
    .select((eb) => [
      eb
        .selectFrom('review_items')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('meeting_id', '=', 'm.id')
        .as('items'),
      eb
        .selectFrom('review_decisions')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('meeting_id', '=', 'm.id')
        .where('kind', '=', 'decision')
        .as('decisions'),
      eb
        .selectFrom('review_decisions')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('meeting_id', '=', 'm.id')
        .where('kind', '=', 'next_step')
        .as('next_steps'),
    ])
    .orderBy('m.as_of', 'desc')
    .orderBy('m.id', 'desc');
  if (id !== undefined) query = query.where('m.id', '=', id);
  return all(ws, query).map((r) => ({
    id: r.id,
    title: r.title,
    scope: scopeOf(r),
    style: r.agenda_style as AgendaStyle,
    status: r.status,
    asOf: formatTimestamp(r.as_of),
    startedAt: r.started_at === null ? null : formatTimestamp(r.started_at),
    endedAt: r.ended_at === null ? null : formatTimestamp(r.ended_at),
    elapsedMs: r.elapsed_ms,
    itemCount: Number(r.items ?? 0),
    decisionCount: Number(r.decisions ?? 0),
    nextStepCount: Number(r.next_steps ?? 0),
  }));
}

/**
 * The latest earlier review of the same scope that has started: what "changed since the
 * last review" runs from, and whose open next steps come first.
 */
export function previousMeeting(
  ws: Db,
  scope: ReviewScope,
  before: MeetingRow | null,
): MeetingRow | undefined {
  let query = ws.db
    .selectFrom('review_meetings')
    .selectAll()
    .where('scope_team', '=', scopeColumns(scope).scope_team)
    .where('scope_reps', '=', scopeColumns(scope).scope_reps)
    .where('started_at', 'is not', null)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc');
  if (before) {
    query = query.where('id', '!=', before.id);
    if (before.started_at !== null) query = query.where('started_at', '<', before.started_at);
  }
  return first(ws, query);
}

/**
 * The next steps of earlier reviews of the same scope that are still open (not done,
 * not carried over), oldest first: at the next review they come first.
 */
export function openNextSteps(ws: Db, scope: ReviewScope, exclude: MeetingRow | null): number[] {
  let query = ws.db
    .selectFrom('review_decisions as d')
    .innerJoin('review_meetings as m', 'm.id', 'd.meeting_id')
    .select('d.id')
    .where('d.kind', '=', 'next_step')
    .where('d.done_at', 'is', null)
    .where('d.carried_to_meeting_id', 'is', null)
    .where('m.scope_team', '=', scopeColumns(scope).scope_team)
    .where('m.scope_reps', '=', scopeColumns(scope).scope_reps)
    .where('m.started_at', 'is not', null)
    .orderBy('d.created_at')
    .orderBy('d.id');
  if (exclude) {
    query = query.where('m.id', '!=', exclude.id);
    if (exclude.started_at !== null) query = query.where('m.started_at', '<', exclude.started_at);
  }
  return all(ws, query).map((r) => r.id);
}

/** The presenter's state; `now` is the wall clock, which the timers follow. */
export function liveState(meeting: MeetingRow, items: readonly ItemRow[], followUps: number): LiveState {
  const index = meeting.position - (followUps > 0 ? 1 : 0);
  return {
    meetingId: meeting.id,
    position: meeting.position,
    elapsedMs: meeting.elapsed_ms,
    runningSince: meeting.timer_started_at === null ? null : formatTimestamp(meeting.timer_started_at),
    itemElapsedMs: items[index]?.elapsed_ms ?? 0,
  };
}

export function touch(ws: Db, id: number, now: number): void {
  run(ws, ws.db.updateTable('review_meetings').set({ updated_at: now }).where('id', '=', id));
}
