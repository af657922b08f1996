/**
 * The backend's entry in the desktop app: runs in Electron's utility process (forked by
 * `src/main/shell/backend.ts`), a plain Node process with one extra: `process.parentPort`
 * to the main process. Data work happens here, never on Electron's main thread
 * (better-sqlite3 is synchronous; on the main thread every query would freeze the UI).
 *
 * Environment (set by main):
 *   FUNNEL_WORKSPACE       the workspace file to open (created with demo data on first run)
 *   FUNNEL_NATIVE_BINDING  a better-sqlite3 addon built for Electron, or '' for the default
 *
 * Each window gets its own MessagePort ({type:'connect'} from main carries it); requests on
 * it are answered by the same Registry that `funnel serve` and the tests use.
 */
import { createBackend } from './backend';
import { ensureWorkspace } from './backend/workspace/default';
import type { Workspace } from './backend/db/connection';
import type { HostCommand, HostReport } from '@shared/wire';
import { BackendPorts, failingDispatcher, type Dispatcher, type HostPort } from './host-ports';
import { describeStartupError } from './startup-error';
import { KeychainClient } from './host-keychain';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown; ports: HostPort[] }) => void): unknown;
  postMessage(message: HostReport): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error(
    'backend-host.js runs inside the Electron app only; outside it use `funnel serve` or the CLI.',
  );
  process.exit(1);
}
const parent: ParentPort = parentPort;

const workspacePath = process.env.FUNNEL_WORKSPACE ?? '';
const nativeBinding = process.env.FUNNEL_NATIVE_BINDING ?? '';
const secretBackend = process.env.FUNNEL_SECRET_BACKEND ?? '';
const keychain = new KeychainClient((report) => parent.postMessage(report));

let resolveBackend!: (dispatcher: Dispatcher) => void;
const ports = new BackendPorts(new Promise<Dispatcher>((resolve) => (resolveBackend = resolve)));
let workspace: Workspace | null = null;
let shuttingDown = false;

async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  ports.closeAll();
  try {
    // Closing checkpoints the WAL, so the .db file alone is complete after quitting.
    await workspace?.close();
  } catch (e) {
    console.error(`[backend] closing the workspace failed: ${(e as Error).message}`);
  }
  process.exit(0);
}

// Listen before anything is awaited: windows connect while the workspace is still opening,
// and their requests wait in BackendPorts until it is.
parent.on('message', ({ data, ports: transferred }) => {
  const command = data as HostCommand | null;
  if (command?.type === 'connect' && transferred[0]) ports.attach(transferred[0]);
  else if (command?.type === 'shutdown') void shutdown();
  else if (command?.type === 'secret-result') keychain.settle(command);
});

// After startup, an exception nobody caught leaves the backend in an unknown state: say
// what happened (main shows it and offers a restart) and exit rather than limp on.
function crash(error: unknown): void {
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[backend] ${message}`);
  try {
    parent.postMessage({ type: 'crashed', message });
  } finally {
    setTimeout(() => process.exit(1), 100);
  }
}
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

async function start(): Promise<void> {
  try {
    if (!workspacePath) throw new Error('FUNNEL_WORKSPACE is not set');
    workspace = await ensureWorkspace(workspacePath, nativeBinding ? { nativeBinding } : {});
    const registry = createBackend(workspace, ports.emit, {
      warmAnalytics: true,
      longLived: true,
      ...(secretBackend === 'keychain' || secretBackend === 'basic_text'
        ? { secrets: keychain.store(secretBackend) }
        : {}),
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    resolveBackend(registry);
    parent.postMessage({ type: 'ready' });
  } catch (e) {
    // The app cannot work without its workspace. Requests already waiting get the same
    // explanation; main shows it in a dialog (it names the backup when there is one) and quits.
    const error = describeStartupError(e, workspacePath, nativeBinding);
    console.error(`[backend] ${error.message}`);
    resolveBackend(failingDispatcher(error));
    parent.postMessage({ type: 'fatal', error });
  }
}

void start();
