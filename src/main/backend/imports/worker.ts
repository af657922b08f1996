/**
 * Runs one import on a worker thread with its own connection to the workspace, so the
 * backend keeps answering (reads see the last committed data, thanks to WAL) and progress
 * reaches the window while the rows are written in their one transaction.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportFiles } from '@shared/contract';
import { msg } from '@shared/messages';
import { appError, WorkbenchError } from '@shared/result';
import { openWorkspace } from '../db/connection';
import { applyImport } from './import';
import type { ImportJobMessage } from './job';
import type { DealMapping } from '@shared/imports/column-mapping';

interface Job {
  path: string;
  nativeBinding?: string;
  files: ImportFiles;
  skipInvalid: boolean;
  mapping?: DealMapping;
}

const job = workerData as Job;
const post = (message: ImportJobMessage) => parentPort!.postMessage(message);

try {
  const ws = await openWorkspace(job.path, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
  try {
    const outcome = applyImport(ws, job.files, {
      skipInvalid: job.skipInvalid,
      ...(job.mapping ? { mapping: job.mapping } : {}),
      onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
    });
    post({ type: 'done', outcome });
  } finally {
    await ws.close();
  }
} catch (e) {
  post({
    type: 'failed',
    error:
      e instanceof WorkbenchError
        ? e.toAppError()
        : appError('internal', msg('import_failed', { reason: e instanceof Error ? e.message : String(e) })),
  });
}
