import { isMessageRef, msg, type MessageRef } from '@shared/messages';
import { appError, type AppError, type ErrorCode, type Result } from '@shared/result';
import type { PortMessage, PortRequest } from '@shared/wire';
import { MENU_COMMANDS, type FunnelBridge } from './api';
import { BACKEND_EVENTS, CHANNELS } from './channels';

export type { BridgeEventName, BridgeEvents, FunnelBridge, ShellEvents } from './api';

/**
 * The page's whole view of the app: `window.funnel = { invoke, on }`. The logic lives here,
 * free of Electron, so tests drive it with fake ports; `index.ts` only wires it to
 * `ipcRenderer` and `contextBridge`.
 *
 * Calls travel over a MessagePort straight to the backend's utility process (main only
 * hands the port over). Calls made before the port arrives wait for it; when a new port
 * arrives (page reload, backend restart) the calls still out on the old one are answered
 * with an error Result, because their answers can no longer come.
 */

/** What the bridge needs of a port (the DOM `MessagePort` the preload receives fits). */
export interface BridgePort {
  postMessage(message: PortRequest): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
  start?(): void;
  addEventListener?(type: 'close', listener: () => void): void;
}

export interface Bridge {
  api: FunnelBridge;
  /** A new port into the backend (replaces the old one). */
  connect(port: BridgePort): void;
  /** A command from the native menu (arrives over ipcRenderer from main). */
  menuCommand(command: unknown): void;
}

const EVENT_NAMES: ReadonlySet<string> = new Set<string>([...BACKEND_EVENTS, 'menu.command']);
const CHANNEL_NAMES: ReadonlySet<string> = new Set<string>(CHANNELS);

function failure(code: ErrorCode, say: MessageRef): Result<never> {
  return { ok: false, error: appError(code, say) };
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as { ok?: unknown; error?: Partial<AppError> };
  if (r.ok === true) return 'value' in r;
  return (
    r.ok === false &&
    typeof r.error?.code === 'string' &&
    typeof r.error.message === 'string' &&
    isMessageRef(r.error.say)
  );
}

export function createBridge(): Bridge {
  let port: BridgePort | null = null;
  let nextId = 1;
  /** Calls sent on the current port, by id. */
  const waiting = new Map<number, (result: Result<unknown>) => void>();
  /** Calls made while there is no port. */
  const queued: { request: PortRequest; resolve: (result: Result<unknown>) => void }[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  function send(request: PortRequest, resolve: (result: Result<unknown>) => void): void {
    if (!port) {
      queued.push({ request, resolve });
      return;
    }
    try {
      port.postMessage(request);
      waiting.set(request.id, resolve);
    } catch (e) {
      // The input could not be copied (a function, a DOM node …): the caller's mistake.
      resolve(
        failure(
          'invalid_input',
          msg('request_unsendable', { channel: request.channel, reason: (e as Error).message }),
        ),
      );
    }
  }

  function abandonWaiting(say: MessageRef): void {
    const resolvers = [...waiting.values()];
    waiting.clear();
    for (const resolve of resolvers) resolve(failure('internal', say));
  }

  function deliver(event: string, payload: unknown): void {
    for (const callback of [...(listeners.get(event) ?? [])]) {
      try {
        callback(payload);
      } catch (e) {
        // One broken listener must not starve the others.
        console.error(`[funnel] a listener for ${event} threw:`, e);
      }
    }
  }

  function receive(from: BridgePort, data: unknown): void {
    if (from !== port || typeof data !== 'object' || data === null) return;
    const message = data as PortMessage;
    if (message.type === 'result') {
      if (message.id === null) return;
      const resolve = waiting.get(message.id);
      if (!resolve) return;
      waiting.delete(message.id);
      resolve(isResult(message.result) ? message.result : failure('internal', msg('answer_unreadable')));
    } else if (message.type === 'event' && BACKEND_EVENTS.includes(message.event)) {
      deliver(message.event, message.payload);
    }
  }

  function connect(next: BridgePort): void {
    const previous = port;
    port = next;
    if (previous && previous !== next) {
      previous.onmessage = null;
      try {
        previous.close();
      } catch {
        // already closed
      }
    }
    abandonWaiting(msg('service_restarted'));
    next.onmessage = (event) => receive(next, event.data);
    next.start?.();
    next.addEventListener?.('close', () => {
      if (port !== next) return;
      // The backend went away; new calls wait for the port main sends after a restart.
      port = null;
      abandonWaiting(msg('service_stopped'));
    });
    for (const { request, resolve } of queued.splice(0)) send(request, resolve);
  }

  const api: FunnelBridge = {
    invoke(channel, input) {
      if (typeof channel !== 'string' || !CHANNEL_NAMES.has(channel)) {
        return Promise.resolve(
          failure('not_found', msg('channel_unknown', { channel: String(channel).slice(0, 100) })),
        );
      }
      return new Promise((resolve) =>
        send({ id: nextId++, channel, input }, resolve as (r: Result<unknown>) => void),
      );
    },
    on(event, callback) {
      if (typeof event !== 'string' || !EVENT_NAMES.has(event))
        throw new TypeError(`Unknown event "${String(event)}".`);
      if (typeof callback !== 'function') throw new TypeError('on() needs a callback function.');
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      const listener = callback as (payload: unknown) => void;
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
  };

  return {
    api,
    connect,
    menuCommand(command) {
      if (typeof command === 'string' && (MENU_COMMANDS as readonly string[]).includes(command)) {
        deliver('menu.command', { command });
      }
    },
  };
}
