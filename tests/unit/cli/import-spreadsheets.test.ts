import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';
import { buildXlsx } from '../../support/xlsx';

const root = resolve(__dirname, '../../..');
const funnel = (env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'funnel.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
const MARCH_4 = 46085;

describe('funnel import with spreadsheets and other encodings', () => {
  it('imports an .xlsx by value, the same in any machine time zone', () => {
    const dir = tempDir();
    const book = join(dir, 'Pipeline.xlsx');
    writeFileSync(
      book,
      buildXlsx([
        {
          name: 'deals',
          rows: [
            ['id', 'name', 'amount', 'stage', 'created_at', 'updated_at'],
            [
              '0042',
              '云平台',
              1234.5,
              'need',
              { number: MARCH_4, format: 'yyyy/m/d' },
              { number: MARCH_4 + 0.5, format: 'yyyy-mm-dd hh:mm' },
            ],
          ],
        },
      ]),
    );
    const exports: string[] = [];
    for (const TZ of ['Asia/Shanghai', 'America/Los_Angeles']) {
      const db = join(dir, `${TZ.replace('/', '-')}.db`);
      const r = funnel({ TZ }, 'import', '--db', db, '--deals', book);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/Imported 1 deals/);
      const out = join(dir, `${TZ.replace('/', '-')}.csv`);
      expect(funnel({ TZ }, 'export', 'deals', '--db', db, '--out', out).status).toBe(0);
      exports.push(readFileSync(out, 'utf8'));
    }
    expect(exports[0]!.split('\n')[1]).toMatch(
      /^0042,云平台,,,,1234\.5,,need,2026-03-04(T00:00:00(\.000)?Z)?,,pipeline,,,,2026-03-04T12:00/,
    );
    expect(exports[0]).toBe(exports[1]);
  }, 60_000);

  it('names the sheet and row of a bad row; an unreadable workbook exits 1 naming it and creates nothing', () => {
    const dir = tempDir();
    const book = join(dir, 'deals.xlsx');
    writeFileSync(
      book,
      buildXlsx([
        {
          name: 'deals',
          rows: [['id', 'stage', 'created_at'], { row: 3, cells: ['X1', 'closing', '2026-01-01'] }],
        },
      ]),
    );
    const db = join(dir, 'w.db');
    const bad = funnel({}, 'import', '--db', db, '--deals', book);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`error: ${book}, sheet "deals", row 3: stage "closing"`);
    expect(existsSync(db)).toBe(false);

    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'id,stage,created_at\n');
    const r = funnel({}, 'import', '--db', db, '--deals', broken);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/broken\.xlsx cannot be read as an \.xlsx workbook/);
    expect(existsSync(db)).toBe(false);
  }, 60_000);

  it('reads a GBK CSV as GB18030 and warns naming the encoding', () => {
    const dir = tempDir();
    const gbk = join(dir, 'deals.csv');
    copyFileSync(join(root, 'tests/fixtures/crm/deals-gbk.csv'), gbk);
    const db = join(dir, 'w.db');
    const r = funnel({}, 'import', '--db', db, '--deals', gbk);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*deals\.csv: deals\.csv is not UTF-8: read as GB18030/);
    const out = join(dir, 'out.csv');
    expect(funnel({}, 'export', 'deals', '--db', db, '--out', out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('G-1,云平台二期,华信科技,张三');
  }, 60_000);
});
