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
  /** Ends the server and removes its folder (the workspace with it). */
  stop(): Promise<void>;
  /**
   * Ends the server with `signal` (SIGKILL: as if the machine lost power mid-write) and
   * waits until it is gone; the workspace stays for a restart or a look inside.
   */
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Creates a demo workspace (fixed day and seed, so every run sees the same data) and serves
 * it. `env` adds variables to the server's environment (a CRM token the page names, as a
 * manager starts `funnel serve` with one set).
 */
export async function serveDemo(deals = 3000, options: { env?: NodeJS.ProcessEnv } = {}): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'funnel-e2e-'));
  const db = join(dir, 'workspace.db');
  const demo = funnel(['demo', '--db', db, '--deals', String(deals), '--seed', '3', '--today', '2026-11-20']);
  if (demo.status !== 0) throw new Error(`funnel demo failed: ${demo.stderr}`);
  return serveWorkspace(dir, db, options);
}

/**
 * Serves an existing workspace file in `dir` (again, after `kill()`: a restart on the same
 * file); `env` as for serveDemo. `stop()` removes `dir`.
 */
export async function serveWorkspace(
  dir: string,
  db: string,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<Served> {
  const child = spawn(process.execPath, [bin, 'serve', '--db', db], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
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
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(signal);
    await exited;
  };
  return {
    url: new URL('/', loginUrl).toString(),
    loginUrl,
    dir,
    db,
    process: child,
    stop: async () => {
      await end('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
    kill: (signal = 'SIGKILL') => end(signal),
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

/**
 * Every piece of text within `selector` whose contrast with the background behind it is
 * below `ratio`, whatever its size (axe's enhanced rule asks only 4.5:1 of large text, and
 * everything on a projector is large). Colours are read as computed; the background is the
 * first opaque one up the tree. Disabled controls are left out, as WCAG leaves them out.
 */
export async function textContrastBelow(page: Page, selector: string, ratio: number): Promise<string[]> {
  await settle(page);
  return (await page.evaluate(`(() => {
    const parse = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el) => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] === 1)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const out = [];
    const root = document.querySelector(${JSON.stringify(selector)});
    for (const el of root.querySelectorAll('*')) {
      const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
      if (!own || el.getClientRects().length === 0) continue;
      // WCAG 1.4.3 exempts inactive controls (a disabled Save, say).
      if (el.closest(':disabled, [data-disabled], [aria-disabled="true"]')) continue;
      const fg = parse(getComputedStyle(el).color).slice(0, 3);
      const [a, b] = [lum(fg), lum(background(el))].sort((x, y) => y - x);
      const contrast = (a + 0.05) / (b + 0.05);
      if (contrast < ${ratio}) out.push(el.tagName.toLowerCase() + ' "' + el.textContent.trim().slice(0, 40) + '": ' + contrast.toFixed(2) + ':1');
    }
    return out;
  })()`)) as string[];
}
