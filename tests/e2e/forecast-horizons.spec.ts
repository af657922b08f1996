import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, root, seriousA11yViolations, serveDemo, type Served } from './harness';

/**
 * Forecast ▸ Horizons and Work back on the demo workspace in Chromium, as a director and a
 * manager use them: the three years by quarter with the assumptions behind them, the
 * creation growth edited from the keyboard and the chart and table following, the edit saved
 * for the organisation; the quarter's quota worked back to what each stage must hold, with
 * the diagnosis in a sentence. axe-core finds nothing serious on Horizons (with a field's
 * error and the reset dialog on screen) in either language or theme (the Work-back tab is in
 * forecast.spec.ts's round); the console stays clean; screenshots at 1920×1080.
 */
const ARTIFACTS = join(root, 'tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `forecast-horizons-${name}.png`) });

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

/** Switches the language and theme with the header's switches. */
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

async function horizonReady(page: Page, periods: number) {
  await page.locator('[data-testid="horizon-chart"] [data-chart-ready="true"]').waitFor();
  await expect.poll(() => page.getByTestId('horizon-period').count()).toBe(periods);
  await page.getByTestId('horizon-computing').waitFor({ state: 'detached' });
}

const chartDescription = (page: Page) =>
  page.locator('[data-testid="horizon-chart"] [role="img"]').getAttribute('aria-label');
const growthRow = (page: Page) =>
  page.locator('[data-testid="horizon-assumption"][data-key="creationGrowth"]');

describe('forecast horizons and work-back', () => {
  it('shows the director’s three years with their assumptions, follows an edited growth, and works back from the quota', async () => {
    const { page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();

    // Forecast ▸ Horizons: the manager's year opens first, by month.
    await page.getByTestId('nav-forecast').click();
    await page.getByRole('tab', { name: 'Horizons' }).click();
    await horizonReady(page, 12);
    expect(await page.getByTestId('horizon-period').first().getAttribute('data-period')).toMatch(
      /^\d{4}-\d{2}$/,
    );

    // The director's three years, by quarter, with the trends among the assumptions.
    await page.getByTestId('horizon-switch').getByText('3 years', { exact: true }).click();
    await horizonReady(page, 12);
    expect(await page.getByTestId('horizon-period').first().getAttribute('data-period')).toBe('2026Q4');
    expect(await growthRow(page).getByTestId('horizon-assumption-derivation').textContent()).toMatch(
      /^Trend of the deals created per quarter over \d+ complete quarters \(\d{4}Q\d to \d{4}Q\d\)/,
    );
    for (const key of [
      'stageWinRate',
      'slipRate',
      'creationRate',
      'conversion',
      'meanWonSize',
      'winRateTrend',
    ])
      expect(
        await page.locator(`[data-testid="horizon-assumption"][data-key="${key}"]`).count(),
      ).toBeGreaterThan(0);
    await page.getByTestId('horizon-assumptions').scrollIntoViewIfNeeded();
    await shot(page, 'three-years-assumptions-en');
    await page.evaluate(() =>
      (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
    );
    await shot(page, 'three-years-en');

    // Growth of 15% a quarter, typed and applied with Enter: the chart and the table follow.
    const before = {
      chart: await chartDescription(page),
      total: await page.getByTestId('horizon-total').getByTestId('horizon-cell-expected').textContent(),
      last: await page.getByTestId('horizon-period').last().getByTestId('horizon-cell-new').textContent(),
    };
    const field = growthRow(page).getByRole('textbox');
    await field.fill('15');
    await expect
      .poll(() => page.getByTestId('horizon-assumptions-status').textContent())
      .toBe('1 edit not applied yet');
    await field.press('Enter');
    await expect.poll(() => growthRow(page).getAttribute('data-overridden')).toBe('input');
    await horizonReady(page, 12);
    const after = {
      chart: await chartDescription(page),
      total: await page.getByTestId('horizon-total').getByTestId('horizon-cell-expected').textContent(),
      last: await page.getByTestId('horizon-period').last().getByTestId('horizon-cell-new').textContent(),
    };
    expect(after.chart).not.toBe(before.chart);
    expect(after.total).not.toBe(before.total);
    const amount = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));
    expect(amount(after.last)).toBeGreaterThan(amount(before.last));
    expect(await growthRow(page).getByText('What-if (not saved)').count()).toBe(1);

    // Kept for the organisation.
    await page.getByTestId('horizon-save').click();
    await page.getByText('1 assumption saved for the whole organisation.').waitFor();
    await expect.poll(() => growthRow(page).getAttribute('data-overridden')).toBe('saved');
    await shot(page, 'what-if-en');

    // Forecast ▸ Work back: the quarter's quota to each stage's need, and the diagnosis.
    await page.getByRole('tab', { name: 'Work-back' }).click();
    await page.locator('[data-testid="workback-chart"] [data-chart-ready="true"]').waitFor();
    expect(await page.getByTestId('workback-sentence').textContent()).toMatch(
      /^Target CN¥[\d,.]+ \(the scope’s quota\)/,
    );
    const needs = await page.getByTestId('workback-need-amount').allTextContents();
    expect(needs.length).toBeGreaterThan(3);
    for (const n of needs) expect(n).toMatch(/^CN¥[\d,.]+$/);
    const findings = await page.getByTestId('workback-findings').getByRole('listitem').allTextContents();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]).toMatch(/^[A-Z].{20,}[.)]$/);
    await shot(page, 'workback-en');
    expect(problems).toEqual([]);
  });

  it('Horizons passes axe-core in both languages and both themes, with a field’s error and the reset dialog', async () => {
    const { page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    const report: string[] = [];
    for (const language of ['en', 'zh-CN']) {
      for (const theme of ['light', 'dark']) {
        await setLook(page, language, theme);
        const tag = `${language}/${theme}`;
        await page.goto(`${served.url}#/forecast?tab=horizons&horizon=threeYears`);
        await horizonReady(page, 12);
        // A value out of bounds: the field's error is on screen too.
        await growthRow(page).getByRole('textbox').fill('500');
        await growthRow(page).locator('[aria-invalid="true"]').waitFor();
        report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} tab: ${v}`));
        if (language === 'zh-CN' || theme === 'dark') {
          await page.evaluate(() =>
            (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0),
          );
          await shot(page, `${language}-${theme}`);
        }
        // The reset dialog, opened from the keyboard (the first test saved a value).
        await page.getByTestId('horizon-discard').click();
        await page.getByTestId('horizon-reset').focus();
        await page.keyboard.press('Enter');
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} reset dialog: ${v}`));
        if (language === 'zh-CN' && theme === 'light') await shot(page, 'reset-zh');
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
    }
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
  });
});
