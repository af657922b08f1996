import { z } from 'zod';
import type { EventName, Events } from '../../shared/contract';
import { WorkbenchError, type AppError, type Result } from '../../shared/result';

/**
 * The wire protocol between a window, the shell and the backend's utility process, and
 * the backend side of it (`BackendPorts`), kept free of Electron so tests drive it with
 * fake ports.
 *
 *   main ──parentPort──▶ host   HostCommand   ({type:'connect'} carries one MessagePort)
 *   host ──parentPort──▶ main   HostReport
 *   window ──port──▶ host       PortRequest   ({id, channel, input})
 *   host ──port──▶ window       PortMessage   (the result for an id, or a pushed event)
 *
 * The preload imports these types only (no zod in the preload bundle).
 */

export type HostCommand = { type: 'connect' } | { type: 'shutdown' };

export type HostReport =
  /** The workspace is open; requests are being answered. */
  | { type: 'ready' }
  /** The workspace could not be opened (newer build, corrupt, missing addon …): the app should explain and quit. */
  | { type: 'fatal'; error: AppError }
  /** An unexpected exception after startup; the process exits right after sending this. */
  | { type: 'crashed'; message: string };

export interface PortRequest {
  id: number;
  channel: string;
  input?: unknown;
}

export type PortMessage =
  | { type: 'result'; id: number | null; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: Events[E] } }[EventName];

const requestSchema = z.object({
  id: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  channel: z.string().min(1).max(200),
  input: z.unknown().optional(),
});

/** What a port looks like to the backend (Electron's MessagePortMain fits). */
export interface HostPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export interface Dispatcher {
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
}

/** A dispatcher that answers every request with the startup error (after a fatal start). */
export function failingDispatcher(error: AppError): Dispatcher {
  return { dispatch: async () => ({ ok: false, error }) };
}

function salvageId(data: unknown): number | null {
  if (typeof data !== 'object' || data === null) return null;
  const id = (data as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

/**
 * Every window's port into the backend. Requests that arrive before the workspace is open
 * wait for `backend`; each gets exactly one `{type:'result', id, result}` back, including
 * malformed ones (an error result; the id is echoed when it can be read). Nothing a page
 * sends can throw inside the backend.
 */
export class BackendPorts {
  private readonly ports = new Set<HostPort>();

  constructor(private readonly backend: Promise<Dispatcher>) {}

  get size(): number {
    return this.ports.size;
  }

  attach(port: HostPort): void {
    this.ports.add(port);
    // The window's end goes away on reload, close or renderer crash.
    port.on('close', () => this.ports.delete(port));
    port.on('message', (event) => void this.answer(port, event.data));
    port.start();
  }

  /** Pushes an event to every connected window (the backend's `Emit`). */
  readonly emit = <E extends EventName>(event: E, payload: Events[E]): void => {
    for (const port of this.ports) this.post(port, { type: 'event', event, payload } as PortMessage);
  };

  closeAll(): void {
    for (const port of this.ports) {
      try {
        port.close();
      } catch {
        // already closed
      }
    }
    this.ports.clear();
  }

  private async answer(port: HostPort, data: unknown): Promise<void> {
    const parsed = requestSchema.safeParse(data);
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || 'message'}: ${i.message}`)
        .join('; ');
      this.post(port, {
        type: 'result',
        id: salvageId(data),
        result: { ok: false, error: { code: 'invalid_input', message: `Malformed request (${where}).` } },
      });
      return;
    }
    const { id, channel, input } = parsed.data;
    let result: Result<unknown>;
    try {
      result = await (await this.backend).dispatch(channel, input);
    } catch (e) {
      result = {
        ok: false,
        error: { code: 'internal', message: `${channel} failed: ${(e as Error)?.message ?? String(e)}` },
      };
    }
    this.post(port, { type: 'result', id, result });
  }

  private post(port: HostPort, message: PortMessage): void {
    try {
      port.postMessage(message);
    } catch (e) {
      // A value the structured clone cannot copy (a function, a native handle) must not
      // leave the caller waiting forever: answer with an error instead.
      if (message.type !== 'result') {
        console.error(`[backend] could not send event ${message.event}: ${(e as Error).message}`);
        return;
      }
      try {
        port.postMessage({
          type: 'result',
          id: message.id,
          result: {
            ok: false,
            error: {
              code: 'internal',
              message: `The answer could not be sent to the window: ${(e as Error).message}`,
            },
          },
        } satisfies PortMessage);
      } catch {
        // the port is closed: nobody is waiting any more
      }
    }
  }
}

const ADDON_MISMATCH =
  /NODE_MODULE_VERSION|compiled against a different Node\.js version|invalid ELF header|not a valid Win32 application|Module did not self-register|Could not locate the bindings file|Cannot find module '[^']*\.node'/i;

/**
 * Turns whatever opening the workspace threw into a message a person can act on. A
 * better-sqlite3 addon built for the wrong runtime is recognised first (whatever wraps it:
 * opening reports any constructor failure as a corrupt file, but the file is fine and the
 * fix is a rebuild); the backend's own errors (newer build, corrupt file — they name the
 * backup) pass through unchanged; anything else names the workspace path.
 */
export function describeStartupError(error: unknown, workspacePath: string, nativeBinding: string): AppError {
  const message = error instanceof Error ? error.message : String(error);
  if (ADDON_MISMATCH.test(message)) {
    return {
      code: 'internal',
      message:
        `The database engine (better-sqlite3) could not be loaded for this version of Electron, so the workspace at ${workspacePath} was not opened (the file itself was not touched). ` +
        (nativeBinding
          ? `The addon at ${nativeBinding} could not be loaded: delete it if it exists and run \`node scripts/electron-native.mjs --required\` to rebuild it.`
          : 'In development, run `node scripts/electron-native.mjs --required` (it builds the Electron copy of the addon); a packaged app needs reinstalling.') +
        ` (${message})`,
      details: { path: workspacePath, nativeBinding: nativeBinding || null },
    };
  }
  if (error instanceof WorkbenchError) return error.toAppError();
  return {
    code: 'internal',
    message: `Funnel Workbench could not open the workspace at ${workspacePath}: ${message}`,
    details: { path: workspacePath },
  };
}
