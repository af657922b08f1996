import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread of the backend running one of its own modules: the built file beside
 * the bundle (electron-vite builds each as an entry of its own), or, running from source
 * (`funnel` through tsx, the tests), a two-line bootstrap that loads tsx in the new thread
 * first: a worker does not inherit the TypeScript loader of the thread that starts it.
 *
 * `caller` is the import.meta.url of the module asking; `built` and `source` are the
 * worker's file names relative to it, in the bundle and in the sources.
 */
export function startModuleWorker(
  caller: string,
  built: string,
  source: string,
  workerData: unknown,
): Worker {
  if (!caller.endsWith('.ts')) return new Worker(new URL(built, caller), { workerData });
  // The ESM build of tsx's API, from its package.json "exports" (import condition).
  const tsxRoot = dirname(createRequire(caller).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const entry = new URL(source, caller).href;
  // The project's tsconfig carries the path aliases (@shared/…) the sources import by.
  const tsconfig = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register({ tsconfig: ${JSON.stringify(tsconfig)} }); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
