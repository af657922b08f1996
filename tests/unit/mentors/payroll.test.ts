import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { XlsxFile } from '@shared/contract';
import { openWorkspace } from '@backend/db/connection';
import { createBackend } from '@backend/index';
import { openWorkbook } from '@backend/xlsx/workbook';
import { parseAsOf } from '@shared/time';
import { call } from '../analytics/support';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/analytics', name), 'utf8');

/** The golden workspace (tests/fixtures/analytics) with its mentors, read back from the payroll workbook. */
async function payroll(lang: 'en' | 'zh-CN') {
  const ws = await openWorkspace(':memory:', { create: true });
  const registry = createBackend(ws);
  const files = Object.fromEntries(
    (['deals', 'history', 'stages', 'mentors'] as const).map((k) => [
      k,
      { name: `${k}.csv`, text: fixture(`${k}.csv`) },
    ]),
  );
  await call(registry, 'import.apply', { files });
  const file = await call<XlsxFile>(registry, 'mentors.exportXlsx', {
    asOf: parseAsOf('2026-03-31')! + 1,
    lang,
  });
  const book = openWorkbook(Buffer.from(file.base64, 'base64'));
  return { file, book, rows: (sheet: string) => book.readSheet(sheet).map((r) => r.cells) };
}

describe('the payroll workbook (mentors.exportXlsx)', () => {
  it('pays per mentor per quarter of the close, totals to the cent, and lists the deals behind it', async () => {
    const { file, book, rows } = await payroll('en');
    expect(file.fileName).toBe('mentor-shares-2026-04-01.xlsx');
    expect(book.sheetNames).toEqual(['Shares by quarter', 'Deals']);
    const quarters = rows('Shares by quarter');
    expect(quarters[0]).toEqual(['Mentor', 'Quarter', 'Deals closed', 'Won', 'Won amount', 'Share earned']);
    // Lee: A (1000 × 12.345%) in Q1 and G (400 × 10%) won at 2026-04-01T00:00Z, in Q2.
    expect(quarters.slice(1)).toEqual(
      expect.arrayContaining([
        ['Lee', '2026Q1', '1', '1', '1000', '123.45'],
        ['Lee', '2026Q2', '1', '1', '400', '40'],
        ['陈志强', '2026Q1', '1', '1', '1000', '250'],
      ]),
    );
    expect(quarters.at(-1)).toEqual(['Total', '', '3', '3', '2400', '413.45']);
    const deals = rows('Deals');
    expect(deals[0]).toEqual([
      'Mentor',
      'Deal ID',
      'Deal',
      'Owner',
      'Stage',
      'Outcome',
      'Closed on',
      'Amount',
      'Share %',
      'Share earned',
    ]);
    expect(deals).toEqual(
      expect.arrayContaining([
        ['Lee', 'A', 'Alpha', 'Ann', 'Won', 'Won', '2026-02-10', '1000', '12.345', '123.45'],
        // An open deal is listed with no share earned yet.
        expect.arrayContaining(['陈志强', 'C', 'Gamma', 'Open']),
      ]),
    );
  });

  it('is headed in Chinese when asked', async () => {
    const { file, book, rows } = await payroll('zh-CN');
    expect(file.fileName).toBe('师父分成-2026-04-01.xlsx');
    expect(book.sheetNames).toEqual(['按季度分成', '商机明细']);
    expect(rows('按季度分成').at(-1)![0]).toBe('合计');
  });
});
