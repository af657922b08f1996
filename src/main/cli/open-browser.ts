import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Opens the workbench in the default browser, best effort (a server or CI has no browser:
 * the printed URL is enough there). The URL itself never goes on a command line, where
 * other users of the computer could read the token (ps, /proc): the browser is handed a
 * private file (folder 0700, file 0600) that redirects to it. Returns a clean-up.
 */
export function openInBrowser(url: string): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-open-'));
  const page = join(dir, 'open-workbench.html');
  const target = url.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  writeFileSync(
    page,
    `<!doctype html><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${target}"><title>Funnel Workbench</title>`,
    { mode: 0o600 },
  );
  const [command, ...rest] =
    process.platform === 'darwin' ? ['open'] : process.platform === 'win32' ? ['explorer.exe'] : ['xdg-open'];
  try {
    const child = spawn(command!, [...rest, page], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No opener on this machine.
  }
  return () => rmSync(dir, { recursive: true, force: true });
}
