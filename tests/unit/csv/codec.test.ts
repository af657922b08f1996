import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, guardFormula, parseCsv, unguardFormula, writeCsv } from '@backend/csv/codec';

describe('parseCsv', () => {
  it('reads RFC 4180 quoting: commas, doubled quotes and line breaks inside quotes', () => {
    const t = parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\nplain,,end\n');
    expect(t.header).toEqual(['a', 'b', 'c']);
    expect(t.records.map((r) => r.cells)).toEqual([
      ['x, y', 'say "hi"', 'two\nlines'],
      ['plain', '', 'end'],
    ]);
  });

  it('numbers records by the physical line they start on, also after quoted line breaks', () => {
    const t = parseCsv('\ufeffh1,h2\n"a\nb\nc",1\n\nx,2\n');
    expect(t.header).toEqual(['h1', 'h2']);
    expect(t.records.map((r) => r.line)).toEqual([2, 6]);
  });

  it('keeps a trailing empty cell and a last line without a line break', () => {
    expect(parseCsv('a,b\n1,').records[0]!.cells).toEqual(['1', '']);
  });

  it('names the line of an unterminated quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a,b\n1,2\n3,"open\n');
    } catch (e) {
      expect((e as CsvSyntaxError).line).toBe(3);
    }
  });

  it('refuses a stray quote inside an unquoted cell', () => {
    expect(() => parseCsv('a\nab"c\n')).toThrow(/line 2/);
  });
});

describe('formula guard', () => {
  const values = ['=SUM(A1)', '+1', '-5', '@cmd', '\tx', '\rx', "'=x", "''+y", "'plain", 'plain', '', "'"];
  it('adds one apostrophe to cells that a spreadsheet would run, and import removes exactly that one', () => {
    expect(guardFormula('=1+1')).toBe("'=1+1");
    expect(guardFormula("'=1")).toBe("''=1");
    expect(guardFormula("'plain")).toBe("'plain");
    for (const v of values) expect(unguardFormula(guardFormula(v))).toBe(v);
  });

  it('round-trips every value through writeCsv and parseCsv', () => {
    const text = writeCsv(
      ['v'],
      values.map((v) => [v]),
    );
    expect(text.startsWith('\ufeff')).toBe(true);
    const back = parseCsv(text).records.map((r) => unguardFormula(r.cells[0]!));
    // A lone CR cell is quoted, so it survives too.
    expect(back).toEqual(values);
  });
});

describe('an unclosed quote', () => {
  it('is reported on the line the quote opens, also when an earlier cell of the record spans lines', () => {
    expect(() => parseCsv('h1,h2\n"a\nb","open\n')).toThrow(
      expect.objectContaining({ line: 3, code: 'csv_unclosed_quote' }),
    );
    expect(() => parseCsv('h1,h2\nx,"open\n')).toThrow(expect.objectContaining({ line: 2 }));
  });
});
