/**
 * RFC 4180 CSV, as PRODUCT.md's canonical formats use it. Hand-written rather than a
 * library because errors must name the *physical line* a record starts on, also when
 * earlier cells hold quoted line breaks, and the parser must stream 200k-row files fast.
 */

export interface CsvRecord {
  /** 1-based physical line where the record starts. */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly code: 'csv_unclosed_quote' | 'csv_text_after_quote' | 'csv_quote_in_cell',
    message: string,
  ) {
    super(message);
  }
}

/** Parses a whole file. Blank lines are skipped; a BOM and CRLF are accepted. */
export function parseCsv(input: string): CsvTable {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  let nextQuote = text.indexOf('"');
  while (i < n) {
    const first = text.charCodeAt(i);
    if (first === 10 || first === 13) {
      // A blank line: skipped (a record holding one empty cell is written as "").
      i += first === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      line++;
      continue;
    }
    const startLine = line;
    // Fast path: a record on one line without quotes is split natively (most rows of an
    // export); anything with a quote goes through the full RFC 4180 scanner below. The
    // next quote's position is cached so the look-ahead stays linear over the file.
    if (nextQuote !== -1 && nextQuote < i) nextQuote = text.indexOf('"', i);
    let nl = text.indexOf('\n', i);
    if (nl === -1) nl = n;
    if (nextQuote === -1 || nextQuote > nl) {
      let end = nl;
      if (end > i && text.charCodeAt(end - 1) === 13) end--;
      const cells = text.slice(i, end);
      // A lone CR inside the line is a record end in RFC 4180 terms: leave it to the scanner.
      if (cells.indexOf('\r') === -1) {
        records.push({ line: startLine, cells: cells.split(',') });
        i = nl + 1;
        line++;
        continue;
      }
    }
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      let cell: string;
      if (text.charCodeAt(i) === 34 /* " */) {
        // The line the quote opens on (earlier cells of the record may span lines).
        const quoteLine = line;
        let j = i + 1;
        let out = '';
        for (;;) {
          const q = text.indexOf('"', j);
          if (q === -1)
            throw new CsvSyntaxError(
              quoteLine,
              'csv_unclosed_quote',
              `a quoted cell that starts on line ${quoteLine} is never closed`,
            );
          const chunk = text.slice(j, q);
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
          out += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            out += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        cell = out;
        const c = text.charCodeAt(i);
        if (i < n && c !== 44 && c !== 10 && c !== 13) {
          throw new CsvSyntaxError(
            line,
            'csv_text_after_quote',
            `unexpected text after a closing quote on line ${line}`,
          );
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === 44 || c === 10 || c === 13) break;
          if (c === 34)
            throw new CsvSyntaxError(
              line,
              'csv_quote_in_cell',
              `a quote inside an unquoted cell on line ${line} (quote the whole cell and double the quote)`,
            );
          j++;
        }
        cell = text.slice(i, j);
        i = j;
      }
      cells.push(cell);
      if (i >= n) {
        endOfRecord = true;
      } else {
        const c = text.charCodeAt(i);
        if (c === 44) {
          i++;
          if (i >= n) {
            cells.push('');
            endOfRecord = true;
          }
        } else {
          // CR LF, LF, or a lone CR all end the record.
          if (c === 13 && text.charCodeAt(i + 1) === 10) i += 2;
          else i++;
          line++;
          endOfRecord = true;
        }
      }
    }
    records.push({ line: startLine, cells });
  }
  const first = records.shift();
  return { header: first ? first.cells : [], records };
}

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

/**
 * Against spreadsheet formula injection: a cell starting with = + - @ tab or CR (after
 * any apostrophes) is written with one more leading apostrophe…
 */
export const guardFormula = (value: string): string => (FORMULA_START.test(value) ? `'${value}` : value);

/** …and reading removes exactly that one, so every value survives export → import unchanged. */
export const unguardFormula = (value: string): string =>
  value.charCodeAt(0) === 39 /* ' */ && GUARDED.test(value) ? value.slice(1) : value;

function quote(cell: string): string {
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * Writes rows as CSV: a UTF-8 BOM (so spreadsheet programs read Chinese text correctly),
 * LF line ends, formula guard on every cell.
 */
export function writeCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const out: string[] = ['\ufeff' + header.map(quote).join(',')];
  for (const row of rows) {
    // One empty cell alone would read back as a blank line.
    out.push(row.length === 1 && row[0] === '' ? '""' : row.map((c) => quote(guardFormula(c))).join(','));
  }
  return out.join('\n') + '\n';
}
