import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { openWorkspace, type Workspace } from '../db/connection';
import { generateDemo } from '../demo/generate';

/**
 * Opens the workspace the app starts on; on first run it is created with demo data
 * (marked as demo in the settings and the UI, and replaced by the first real import).
 */
export async function ensureWorkspace(
  path: string,
  options: { nativeBinding?: string } = {},
): Promise<Workspace> {
  const firstRun = !existsSync(path);
  if (firstRun) mkdirSync(dirname(path), { recursive: true });
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
