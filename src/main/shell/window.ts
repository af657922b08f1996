import { BrowserWindow, screen } from 'electron';
import { audiencePlacement } from './displays';
import { APP_ENTRY_URL } from './security';

export interface WindowOptions {
  preload: string;
  /** electron-vite's dev server URL; only ever set in development. */
  devUrl: string | null;
}

/**
 * The workbench window. Its web contents are hardened by `app.on('web-contents-created')`
 * in index.ts before this returns; the backend supervisor gives it a port on every load.
 * The webPreferences are spelled out here, at the call, for readers and static analysers:
 * each is explained beside HARDENED_WEB_PREFERENCES in security.ts, and a unit test holds
 * every `new BrowserWindow` in this file to that list.
 */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'Funnel Workbench',
    // Shown on 'ready-to-show', so the window never flashes an empty white frame.
    show: false,
    backgroundColor: '#f8f9fa',
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: options.preload,
    },
  });
  window.once('ready-to-show', () => window.show());
  // A page that fails to load must still show its window (with the error), not stay hidden.
  window.webContents.once('did-fail-load', () => {
    if (!window.isDestroyed() && !window.isVisible()) window.show();
  });
  void window.loadURL(options.devUrl ?? APP_ENTRY_URL);
  return window;
}

/**
 * A review's audience view: the same page and the same locked-down preferences as the
 * main window, full screen on the second display when there is one (the projector), else
 * a window beside the main one. It follows the presenter through the backend's events,
 * so closing it loses nothing.
 */
export function createAudienceWindow(
  options: WindowOptions & { meetingId: number; beside: BrowserWindow | null },
): BrowserWindow {
  const mainDisplay = options.beside
    ? screen.getDisplayMatching(options.beside.getBounds())
    : screen.getPrimaryDisplay();
  const place = audiencePlacement(screen.getAllDisplays(), mainDisplay.id);
  const window = new BrowserWindow({
    ...place.bounds,
    fullscreen: place.fullscreen,
    title: 'Funnel Workbench',
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      preload: options.preload,
    },
  });
  window.once('ready-to-show', () => window.show());
  const base = options.devUrl ?? APP_ENTRY_URL;
  void window.loadURL(`${base.split('#')[0]}#/review?view=audience&id=${options.meetingId}`);
  return window;
}
