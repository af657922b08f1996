import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, guardFormula, parseCsv, unguardFormula, writeCsv } from '@backend/csv/codec';

/**
 * The canonical CSV contract (PRODUCT.md, "Canonical CSV formats") as the user meets it:
 * RFC 4180 quoting, LF / CRLF / blank lines, a BOM, errors that name the physical line, and
 * a formula guard under which every value survives export → import unchanged.
 */

const rowsOf = (text: string) => parseCsv(text).records.map((r) => r.cells);
const linesOf = (text: string) => parseCsv(text).records.map((r) => r.line);

/** The error parseCsv throws for `text` (fails the test when it throws none, or another kind). */
function syntaxError(text: string): CsvSyntaxError {
  try {
    parseCsv(text);
  } catch (e) {
    expect(e).toBeInstanceOf(CsvSyntaxError);
    return e as CsvSyntaxError;
  }
  throw new Error(`parseCsv accepted ${JSON.stringify(text)}`);
}

describe('parseCsv: line ends and blank lines', () => {
  it('skips blank lines of every kind and numbers records by their physical line', () => {
    // LF blank lines, two in a row.
    const lf = 'h\n\n\nabc\n\nxyz\n';
    expect(rowsOf(lf)).toEqual([['abc'], ['xyz']]);
    expect(linesOf(lf)).toEqual([4, 6]);
    // CRLF blank lines, two in a row.
    const crlf = 'h\r\n\r\n\r\nabc\r\n\r\nxyz\r\n';
    expect(rowsOf(crlf)).toEqual([['abc'], ['xyz']]);
    expect(linesOf(crlf)).toEqual([4, 6]);
  });

  it('reads a file that mixes LF and CRLF line ends (a CRLF blank line after an LF line)', () => {
    const text = 'h\nab\n\r\ncd\r\n\nef';
    expect(rowsOf(text)).toEqual([['ab'], ['cd'], ['ef']]);
    expect(linesOf(text)).toEqual([2, 4, 6]);
  });

  it('treats a lone CR (classic Mac line end) as the end of a record, as RFC 4180 readers do', () => {
    const text = 'h\ra,b\rc\r\rd';
    const t = parseCsv(text);
    expect(t.header).toEqual(['h']);
    expect(t.records.map((r) => r.cells)).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(t.records.map((r) => r.line)).toEqual([2, 3, 5]);
    // A lone CR inside an otherwise LF-terminated line splits it too.
    expect(rowsOf('h\nx\ry\n')).toEqual([['x'], ['y']]);
    // …also right after a quoted cell: nothing after the CR is lost.
    expect(rowsOf('h\n"a"\rbc\n')).toEqual([['a'], ['bc']]);
  });

  it('ends an unquoted last cell at CRLF in a record that also holds quoted cells', () => {
    const text = 'id,name\r\n"1","Acme, Inc."\r\n"2",plain\r\n3,"x"\r\nlast,one\r\n';
    const t = parseCsv(text);
    expect(t.records.map((r) => r.cells)).toEqual([
      ['1', 'Acme, Inc.'],
      ['2', 'plain'],
      ['3', 'x'],
      ['last', 'one'],
    ]);
    expect(t.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
  });

  it('counts the lines of quoted CRLF line breaks once each', () => {
    const text = 'h1,h2\r\n"a\r\nb",1\r\nnext,2\r\n';
    const t = parseCsv(text);
    expect(t.records.map((r) => r.cells)).toEqual([
      ['a\r\nb', '1'],
      ['next', '2'],
    ]);
    expect(t.records.map((r) => r.line)).toEqual([2, 4]);
  });

  it('reads an empty file, or one of blank lines only, as no header and no records', () => {
    for (const text of ['', '\ufeff', '\n', '\r\n\r\n']) {
      expect(parseCsv(text)).toEqual({ header: [], records: [] });
    }
  });

  it('drops a BOM at the start of the file only', () => {
    expect(parseCsv('\ufeffid,name\n1,a\n').header).toEqual(['id', 'name']);
    // A BOM-like character elsewhere is data.
    expect(rowsOf('id\n\ufeffx\n')).toEqual([['\ufeffx']]);
  });
});

describe('parseCsv: quoted cells', () => {
  it('reads a quoted cell right after an empty first cell', () => {
    const t = parseCsv(',"a,b"\n1,2\n');
    expect(t.header).toEqual(['', 'a,b']);
    expect(t.records.map((r) => r.cells)).toEqual([['1', '2']]);
  });

  it('reads a last line without a line break that ends in a quoted cell', () => {
    expect(rowsOf('h1,h2\n"a",b')).toEqual([['a', 'b']]);
    expect(rowsOf('h1,h2\n1,"x, y"')).toEqual([['1', 'x, y']]);
    expect(rowsOf('h\n"only"')).toEqual([['only']]);
  });

  it('keeps a trailing empty cell after a quoted cell at the end of the file', () => {
    expect(rowsOf('h1,h2\n"a",')).toEqual([['a', '']]);
    expect(rowsOf('h1,h2,h3\n"a",,')).toEqual([['a', '', '']]);
    expect(rowsOf('h1,h2\n"a",\nb,c')).toEqual([
      ['a', ''],
      ['b', 'c'],
    ]);
  });

  it('reads a record of one empty quoted cell (how writeCsv writes it) as one empty cell', () => {
    expect(rowsOf('h\n""\nx\n')).toEqual([[''], ['x']]);
  });
});

describe('parseCsv: errors name the physical line', () => {
  it('an unclosed quote: the line the record starts on, in the code and in the message', () => {
    const e = syntaxError('a,b\n1,2\n3,"open\nmore\n');
    expect(e.code).toBe('csv_unclosed_quote');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/\bline 3\b/);
    expect(e.message).toMatch(/never closed/);
  });

  it('text after a closing quote: the line of the closing quote, also after quoted line breaks', () => {
    const e = syntaxError('h1,h2\n"a\nb"x,1\n');
    expect(e.code).toBe('csv_text_after_quote');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/\bline 3\b/);
    expect(e.message).toMatch(/after a closing quote/);
    // A quote followed by a space before the comma is the same mistake.
    const spaced = syntaxError('h\nok\n"a" ,b\n');
    expect(spaced).toMatchObject({ code: 'csv_text_after_quote', line: 3 });
    expect(spaced.message).toMatch(/\bline 3\b/);
  });

  it('a quote inside an unquoted cell: its code and line, also in a record that starts earlier', () => {
    const e = syntaxError('h1,h2\nx,1\nab"c,2\n');
    expect(e.code).toBe('csv_quote_in_cell');
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/\bline 3\b/);
    const late = syntaxError('h1,h2\n"multi\nline",c"d\n');
    expect(late).toMatchObject({ code: 'csv_quote_in_cell', line: 3 });
    expect(late.message).toMatch(/\bline 3\b/);
  });

  it('accepts a quoted cell that ends the file, and refuses text after it', () => {
    expect(() => parseCsv('h\n"x"')).not.toThrow();
    expect(syntaxError('h\n"x"y')).toMatchObject({ code: 'csv_text_after_quote', line: 2 });
  });
});

