import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildXlsx } from '../support/xlsx';
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
 * A manager imports what the CRM actually exports: a Salesforce report saved as .xlsx and
 * a Chinese CRM's CSV in GBK, each through the mapping step, by keyboard, axe-clean in the
 * UI's language.
 */

let served: Served;
let browser: Browser;

beforeAll(async () => {
  served = await serveDemo(200);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
});

const exportedIds = (name: string): string[] => {
  const out = join(served.dir, name);
  expect(funnel(['export', 'deals', '--db', served.db, '--out', out]).status).toBe(0);
  return readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0]!);
};

describe('importing CRM exports through the mapping step in Chromium', () => {
  it('an .xlsx Salesforce report, by keyboard, in English', async () => {
    const MARCH_4 = 46085;
    const file = join(served.dir, 'Opportunities.xlsx');
    writeFileSync(
      file,
      buildXlsx([
        {
          name: 'Report',
          rows: [
            [
              'Opportunity Name',
              'Account Name',
              'Opportunity Owner',
              'Stage',
              'Amount',
              'Close Date',
              'Created Date',
              'Opportunity ID',
            ],
            [
              'Cloud rollout',
              'Acme',
              'Jane Doe',
              'Qualification',
              { number: 12500, format: '"$"#,##0.00' },
              { number: MARCH_4 + 30, format: 'm/d/yyyy' },
              { number: MARCH_4 - 40, format: 'm/d/yyyy' },
              '006A01',
            ],
            [
              'Renewal',
              'Initech',
              'John Roe',
              'Closed Won',
              { number: 9900, format: '"$"#,##0.00' },
              { number: MARCH_4, format: 'm/d/yyyy' },
              { number: MARCH_4 - 90, format: 'm/d/yyyy' },
              '006A02',
            ],
            ['Total', '', '', '', { formula: 'SUM(E2:E3)', cached: 22400 }],
          ],
        },
      ]),
    );
    const { context, page, problems } = await openPage(browser, { locale: 'en-US' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await page.getByTestId('import-open').first().click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-file-deals').setInputFiles(file);
    await page.getByTestId('import-check').click();
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    expect(await page.getByTestId('import-mapping-column-7').inputValue()).toBe('id');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The one stage value without a suggestion, chosen with the keyboard alone.
    const qualification = page.getByRole('combobox', { name: 'Stage value “Qualification” is' });
    await qualification.focus();
    await page.keyboard.press('ArrowDown');
    expect(await qualification.inputValue()).toBe('need');
    // The next control in tab order is the next stage value; the check button is reached by Tab too.
    await page.getByTestId('import-mapping-check').focus();
    await page.keyboard.press('Enter');

    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-warnings').textContent()).toContain('Report, row 4');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('import-confirm-demo').click();
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();
    await page.getByTestId('demo-badge').waitFor({ state: 'detached' });
    expect(problems).toEqual([]);
    await context.close();
    expect(exportedIds('after-xlsx.csv')).toEqual(['006A01', '006A02']);
    const rows = readFileSync(join(served.dir, 'after-xlsx.csv'), 'utf8');
    expect(rows).toContain('006A01,Cloud rollout,Acme,Jane Doe,,12500,,need,2026-01-23');
  });

  it('a GBK CSV with Chinese headers, in Chinese and the dark theme', async () => {
    const file = join(served.dir, '商机导出.csv');
    copyFileSync(join(root, 'tests/fixtures/crm/chinese-crm-gbk.csv'), file);
    const { context, page, problems } = await openPage(browser, { locale: 'zh-CN', colorScheme: 'dark' });
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await page.getByTestId('import-open').first().click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-file-deals').setInputFiles(file);
    await page.getByTestId('import-check').click();
    const mapping = page.getByTestId('import-mapping');
    await mapping.waitFor();
    expect(await mapping.textContent()).toContain('已按 GB18030');
    expect(await page.getByRole('combobox', { name: '阶段值“报价”对应' }).inputValue()).toBe('proposal');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('import-mapping-check').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('import-counts').waitFor();
    expect(await page.getByTestId('import-warnings').textContent()).toContain('合计行');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-close').click();
    await expect
      .poll(() =>
        page.getByTestId('deal-row').evaluateAll((r) => r.map((x) => x.getAttribute('data-deal-id'))),
      )
      .toContain('CN-0003');
    expect(problems).toEqual([]);
    await context.close();
    expect(exportedIds('after-gbk.csv')).toEqual([
      '006A01',
      '006A02',
      'CN-0001',
      'CN-0002',
      'CN-0003',
      'CN-0004',
    ]);
    expect(readFileSync(join(served.dir, 'after-gbk.csv'), 'utf8')).toContain(
      'CN-0001,云平台二期,华信科技,张三,华东一组,1234.5',
    );
  });
});
