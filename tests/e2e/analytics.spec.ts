import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, seriousA11yViolations, serveDemo, type Served } from './harness';

/**
 * The 4S views as a manager uses them on the demo workspace: every view opens with its
 * charts drawn, a filter lands in the URL, a chart and a table number each drill through
 * to exactly their deals, a reload reopens the same view; and every view passes axe-core
 * in both languages and both themes with a clean console.
 */
const VIEWS = ['overview', 'funnel', 'velocity', 'changes', 'cohorts', 'reps', 'attention'] as const;

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveDemo(3000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

async function openView(page: Page, view: string): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await page.getByTestId(`view-${view}`).waitFor();
  // A view is ready when its report is on screen: a chart canvas, or the attention table.
  if (view === 'attention') await page.getByTestId('attention-table').waitFor();
  else await page.locator(`[data-testid="view-${view}"] canvas`).first().waitFor();
}

const hashParams = (page: Page) => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

describe('the 4S views', () => {
  it('open, filter into the URL, drill through a chart and a table, and reopen from the URL', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();

    for (const view of VIEWS) await openView(page, view);

    // The funnel for one team: the filter is in the URL and survives a reload.
    await openView(page, 'funnel');
    await page.getByTestId('filter-team').click();
    const option = page.getByRole('option').nth(1);
    const team = (await option.textContent())!.trim();
    await option.click();
    await expect.poll(() => hashParams(page).get('team')).toBe(team);
    await page.reload();
    await page.getByTestId('funnel-table').waitFor();
    expect(await page.getByTestId('filter-team').inputValue()).toBe(team);

    // A number in the table opens exactly its deals: "reached" of the first stage.
    const firstReached = page.getByTestId('funnel-table').locator('tbody tr').first().getByRole('button');
    const reached = Number((await firstReached.textContent())!.split('·')[0]!.replace(/[^\d]/g, ''));
    await firstReached.click();
    await page.getByTestId('drill-banner').waitFor();
    await expect
      .poll(() => page.getByTestId('pipeline-summary').textContent())
      .toMatch(new RegExp(`^${reached.toLocaleString('en-US')} deals`));
    // Every listed deal is of the chosen team.
    const teams = await page.$$eval('[data-testid="deal-row"]:not([data-placeholder])', (rows) =>
      rows.map((r) => (r as HTMLTableRowElement).cells[4]?.textContent ?? ''),
    );
    expect(new Set(teams)).toEqual(new Set([team]));
    // Back returns to the funnel with its filter.
    await page.goBack();
    await page.getByTestId('funnel-table').waitFor();
    expect(hashParams(page).get('team')).toBe(team);

    // A chart element drills through too: the first bar of the funnel chart.
    const box = (await page.getByTestId('funnel-chart').locator('canvas').first().boundingBox())!;
    const band = (box.width - 128) / 5;
    await page.mouse.click(box.x + 64 + band / 2, box.y + box.height - 50);
    await page.getByTestId('drill-banner').waitFor();
    await expect
      .poll(() => page.getByTestId('pipeline-summary').textContent())
      .toMatch(new RegExp(`^${reached.toLocaleString('en-US')} deals`));

    // The waterfall's table balances: start + Σ changes = end.
    await page.goto(`${served.url}#/changes`);
    await page.getByTestId('changes-table').waitFor();
    const amounts = (
      await page.getByTestId('changes-table').locator('tbody tr td:last-child').allTextContents()
    ).map((t) => Math.round(Number(t.replace(/[^\d.-]/g, '')) * 100));
    const [start, ...rest] = amounts;
    const end = rest.pop()!;
    expect(start! + rest.reduce((a, b) => a + b, 0)).toBe(end);

    // The rep who stalls in proposals stands out in rep diagnostics.
    await page.goto(`${served.url}#/reps`);
    await page.getByTestId('reps-table').waitFor();
    const top = page.getByTestId('rep-row').first();
    expect(await top.getAttribute('data-rep')).toBe('赵俊杰');
    expect(await top.getByTestId('rep-weakest').textContent()).toMatch(/Proposal & comparison/);

    expect(problems).toEqual([]);
    await context.close();
  });

  it('passes axe-core (WCAG 2 A/AA) on every view in both languages and both themes', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    const report: string[] = [];
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
        for (const view of VIEWS) {
          await openView(page, view);
          report.push(
            ...(await seriousA11yViolations(page)).map((v) => `${language}/${theme} ${view}: ${v}`),
          );
        }
      }
    }
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
