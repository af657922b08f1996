import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { openWorkbook, WorkbookError } from '@backend/xlsx/workbook';
import { isDateFormat } from '@backend/xlsx/date-format';
import { buildXlsx, type XlsxCell } from '../../support/xlsx';

/** 2026-03-04 in the 1900 date system (Excel shows 46085 for it) and in the 1904 one. */
const MARCH_4 = 46085;
const MARCH_4_1904 = MARCH_4 - 1462;

const one = (cells: XlsxCell[], options: { date1904?: boolean } = {}) => {
  const book = openWorkbook(buildXlsx([{ name: 'deals', rows: [cells] }], options));
  return book.readSheet('deals')[0]!.cells;
};

const tz = process.env.TZ;
afterEach(() => {
  if (tz === undefined) delete process.env.TZ;
  else process.env.TZ = tz;
});

describe('reading a workbook by value', () => {
  it('keeps text as written, numbers as the shortest round-tripping decimal', () => {
    expect(
      one([
        '0042',
        '  spaced  ',
        "'=SUM(A1)",
        1234.5,
        { raw: '0.10000000000000001', type: 'n' },
        { raw: '0.30000000000000004', type: 'n' },
        { raw: '1E-3', type: 'n' },
        { inline: '内联 text' },
        { raw: '1', type: 'b' },
        { raw: '#N/A', type: 'e' },
      ]),
    ).toEqual([
      '0042',
      '  spaced  ',
      "'=SUM(A1)",
      '1234.5',
      '0.1',
      '0.30000000000000004',
      '0.001',
      '内联 text',
      'TRUE',
      '#N/A',
    ]);
  });

  it('reads date cells by their number format, built-in or custom, as YYYY-MM-DD', () => {
    const cells = one([
      { number: MARCH_4, format: 14 }, // built-in m/d/yyyy
      { number: MARCH_4, format: 'yyyy/m/d' },
      { number: MARCH_4, format: 'yyyy"年"m"月"d"日"' },
      { number: MARCH_4, format: 31 }, // zh-CN built-in 年月日, never written out by Excel/WPS
      { number: MARCH_4, format: '[$-804]yyyy-mm-dd;@' },
      { number: MARCH_4, format: 'd-mmm-yy' },
    ]);
    expect(cells).toEqual(Array(6).fill('2026-03-04'));
  });

  it('reads a time of day as a UTC timestamp to the millisecond, in any machine time zone', () => {
    const noon = MARCH_4 + 0.5;
    const precise = MARCH_4 + (12 * 3600 + 34 * 60 + 56.789) / 86400;
    for (const zone of ['Asia/Shanghai', 'America/Los_Angeles', 'UTC']) {
      process.env.TZ = zone;
      expect(
        one([
          { number: noon, format: 'yyyy-mm-dd hh:mm' },
          { number: precise, format: 'yyyy/m/d h:mm:ss.000' },
          { raw: '2026-03-04T05:06:07', type: 'd' },
          { raw: '2026-03-04', type: 'd' },
        ]),
        zone,
      ).toEqual([
        '2026-03-04T12:00:00.000Z',
        '2026-03-04T12:34:56.789Z',
        '2026-03-04T05:06:07.000Z',
        '2026-03-04',
      ]);
    }
  });

  it('counts dates from 1904 in a workbook that says so', () => {
    expect(one([{ number: MARCH_4_1904, format: 14 }, 1462], { date1904: true })).toEqual([
      '2026-03-04',
      '1462',
    ]);
  });

  it('reads formulas by their cached value, dates included', () => {
    expect(
      one([
        { formula: 'A2*2', cached: 84 },
        { formula: 'CONCAT("00","42")', cached: '0042' },
        { formula: 'DATE(2026,3,4)', cached: MARCH_4, format: 'yyyy/m/d' },
      ]),
    ).toEqual(['84', '0042', '2026-03-04']);
  });

  it('keeps number formats that are not dates as numbers', () => {
    for (const format of [
      '#,##0.00',
      '0.00%',
      '"¥"#,##0.00',
      '[Red]#,##0;[Blue]-#,##0',
      '0.00E+00',
      'General',
      '#,##0 "元"',
      4,
      10,
    ])
      expect(one([{ number: 1234.5, format }])[0], String(format)).toBe('1234.5');
  });

  it('skips empty rows and numbers the others by their sheet row', () => {
    const book = openWorkbook(
      buildXlsx([
        {
          name: 'Sheet1',
          rows: [
            ['a', 'b'],
            { row: 4, cells: [null, 'x'] },
            { row: 5, cells: [null, null] },
            { row: 7, cells: ['y'] },
          ],
        },
      ]),
    );
    expect(book.readSheet('Sheet1')).toEqual([
      { row: 1, cells: ['a', 'b'] },
      { row: 4, cells: ['', 'x'] },
      { row: 7, cells: ['y'] },
    ]);
  });

  it('reads parts whose elements carry a namespace prefix (as the OpenXML SDK writes them)', () => {
    const files = unzipSync(
      buildXlsx([
        {
          name: 'deals',
          rows: [
            ['id', 'amount'],
            ['0042', { number: MARCH_4, format: 14 }],
          ],
        },
      ]),
    );
    const prefix = (xml: string) =>
      xml
        .replace(
          /<(\/?)(worksheet|sheetData|row|c|v|is|t|sst|si|workbook|workbookPr|sheets|sheet)\b/g,
          '<$1x:$2',
        )
        .replace(
          /xmlns="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/g,
          'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
        );
    for (const part of ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml'])
      files[part] = strToU8(prefix(strFromU8(files[part]!)));
    expect(strFromU8(files['xl/worksheets/sheet1.xml']!)).toContain('<x:c r="A2" t="s">');
    const book = openWorkbook(zipSync(files));
    expect(book.sheetNames).toEqual(['deals']);
    expect(book.readSheet('deals')).toEqual([
      { row: 1, cells: ['id', 'amount'] },
      { row: 2, cells: ['0042', '2026-03-04'] },
    ]);
  });

  it('joins rich-text runs and leaves phonetic guides out of shared strings', () => {
    const files = unzipSync(buildXlsx([{ name: 'deals', rows: [['RICH', 'a_x000D_b']] }]));
    const sst = strFromU8(files['xl/sharedStrings.xml']!).replace(
      '<si><t xml:space="preserve">RICH</t></si>',
      '<si><r><rPr><b/></rPr><t>华信</t></r><r><t xml:space="preserve"> 科技</t></r><rPh sb="0" eb="2"><t>カシン</t></rPh></si>',
    );
    files['xl/sharedStrings.xml'] = strToU8(sst);
    expect(openWorkbook(zipSync(files)).readSheet('deals')[0]!.cells).toEqual(['华信 科技', 'a\rb']);
  });

  it('refuses bytes that are not a workbook with a reason', () => {
    expect(() => openWorkbook(new TextEncoder().encode('id,stage\n1,need\n'))).toThrow(WorkbookError);
    const bytes = buildXlsx([{ name: 'deals', rows: [['a']] }]);
    expect(() => openWorkbook(bytes.slice(0, bytes.length / 2))).toThrow(WorkbookError);
  });
});

describe('date formats', () => {
  it('tells date and time formats from number formats', () => {
    for (const f of [
      'yyyy/m/d',
      'm/d/yy',
      'h:mm',
      '[h]:mm:ss',
      'yyyy"年"m"月"d"日"',
      'mmm-yy',
      '[$-F800]dddd, mmmm dd, yyyy',
    ])
      expect(isDateFormat(200, f), f).toBe(true);
    for (const f of [
      '0',
      '0.00',
      '#,##0',
      '0%',
      '0.00E+00',
      '"days"0',
      '\\d0',
      '_(* #,##0_)',
      '[Red]0.0',
      'General',
      '@',
    ])
      expect(isDateFormat(200, f), f).toBe(false);
    expect(isDateFormat(14, undefined)).toBe(true);
    expect(isDateFormat(58, undefined)).toBe(true);
    expect(isDateFormat(4, undefined)).toBe(false);
  });
});

describe('properties', () => {
  it('a number cell reads back as String(n), which parses to the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        // Excel writes up to 17 significant digits; toPrecision(17) is that form.
        const [text] = one([{ raw: n.toPrecision(17), type: 'n' }]);
        expect(text).toBe(String(n));
        // === rather than Object.is: -0 reads as "0", the same number to anyone but Object.is.
        expect(Number(text) === n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a date serial reads back as the instant it stands for, to the millisecond', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1900, 2, 1), max: Date.UTC(9999, 11, 31) }),
        fc.boolean(),
        (ms, date1904) => {
          const serial = ms / 86_400_000 + 25_569 - (date1904 ? 1462 : 0);
          const [text] = one([{ number: serial, format: 'yyyy-mm-dd hh:mm:ss' }], { date1904 });
          const iso = new Date(ms).toISOString();
          expect(text).toBe(ms % 86_400_000 === 0 ? iso.slice(0, 10) : iso);
        },
      ),
      { numRuns: 200 },
    );
  });
});
