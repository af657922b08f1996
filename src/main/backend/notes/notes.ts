import type { Note } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { formatTimestamp } from '@shared/time';
import { all, first, type Db } from '../db/query';
import type { NoteRecord } from './tables';

/**
 * The manager's local notes on a deal. Keyed by the deal's text id (not its row number),
 * so a re-import or sync that rewrites the deal never orphans them.
 */
const toNote = (r: NoteRecord): Note => ({
  id: r.id,
  dealId: r.deal_id,
  body: r.body,
  createdAt: formatTimestamp(r.created_at),
  updatedAt: formatTimestamp(r.updated_at),
});

export function listNotes(ws: Db, dealId: string): Note[] {
  const rows = all(
    ws,
    ws.db
      .selectFrom('deal_notes')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc'),
  );
  return rows.map(toNote);
}

/** Adds a note, or edits one when `noteId` is given. */
export function saveNote(ws: Db, input: { dealId: string; noteId?: number | undefined; body: string }): Note {
  const exists = first(ws, ws.db.selectFrom('deals').select('seq').where('id', '=', input.dealId));
  if (!exists) throw new WorkbenchError('not_found', msg('note_deal_missing', { id: input.dealId }));
  const now = Date.now();
  if (input.noteId !== undefined) {
    const row = first(
      ws,
      ws.db
        .updateTable('deal_notes')
        .set({ body: input.body, updated_at: now })
        .where('id', '=', input.noteId)
        .where('deal_id', '=', input.dealId)
        .returningAll(),
    );
    if (!row)
      throw new WorkbenchError(
        'not_found',
        msg('note_of_deal_missing', { note: input.noteId, id: input.dealId }),
      );
    return toNote(row);
  }
  const row = first(
    ws,
    ws.db
      .insertInto('deal_notes')
      .values({ deal_id: input.dealId, body: input.body, created_at: now, updated_at: now })
      .returningAll(),
  );
  return toNote(row!);
}

/** Deletes a note and returns it, so the UI can offer to undo. */
export function deleteNote(ws: Db, noteId: number): Note {
  const row = first(ws, ws.db.deleteFrom('deal_notes').where('id', '=', noteId).returningAll());
  if (!row) throw new WorkbenchError('not_found', msg('note_missing', { note: noteId }));
  return toNote(row);
}
