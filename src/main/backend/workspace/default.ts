import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { openWorkspace, type Workspace } from '../db/connection';
import { ensurePrivateFolder, PRIVATE_FOLDER_MODE } from '../db/private-files';
import { generateDemo } from '../demo/generate';
import { appDataFolder } from './location';

/**
 * Opens the workspace the app starts on; on first run it is created with demo data
 * (marked as demo in the settings and the UI, and replaced by the first real import).
 * The app's data folder is kept private (0700); a folder the person chose elsewhere
 * (FUNNEL_WORKSPACE) is created private when missing but otherwise left as it is.
 */
export async function ensureWorkspace(
  path: string,
  options: { nativeBinding?: string } = {},
): Promise<Workspace> {
  const folder = dirname(resolve(path));
  if (folder === resolve(appDataFolder())) ensurePrivateFolder(folder);
  else mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE });
  const firstRun = !existsSync(path);
  const ws = await openWorkspace(path, { create: firstRun, ...options });
  if (firstRun) {
    try {
      generateDemo(ws);
    } catch (e) {
      await ws.close();
      throw e;
    }
  }
  return ws;
}
