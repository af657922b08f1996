import type { AgendaReason, AgendaStyle, LiveState, MeetingSummary, ReviewScope } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Snapshot } from '../analytics/snapshot';
import { all, first, run, type Db } from '../db/query';
import { divideBudget } from './agenda';
import { cardContext } from './cards';
import {
  itemRows,
  liveState,
  meetingRow,
  openNextSteps,
  previousMeeting,
  scopeColumns,
  scopeOf,
  summaries,
  type MeetingRow,
} from './meetings';
import { cardsFor, sinceFor } from './propose';
import { followUpIds } from './view';

/**
 * A meeting's life: a draft agenda is saved and rewritten freely; starting it fixes its
 * as-of, the cards it shows and the follow-ups it takes up; the presenter moves through
 * it with a timer; ending it makes it history. `now` is the wall clock (timers, stamps);
 * `asOf` the workspace's clock (what the pipeline looked like).
 */
export interface DraftInput {
  id?: number | undefined;
  title: string;
  scope: ReviewScope;
  style: AgendaStyle;
  topN: number | null;
  budgetMinutes: number;
  agenda: { kind: 'deal' | 'rep'; dealId: string | null; owner: string | null; reason: AgendaReason }[];
}

export function requireStatus(row: MeetingRow, status: 'planned' | 'running'): void {
  if (row.status === status) return;
  if (row.status === 'ended') throw new WorkbenchError('conflict', msg('review_ended', { title: row.title }));
  throw new WorkbenchError(
    'conflict',
    msg(status === 'planned' ? 'review_not_draft' : 'review_not_running', { title: row.title }),
  );
}

export function saveDraft(ws: Db, input: DraftInput, asOf: number, now: number): number {
  // A rep item needs a rep, a deal item a deal that exists (a deal deleted upstream stays).
  const ids = [...new Set(input.agenda.filter((e) => e.kind === 'deal').map((e) => e.dealId ?? ''))];
  const known = new Set<string>();
  for (let i = 0; i < ids.length; i += 500)
    for (const r of all(
      ws,
      ws.db
        .selectFrom('deals')
        .select('id')
        .where('id', 'in', ids.slice(i, i + 500)),
    ))
      known.add(r.id);
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined)
    throw new WorkbenchError('invalid_input', msg('review_deal_unknown', { id: unknown }));

  return ws.sqlite.transaction(() => {
    const fields = {
      title: input.title,
      ...scopeColumns(input.scope),
      agenda_style: input.style,
      top_n: input.topN,
      budget_minutes: input.budgetMinutes,
      as_of: asOf,
      updated_at: now,
    };
    let id: number;
    if (input.id !== undefined) {
      requireStatus(meetingRow(ws, input.id), 'planned');
      run(ws, ws.db.updateTable('review_meetings').set(fields).where('id', '=', input.id));
      run(ws, ws.db.deleteFrom('review_items').where('meeting_id', '=', input.id));
      id = input.id;
    } else {
      id = first(
        ws,
        ws.db
          .insertInto('review_meetings')
          .values({ ...fields, created_at: now })
          .returning('id'),
      )!.id;
    }
    const follow = openNextSteps(ws, input.scope, null).length;
    const minutes = divideBudget(
      input.agenda.map((e) => e.kind),
      follow,
      input.budgetMinutes,
    ).items;
    input.agenda.forEach((e, position) =>
      run(
        ws,
        ws.db.insertInto('review_items').values({
          meeting_id: id,
          position,
          kind: e.kind,
          deal_id: e.kind === 'deal' ? e.dealId : null,
          owner: e.owner,
          reason: JSON.stringify(e.reason),
          minutes: minutes[position]!,
        }),
      ),
    );
    return id;
  })();
}

/** Starts a draft: the pipeline as of now, each card fixed, the open follow-ups taken up, the timer running. */
export function startMeeting(ws: Db, s: Snapshot, id: number, asOf: number, now: number): void {
  const row = meetingRow(ws, id);
  requireStatus(row, 'planned');
  const scope = scopeOf(row);
  const items = itemRows(ws, id);
  const previous = previousMeeting(ws, scope, row);
  const follow = openNextSteps(ws, scope, row);
  if (!items.length && !follow.length)
    throw new WorkbenchError('conflict', msg('review_empty', { title: row.title }));
  const ctx = cardContext(s, asOf, sinceFor(asOf, previous?.as_of ?? null), scope.team);
  const cards = cardsFor(
    ws,
    ctx,
    items.map((i) => ({ kind: i.kind, dealId: i.deal_id, owner: i.owner })),
  );
  const minutes = divideBudget(
    items.map((i) => i.kind),
    follow.length,
    row.budget_minutes,
  ).items;
  ws.sqlite.transaction(() => {
    items.forEach((item, i) =>
      run(
        ws,
        ws.db
          .updateTable('review_items')
          .set({ card: cards[i] ? JSON.stringify(cards[i]) : null, minutes: minutes[i]! })
          .where('id', '=', item.id),
      ),
    );
    run(
      ws,
      ws.db
        .updateTable('review_meetings')
        .set({
          status: 'running',
          as_of: asOf,
          previous_meeting_id: previous?.id ?? null,
          follow_ups: JSON.stringify(follow),
          started_at: now,
          timer_started_at: now,
          position: 0,
          elapsed_ms: 0,
          updated_at: now,
        })
        .where('id', '=', id),
    );
    markReviewed(ws, meetingRow(ws, id), items, now);
  })();
}

