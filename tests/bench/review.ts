/**
 * The review's presenter and audience speed in a real browser (issue 4/7): a review of
 * the 200k-deal workspace's largest deals is started, the presenter opened in one tab
 * and the audience view in another, and the presenter moves from deal to deal by the
 * keyboard. Timed inside the pages on one clock (performance.timeOrigin + now):
 *  - next deal: from the key press to the frame after the presenter shows the new slide
 *    (target p95 ≤ 50 ms);
 *  - audience: from the same key press to the frame after the audience tab shows it
 *    (through the backend's event stream; target p95 ≤ 100 ms).
 */
import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { AgendaProposal, Meeting } from '@shared/contract';
import type { Workspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';

const log = (m: string) => process.stderr.write(`${m}\n`);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MOVES = 60;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};

/** Starts a review of the workspace's 40 largest open deals; returns its id. */
async function startedReview(ws: Workspace): Promise<number> {
  const registry = createBackend(ws);
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await registry.dispatch(channel, input, 'cli');
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value as T;
  };
  const scope = { team: null, reps: [] };
  const proposal = await call<AgendaProposal>('review.propose', {
    scope,
    style: 'top',
    topN: 40,
    budgetMinutes: 60,
  });
  const draft = await call<Meeting>('review.save', {
    title: 'Bench review',
    scope,
    style: 'top',
    topN: 40,
    budgetMinutes: 60,
    agenda: proposal.agenda.map(({ kind, dealId, owner, reason }) => ({ kind, dealId, owner, reason })),
  });
  await call('review.start', { id: draft.id });
  return draft.id;
}

export async function reviewBench(ws: Workspace, db: string) {
  const id = await startedReview(ws);
  const server = spawn(process.execPath, [join(root, 'bin', 'funnel.mjs'), 'serve', '--db', db], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const loginUrl = await new Promise<string>((ok, fail) => {
      let out = '';
      const timer = setTimeout(() => fail(new Error(`funnel serve printed no URL: ${out}`)), 180_000);
      server.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /Open (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          ok(m[1]!);
        }
      });
      server.once('exit', (code) => fail(new Error(`funnel serve exited (${code})`)));
    });
    // Two browsers, so presenter and audience are each a visible page (in a meeting they are
    // two windows on two displays; as tabs of one browser the hidden one would not render).
    const launch = () =>
      chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      });
    const browsers = [await launch(), await launch()];
    try {
      const [presenter, audience] = await Promise.all(
        browsers.map(async (b) => {
          const page = await b.newPage({ viewport: { width: 1920, height: 1080 } });
          await page.goto(loginUrl);
          await page.getByTestId('deal-row').first().waitFor({ timeout: 120_000 });
          return page;
        }),
      );
      const base = new URL('/', loginUrl).toString();
      await presenter!.goto(`${base}#/review?view=run&id=${id}`);
      await presenter!.getByTestId('deal-slide').waitFor({ timeout: 60_000 });
      await audience!.goto(`${base}#/review?view=audience&id=${id}`);
      await audience!.getByTestId('deal-slide').waitFor({ timeout: 60_000 });
      // The audience page notes, on the frame after each change of slide, when it happened.
      await audience!.evaluate(`(() => {
        window.__shown = [];
        const node = document.querySelector('[data-testid="audience"]');
        new MutationObserver(() => requestAnimationFrame(() =>
          window.__shown.push({ position: node.getAttribute('data-position'), at: performance.timeOrigin + performance.now() })
        )).observe(node, { attributes: true, attributeFilter: ['data-position'] });
      })()`);
      const next: number[] = [];
      const followed: number[] = [];
      for (let i = 0; i < MOVES; i++) {
        const forward = Math.floor(i / 20) % 2 === 0;
        // One move, timed in the presenter page: the key press, then the frame after the slide number changes.
        const timing = (await presenter!.evaluate(`new Promise((ok, fail) => {
          const number = document.querySelector('[data-testid="slide-number"]');
          const before = number.textContent;
          const t0 = performance.timeOrigin + performance.now();
          window.dispatchEvent(new KeyboardEvent('keydown', { key: '${forward ? 'ArrowRight' : 'ArrowLeft'}', bubbles: true }));
          const give = setTimeout(() => fail(new Error('the slide did not change within 10 s')), 10000);
          const check = () => {
            if (number.textContent !== before) {
              requestAnimationFrame(() => { clearTimeout(give); ok({ t0, shown: performance.timeOrigin + performance.now(), position: number.textContent }); });
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        })`)) as { t0: number; shown: number; position: string };
        next.push(timing.shown - timing.t0);
        const wanted = String(Number(timing.position.split('/')[0]!.trim()) - 1);
        // (Polled over the DevTools protocol: the page's CSP forbids waitForFunction's eval.)
        let shownAt: number | null = null;
        for (let tries = 0; shownAt === null && tries < 2000; tries++) {
          shownAt = (await audience!.evaluate(
            `(window.__shown.find((s) => s.position === '${wanted}' && s.at >= ${timing.t0}) ?? { at: null }).at`,
          )) as number | null;
          if (shownAt === null) await audience!.waitForTimeout(5);
        }
        if (shownAt === null) throw new Error(`the audience never showed slide ${wanted}`);
        followed.push(shownAt - timing.t0);
        await presenter!.waitForTimeout(30);
      }
      const round = (v: number) => Math.round(v * 10) / 10;
      const result = {
        moves: MOVES,
        nextDeal: { p50: round(percentile(next, 50)), p95: round(percentile(next, 95)), target: 50 },
        audience: { p50: round(percentile(followed, 50)), p95: round(percentile(followed, 95)), target: 100 },
        met: percentile(next, 95) <= 50 && percentile(followed, 95) <= 100,
      };
      log(
        `  next deal p50/p95 ${result.nextDeal.p50}/${result.nextDeal.p95} ms; audience ${result.audience.p50}/${result.audience.p95} ms`,
      );
      return result;
    } finally {
      await Promise.all(browsers.map((b) => b.close()));
    }
  } finally {
    server.kill('SIGTERM');
  }
}
