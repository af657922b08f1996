import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { funnel, launchBrowser, openPage, seriousA11yViolations, serveDemo, type Served } from './harness';

/**
 * A manager brings real data: the demo workspace is replaced by a CRM export, checked
 * first (bad rows listed by line, in the UI's language), imported after confirmation.
 */

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

describe('importing real data in the browser', () => {
  it('checks the file, lists the bad row in Chinese, replaces the demo after confirmation', async () => {
    const file = join(served.dir, 'deals.csv');
    writeFileSync(
      file,
      [
        'id,name,account,owner,team,amount,currency,stage,created_at,close_date,forecast_category',
        'R-1,恒通物流 - 云平台,恒通物流有限公司,王磊,华东大客户部,380000,CNY,proposal,2026-09-01,2026-12-15,commit',
        'R-2,坏数据,某公司,王磊,华东大客户部,1000,CNY,closing,2026-09-01,,',
        'R-3,新锐医疗 - 数据中台,新锐医疗科技,李娜,华南渠道部,150000,CNY,need,2026-10-10,2027-01-20,pipeline',
      ].join('\n'),
    );
    const { context, page, problems } = await openPage(browser, { locale: 'zh-CN' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');

    await page.getByTestId('import-open').first().click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();
    await page.getByTestId('import-file-deals').setInputFiles(file);
    await page.getByTestId('import-check').click();
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('阶段“closing”不是阶段模型中的键');
    expect(text).toContain('3'); // the line of the bad row
    expect(await seriousA11yViolations(page)).toEqual([]);

    // Nothing changes until the person confirms replacing the demo data.
    await page.getByTestId('import-confirm-demo').click();
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();

    await page.getByTestId('demo-badge').waitFor({ state: 'detached' });
    await expect
      .poll(() =>
        page
          .getByTestId('deal-row')
          .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-deal-id')).sort()),
      )
      .toEqual(['R-1', 'R-3']);
    expect(problems).toEqual([]);
    await context.close();

    // The workspace file holds exactly the imported deals.
    const out = join(served.dir, 'export.csv');
    expect(funnel(['export', 'deals', '--db', served.db, '--out', out]).status).toBe(0);
    const ids = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(ids).toEqual(['R-1', 'R-3']);
  });
});
