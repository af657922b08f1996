import { existsSync } from 'node:fs';
import { createBackend } from '../backend';
import { openWorkspace, type Workspace } from '../backend/db/connection';
import { ensureWorkspace } from '../backend/workspace/default';
import { defaultWorkspacePath } from '../backend/workspace/location';
import { startServer, type RunningServer } from '../server';
import { args, positiveInt, str, UsageError } from './args';
import { openInBrowser } from './open-browser';
import { rendererBuild } from './renderer-build';

export async function serveCommand(argv: string[]): Promise<void> {
  const { values } = args(argv, {
    db: { type: 'string' },
    port: { type: 'string' },
    open: { type: 'boolean' },
  });
  const port = str(values.port) === undefined ? 0 : positiveInt('port', str(values.port), 0);
  if (port > 65535) throw new UsageError('--port must be at most 65535');
  const dbPath = str(values.db);
  const rendererDir = rendererBuild();
  let ws: Workspace;
  if (dbPath) ws = await openWorkspace(dbPath, { create: false });
  else {
    const path = defaultWorkspacePath();
    if (!existsSync(path)) console.error(`First start: creating a demo workspace at ${path}…`);
    ws = await ensureWorkspace(path);
  }
  // The registry needs an emitter before the server that carries events exists.
  const events: { server?: RunningServer } = {};
  const registry = createBackend(ws, (event, payload) => events.server?.emit(event, payload), {
    warmAnalytics: true,
    // Scheduled CRM syncs run while the browser workbench is served.
    longLived: true,
  });
  const server = await startServer({ registry, rendererDir, ...(port ? { port } : {}) });
  events.server = server;
  console.log(`Funnel Workbench is serving ${ws.path}`);
  console.log(`Open ${server.loginUrl}`);
  console.log('(only this computer can connect; press Ctrl+C to stop)');
  const cleanUp = values.open ? openInBrowser(server.loginUrl) : () => undefined;
  await new Promise<void>((done) => {
    const stop = () => done();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  cleanUp();
  await server.close();
  await ws.close();
}
