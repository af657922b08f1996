import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  openPage,
  seriousA11yViolations,
  serveDemo,
  textContrastBelow,
  type Served,
} from './harness';

/**
 * The funnel review as a manager runs it on the demo workspace: prepare a review of one
 * team, run it from the keyboard alone with the audience view following in a second tab,
 * record a decision and a next step, end it and export the minutes; the next review of
 * the same team opens with that next step first, and it is marked done. Presenter and
 * audience pass axe-core in both languages and both themes with a clean console.
 */
const SHOTS = process.env.REVIEW_SHOTS;

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

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

/** Waits until the field is focused, so typing lands in it. */
const focused = (page: Page, testId: string) =>
  expect
    .poll(() =>
      page.evaluate(() =>
        (globalThis as unknown as { document: Document }).document.activeElement?.getAttribute('data-testid'),
      ),
    )
    .toBe(testId);

/** Prepares a flagged-first review of the first team and starts it: the presenter is on screen. */
async function prepareAndStart(page: Page, title: string): Promise<string> {
  await page.getByTestId('nav-review').click();
  await page.getByTestId('review-new').click();
  await page.getByTestId('review-prepare').waitFor();
  await page.getByTestId('review-title').fill(title);
  await page.getByTestId('review-team').click();
  const option = page.getByRole('option').first();
  const team = (await option.textContent())!.trim();
  await option.click();
  await page.getByTestId('review-topn').fill('6');
  await page.getByTestId('review-build').click();
  await page.getByTestId('agenda-row').first().waitFor();
  await shot(page, `prepare-${title}`);
  await page.getByTestId('review-start').click();
  await page.getByTestId('presenter').waitFor();
  return team;
}

