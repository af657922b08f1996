import { app, dialog, shell } from 'electron';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AppError } from '@shared/result';
import type { ShellStrings } from './strings';

/** Native dialogs of the shell: they speak when the renderer cannot. */

function fatalTitle(error: AppError, strings: ShellStrings): string {
  switch (error.code) {
    case 'workspace_from_newer_build':
      return strings.fatalTitles.newerBuild;
    case 'workspace_corrupt':
    case 'workspace_prerelease':
      return strings.fatalTitles.corrupt;
    case 'workspace_missing':
      return strings.fatalTitles.missing;
    default:
      return strings.fatalTitles.other;
  }
}

/** The file worth showing next to a startup error: the backup it names, else the workspace. */
function fileToShow(error: AppError, workspacePath: string): string | null {
  const details = (error.details ?? {}) as { backup?: unknown; path?: unknown; backups?: unknown };
  const backups = Array.isArray(details.backups) ? details.backups.filter((b) => typeof b === 'string') : [];
  const candidates = [details.backup, backups.at(-1), details.path, workspacePath];
  for (const candidate of candidates) {
    if (typeof candidate === 'string' && candidate && existsSync(candidate)) return candidate;
  }
  return existsSync(dirname(workspacePath)) ? dirname(workspacePath) : null;
}

/**
 * The workspace could not be opened: say so in the backend's own words (they name the
 * file and the backup), let the person find the file, then quit. The app never starts on
 * a workspace it cannot trust.
 */
export async function explainFatalStartup(
  error: AppError,
  workspacePath: string,
  strings: ShellStrings,
): Promise<void> {
  const file = fileToShow(error, workspacePath);
  const buttons = file ? [strings.showInFolder, strings.quit] : [strings.quit];
  const { response } = await dialog.showMessageBox({
    type: 'error',
    title: fatalTitle(error, strings),
    message: fatalTitle(error, strings),
    detail: strings.say(error.say),
    buttons,
    defaultId: buttons.length - 1,
    cancelId: buttons.length - 1,
    noLink: true,
  });
  if (file && response === 0) shell.showItemInFolder(file);
}

/** The backend died: show why, and ask whether to restart it. True means restart. */
export async function askRestartBackend(reason: string, strings: ShellStrings): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    title: strings.backendStoppedTitle,
    message: strings.backendStoppedTitle,
    detail: `${strings.backendStopped}\n\n${reason}`.slice(0, 4000),
    buttons: [strings.restart, strings.quit],
    defaultId: 0,
    cancelId: 1,
    noLink: true,
  });
  return response === 0;
}

export async function showAbout(strings: ShellStrings): Promise<void> {
  await dialog.showMessageBox({
    type: 'info',
    title: strings.about,
    message: 'Funnel Workbench 漏斗工作台',
    detail: strings.aboutDetail({
      app: app.getVersion(),
      electron: process.versions.electron ?? '',
      chrome: process.versions.chrome ?? '',
      node: process.versions.node,
    }),
    buttons: [strings.ok],
    noLink: true,
  });
}
