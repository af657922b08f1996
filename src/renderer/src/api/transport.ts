import { msg } from '@shared/messages';
import { appError, type Result } from '@shared/result';

/**
 * The one seam between the renderer and the backend. The desktop preload exposes exactly
 * this object as `window.funnel`; browser mode (`funnel serve`) speaks HTTP + SSE behind
 * the same shape, and UI tests plug in an in-memory fake.
 */
export interface Transport {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

/**
 * Browser mode. Auth is an HttpOnly cookie the server set when the page was opened with
 * `?token=…`, so requests only need same-origin credentials. A 401 means the cookie is
 * missing or expired: it surfaces as an `unauthorized` error so the shell can tell the
 * person to open the printed URL again instead of showing a broken screen.
 */
export function httpTransport(base = '/api'): Transport {
  let source: EventSource | null = null;
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const ensureSource = (): EventSource => {
    if (source) return source;
    source = new EventSource(`${base}/events`);
    return source;
  };

  return {
    async invoke(channel, input) {
      let response: Response;
      try {
        response = await fetch(`${base}/invoke/${encodeURIComponent(channel)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (e) {
        // fetch only rejects when the server cannot be reached at all (stopped, port closed).
        return {
          ok: false,
          error: appError('internal', msg('server_unreachable'), {
            transport: 'network',
            cause: e instanceof Error ? e.message : String(e),
          }),
        };
      }
      if (response.status === 401) {
        return { ok: false, error: appError('unauthorized', msg('session_expired')) };
      }
      try {
        // The server answers HTTP 200 with a Result even for `{ok:false}`.
        return (await response.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: appError('internal', msg('server_unreadable', { status: response.status }), {
            transport: 'http',
            status: response.status,
          }),
        };
      }
    },

    on(event, cb) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        // One DOM listener per event name fans out to every subscriber.
        const fanOut = set;
        ensureSource().addEventListener(event, (message) => {
          let payload: unknown;
          try {
            payload = JSON.parse((message as MessageEvent<string>).data);
          } catch {
            return; // a malformed event is dropped rather than crashing every subscriber
          }
          for (const listener of fanOut) listener(payload);
        });
      }
      set.add(cb);
      return () => {
        set.delete(cb);
      };
    },
  };
}

/** The desktop preload's bridge when present, else browser mode. */
export function defaultTransport(): Transport {
  return window.funnel ?? httpTransport();
}
