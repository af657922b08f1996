/**
 * The preload: runs sandboxed (no Node, only the small sandboxed `electron` module) in an
 * isolated world, and exposes exactly `window.funnel = { invoke, on }` to the page —
 * never `ipcRenderer` itself, never a generic "send anything" function.
 *
 * Bundled into one CommonJS file (out/preload/index.cjs); keep imports type-only or tiny
 * (no zod, no schemas): everything imported here ships inside it.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge, type BridgePort } from './bridge';

const bridge = createBridge();

// Main sends a fresh port into the backend after each load and after a backend restart.
// Only main can send on ipcRenderer channels, so the port is trusted.
ipcRenderer.on('backend-port', (event) => {
  const port = event.ports[0];
  if (port) bridge.connect(port as unknown as BridgePort);
});

ipcRenderer.on('menu-command', (_event, command: unknown) => bridge.menuCommand(command));

contextBridge.exposeInMainWorld('funnel', bridge.api);
