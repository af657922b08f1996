import type { Note } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { formatTimestamp } from '@shared/time';
import type { Workspace } from '../db/connection';
import type { NoteRecord } from '../db/schema';

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

export function listNotes(ws: Workspace, dealId: string): Note[] {
  const rows = ws.sqlite
    .prepare('select * from deal_notes where deal_id = ? order by created_at desc, id desc')
    .all(dealId) as NoteRecord[];
  return rows.map(toNote);
}

/** Adds a note, or edits one when `noteId` is given. */
export function saveNote(
  ws: Workspace,
  input: { dealId: string; noteId?: number | undefined; body: string },
): Note {
  const sqlite = ws.sqlite;
  const exists = sqlite.prepare('select 1 from deals where id = ?').get(input.dealId);
  if (!exists) throw new WorkbenchError('not_found', msg('note_deal_missing', { id: input.dealId }));
  const now = Date.now();
  if (input.noteId !== undefined) {
    const row = sqlite
      .prepare('update deal_notes set body = ?, updated_at = ? where id = ? and deal_id = ? returning *')
      .get(input.body, now, input.noteId, input.dealId) as NoteRecord | undefined;
    if (!row)
      throw new WorkbenchError(
        'not_found',
        msg('note_of_deal_missing', { note: input.noteId, id: input.dealId }),
      );
    return toNote(row);
  }
  const row = sqlite
    .prepare('insert into deal_notes(deal_id, body, created_at, updated_at) values(?, ?, ?, ?) returning *')
    .get(input.dealId, input.body, now, now) as NoteRecord;
  return toNote(row);
}

/** Deletes a note and returns it, so the UI can offer to undo. */
export function deleteNote(ws: Workspace, noteId: number): Note {
  const row = ws.sqlite.prepare('delete from deal_notes where id = ? returning *').get(noteId) as
    NoteRecord | undefined;
  if (!row) throw new WorkbenchError('not_found', msg('note_missing', { note: noteId }));
  return toNote(row);
}
