import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

/**
 * The end-to-end harness: a real `funnel serve` process on a demo workspace (started the
 * way a user would, through the package's bin), and Debian's Chromium driven by
 * playwright-core. Nothing here needs the Electron binary.
 */

export const root = resolve(__dirname, '../..');
const bin = join(root, 'bin', 'funnel.mjs');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function funnel(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

export interface Served {
  url: string;
  loginUrl: string;
  dir: string;
  db: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Creates a demo workspace (fixed day and seed, so every run sees the same data) and serves it. */
export async function serveDemo(deals = 3000): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-e2e-'));
  const db = join(dir, 'workspace.db');
  const demo = funnel(['demo', '--db', db, '--deals', String(deals), '--seed', '3', '--today', '2026-11-20']);
  if (demo.status !== 0) throw new Error(`funnel demo failed: ${demo.stderr}`);
  const child = spawn(process.execPath, [bin, 'serve', '--db', db], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const loginUrl = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error(`funnel serve printed no URL:\n${out}\n${stderr}`)),
      150_000,
    );
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`funnel serve exited (${code}):\n${out}\n${stderr}`)));
  });
  return {
    url: new URL('/', loginUrl).toString(),
    loginUrl,
    dir,
    db,
    process: child,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page that records every console error and warning, and every uncaught page error. */
export async function openPage(
  browser: Browser,
  options: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  return { context, page, problems };
}

/** Waits until running CSS transitions and animations end (a fading drawer has no final colours yet). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const d = (globalThis as unknown as { document: { getAnimations(): { finished: Promise<unknown> }[] } })
      .document;
    await Promise.all(d.getAnimations().map((a) => a.finished.catch(() => undefined)));
  });
}

/** axe-core's WCAG 2 A/AA rules on the page as it is now; returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await settle(page);
  // Evaluated over the DevTools protocol, which the page's CSP (no inline scripts) allows.
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));
  const results = (await page.evaluate(async () => {
    const g = globalThis as unknown as {
      axe: { run: (ctx: unknown, opts: unknown) => Promise<unknown> };
      document: unknown;
    };
    return g.axe.run(g.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
  })) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
}
