import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL, windowOptions } from './security';

export interface WindowOptions {
  preload: string;
  /** electron-vite's dev server URL; only ever set in development. */
  devUrl: string | null;
}

/**
 * The workbench window. Its web contents are hardened by `app.on('web-contents-created')`
 * in index.ts before this returns; the backend supervisor gives it a port on every load.
 */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow(windowOptions(options.preload));
  window.once('ready-to-show', () => window.show());
  // A page that fails to load must still show its window (with the error), not stay hidden.
  window.webContents.once('did-fail-load', () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });
  void window.loadURL(options.devUrl ?? APP_ENTRY_URL);
  return window;
}
