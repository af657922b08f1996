import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, root, seriousA11yViolations, serveDemo, type Served } from './harness';

/**
 * The pre-call plan as the issue tells it, on the demo workspace in Chromium: a deal in
 * 方案交流 (solution exchange) opened from the pipeline, a plan that includes a contract
 * action — the stage-fit warning says so —, the buying centre with a decision maker not
 * met and its coverage gap, submitted; the manager approves it from the Plans queue and
 * records the outcome; the pipeline shows the status; the plan is exported as Markdown
 * and printed. axe-core finds nothing serious on the editor, the queue and the plan in
 * both languages and both themes; screenshots at 1920×1080 in both languages.
 */
const ARTIFACTS = join(root, 'tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `plans-${name}.png`) });

let served: Served;
let browser: Browser;
let dealName = '';
let planUrl = '';

beforeAll(async () => {
  served = await serveDemo(3000);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

/** Narrows the pipeline to one stage through the stage filter. */
async function filterStage(page: Page, stage: string) {
  await page.getByTestId('filter-stage').click();
  await page.getByRole('option', { name: stage, exact: true }).click();
  await page.keyboard.press('Escape');
  await expect
    .poll(async () => (await page.getByTestId('deal-row').first().textContent()) ?? '')
    .toContain(stage);
}

async function addContact(page: Page, name: string, role: string, met: boolean) {
  await page.getByTestId('contact-add').last().click();
  const dialog = page.getByTestId('contact-dialog');
  await dialog.getByTestId('contact-name').fill(name);
  await dialog.getByTestId('contact-role').selectOption({ label: role });
  await dialog.getByTestId('contact-influence').getByText('5', { exact: true }).click();
  if (met) await dialog.getByTestId('contact-met').check();
  await dialog.getByTestId('contact-save').click();
  await dialog.waitFor({ state: 'detached' });
}

describe('pre-call plans', () => {
  it('a plan for a solution-stage deal: warned about a contract action, submitted, approved, its outcome recorded, exported and printed', async () => {
    const { page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();

    // A deal in 方案交流 (solution exchange), from the pipeline.
    await filterStage(page, 'Solution exchange');
    const row = page.getByTestId('deal-row').first();
    // The name is the row's second cell, after its selection checkbox.
    dealName = (await row.locator('td').nth(1).textContent())!.trim();
    expect(dealName).not.toBe('');
    await row.click();
    const drawer = page.getByTestId('deal-drawer');
    await drawer.getByTestId('deal-plans').waitFor();
    await drawer.getByTestId('deal-plans').scrollIntoViewIfNeeded();
    await shot(page, 'drawer-en');

    // The plan: the stage's standard actions prefilled, a contract action added.
    await drawer.getByTestId('plan-new').click();
    const editor = page.getByTestId('plan-editor');
    await editor.getByTestId('plan-checklist').waitFor();
    expect(await editor.getByTestId('checklist-item').first().textContent()).toContain('Tailored solution');
    await editor.getByTestId('checklist-add-action').click();
    await page.getByRole('option', { name: 'Contract', exact: true }).click();
    const warning = editor.getByTestId('stage-fit-warning');
    await warning.waitFor();
    expect(await warning.getAttribute('role')).toBe('alert');
    const said = (await warning.textContent())!;
    expect(said).toContain('Belongs to Contract');
    expect(said).toContain('the deal is in Solution exchange');
    expect(said).toContain('Solution exchange calls for: Tailored solution');
    await editor.getByTestId('plan-objective').fill('Have the plant director endorse the pilot scope');
    await editor
      .getByTestId('plan-commitment')
      .fill('A two-plant pilot with a date for the decision meeting');
    await editor.getByTestId('add-question').click();
    await editor.getByTestId('plan-question').fill('Who signs off a pilot budget?');

    // The buying centre: a decision maker nobody has met, a technical evaluator we know.
    await addContact(page, 'Director Wang', 'Decision maker', false);
    await addContact(page, 'Engineer Liu', 'Technical evaluator', true);
    const gaps = editor.getByTestId('coverage-gaps');
    await expect.poll(() => gaps.textContent()).toContain('No coach inside the customer');
    await editor.locator('[data-testid="power-map"] [data-chart-ready="true"]').waitFor();
    const rows = editor.getByTestId('contact-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.filter({ hasText: 'Director Wang' }).textContent()).toContain('Not met');
    await warning.scrollIntoViewIfNeeded();
    await shot(page, 'editor-en');

    await editor.getByTestId('plan-submit').click();
    await editor.waitFor({ state: 'detached' });
    const listed = drawer.getByTestId('deal-plan').first();
    await expect.poll(() => listed.getByTestId('plan-status').textContent()).toBe('Waiting for sign-off');
    await page.keyboard.press('Escape');

    // The manager's queue: open it, approve.
    await page.getByTestId('nav-plans').click();
    const waiting = page.getByTestId('queue-waiting');
    const queued = waiting.getByTestId('queue-row').filter({ hasText: dealName });
    await queued.waitFor();
    expect(await queued.textContent()).toContain('1 action from another stage');
    await shot(page, 'queue-en');
    await queued.click();
    await page.getByTestId('plan-review').waitFor();
    planUrl = page.url();
    expect(await page.getByTestId('plan-sheet').getByTestId('stage-fit-warning').count()).toBe(1);
    await page.getByTestId('sign-off-name').fill('Manager Zhao');
    await page.getByTestId('plan-approve').click();
    await page.getByTestId('outcome-form').waitFor();

    // After the visit: the outcome beside the plan.
    await page.getByTestId('outcome-objective').check();
    await page.getByTestId('outcome-commitment').check();
    await page.getByTestId('outcome-next-step').fill('Pilot kick-off on Monday with both plants');
    await page.getByTestId('outcome-save').click();
    await page.getByTestId('plan-outcome-recorded').waitFor();
    expect(await page.getByTestId('plan-history').textContent()).toContain('Approved by Manager Zhao');
    // Adding contacts inside the editor saved nothing of the plan: created, submitted, approved, outcome.
    expect(await page.getByTestId('plan-history').textContent()).not.toContain('Edited');
    await shot(page, 'review-en');

    // Print before the visit: Markdown download, and the print view.
    await page.getByTestId('plan-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('plan-export-md').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const markdown = readFileSync((await download.path())!, 'utf8');
    expect(markdown).toContain(dealName);
    expect(markdown).toContain('Contract');
    expect(markdown).toContain('Have the plant director endorse the pilot scope');
    await page.getByTestId('plan-print-view').click();
    const doc = page.getByTestId('plan-document');
    await doc.waitFor();
    expect(await doc.textContent()).toContain('Who signs off a pilot budget?');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    await shot(page, 'print-en');
    await page.emulateMedia({ media: 'screen' });

    // The pipeline shows the plan's status and the outcome.
    await page.getByTestId('nav-pipeline').click();
    await page.getByTestId('search-input').fill(dealName);
    const found = page.getByTestId('deal-row').filter({ hasText: dealName }).first();
    await expect.poll(() => found.getByTestId('plan-status').textContent()).toBe('Approved');
    expect(await found.getByTestId('plan-outcome').count()).toBe(1);
    await shot(page, 'pipeline-en');

    // A negotiation deal with no buying centre mapped: the decision maker is the gap.
    await page.getByTestId('search-input').fill('');
    await filterStage(page, 'Negotiation');
    await page.getByTestId('deal-row').first().click();
    const gapList = page.getByTestId('deal-drawer').getByTestId('buying-centre').getByTestId('coverage-gaps');
    await expect.poll(() => gapList.textContent()).toContain('No decision maker known at this stage');
    expect(problems).toEqual([]);
  });

  it('the editor, the queue and the plan pass axe-core in both languages and both themes', async () => {
    const { page, problems } = await openPage(browser, { locale: 'en-US' });
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
        const tag = `${language}/${theme}`;
        // The editor over the deal's drawer, with a warning and the power map on screen.
        await page.goto(`${served.url}#/pipeline`);
        await page.getByTestId('search-input').fill(dealName);
        await page.getByTestId('deal-row').filter({ hasText: dealName }).first().click();
        await page.getByTestId('deal-drawer').getByTestId('plan-new').click();
        const editor = page.getByTestId('plan-editor');
        await editor.getByTestId('plan-checklist').waitFor();
        await editor.getByTestId('checklist-add-action').click();
        await page
          .getByRole('option', { name: language === 'en' ? 'Contract' : '合同', exact: true })
          .click();
        await editor.getByTestId('stage-fit-warning').waitFor();
        await editor.locator('[data-testid="power-map"] [data-chart-ready="true"]').waitFor();
        report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} editor: ${v}`));
        if (theme === 'light' && language === 'zh-CN') await shot(page, 'editor-zh');
        if (theme === 'dark') await shot(page, `editor-${language}-dark`);
        // Submitted, so the queue below has a plan waiting.
        await editor.getByTestId('plan-objective').fill(`${tag}: agree the pilot scope`);
        await editor.getByTestId('plan-submit').click();
        await editor.waitFor({ state: 'detached' });

        await page.goto(`${served.url}#/plans`);
        await page.getByTestId('queue-waiting').getByTestId('queue-row').first().waitFor();
        report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} queue: ${v}`));
        if (theme === 'light' && language === 'zh-CN') await shot(page, 'queue-zh');
        if (theme === 'dark') await shot(page, `queue-${language}-dark`);
        await page.goto(planUrl);
        await page.getByTestId('plan-outcome-recorded').waitFor();
        report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} plan: ${v}`));
        if (language === 'zh-CN' && theme === 'light') await shot(page, 'review-zh');
      }
    }
    expect(report).toEqual([]);
    expect(problems).toEqual([]);
  });
});
