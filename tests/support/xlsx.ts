/**
 * Builds small .xlsx workbooks from raw SpreadsheetML for tests, with fflate's zip. Written
 * by hand rather than by a spreadsheet library so the reader under test is checked against
 * the format itself: date serials, number formats (custom and built-in by id alone), the
 * 1904 date system, shared and inline strings and formulas with cached values are exactly
 * what a test says they are.
 */
import { strToU8, zipSync } from 'fflate';

/** A cell: text (a shared string), a number, or one of the explicit kinds. */
export type XlsxCell =
  | string
  | number
  | null
  | { inline: string }
  | { number: number; format: string | number }
  | { formula: string; cached: number | string; format?: string | number }
  | { raw: string; type: string };

export interface XlsxSheet {
  name: string;
  /** Rows from row 1; a row given as `{ row, cells }` sits at that sheet row (gaps are empty rows). */
  rows: (XlsxCell[] | { row: number; cells: XlsxCell[] })[];
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const column = (i: number): string => {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

/** The bytes of a workbook with these sheets (the first sheet is the active one). */
export function buildXlsx(sheets: XlsxSheet[], options: { date1904?: boolean } = {}): Uint8Array {
  const strings: string[] = [];
  const stringIndex = new Map<string, number>();
  const shared = (s: string) => {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  };
  // Style 0 is General; each distinct format gets a cellXfs entry.
  const customCodes: string[] = [];
  const xfs: number[] = [0];
  const styleOf = (format: string | number): number => {
    let id: number;
    if (typeof format === 'number') id = format;
    else {
      let k = customCodes.indexOf(format);
      if (k === -1) k = customCodes.push(format) - 1;
      id = 164 + k;
    }
    let s = xfs.indexOf(id);
    if (s === -1) s = xfs.push(id) - 1;
    return s;
  };

  const sheetXml = sheets.map((sheet) => {
    let rowNumber = 0;
    const rows = sheet.rows.map((r) => {
      const { row, cells } = Array.isArray(r) ? { row: rowNumber + 1, cells: r } : r;
      rowNumber = row;
      const cs = cells
        .map((c, i) => {
          const ref = `${column(i)}${row}`;
          if (c === null) return '';
          if (typeof c === 'string') return `<c r="${ref}" t="s"><v>${shared(c)}</v></c>`;
          if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
          if ('inline' in c) return `<c r="${ref}" t="inlineStr"><is><t>${esc(c.inline)}</t></is></c>`;
          if ('raw' in c) return `<c r="${ref}" t="${c.type}"><v>${esc(c.raw)}</v></c>`;
          if ('formula' in c) {
            const s = c.format === undefined ? '' : ` s="${styleOf(c.format)}"`;
            const t = typeof c.cached === 'string' ? ' t="str"' : '';
            return `<c r="${ref}"${s}${t}><f>${esc(c.formula)}</f><v>${esc(String(c.cached))}</v></c>`;
          }
          return `<c r="${ref}" s="${styleOf(c.format)}"><v>${c.number}</v></c>`;
        })
        .join('');
      return `<row r="${row}">${cs}</row>`;
    });
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  });

  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join(
        '',
      )}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/workbook.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${ns}">${options.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets
      .map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`),
    'xl/_rels/workbook.xml.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${ns}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join(
        '',
      )}<Relationship Id="rIdS" Type="${ns}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="${ns}/styles" Target="styles.xml"/></Relationships>`),
  };
  sheetXml.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml)));
  files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings
    .map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`)
    .join('')}</sst>`);
  files['xl/styles.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="${customCodes.length}">${customCodes
    .map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${esc(c)}"/>`)
    .join(
      '',
    )}</numFmts><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="${xfs.length}">${xfs
    .map((id) => `<xf numFmtId="${id}" xfId="0" applyNumberFormat="1"/>`)
    .join('')}</cellXfs></styleSheet>`);
  return zipSync(files);
}

/** A workbook as the import contract carries it. */
export const xlsxFile = (name: string, bytes: Uint8Array) => ({
  name,
  data: Buffer.from(bytes).toString('base64'),
});
