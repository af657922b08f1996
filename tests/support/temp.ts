import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openWorkspace, type Workspace } from '@backend/db/connection';

const dirs: string[] = [];
const open: Workspace[] = [];

afterEach(async () => {
  for (const ws of open.splice(0)) await ws.close().catch(() => undefined);
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-test-'));
  dirs.push(dir);
  return dir;
}

/** A fresh workspace file in a temporary folder, closed after the test. */
export async function tempWorkspace(name = 'workspace.db'): Promise<Workspace> {
  const ws = await openWorkspace(join(tempDir(), name), { create: true });
  open.push(ws);
  return ws;
}

export function track(ws: Workspace): Workspace {
  open.push(ws);
  return ws;
}
