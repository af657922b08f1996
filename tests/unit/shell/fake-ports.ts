import type { HostPort } from '../../../src/main/host-ports';
import type { BridgePort } from '../../../src/preload/bridge';

/**
 * An in-memory stand-in for a MessageChannel between the preload (DOM-style port) and the
 * backend host (MessagePortMain-style port). Messages are structured-cloned and delivered
 * asynchronously, like the real thing; closing one end fires 'close' on the other.
 */
export function fakeChannel(): {
  page: BridgePort & { closed: boolean };
  host: HostPort & { closed: boolean };
} {
  const hostListeners = { message: [] as ((e: { data: unknown }) => void)[], close: [] as (() => void)[] };
  const pageCloseListeners: (() => void)[] = [];
  let open = true;

  const shut = (notify: () => void) => {
    if (!open) return;
    open = false;
    page.closed = true;
    host.closed = true;
    queueMicrotask(notify);
  };

  const page: BridgePort & { closed: boolean } = {
    closed: false,
    onmessage: null,
    postMessage(message) {
      if (!open) return;
      const data = structuredClone(message);
      setTimeout(() => hostListeners.message.forEach((l) => l({ data })), 0);
    },
    close: () => shut(() => hostListeners.close.forEach((l) => l())),
    start() {},
    addEventListener(_type, listener) {
      pageCloseListeners.push(listener);
    },
  };

  const host: HostPort & { closed: boolean } = {
    closed: false,
    on(event: 'message' | 'close', listener: never) {
      (hostListeners[event] as unknown[]).push(listener);
      return host;
    },
    postMessage(message) {
      if (!open) return;
      const data = structuredClone(message);
      setTimeout(() => page.onmessage?.({ data }), 0);
    },
    close: () => shut(() => pageCloseListeners.forEach((l) => l())),
    start() {},
  };
  return { page, host };
}

/** A page-side port whose messages are only recorded (for tests of the bridge alone). */
export function recordingPort(): BridgePort & {
  sent: unknown[];
  closed: boolean;
  reply(data: unknown): void;
  remoteClose(): void;
} {
  const port = {
    sent: [] as unknown[],
    closed: false,
    onmessage: null as BridgePort['onmessage'],
    closeListeners: [] as (() => void)[],
    postMessage(message: unknown) {
      port.sent.push(structuredClone(message));
    },
    close() {
      port.closed = true;
    },
    addEventListener(_type: 'close', listener: () => void) {
      port.closeListeners.push(listener);
    },
    reply(data: unknown) {
      port.onmessage?.({ data });
    },
    remoteClose() {
      port.closeListeners.forEach((l) => l());
    },
  };
  return port;
}
