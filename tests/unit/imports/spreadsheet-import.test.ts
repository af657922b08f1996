import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyImport, checkImport } from '@backend/imports/import';
import type { WorkbenchError } from '@shared/result';
import { tempWorkspace } from '../../support/temp';
import { buildXlsx, xlsxFile, type XlsxCell } from '../../support/xlsx';

const HEADER = ['id', 'name', 'amount', 'stage', 'created_at', 'close_date', 'updated_at'];
const MARCH_4 = 46085;
const bytesFile = (name: string, bytes: Uint8Array) => ({
  name,
  data: Buffer.from(bytes).toString('base64'),
});
const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/crm', name));

describe('importing a workbook', () => {
  it('reads the sheet named like the file kind, by value, and keeps text cells as written', async () => {
    const ws = await tempWorkspace();
    const deals: XlsxCell[][] = [
      HEADER,
      [
        '0042',
        "'=SUM(A1)",
        1234.5,
        'need',
        { number: MARCH_4, format: 'yyyy"年"m"月"d"日"' },
        { number: MARCH_4 + 30, format: 14 },
        { number: MARCH_4 + 0.25, format: 'yyyy/m/d h:mm' },
      ],
      ['A-2', '数据中台', { formula: 'C2*2', cached: 2469 }, 'solution', '2026-01-05', '', ''],
    ];
    const book = buildXlsx([
      { name: 'Notes', rows: [['not this one']] },
      { name: 'deals', rows: deals },
    ]);
    const out = applyImport(ws, { deals: xlsxFile('Opportunities.xlsx', book) }, { skipInvalid: false });
    expect(out.imported.deals).toBe(2);
    const d = ws.sqlite.prepare(`select * from deals where id = '0042'`).get() as Record<string, unknown>;
    // The formula guard is a CSV matter: a workbook's text is taken as written.
    expect(d.name).toBe("'=SUM(A1)");
    expect(d.amount_cents).toBe(123_450);
    expect(d.created_at).toBe(Date.UTC(2026, 2, 4));
    expect(d.close_date).toBe('2026-04-03');
    expect(d.updated_at).toBe(Date.UTC(2026, 2, 4, 6));
    expect(ws.sqlite.prepare(`select amount_cents from deals where id = 'A-2'`).pluck().get()).toBe(246_900);
  });

  it('reads the first sheet when none is named like the kind, and says so', async () => {
    const ws = await tempWorkspace();
    const book = buildXlsx([
      { name: 'Export', rows: [HEADER, ['X1', 'n', 1, 'need', '2026-01-01', '', '']] },
      { name: 'Other', rows: [['x']] },
    ]);
    const check = checkImport(ws, { deals: xlsxFile('export.xlsx', book) });
    expect(check.valid).toBe(true);
    expect(check.warnings.map((w) => w.message)).toContain(
      'export.xlsx: no sheet is named "deals"; the first sheet, "Export", was read',
    );
  });

  it('names the sheet and the sheet row of every error, skipping empty rows', async () => {
    const ws = await tempWorkspace();
    const book = buildXlsx([
      {
        name: 'deals',
        rows: [
          HEADER,
          ['X1', 'ok', 1, 'need', '2026-01-01', '', ''],
          { row: 6, cells: ['X2', 'bad', 'lots', 'closing', '2026-01-01', '', ''] },
        ],
      },
    ]);
    const error = (() => {
      try {
        applyImport(ws, { deals: xlsxFile('deals.xlsx', book) }, { skipInvalid: false });
      } catch (e) {
        return e as WorkbenchError;
      }
      throw new Error('the import went through');
    })();
    const check = error.details as ReturnType<typeof checkImport>;
    expect(check.errors.map((e) => [e.sheet, e.line, e.code])).toEqual([
      ['deals', 6, 'amount_invalid'],
      ['deals', 6, 'stage_unknown'],
    ]);
    expect(error.message).toContain('sheet "deals" row 6');
    expect(ws.sqlite.prepare('select count(*) from deals').pluck().get()).toBe(0);
  });

  it('refuses an unreadable workbook as a whole, naming the file, and writes nothing', async () => {
    const ws = await tempWorkspace();
    const broken = bytesFile('Pipeline.xlsx', new TextEncoder().encode('PK\u0003\u0004 not really a zip'));
    expect(() => applyImport(ws, { deals: broken }, { skipInvalid: true })).toThrow(
      /Pipeline\.xlsx cannot be read/,
    );
    const legacy = bytesFile('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(checkImport(ws, { deals: legacy }).errors[0]!.code).toBe('xls_legacy');
    expect(ws.sqlite.prepare('select count(*) from deals').pluck().get()).toBe(0);
  });

  it('reads history, stages, mentors and quotas sheets with the same columns', async () => {
    const ws = await tempWorkspace();
    const out = applyImport(
      ws,
      {
        deals: xlsxFile(
          'd.xlsx',
          buildXlsx([
            { name: 'deals', rows: [HEADER, ['X1', 'n', 10, 'won', '2026-01-01', '', '2026-02-01']] },
          ]),
        ),
        history: xlsxFile(
          'h.xlsx',
          buildXlsx([
            {
              name: 'history',
              rows: [
                ['deal_id', 'field', 'value', 'changed_at'],
                ['X1', 'stage', 'need', { number: 46023, format: 14 }],
                ['X1', 'stage', 'won', { number: 46054, format: 14 }],
              ],
            },
          ]),
        ),
        quotas: xlsxFile(
          'q.xlsx',
          buildXlsx([
            {
              name: 'quotas',
              rows: [
                ['quarter', 'team', 'owner', 'amount'],
                ['2026Q1', '', '', 100000],
              ],
            },
          ]),
        ),
      },
      { skipInvalid: false },
    );
    expect(out.imported).toMatchObject({ deals: 1, history: 2, quotas: 1 });
    expect(ws.sqlite.prepare(`select value, changed_at from deal_history order by changed_at`).all()).toEqual(
      [
        { value: 'need', changed_at: Date.UTC(2026, 0, 1) },
        { value: 'won', changed_at: Date.UTC(2026, 1, 1) },
      ],
    );
  });
});

describe('a CSV that is not UTF-8', () => {
  it('is read as GB18030 with a warning naming the encoding', async () => {
    const ws = await tempWorkspace();
    const out = applyImport(
      ws,
      { deals: bytesFile('deals.csv', fixture('deals-gbk.csv')) },
      { skipInvalid: false },
    );
    expect(out.imported.deals).toBe(2);
    expect(out.warnings.map((w) => w.code)).toContain('encoding_gb18030');
    expect(out.warnings.find((w) => w.code === 'encoding_gb18030')!.message).toMatch(/GB18030/);
    expect(ws.sqlite.prepare(`select name, owner from deals where id = 'G-1'`).get()).toEqual({
      name: '云平台二期',
      owner: '张三',
    });
  });

  it('UTF-8 bytes stay UTF-8 without a warning', async () => {
    const ws = await tempWorkspace();
    const text = 'id,name,stage,created_at\nU1,华信,need,2026-01-01\n';
    const check = checkImport(ws, { deals: bytesFile('deals.csv', new TextEncoder().encode(text)) });
    expect(check.valid).toBe(true);
    expect(check.warnings.map((w) => w.code)).not.toContain('encoding_gb18030');
  });
});

describe('rows a spreadsheet adds below the data', () => {
  const csv = (rows: string[]) => ({
    deals: { name: 'deals.csv', text: ['id,name,amount,stage,created_at', ...rows].join('\n') + '\n' },
  });

  it('reports a totals row by line and leaves it out', async () => {
    for (const label of ['合计', '总计', 'Total', 'Sum', '']) {
      const ws = await tempWorkspace();
      const out = applyImport(
        ws,
        csv(['A,a,100.5,need,2026-01-01', 'B,b,200,need,2026-01-01', `${label},,300.5,,`]),
        { skipInvalid: false },
      );
      expect(out.imported.deals, label).toBe(2);
      expect(
        out.warnings.filter((w) => w.code === 'totals_row').map((w) => w.line),
        label,
      ).toEqual([4]);
    }
  });

  it('keeps a last row that does not add up, or that has an id of its own', async () => {
    const ws = await tempWorkspace();
    const notSum = checkImport(
      ws,
      csv(['A,a,100,need,2026-01-01', 'B,b,200,need,2026-01-01', 'Total,,301,,']),
    );
    expect(notSum.warnings.map((w) => w.code)).not.toContain('totals_row');
    expect(notSum.errors.map((e) => e.line)).toContain(4);
    const realDeal = checkImport(
      ws,
      csv(['A,a,100,need,2026-01-01', 'B,b,200,need,2026-01-01', 'C,c,300,need,2026-01-01']),
    );
    expect(realDeal.valid).toBe(true);
    expect(realDeal.counts.deals.rows).toBe(3);
  });

  it('reports blank rows (a line of commas) by line and leaves them out', async () => {
    const ws = await tempWorkspace();
    const out = applyImport(ws, csv(['A,a,1,need,2026-01-01', ',,,,', ' , ,,,']), { skipInvalid: false });
    expect(out.imported.deals).toBe(1);
    expect(out.warnings.filter((w) => w.code === 'blank_row').map((w) => w.line)).toEqual([3, 4]);
  });

  it('finds a totals row at the bottom of a sheet too, by its sheet row', async () => {
    const ws = await tempWorkspace();
    const book = buildXlsx([
      {
        name: 'deals',
        rows: [
          HEADER,
          ['A', 'a', 1000, 'need', '2026-01-01', '', ''],
          ['B', 'b', 234.5, 'need', '2026-01-01', '', ''],
          { row: 5, cells: ['总计', '', { formula: 'SUM(C2:C3)', cached: 1234.5 }] },
        ],
      },
    ]);
    const out = applyImport(ws, { deals: xlsxFile('deals.xlsx', book) }, { skipInvalid: false });
    expect(out.imported.deals).toBe(2);
    expect(out.warnings.find((w) => w.code === 'totals_row')).toMatchObject({ line: 5, sheet: 'deals' });
  });
});
