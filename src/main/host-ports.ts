import { z } from 'zod';
import type { EventName, Events } from '@shared/contract';
import { msg } from '@shared/messages';
import { appError, type AppError, type Result } from '@shared/result';
import type { PortMessage } from '@shared/wire';

/**
 * The backend's side of the window ports (the protocol is in `src/shared/wire.ts`), kept
 * free of Electron so tests drive it with fake ports. The desktop host (`host.ts`) attaches
 * each window's MessagePort here and answers it through the registry.
 */

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
        result: { ok: false, error: appError('invalid_input', msg('request_malformed', { where })) },
      });
      return;
    }
    const { id, channel, input } = parsed.data;
    let result: Result<unknown>;
    try {
      result = await (await this.backend).dispatch(channel, input);
    } catch (e) {
      const reason = (e as Error)?.message ?? String(e);
      result = { ok: false, error: appError('internal', msg('channel_failed', { channel, reason })) };
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
            error: appError('internal', msg('answer_unsendable', { reason: (e as Error).message })),
          },
        } satisfies PortMessage);
      } catch {
        // the port is closed: nobody is waiting any more
      }
    }
  }
}
