import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Newest modification time under a folder (to tell whether the renderer build is stale). */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

/** The browser build of the renderer; built on first use so no separate step is needed. */
export function rendererBuild(): string {
  const dir = join(root, 'out', 'renderer');
  const index = join(dir, 'index.html');
  const sources = [join(root, 'src', 'renderer'), join(root, 'src', 'shared')].filter(existsSync);
  const stale = !existsSync(index) || sources.some((s) => newest(s) > statSync(index).mtimeMs);
  if (stale && existsSync(join(root, 'src', 'renderer'))) {
    console.error('Building the workbench for the browser (once, about half a minute)…');
    const run = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        cwd: root,
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    // stdout belongs to the command's own output; the build logs went to the terminal above.
    if (run.status !== 0) throw new WorkbenchError('internal', msg('renderer_build_failed'));
  }
  if (!existsSync(index)) throw new WorkbenchError('internal', msg('renderer_build_missing', { path: dir }));
  return dir;
}
