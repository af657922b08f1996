import type { AppChannel, Events, InputOf, ResultOf } from '@shared/contract';
import type { Result } from '@shared/result';

/**
 * The type of `window.funnel`, the page's whole view of the desktop app. Depends on
 * `src/shared` only, so the renderer can `import type { FunnelBridge }` from here without
 * pulling Electron or main-process code into its type-check.
 */

/** Commands the native menu sends to the page (which may ignore them). */
export const MENU_COMMANDS = ['import', 'export'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Events from the shell itself (the native menu), next to the backend's `Events`. */
export interface ShellEvents {
  'menu.command': { command: MenuCommand };
}
export type BridgeEvents = Events & ShellEvents;
export type BridgeEventName = keyof BridgeEvents;

export interface FunnelBridge {
  /** Never rejects: every failure is an `{ok:false, error}` Result the UI can show. */
  invoke<K extends AppChannel>(channel: K, input: InputOf<K>): Promise<Result<ResultOf<K>>>;
  /** Subscribes to a pushed event; returns the unsubscribe function. */
  on<E extends BridgeEventName>(event: E, callback: (payload: BridgeEvents[E]) => void): () => void;
}
