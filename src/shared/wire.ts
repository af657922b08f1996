import type { EventName, Events } from '@shared/contract/events';
import type { AppError, Result } from '@shared/result';

/**
 * The wire protocol between a window, the shell and the backend's utility process. Types
 * only: the backend's side (`src/main/host-ports.ts`), the shell (`src/main/shell/backend.ts`)
 * and the sandboxed preload (`src/preload/bridge.ts`) all import it, and none of them
 * imports another.
 *
 *   main ──parentPort──▶ host   HostCommand   ({type:'connect'} carries one MessagePort)
 *   host ──parentPort──▶ main   HostReport
 *   window ──port──▶ host       PortRequest   ({id, channel, input})
 *   host ──port──▶ window       PortMessage   (the result for an id, or a pushed event)
 */

export type HostCommand =
  | { type: 'connect' }
  | { type: 'shutdown' }
  /** The answer to a `secret` report: base64 ciphertext (encrypt) or the text (decrypt). */
  | { type: 'secret-result'; id: number; ok: true; data: string }
  | { type: 'secret-result'; id: number; ok: false; error: string };

export type HostReport =
  /** The workspace is open; requests are being answered. */
  | { type: 'ready' }
  /** The workspace could not be opened (newer build, corrupt, missing addon …): the app should explain and quit. */
  | { type: 'fatal'; error: AppError }
  /** An unexpected exception after startup; the process exits right after sending this. */
  | { type: 'crashed'; message: string }
  /**
   * A CRM token to encrypt (`data` the text) or decrypt (`data` base64): only main can
   * reach the operating system's keychain (Electron safeStorage).
   */
  | { type: 'secret'; id: number; op: 'encrypt' | 'decrypt'; data: string };

export interface PortRequest {
  id: number;
  channel: string;
  input?: unknown;
}

export type PortMessage =
  | { type: 'result'; id: number | null; result: Result<unknown> }
  | { [E in EventName]: { type: 'event'; event: E; payload: Events[E] } }[EventName];