describe('formula guard', () => {
  it('leaves an apostrophe that guards nothing alone, also when a formula character follows later', () => {
    for (const v of ["'a'=b", "'x+1", "'n'-2", "'", "''", "'a"]) {
      expect(unguardFormula(v)).toBe(v);
      expect(unguardFormula(guardFormula(v))).toBe(v);
    }
    // Only apostrophes may precede the formula character for the guard to count.
    expect(unguardFormula("'a'=b")).toBe("'a'=b");
    expect(unguardFormula("''=b")).toBe("'=b");
  });

  it('guards every formula start, after any number of apostrophes, and nothing else', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) {
      expect(guardFormula(`${c}x`)).toBe(`'${c}x`);
      expect(guardFormula(`''${c}x`)).toBe(`'''${c}x`);
      expect(unguardFormula(`'${c}x`)).toBe(`${c}x`);
      expect(guardFormula(`x${c}`)).toBe(`x${c}`);
    }
    for (const v of ['plain', '1', '', ' =x', "'plain", '华信']) expect(guardFormula(v)).toBe(v);
  });
});

describe('writeCsv', () => {
  it('writes a row whose first cell is empty as that row, not as one empty cell', () => {
    const text = writeCsv(['id', 'name'], [['', 'x'], [''], ['', '']]);
    expect(text).toBe('\ufeffid,name\n,x\n""\n,\n');
    expect(rowsOf(text)).toEqual([['', 'x'], [''], ['', '']]);
  });

  it('quotes cells with commas, quotes and line breaks, guards formulas, ends every line with LF', () => {
    const text = writeCsv(
      ['a', 'b,c'],
      [
        ['x,y', 'say "hi"'],
        ['=1+1', 'two\nlines'],
        ['\r', '-'],
      ],
    );
    expect(text).toBe('\ufeffa,"b,c"\n"x,y","say ""hi"""\n\'=1+1,"two\nlines"\n"\'\r",\'-\n');
  });
});

