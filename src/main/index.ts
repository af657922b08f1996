/**
 * The Electron shell: the workbench window (and a review's audience window), the menu, the security baseline, and the backend in a
 * utility process. Nothing here reads or writes the workspace: data work runs in
 * `backend-host.js` and reaches the window over a MessagePort that main only hands out.
 */
import { app, BrowserWindow, Menu, session, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BackendSupervisor } from './shell/backend';
import { askRestartBackend, explainFatalStartup, showAbout } from './shell/dialogs';
import { hardenSession, hardenWebContents } from './shell/lockdown';
import { appMenuTemplate, type MenuCommand } from './shell/menu-template';
import { findElectronNativeBinding } from './shell/native-binding';
import { registerAppScheme, serveRenderer } from './shell/protocol';
import { shellStrings, type ShellStrings } from './shell/strings';
import { createAudienceWindow, createMainWindow } from './shell/window';

// Both must happen before 'ready'. The custom scheme serves the renderer (see protocol.ts);
// enableSandbox() sandboxes every renderer, even one created without the options in window.ts.
registerAppScheme();
app.enableSandbox();

// The dev server URL is honoured only in development: a packaged app must not be
// pointed at another page by an environment variable.
const devUrl =
  !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const devOrigin = devUrl ? new URL(devUrl).origin : null;

let mainWindow: BrowserWindow | null = null;
let backend: BackendSupervisor | null = null;
let strings: ShellStrings = shellStrings('en');
let workspacePath = '';
let backendStopped = false;
let fatalShown = false;

function openWindow(): BrowserWindow {
  const window = createMainWindow({ preload: join(__dirname, '../preload/index.cjs'), devUrl });
  backend?.track(window.webContents);
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  mainWindow = window;
  return window;
}

/** One audience window per meeting: asking again brings it to the front. */
const audienceWindows = new Map<number, BrowserWindow>();

function openAudience(meetingId: number): void {
  const open = audienceWindows.get(meetingId);
  if (open && !open.isDestroyed()) {
    open.show();
    open.focus();
    return;
  }
  const window = createAudienceWindow({
    preload: join(__dirname, '../preload/index.cjs'),
    devUrl,
    meetingId,
    beside: mainWindow,
  });
  backend?.track(window.webContents);
  window.on('closed', () => audienceWindows.delete(meetingId));
  audienceWindows.set(meetingId, window);
}

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send('menu-command', command);
}

function openWorkspaceFolder(): void {
  if (existsSync(workspacePath)) shell.showItemInFolder(workspacePath);
  else void shell.openPath(dirname(workspacePath));
}

async function onReady(): Promise<void> {
  strings = shellStrings(app.getPreferredSystemLanguages()[0] ?? app.getLocale());

  hardenSession(session.defaultSession, { allowNetwork: devUrl !== null });
  serveRenderer(session.defaultSession, join(__dirname, '../renderer'));

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate(
        strings,
        { command: sendMenuCommand, openWorkspaceFolder, about: () => void showAbout(strings) },
        { dev: !app.isPackaged, mac: process.platform === 'darwin' },
      ),
    ),
  );

  workspacePath = process.env.FUNNEL_WORKSPACE
    ? resolve(process.env.FUNNEL_WORKSPACE)
    : join(app.getPath('userData'), 'workspace.db');
  // node_modules holds the Node build of better-sqlite3 (for tests and the CLI); the
  // backend loads the Electron copy built by scripts/electron-native.mjs: from the project
  // in development, from the app's resources when packaged (electron-builder ships it
  // there instead of rebuilding node_modules in place, which would break the Node side).
  const nativeBinding =
    findElectronNativeBinding({
      root: app.isPackaged ? process.resourcesPath : app.getAppPath(),
      packageRoot: app.getAppPath(),
      electronVersion: process.versions.electron ?? '',
      platform: process.platform,
      arch: process.arch,
    }) ?? '';

  backend = new BackendSupervisor({
    hostPath: join(__dirname, 'backend-host.js'),
    devOrigin,
    workspacePath,
    nativeBinding,
    onFatal: (error) => {
      if (fatalShown) return;
      fatalShown = true;
      void explainFatalStartup(error, workspacePath, strings).finally(() => app.quit());
    },
    onUnexpectedExit: (reason) => {
      if (backendStopped) return;
      void askRestartBackend(reason, strings).then((restart) => {
        if (restart) backend?.start();
        else app.quit();
      });
    },
  });
  backend.start();
  openWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the workspace (SQLite would cope, two backends and their
  // in-memory snapshots would not): hand over to it and leave.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId('com.funnelworkbench.app');

  app.on('second-instance', () => {
    if (!app.isReady()) return;
    const window = mainWindow ?? openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  // Every web contents, including ones we did not mean to create, gets the lockdown.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, devOrigin, openAudience));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && backend && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Let the backend close the workspace (checkpointing the WAL) before the app exits.
  app.on('before-quit', (event) => {
    if (backendStopped || !backend?.running) return;
    event.preventDefault();
    void backend.stop().finally(() => {
      backendStopped = true;
      app.quit();
    });
  });

  void app.whenReady().then(onReady);
}
