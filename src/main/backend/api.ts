import type { Workspace } from './db/connection';
import { Registry, type Emit } from './registry';
import { listDeals, listFacets } from './pipeline/deal-list';
import { getDeal } from './pipeline/deal-detail';
import { deleteNote, saveNote } from './notes/notes';
import { readPreferences, updatePreferences, workspaceInfo } from './workspace/info';
import { applyImport, checkImport } from './csv/import';
import { exportCsv } from './csv/export';
import { workspaceNow } from './workspace/settings';
import { loadStages } from './pipeline/stages';

/** Every channel of the contract, bound to one open workspace. */
export function createBackend(ws: Workspace, emit: Emit): Registry {
  const r = new Registry();
  r.handle('workspace.info', () => workspaceInfo(ws));
  r.handle('pipeline.facets', () => listFacets(ws));
  r.handle('pipeline.list', (input) =>
    listDeals(ws.db, loadStages(ws.sqlite), workspaceNow(ws.sqlite), input),
  );
  r.handle('deal.get', ({ id }) => getDeal(ws, id));
  r.handle('notes.save', (input) => {
    const note = saveNote(ws, input);
    emit('workspace.changed', { reason: 'notes' });
    return note;
  });
  r.handle('notes.delete', ({ noteId }) => {
    const note = deleteNote(ws, noteId);
    emit('workspace.changed', { reason: 'notes' });
    return note;
  });
  r.handle('preferences.get', () => readPreferences(ws));
  r.handle('preferences.set', (input) => updatePreferences(ws, input));
  r.handle('import.check', ({ files }) => checkImport(ws, files));
  r.handle('import.apply', ({ files, skipInvalid }) => {
    const outcome = applyImport(ws, files, {
      skipInvalid,
      onProgress: (phase, done, total) => emit('import.progress', { phase, done, total }),
    });
    emit('workspace.changed', { reason: 'import' });
    return outcome;
  });
  r.handle('export.csv', ({ kind }) => exportCsv(ws, kind));
  r.assertComplete();
  return r;
}
