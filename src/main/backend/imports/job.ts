import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportFiles, ImportOutcome } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError, type AppError } from '@shared/result';
import type { Workspace } from '../db/connection';
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

/**
 * The worker: the built file beside the bundle (electron-vite builds it as its own entry),
 * or, running from source, a two-line bootstrap that loads tsx in the new thread first
 * (a worker does not inherit the TypeScript loader of the thread that starts it).
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./import-worker.js', import.meta.url), { workerData });
  // The ESM build of tsx's API, from its package.json "exports" (import condition).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  // The project's tsconfig carries the path aliases (@shared/…) the sources import by.
  const tsconfig = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

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
