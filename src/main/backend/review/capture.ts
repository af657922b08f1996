import type { AgendaItem, DecisionKind, ReviewCard, ReviewDecision } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { first, run, type Db } from '../db/query';
import { requireStatus } from './lifecycle';
import { decisionRow, decisions, itemRow, itemRows, meetingRow, toItem, touch } from './meetings';
import { followUpIds } from './view';

/**
 * What a running review records: decisions, next steps and risks, values agreed on an
 * item, the follow-up of earlier next steps, the meeting's notes. All of it is local data
 * keyed by deal id, which no import or sync touches.
 */
export function record(
  ws: Db,
  input: {
    meetingId: number;
    itemId: number | null;
    kind: DecisionKind;
    text: string;
    assignee: string | null;
    dueDate: string | null;
  },
  now: number,
): ReviewDecision {
  requireStatus(meetingRow(ws, input.meetingId), 'running');
  const item = input.itemId === null ? null : itemRow(ws, input.itemId);
  if (item && item.meeting_id !== input.meetingId)
    throw new WorkbenchError('not_found', msg('review_item_missing', { id: input.itemId! }));
  const id = ws.sqlite.transaction(() => {
    const row = first(
      ws,
      ws.db
        .insertInto('review_decisions')
        .values({
          meeting_id: input.meetingId,
          item_id: item?.id ?? null,
          deal_id: item?.deal_id ?? null,
          kind: input.kind,
          text: input.text,
          // A next step without a named owner is the item's rep's.
          assignee: input.assignee ?? (input.kind === 'next_step' ? (item?.owner ?? null) : null),
          due_date: input.dueDate,
          created_at: now,
          updated_at: now,
        })
        .returning('id'),
    )!;
    touch(ws, input.meetingId, now);
    return row.id;
  })();
  return decisions(ws, { ids: [id] })[0]!;
}

/** Decisions belong to the meeting that recorded them; only while it runs can they change. */
function editable(ws: Db, id: number) {
  const row = decisionRow(ws, id);
  requireStatus(meetingRow(ws, row.meeting_id), 'running');
  return row;
}

export function updateDecision(
  ws: Db,
  input: {
    id: number;
    text?: string | undefined;
    assignee?: string | null | undefined;
    dueDate?: string | null | undefined;
    done?: boolean | undefined;
  },
  now: number,
): ReviewDecision {
  const row = editable(ws, input.id);
  run(
    ws,
    ws.db
      .updateTable('review_decisions')
      .set({
        ...(input.text !== undefined ? { text: input.text } : {}),
        ...(input.assignee !== undefined ? { assignee: input.assignee } : {}),
        ...(input.dueDate !== undefined ? { due_date: input.dueDate } : {}),
        ...(input.done !== undefined
          ? { done_at: input.done ? now : null, done_meeting_id: input.done ? row.meeting_id : null }
          : {}),
        updated_at: now,
      })
      .where('id', '=', input.id),
  );
  return decisions(ws, { ids: [input.id] })[0]!;
}

export function deleteDecision(ws: Db, id: number): ReviewDecision {
  editable(ws, id);
  const [shown] = decisions(ws, { ids: [id] });
  ws.sqlite.transaction(() => {
    // Deleting a carried-over copy leaves the step it carried open again.
    run(
      ws,
      ws.db
        .updateTable('review_decisions')
        .set({ carried_to_meeting_id: null })
        .where('id', '=', (eb) =>
          eb.selectFrom('review_decisions').select('carried_from').where('id', '=', id),
        ),
    );
    run(ws, ws.db.deleteFrom('review_decisions').where('id', '=', id));
  })();
  return shown!;
}

export function agree(
  ws: Db,
  input: {
    itemId: number;
    category?: string | null | undefined;
    closeDate?: string | null | undefined;
    followUp?: boolean | undefined;
  },
  now: number,
): AgendaItem {
  const item = itemRow(ws, input.itemId);
  requireStatus(meetingRow(ws, item.meeting_id), 'running');
  run(
    ws,
    ws.db
      .updateTable('review_items')
      .set({
        ...(input.category !== undefined ? { agreed_category: input.category || null } : {}),
        ...(input.closeDate !== undefined ? { agreed_close_date: input.closeDate } : {}),
        ...(input.followUp !== undefined ? { follow_up: input.followUp ? 1 : 0 } : {}),
      })
      .where('id', '=', input.itemId),
  );
  touch(ws, item.meeting_id, now);
  const after = itemRow(ws, input.itemId);
  return toItem(after, after.card === null ? null : (JSON.parse(after.card) as ReviewCard));
}

/**
 * An earlier next step taken up by a running review: `done` closes it in this meeting;
 * `carry` copies it into this meeting (still open, due as before) and marks the original
 * carried, so it is followed up from here on; `reopen` undoes either.
 */
export function followUp(
  ws: Db,
  input: { meetingId: number; decisionId: number; action: 'done' | 'carry' | 'reopen' },
  now: number,
): void {
  const meeting = meetingRow(ws, input.meetingId);
  requireStatus(meeting, 'running');
  if (!followUpIds(ws, meeting).includes(input.decisionId))
    throw new WorkbenchError('invalid_input', msg('review_not_follow_up', { id: input.decisionId }));
  const step = decisionRow(ws, input.decisionId);
  ws.sqlite.transaction(() => {
    // Whatever was decided before is undone first, so the actions can be switched freely.
    run(
      ws,
      ws.db
        .deleteFrom('review_decisions')
        .where('carried_from', '=', step.id)
        .where('meeting_id', '=', meeting.id),
    );
    run(
      ws,
      ws.db
        .updateTable('review_decisions')
        .set({ done_at: null, done_meeting_id: null, carried_to_meeting_id: null, updated_at: now })
        .where('id', '=', step.id),
    );
    if (input.action === 'done')
      run(
        ws,
        ws.db
          .updateTable('review_decisions')
          .set({ done_at: now, done_meeting_id: meeting.id })
          .where('id', '=', step.id),
      );
    if (input.action === 'carry') {
      const item = itemRows(ws, meeting.id).find((i) => step.deal_id !== null && i.deal_id === step.deal_id);
      run(
        ws,
        ws.db.insertInto('review_decisions').values({
          meeting_id: meeting.id,
          item_id: item?.id ?? null,
          deal_id: step.deal_id,
          kind: 'next_step',
          text: step.text,
          assignee: step.assignee,
          due_date: step.due_date,
          carried_from: step.id,
          created_at: now,
          updated_at: now,
        }),
      );
      run(
        ws,
        ws.db
          .updateTable('review_decisions')
          .set({ carried_to_meeting_id: meeting.id })
          .where('id', '=', step.id),
      );
    }
    touch(ws, meeting.id, now);
  })();
}

export function saveNotes(ws: Db, id: number, notes: string, now: number): { notes: string } {
  const row = meetingRow(ws, id);
  if (row.status === 'ended') throw new WorkbenchError('conflict', msg('review_ended', { title: row.title }));
  run(ws, ws.db.updateTable('review_meetings').set({ notes, updated_at: now }).where('id', '=', id));
  return { notes };
}
