import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, root, seriousA11yViolations, serveDemo, type Served } from './harness';

/**
 * Settings ▸ Company in Chromium on a demo workspace: the company's name typed and saved
 * from the keyboard, a logo chosen through the page's file picker and previewed, a wrong
 * file refused with its name, the removal dialog; axe-core (colour contrast included) in
 * both languages and both themes with the logo, the refusal and the dialog on screen;
 * screenshots at 1920×1080.
 */
const ARTIFACTS = join(root, 'tests/e2e/artifacts');
mkdirSync(ARTIFACTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `settings-${name}.png`) });
const LOGOS = join(root, 'tests/fixtures/logos');

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveDemo(500);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

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

describe('Settings ▸ Company', () => {
  it('keeps the name and logo, refuses a wrong file, and passes axe-core in both languages and themes', async () => {
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await page.getByTestId('nav-settings').click();
    const section = page.getByTestId('settings-company');
    await section.waitFor();

    // The name from the keyboard alone.
    await page.getByLabel('Company name').focus();
    await page.keyboard.type('Acme Precision Instruments');
    await page.keyboard.press('Enter');
    await page.getByText('Company name saved.').waitFor();

    await section.getByTestId('company-logo-file').setInputFiles(join(LOGOS, 'acme.svg'));
    await section.getByRole('img', { name: 'Logo: acme.svg' }).waitFor();
    expect(await section.getByTestId('company-logo-facts').textContent()).toMatch(
      /^acme\.svg · SVG · 300 × 100 px/,
    );
    // The preview draws the logo (it has a size), not a broken image.
    expect(
      await section
        .getByTestId('company-logo-preview')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);

    const report: string[] = [];
    for (const language of ['en', 'zh-CN']) {
      for (const theme of ['light', 'dark']) {
        await setLook(page, language, theme);
        const tag = `${language}/${theme}`;
        // A refusal on screen: a text file named as a PNG.
        await section.getByTestId('company-logo-file').setInputFiles({
          name: 'brand.png',
          mimeType: 'image/png',
          buffer: Buffer.from('not a picture at all'),
        });
        const error = section.getByTestId('company-logo-error');
        await error.waitFor();
        expect(await error.textContent()).toContain('brand.png');
        report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} section: ${v}`));
        await shot(page, `${language}-${theme}`);

        await section.getByTestId('company-logo-remove').click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        report.push(...(await seriousA11yViolations(page)).map((v) => `${tag} dialog: ${v}`));
        if (theme === 'light') await shot(page, `remove-${language}`);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
    }
    expect(report).toEqual([]);

    // Removed after confirming (the UI is in Chinese by now).
    await section.getByTestId('company-logo-remove').click();
    await page.getByTestId('company-logo-remove-confirm').click();
    await section.getByTestId('company-logo-none').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