/**
 * A reference encoder for the property below: RFC 4180 with a choice of line end, of
 * quoting (only where needed, or every cell), a BOM or not, blank lines between records
 * and a final line end or not — the shapes real exports (Excel, CRMs, this app) come in.
 */
interface Shape {
  eol: '\n' | '\r\n';
  quoteAll: boolean;
  bom: boolean;
  finalEol: boolean;
  blanks: number[];
}

function encode(rows: string[][], shape: Shape): { text: string; lines: number[] } {
  const q = (c: string) => (shape.quoteAll || /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  let text = shape.bom ? '\ufeff' : '';
  let line = 1;
  const lines: number[] = [];
  rows.forEach((row, r) => {
    for (let b = 0; b < (shape.blanks[r] ?? 0); b++) {
      text += shape.eol;
      line++;
    }
    lines.push(line);
    text += row.length === 1 && row[0] === '' ? '""' : row.map(q).join(',');
    line += row.join('').split('\n').length - 1;
    if (r < rows.length - 1 || shape.finalEol) text += shape.eol;
    line++;
  });
  return { text, lines };
}

const cell = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\n', '\r', "'", '=', '-', '华'),
  maxLength: 6,
});
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });
const shape: fc.Arbitrary<Shape> = fc.record({
  eol: fc.constantFrom('\n' as const, '\r\n' as const),
  quoteAll: fc.boolean(),
  bom: fc.boolean(),
  finalEol: fc.boolean(),
  blanks: fc.array(fc.nat({ max: 2 }), { maxLength: 8 }),
});

describe('properties', () => {
  it('reads every RFC 4180 file back cell for cell, each record numbered by its physical line', () => {
    fc.assert(
      fc.property(table, shape, (rows, s) => {
        const { text, lines } = encode(rows, s);
        const t = parseCsv(text);
        expect([t.header, ...t.records.map((r) => r.cells)]).toEqual(rows);
        expect(t.records.map((r) => r.line)).toEqual(lines.slice(1));
      }),
      { numRuns: 400 },
    );
  });

  it('every value survives writeCsv → parseCsv → unguardFormula unchanged', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const text = writeCsv(['h1', 'h2'], rows);
        expect(text.startsWith('\ufeffh1,h2\n')).toBe(true);
        expect(text.endsWith('\n')).toBe(true);
        const t = parseCsv(text);
        expect(t.header).toEqual(['h1', 'h2']);
        expect(t.records.map((r) => r.cells.map(unguardFormula))).toEqual(rows);
        // No written cell starts a formula in a spreadsheet.
        for (const r of t.records) for (const c of r.cells) expect(/^[=+\-@\t\r]/.test(c)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