/** The slides: the follow-ups first when there are any, then one per item. */
const slideCount = (ws: Db, row: MeetingRow, items: number) =>
  (followUpIds(ws, row).length > 0 ? 1 : 0) + items;

/**
 * Moves the presenter and runs the timers. While the timer runs, the time since it was
 * last read goes to the meeting and to the item on screen, so each item's time is what
 * was spent on it.
 */
export function present(
  ws: Db,
  id: number,
  change: { position?: number | undefined; timer?: 'start' | 'pause' | undefined },
  now: number,
): LiveState {
  const row = meetingRow(ws, id);
  requireStatus(row, 'running');
  const items = itemRows(ws, id);
  const slides = slideCount(ws, row, items.length);
  if (change.position !== undefined && change.position >= slides)
    throw new WorkbenchError(
      'invalid_input',
      msg('review_position', { title: row.title, count: slides, position: change.position + 1 }),
    );
  ws.sqlite.transaction(() => {
    settleTimer(ws, row, items, now);
    const running =
      change.timer === 'start' ? true : change.timer === 'pause' ? false : row.timer_started_at !== null;
    run(
      ws,
      ws.db
        .updateTable('review_meetings')
        .set({
          position: change.position ?? row.position,
          timer_started_at: running ? now : null,
          updated_at: now,
        })
        .where('id', '=', id),
    );
    markReviewed(ws, meetingRow(ws, id), items, now);
  })();
  const after = meetingRow(ws, id);
  return liveState(after, itemRows(ws, id), followUpIds(ws, after).length);
}

/** Adds the running timer's time since it was last read to the meeting and the item on screen. */
function settleTimer(ws: Db, row: MeetingRow, items: ReturnType<typeof itemRows>, now: number): void {
  if (row.timer_started_at === null) return;
  const spent = Math.max(0, now - row.timer_started_at);
  run(
    ws,
    ws.db
      .updateTable('review_meetings')
      .set({ elapsed_ms: row.elapsed_ms + spent, timer_started_at: now })
      .where('id', '=', row.id),
  );
  const item = items[row.position - (followUpIds(ws, row).length > 0 ? 1 : 0)];
  if (item)
    run(
      ws,
      ws.db
        .updateTable('review_items')
        .set({ elapsed_ms: item.elapsed_ms + spent })
        .where('id', '=', item.id),
    );
}

/** The item on screen has been reviewed (the first time it was shown). */
function markReviewed(ws: Db, row: MeetingRow, items: ReturnType<typeof itemRows>, now: number): void {
  const item = items[row.position - (followUpIds(ws, row).length > 0 ? 1 : 0)];
  if (item && item.reviewed_at === null)
    run(ws, ws.db.updateTable('review_items').set({ reviewed_at: now }).where('id', '=', item.id));
}

export function endMeeting(ws: Db, id: number, now: number): void {
  const row = meetingRow(ws, id);
  requireStatus(row, 'running');
  ws.sqlite.transaction(() => {
    settleTimer(ws, row, itemRows(ws, id), now);
    run(
      ws,
      ws.db
        .updateTable('review_meetings')
        .set({ status: 'ended', ended_at: now, timer_started_at: null, updated_at: now })
        .where('id', '=', id),
    );
  })();
}

/**
 * Deletes a meeting with its agenda and decisions. What it did to earlier next steps is
 * undone: those it marked done or carried over are open again.
 */
export function deleteMeeting(ws: Db, id: number): MeetingSummary {
  const summary = summaries(ws, id)[0];
  if (!summary) meetingRow(ws, id); // throws not_found
  ws.sqlite.transaction(() => {
    run(
      ws,
      ws.db
        .updateTable('review_decisions')
        .set({ done_at: null, done_meeting_id: null })
        .where('done_meeting_id', '=', id)
        .where('meeting_id', '!=', id),
    );
    run(
      ws,
      ws.db
        .updateTable('review_decisions')
        .set({ carried_to_meeting_id: null })
        .where('carried_to_meeting_id', '=', id),
    );
    run(ws, ws.db.deleteFrom('review_meetings').where('id', '=', id));
  })();
  return summary!;
}
