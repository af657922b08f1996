import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  funnel,
  launchBrowser,
  openPage,
  root,
  seriousA11yViolations,
  serveDemo,
  type Served,
} from './harness';

/**
 * The Forecast view on the demo workspace in Chromium, as a sales director uses it before
 * the quarterly review: the quarter's figures for the organisation, a team and a rep, each
 * equal to `funnel report forecast` for the same scope; a rep's quota edited and the
 * figures following; a snapshot taken; the accuracy backtest drawn; the deck exported from
 * the view and opened as a PPTX. axe-core finds nothing serious on any tab in either
 * language or theme; the console stays clean; screenshots at 1920×1080.
 */
const ARTIFACTS = join(root, 'tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `forecast-${name}.png`) });

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveDemo(6000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** The keys of `funnel report forecast --json` this spec compares (PRODUCT.md's JSON shape). */
interface ForecastReport {
  commit: number;
  bestCase: number;
  pipeline: number;
  weighted: number;
  historical: number;
  quota: number | null;
  wonAmount: number;
}

/** `funnel report forecast` for a scope, on the served workspace (the command line, not the page). */
function cliForecast(scope: { team?: string; owner?: string }): ForecastReport {
  const args = ['report', 'forecast', '--db', served.db, '--json'];
  if (scope.team) args.push('--team', scope.team);
  if (scope.owner) args.push('--owner', scope.owner);
  const run = funnel(args);
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout) as ForecastReport;
}

const cents = (text: string | null) => Math.round(Number((text ?? '').replace(/[^\d.-]/g, '')) * 100);
const toCents = (v: number) => Math.round(v * 100);
const hashParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

async function quarterReady(page: Page) {
  await page.getByTestId('forecast-methods').waitFor();
  await page.locator('[data-testid="forecast-range-chart"] [data-chart-ready="true"]').waitFor();
}

async function accuracyReady(page: Page) {
  // The backtest takes seconds: its progress shows meanwhile, then the charts.
  await page.locator('[data-testid="accuracy-chart"] [data-chart-ready="true"]').waitFor({ timeout: 60_000 });
  await page.locator('[data-testid="accuracy-reliability"] [data-chart-ready="true"]').waitFor();
}

/** Every figure of the methods table is the command line's for the same scope. */
async function expectReportFigures(page: Page, scope: { team?: string; owner?: string }) {
  const report = cliForecast(scope);
  const figure = (m: string) => page.getByTestId(`forecast-figure-${m}`).textContent();
  await expect
    .poll(async () => cents(await figure('commit')), { timeout: 20_000 })
    .toBe(toCents(report.commit));
  for (const m of ['bestCase', 'pipeline', 'weighted', 'historical'] as const)
    expect(cents(await figure(m)), m).toBe(toCents(report[m]));
  expect(cents(await page.getByTestId('forecast-won-value').textContent())).toBe(toCents(report.wonAmount));
  return report;
}

async function setLook(page: Page, language: string, theme: string) {
  if ((await page.locator('html').getAttribute('lang')) !== language) {
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
  }
  if ((await page.getByTestId('theme-switch').getAttribute('data-theme')) !== theme) {
    await page.getByTestId('theme-switch').click();
    await expect.poll(() => page.getByTestId('theme-switch').getAttribute('data-theme')).toBe(theme);
  }
}

describe('forecast', () => {
  it('shows the report’s figures for a team and a rep, edits a quota, takes a snapshot, shows the accuracy and exports the deck', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await page.getByTestId('nav-forecast').click();
    await quarterReady(page);
    const org = await expectReportFigures(page, {});
    expect(org.quota).not.toBeNull();
    expect(cents(await page.getByTestId('forecast-quota-value').textContent())).toBe(toCents(org.quota!));
    expect(await page.getByTestId('forecast-range-sentence').textContent()).toMatch(
      /^In 8 of 10 simulated quarters the scope wins between CN¥[\d,.]+ \(P10\) and CN¥[\d,.]+ \(P90\)/,
    );
    await shot(page, 'quarter-en');

    // A team: the figures become the team's.
    await page.getByTestId('filter-team').click();
    const teamOption = page.getByRole('option').nth(1);
    const team = (await teamOption.textContent())!.trim();
    await teamOption.click();
    await expect.poll(() => hashParams(page).get('team')).toBe(team);
    const teamReport = await expectReportFigures(page, { team });
    expect(teamReport.commit).not.toBe(org.commit);

    // A rep of that team.
    await page.getByTestId('filter-owner').click();
    const repOption = page.getByRole('option').nth(1);
    const rep = (await repOption.textContent())!.trim();
    await repOption.click();
    await expect.poll(() => hashParams(page).get('owner')).toBe(rep);
    const repReport = await expectReportFigures(page, { team, owner: rep });
    await quarterReady(page);
    await shot(page, 'quarter-rep-en');

    // The rep's quota edited in the quota editor; the quarter's figures follow.
    await page.getByTestId('forecast-tab-quotas').click();
    await page.getByTestId('quota-table').waitFor();
    const repRow = page.locator(`[data-testid="quota-row"][data-team="${team}"][data-owner="${rep}"]`);
    const amount = repRow.getByTestId('quota-amount');
    const before = cents(await amount.inputValue());
    expect(before).toBe(toCents(repReport.quota!));
    await amount.fill('12345678');
    await page.getByTestId('quotas-save').click();
    await page.getByText(/^Quotas for \d{4} Q\d saved: 1 set, 0 removed\.$/).waitFor();
    await shot(page, 'quotas-en');
    expect(cliForecast({ team, owner: rep }).quota).toBe(12_345_678);
    await page.getByTestId('forecast-tab-quarter').click();
    await expect.poll(() => page.getByTestId('forecast-quota-value').textContent()).toBe('CN¥12,345,678');

    // A snapshot of the rep's quarter.
    const snapshots = page.getByTestId('forecast-snapshots');
    const listed = await snapshots.getByTestId('forecast-snapshot').count();
    await snapshots.getByTestId('forecast-take-snapshot').click();
    await page.getByText(/^Snapshot taken: what every method says today/).waitFor();
    await expect.poll(() => snapshots.getByTestId('forecast-snapshot').count()).toBe(listed + 1);
    expect(await snapshots.getByTestId('forecast-snapshot').first().textContent()).toContain('By hand');

    // The accuracy of the organisation's forecasts in past quarters.
    await page.getByTestId('filter-team').click();
    await page.getByRole('option').first().click();
    await expect.poll(() => hashParams(page).get('team')).toBeNull();
    await page.getByTestId('forecast-tab-accuracy').click();
    await page.getByTestId('accuracy-progress').waitFor();
    await accuracyReady(page);
    expect(await page.getByTestId('accuracy-method').count()).toBe(5);
    expect(
      await page.getByTestId('accuracy-method').first().getByTestId('accuracy-mape').textContent(),
    ).toMatch(/^\d+\.\d%$/);
    expect(await page.getByTestId('accuracy-rep').count()).toBeGreaterThan(5);
    await shot(page, 'accuracy-en');

    // The deck, from the view: a PPTX that opens.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('forecast-export-deck').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pptx$/);
    const file = readFileSync((await download.path())!);
    expect([...file.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const parts = unzipSync(new Uint8Array(file));
    const slides = Object.keys(parts).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBeGreaterThanOrEqual(12);
    expect(slides.length).toBeLessThanOrEqual(25);
    const notice = await page.getByText(/\.pptx downloaded \(\d+ slides\)\.$/).textContent();
    expect(notice).toContain(`${download.suggestedFilename()} downloaded (${slides.length} slides).`);
    expect(parts['[Content_Types].xml']).toBeDefined();

    expect(problems).toEqual([]);
    await context.close();
  });

  it('every tab passes axe-core in both languages and both themes; screenshots', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    const report: string[] = [];
    for (const language of ['en', 'zh-CN']) {
      for (const theme of ['light', 'dark']) {
        await setLook(page, language, theme);
        const tag = `${language}/${theme}`;
        for (const tab of ['quarter', 'workback', 'accuracy', 'quotas'] as const) {
          await page.goto(`${served.url}#/forecast?tab=${tab}`);
          if (tab === 'quarter') await quarterReady(page);
          if (tab === 'accuracy') await accuracyReady(page);
          if (tab === 'quotas') await page.getByTestId('quota-table').waitFor();
          if (tab === 'workback')
            await page.locator('[data-testid="workback-chart"] [data-chart-ready="true"]').waitFor();
          report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} ${tab}: ${v}`));
          if (language === 'zh-CN' || theme === 'dark') await shot(page, `${tab}-${language}-${theme}`);
        }
      }
    }
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
