import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../preload/api';
import type { ShellStrings } from './strings';

/**
 * The application menu as a plain template (no Electron at runtime, so it is unit-tested);
 * `index.ts` builds it with `Menu.buildFromTemplate`.
 */

export type { MenuCommand } from '../../preload/api';

export interface MenuActions {
  command(command: MenuCommand): void;
  openWorkspaceFolder(): void;
  about(): void;
}

export interface MenuEnvironment {
  /** Development build: reload and developer tools are offered. Never in a packaged app. */
  dev: boolean;
  mac: boolean;
}

export function appMenuTemplate(
  strings: ShellStrings,
  actions: MenuActions,
  env: MenuEnvironment,
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: strings.file,
    submenu: [
      {
        id: 'import',
        label: strings.import,
        accelerator: 'CmdOrCtrl+O',
        click: () => actions.command('import'),
      },
      {
        id: 'export',
        label: strings.export,
        accelerator: 'CmdOrCtrl+E',
        click: () => actions.command('export'),
      },
      { type: 'separator' },
      {
        id: 'open-workspace-folder',
        label: strings.openWorkspaceFolder,
        click: () => actions.openWorkspaceFolder(),
      },
      // macOS quits from the app menu; elsewhere File ▸ Quit is the convention.
      ...(env.mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const, label: strings.quit }]),
    ],
  };

  // Without the Edit roles, copy/paste/undo shortcuts do nothing on macOS.
  const edit: MenuItemConstructorOptions = {
    label: strings.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  // Reload and devtools only in development: in a shipped app devtools is a console into
  // the page that any user (or anyone they are screen-sharing with) can be talked into using.
  const view: MenuItemConstructorOptions = {
    label: strings.view,
    submenu: [
      ...(env.dev
        ? [
            { id: 'reload', role: 'reload' as const },
            { id: 'force-reload', role: 'forceReload' as const },
            { id: 'devtools', role: 'toggleDevTools' as const },
            { type: 'separator' as const },
          ]
        : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: strings.help,
    submenu: [{ id: 'about', label: strings.about, click: () => actions.about() }],
  };

  return [
    ...(env.mac ? [{ role: 'appMenu' as const }] : []),
    file,
    edit,
    view,
    ...(env.mac ? [{ role: 'windowMenu' as const }] : []),
    help,
  ];
}
