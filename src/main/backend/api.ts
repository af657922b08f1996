import type { Workspace } from './db/connection';
import { Registry, type Emit } from './registry';
import { listDeals, listFacets } from './pipeline/deal-list';
import { getDeal } from './pipeline/deal-detail';
import { deleteNote, saveNote } from './notes/notes';
import { readPreferences, updatePreferences, workspaceInfo } from './workspace/info';
import { checkImport } from './csv/import';
import { runImport } from './csv/import-job';
import { WorkbenchError } from '../../shared/result';
import { exportCsv } from './csv/export';
import { workspaceNow } from './workspace/settings';
import { loadStages } from './pipeline/stages';

export interface BackendOptions {
  /** The better-sqlite3 addon for this runtime, passed on to import workers. */
  nativeBinding?: string;
}

/** Every channel of the contract, bound to one open workspace. */
export function createBackend(ws: Workspace, emit: Emit, options: BackendOptions = {}): Registry {
  const r = new Registry();
  // While an import writes (on a worker, one transaction that holds SQLite's write lock),
  // other writes would wait on the lock and block this thread: refuse them at once instead.
  let importing = false;
  const notWhileImporting = () => {
    if (importing) {
      throw new WorkbenchError(
        'conflict',
        'An import is being written right now; try again when it has finished.',
      );
    }
  };
  r.handle('workspace.info', () => workspaceInfo(ws));
  r.handle('pipeline.facets', () => listFacets(ws));
  r.handle('pipeline.list', (input) =>
    listDeals(ws.db, loadStages(ws.sqlite), workspaceNow(ws.sqlite), input),
  );
  r.handle('deal.get', ({ id }) => getDeal(ws, id));
  r.handle('notes.save', (input) => {
    notWhileImporting();
    const note = saveNote(ws, input);
    emit('workspace.changed', { reason: 'notes' });
    return note;
  });
  r.handle('notes.delete', ({ noteId }) => {
    notWhileImporting();
    const note = deleteNote(ws, noteId);
    emit('workspace.changed', { reason: 'notes' });
    return note;
  });
  r.handle('preferences.get', () => readPreferences(ws));
  r.handle('preferences.set', (input) => {
    notWhileImporting();
    return updatePreferences(ws, input);
  });
  r.handle('import.check', ({ files }) => checkImport(ws, files));
  r.handle('import.apply', async ({ files, skipInvalid }) => {
    notWhileImporting();
    importing = true;
    try {
      const outcome = await runImport(ws, files, {
        skipInvalid,
        ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
        onProgress: (phase, done, total) => emit('import.progress', { phase, done, total }),
      });
      emit('workspace.changed', { reason: 'import' });
      return outcome;
    } finally {
      importing = false;
    }
  });
  r.handle('export.csv', ({ kind }) => exportCsv(ws, kind));
  r.assertComplete();
  return r;
}
