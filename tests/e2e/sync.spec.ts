import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeHubSpot } from '../mock-crm/hubspot';
import { populate } from '../mock-crm/world';
import {
  launchBrowser,
  openPage,
  root,
  seriousA11yViolations,
  serveDemo,
  textContrastBelow,
  type Served,
} from './harness';

/**
 * A manager connects the workbench in a browser to their HubSpot (a fake one on
 * 127.0.0.1), naming the environment variable `funnel serve` was started with, syncs with
 * the progress bar moving, finds the deals in the pipeline, re-maps a stage and reads the
 * run log, axe-clean and readable in both languages and themes.
 */

const VARIABLE = 'FUNNEL_E2E_HUBSPOT_TOKEN';
const DEALS = 800;
const SHOTS = join(root, 'tests/e2e/artifacts');

let fake: FakeHubSpot;
let served: Served;
let browser: Browser;

beforeAll(async () => {
  fake = new FakeHubSpot();
  await fake.start();
  populate(fake.world, DEALS, { start: Date.parse('2026-03-01T00:00:00Z'), spanMs: 120 * 86_400_000 });
  served = await serveDemo(200, { env: { [VARIABLE]: fake.token } });
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await fake?.stop();
});

const records = async (page: Page) =>
  Number(await page.getByTestId('sync-progress-bar').getAttribute('data-records'));

describe('syncing from a CRM in Chromium', () => {
  it('connects by variable name, syncs with a moving progress bar, maps a stage, reads the run log', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    // No connection yet: nothing about syncing in the header.
    expect(await page.getByTestId('last-synced').count()).toBe(0);

    await page.getByTestId('nav-sources').click();
    await page.getByTestId('sources-empty').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'sync-empty.png') });

    await page.getByTestId('sources-connect').click();
    const dialog = page.getByTestId('connect-dialog');
    await dialog.waitFor();
    // A browser has no keychain: only the variable, and the reason.
    expect(await dialog.getByTestId('connect-token').count()).toBe(0);
    expect(await dialog.getByTestId('connect-env-only').textContent()).toContain('environment variable');
    await dialog.getByTestId('connect-url').fill(fake.url);
    await dialog.getByTestId('connect-env').fill(VARIABLE);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'sync-connect.png') });
    await dialog.getByTestId('connect-env').press('Enter');
    await dialog.getByTestId('connect-done').waitFor();
    expect(await dialog.getByTestId('connect-done').textContent()).toContain('HubSpot 4242');

    // Slow answers (each history batch held 500 ms), so the run can be watched.
    fake.http.inject({ match: (r) => r.path.endsWith('/batch/read'), hangMs: 500, times: 40 });
    await dialog.getByTestId('connect-sync-now').click();
    const bar = page.getByTestId('sync-progress-bar');
    await bar.waitFor();
    expect(await bar.getAttribute('role')).toBe('progressbar');
    await expect.poll(() => records(page), { timeout: 20_000 }).toBeGreaterThan(0);
    const first = await records(page);
    await expect.poll(() => records(page), { timeout: 20_000 }).toBeGreaterThan(first);
    const value = Number(await bar.getAttribute('aria-valuenow'));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThanOrEqual(100);
    expect(await page.getByTestId('sync-progress-detail').textContent()).toMatch(
      /\d+ pages? · [\d,]+ of [\d,]+ records/,
    );
    expect(await page.getByTestId('last-synced').textContent()).toBe('Syncing HubSpot…');
    await page.screenshot({ path: join(SHOTS, 'sync-progress.png') });

    await page.getByTestId('sync-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await expect
      .poll(() => page.getByTestId('run-row').first().getAttribute('data-status'), { timeout: 10_000 })
      .toBe('done');
    await expect.poll(() => page.getByTestId('last-synced').textContent()).toBe('Synced just now');
    await expect
      .poll(() => page.getByTestId('connection-deals').textContent())
      .toBe(DEALS.toLocaleString('en'));
    const run = await page.getByTestId('run-row').first().textContent();
    expect(run).toContain('Complete');
    expect(run).toContain(DEALS.toLocaleString('en'));
    await page.screenshot({ path: join(SHOTS, 'sync-done.png') });

    // The deals are in the pipeline (the demo data made way for them).
    await page.getByTestId('nav-pipeline').click();
    await expect
      .poll(() =>
        page
          .getByTestId('deal-row')
          .evaluateAll((rows) => rows.slice(0, 20).map((r) => r.getAttribute('data-deal-id'))),
      )
      .toSatisfy((ids: (string | null)[]) => ids.length > 0 && ids.every((id) => /^9\d{9}$/.test(id ?? '')));

    // Re-map a stage: HubSpot's "Contract" kept as a stage of its own.
    await page.getByTestId('last-synced').click();
    await page.getByTestId('view-sources').waitFor();
    await page.getByTestId('tab-mapping').click();
    await page.getByTestId('mapping-table').waitFor();
    await page.getByTestId('mapping-target-contractsent').selectOption('');
    expect(await page.getByTestId('mapping-status').textContent()).toBe('Unsaved changes');
    await page.getByTestId('mapping-save').click();
    await page.getByText(/^Stage mapping saved; [\d,]+ deals? re-mapped\.$/).waitFor();
    await page.getByTestId('unmapped-badge').waitFor();
    expect(await page.getByTestId('unmapped-badge').textContent()).toBe('1 stage not mapped');
    expect(await seriousA11yViolations(page)).toEqual([]);
    // The page grows and the window scrolls: the list above is never squeezed by the table below.
    expect((await page.getByTestId('connection-row').boundingBox())!.height).toBeGreaterThan(30);
    await page.screenshot({ path: join(SHOTS, 'sync-mapping.png'), fullPage: true });

    // The run log.
    await page.getByTestId('tab-runs').click();
    await page.getByTestId('run-log').waitFor();
    expect(await page.getByTestId('run-row').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('passes axe and keeps text readable in both languages and both themes', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await page.getByTestId('nav-sources').click();
    await page.getByTestId('connection-panel').waitFor();
    const found: string[] = [];
    for (const language of ['en', 'zh-CN']) {
      for (const theme of ['light', 'dark']) {
        if ((await page.locator('html').getAttribute('lang')) !== language) {
          await page.getByTestId('language-switch').click();
          await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
        }
        if ((await page.getByTestId('theme-switch').getAttribute('data-theme')) !== theme) {
          await page.getByTestId('theme-switch').click();
          await expect.poll(() => page.getByTestId('theme-switch').getAttribute('data-theme')).toBe(theme);
        }
        for (const tab of ['runs', 'mapping']) {
          await page.getByTestId(`tab-${tab}`).click();
          await page.getByTestId(tab === 'runs' ? 'run-log' : 'mapping-table').waitFor();
          found.push(...(await seriousA11yViolations(page)).map((v) => `${language}/${theme} ${tab}: ${v}`));
          found.push(
            ...(await textContrastBelow(page, '[data-testid="view-sources"]', 4.5)).map(
              (v) => `${language}/${theme} ${tab} contrast: ${v}`,
            ),
          );
        }
        found.push(
          ...(await textContrastBelow(page, 'header', 4.5)).map((v) => `${language}/${theme} header: ${v}`),
        );
      }
    }
    expect(found).toEqual([]);
    expect(await page.getByTestId('last-synced').textContent()).toMatch(/^(刚刚同步|同步于 \d+ 分钟前)$/);
    await page.screenshot({ path: join(SHOTS, 'sync-zh-dark.png') });
    expect(problems).toEqual([]);
    await context.close();
  });
});