describe('the funnel review', () => {
  it('is prepared, run by keyboard with the audience following, minuted, and followed up next time', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    const report: string[] = [];
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    const team = await prepareAndStart(page, 'Week 47');
    expect(await page.getByTestId('slide-number').textContent()).toBe('1 / 6');

    // The audience view opens in a second tab and follows the presenter.
    const [audience] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('o')]);
    await audience!.getByTestId('audience').waitFor();
    expect(await audience!.getByTestId('audience').getAttribute('data-position')).toBe('0');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('slide-number').textContent()).toBe('2 / 6');
    await expect.poll(() => audience!.getByTestId('audience').getAttribute('data-position')).toBe('1');
    await page.keyboard.press('j');
    await expect.poll(() => audience!.getByTestId('audience').getAttribute('data-position')).toBe('2');
    await page.keyboard.press('k');
    await expect.poll(() => audience!.getByTestId('audience').getAttribute('data-position')).toBe('1');

    // A decision and a next step, from the keyboard only.
    await page.keyboard.press('d');
    await focused(page, 'record-text');
    await page.keyboard.type('Bring the CFO to the next call');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('recorded').getByText('Bring the CFO to the next call').waitFor();
    await page.getByTestId('record-text').waitFor({ state: 'detached' });
    await page.keyboard.press('n');
    await focused(page, 'record-text');
    await page.keyboard.type('Send the revised quote');
    await page.keyboard.press('Tab'); // owner: the deal's rep is preselected
    await page.keyboard.press('Tab');
    await page.keyboard.type('11272026'); // the date field's segments in en-US order
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('recorded').getByText('Send the revised quote').waitFor();
    // The room sees it written down.
    await audience!
      .getByTestId('slide-agreed')
      .getByText('Send the revised quote', { exact: false })
      .waitFor();
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts').waitFor();
    await shot(page, 'presenter-shortcuts');
    await page.keyboard.press('Escape');
    await page.getByTestId('shortcuts').waitFor({ state: 'detached' });
    await shot(page, 'presenter');
    await shot(audience!, 'audience');

    // End, then the minutes.
    await page.getByTestId('end-review').click();
    await page.getByTestId('end-confirm').click();
    await page.getByText('This review has ended', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${served.url}#/review`);
    const row = page.locator('[data-testid^="review-row-"]').first();
    await row.waitFor();
    await row.locator('[data-testid^="review-more-"]').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('minutes-md').click(),
    ]);
    const minutes = readFileSync((await download.path())!, 'utf8');
    expect(minutes).toContain('# Minutes — Week 47');
    expect(minutes).toContain('Bring the CFO to the next call');
    expect(minutes).toMatch(
      /\| Next step \| [^|]+ \| Send the revised quote \| [^|]+ \| 2026-11-27 \| open \|/,
    );

    // The same minutes as a page to print (to PDF from the desktop app).
    await row.locator('[data-testid^="review-more-"]').click();
    await page.getByTestId('minutes-print').click();
    await page.getByTestId('review-minutes').getByText('Bring the CFO to the next call').waitFor();
    report.push(...(await seriousA11yViolations(page)).map((v) => `minutes page: ${v}`));
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'minutes-print');
    expect(await page.getByTestId('demo-banner').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });

    // The next review of the same team opens with last time's open next step; it is done.
    await audience!.close();
    const again = await prepareAndStart(page, 'Week 48');
    expect(again).toBe(team);
    await page.getByTestId('followups-slide').waitFor();
    const step = page.getByTestId('followup').filter({ hasText: 'Send the revised quote' });
    await step.getByTestId('followup-done').click();
    await expect.poll(() => step.getByTestId('followup-status').textContent()).toBe('Done');
    await shot(page, 'followups');

    // Ended, the two reviews compare: last week's next step was done this week.
    await page.getByTestId('end-review').click();
    await page.getByTestId('end-confirm').click();
    await page.getByText('This review has ended', { exact: false }).waitFor();
    await page.goto(`${served.url}#/review`);
    const latest = page.locator('[data-testid^="review-row-"]').filter({ hasText: 'Week 48' });
    await latest.locator('[data-testid^="review-more-"]').click();
    await page.getByRole('menuitem', { name: 'Compare with the previous review' }).click();
    const compare = page.getByTestId('review-compare');
    await compare.getByText('Week 47', { exact: false }).first().waitFor();
    await compare
      .locator('section')
      .filter({ hasText: 'Next steps done' })
      .getByText('Send the revised quote')
      .waitFor();
    report.push(...(await seriousA11yViolations(page)).map((v) => `compare: ${v}`));

    // Reopened, a past review reads as it was shown and takes no new records.
    await page.goto(`${served.url}#/review`);
    const first = page.locator('[data-testid^="review-row-"]').filter({ hasText: 'Week 47' });
    await first.getByRole('button', { name: 'Reopen' }).click();
    await page.getByText('This review has ended', { exact: false }).waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('slide-number').textContent()).toBe('2 / 6');
    await page.getByTestId('recorded').getByText('Bring the CFO to the next call').waitFor();
    await page.keyboard.press('d');
    expect(await page.getByTestId('record-text').count()).toBe(0);
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('passes axe-core on the presenter and audience views in both languages and both themes', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await prepareAndStart(page, 'Accessibility');
    const presenter = page.url();
    const audienceUrl = presenter.replace('view=run', 'view=audience');
    const report: string[] = [];
    for (const language of ['en', 'zh-CN']) {
      for (const theme of ['light', 'dark']) {
        await page.goto(`${served.url}#/review`);
        await page.getByTestId('view-review').waitFor();
        if ((await page.locator('html').getAttribute('lang')) !== language) {
          await page.getByTestId('language-switch').click();
          await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(language);
        }
        if ((await page.getByTestId('theme-switch').getAttribute('data-theme')) !== theme) {
          await page.getByTestId('theme-switch').click();
          await expect.poll(() => page.getByTestId('theme-switch').getAttribute('data-theme')).toBe(theme);
        }
        report.push(...(await seriousA11yViolations(page)).map((v) => `${language}/${theme} list: ${v}`));
        for (const [name, url, ready] of [
          ['presenter', presenter, 'presenter'],
          ['audience', audienceUrl, 'audience'],
        ] as const) {
          await page.goto(url);
          await page.getByTestId(ready).waitFor();
          for (const position of [0, 1]) {
            if (name === 'presenter' && position === 1) await page.keyboard.press('ArrowRight');
            report.push(
              ...(await seriousA11yViolations(page)).map(
                (v) => `${language}/${theme} ${name} ${position}: ${v}`,
              ),
              // What the projector shows keeps 7:1: the audience view, the presenter's slide.
              ...(
                await textContrastBelow(page, name === 'audience' ? '[data-testid="audience"]' : 'main', 7)
              ).map((v) => `${language}/${theme} ${name} ${position} (7:1): ${v}`),
            );
          }
          await shot(page, `${name}-${language}-${theme}`);
        }
      }
    }
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
