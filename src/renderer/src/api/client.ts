import type { AppChannel, Events, InputOf, ResultOf } from '@shared/contract';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';
import { ApiError } from './errors';
import type { Transport } from './transport';

/**
 * Events the page can hear: the backend's, plus the desktop shell's native menu
 * (`menu.command`, never sent in browser mode).
 */
export type ClientEvents = Events & { 'menu.command': { command: 'import' | 'export' | (string & {}) } };
export type ClientEventName = keyof ClientEvents;

/** The typed face of a Transport: contract channels in, contract results out. */
export interface ApiClient {
  /** Resolves with the channel's result; rejects with an ApiError when the backend says `{ok:false}`. */
  invoke<K extends AppChannel>(channel: K, input: InputOf<K>): Promise<ResultOf<K>>;
  on<E extends ClientEventName>(event: E, cb: (payload: ClientEvents[E]) => void): () => void;
}

export function createClient(transport: Transport, onError?: (error: ApiError) => void): ApiClient {
  return {
    async invoke(channel, input) {
      let result;
      try {
        result = await transport.invoke(channel, input);
      } catch (e) {
        // A transport should answer with a Result, but a bridge that throws must not
        // escape as an untyped error.
        const reason = e instanceof Error ? e.message : String(e);
        result = {
          ok: false as const,
          error: appError('internal', msg('channel_failed', { channel, reason })),
        };
      }
      if (!result.ok) {
        const error = new ApiError(channel, result.error);
        onError?.(error);
        throw error;
      }
      return result.value as ResultOf<typeof channel>;
    },
    on(event, cb) {
      return transport.on(event, (payload) => cb(payload as ClientEvents[typeof event]));
    },
  };
}
