import { homedir } from 'node:os';
import { join } from 'node:path';

/** The product's name as Electron uses it for the app's data folder (package.json productName). */
export const APP_DATA_NAME = 'Funnel Workbench';

/**
 * The data folder Electron's `app.getPath('userData')` gives this app, computed without
 * Electron so `npm run web` and the desktop app open the same default workspace.
 */
export function appDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_DATA_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DATA_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DATA_NAME);
}

/** The default workspace: `FUNNEL_WORKSPACE` when set, else workspace.db in the app's data folder. */
export function defaultWorkspacePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FUNNEL_WORKSPACE || join(appDataFolder(env), 'workspace.db');
}
