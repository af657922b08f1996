import type { Worker } from 'node:worker_threads';
import type { ImportFiles, ImportOutcome } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError, type AppError } from '@shared/result';
import type { Workspace } from '../db/connection';
import { startModuleWorker } from '../db/worker-thread';
import { applyImport, type ImportProgress } from './import';
import type { DealMapping } from '@shared/imports/column-mapping';

export type ImportJobMessage =
  | { type: 'progress'; phase: 'checking' | 'writing'; done: number; total: number }
  | { type: 'done'; outcome: ImportOutcome }
  | { type: 'failed'; error: AppError };

export interface ImportJobOptions {
  skipInvalid: boolean;
  onProgress?: ImportProgress;
  /** The better-sqlite3 addon the worker must load (the desktop backend's Electron build). */
  nativeBinding?: string;
  /** Files smaller than this (in characters) are imported on the calling thread. */
  inlineBelow?: number;
  /** The deals file is a CRM's own export, mapped so. */
  mapping?: DealMapping;
}

/** Small imports take well under a second: a thread would cost more than it saves. */
const INLINE_BELOW = 2_000_000;

/** The worker: the built file beside the bundle, or the source through tsx (see db/worker-thread.ts). */
const startWorker = (workerData: unknown): Worker =>
  startModuleWorker(import.meta.url, './import-worker.js', './worker.ts', workerData);

/**
 * Imports the files into the workspace: validates, then writes everything in one
 * transaction (see applyImport). Large files run on a worker thread so the backend stays
 * responsive and progress is reported while rows are written.
 */
export async function runImport(
  ws: Workspace,
  files: ImportFiles,
  options: ImportJobOptions,
): Promise<ImportOutcome> {
  // Base64 runs 4 characters a 3 bytes, and a workbook unpacks to several times its size.
  const size = Object.values(files).reduce(
    (n, f) => n + (!f ? 0 : 'text' in f ? f.text.length : f.data.length * 3),
    0,
  );
  if (ws.path === ':memory:' || size < (options.inlineBelow ?? INLINE_BELOW)) {
    return applyImport(ws, files, options);
  }
  return new Promise<ImportOutcome>((resolve, reject) => {
    const worker = startWorker({
      path: ws.path,
      nativeBinding: options.nativeBinding,
      files,
      skipInvalid: options.skipInvalid,
      mapping: options.mapping,
    });
    let settled = false;
    worker.on('message', (m: ImportJobMessage) => {
      if (m.type === 'progress') options.onProgress?.(m.phase, m.done, m.total);
      else {
        settled = true;
        if (m.type === 'done') resolve(m.outcome);
        else reject(new WorkbenchError(m.error.code, m.error.say, m.error.details));
      }
    });
    worker.on('error', (e) => {
      settled = true;
      reject(new WorkbenchError('internal', msg('import_stopped', { reason: e.message })));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new WorkbenchError('internal', msg('import_stopped', { reason: `exit ${code}` })));
    });
  });
}
