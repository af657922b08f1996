/**
 * Reads the values of an .xlsx workbook (Office Open XML, ECMA-376): zip entries unpacked
 * by fflate, XML read by saxes. Only what an import needs — sheet names, the date system,
 * number formats, shared strings and each cell's stored value (formulas by their cached
 * value) — so a sheet of 200k rows is read in one pass without building a document tree.
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { dateSerialText, isoCellText, numberText } from './cell-text';
import { isDateFormat } from './date-format';

/** A row of a sheet: its 1-based sheet row number and its cells from column A, as text. */
export interface SheetRow {
  row: number;
  cells: string[];
}

export interface Workbook {
  sheetNames: string[];
  /** The rows of a sheet that hold at least one value (empty rows are skipped). */
  readSheet(name: string): SheetRow[];
}

/** A workbook that cannot be read: not a zip, a part missing, broken XML. */
export class WorkbookError extends Error {}

/** An unpacked part larger than this is refused (a zip bomb would otherwise fill the memory). */
const MAX_PART_BYTES = 1024 * 1024 * 1024;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);
/** OOXML writes control characters as _xHHHH_ in strings. */
const unescapeOoxml = (s: string) =>
  s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;

/** Runs a SAX pass over one XML part; a syntax error becomes a WorkbookError naming the part. */
function scan(
  part: string,
  xml: string,
  on: {
    open?: (name: string, attrs: Record<string, string>) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void {
  const parser = new SaxesParser();
  if (on.open) {
    const open = on.open;
    parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes));
  }
  if (on.close) {
    const close = on.close;
    parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  }
  if (on.text) {
    parser.on('text', on.text);
    parser.on('cdata', on.text);
  }
  try {
    parser.write(xml).close();
  } catch (e) {
    throw new WorkbookError(`${part}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** An attribute by local name (`r:id`, `id`), whatever the prefix the writer chose. */
function attr(attrs: Record<string, string>, name: string): string | undefined {
  if (attrs[name] !== undefined) return attrs[name];
  for (const [k, v] of Object.entries(attrs)) if (localName(k) === name) return v;
  return undefined;
}

/** Resolves a relationship target against the folder of the part that declares it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** A part's relationships: id → {type, target part}. */
function relationships(
  files: Record<string, Uint8Array>,
  part: string,
): Map<string, { type: string; target: string }> {
  const relsPath = part.includes('/')
    ? `${part.slice(0, part.lastIndexOf('/'))}/_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`
    : `_rels/${part}.rels`;
  const rels = new Map<string, { type: string; target: string }>();
  const xml = text(files, relsPath);
  if (xml === null) return rels;
  scan(relsPath, xml, {
    open: (name, a) => {
      if (name !== 'Relationship' || attr(a, 'TargetMode') === 'External') return;
      rels.set(attr(a, 'Id') ?? '', {
        type: attr(a, 'Type') ?? '',
        target: resolvePart(part, attr(a, 'Target') ?? ''),
      });
    },
  });
  return rels;
}

const decoder = new TextDecoder('utf-8');
function text(files: Record<string, Uint8Array>, path: string): string | null {
  const bytes = files[path];
  return bytes ? decoder.decode(bytes) : null;
}

/** Column letters of a cell reference (`AB12` → 27, 0-based), or -1 without one. */
function columnIndex(ref: string | undefined): number {
  if (!ref) return -1;
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return i === 0 ? -1 : n - 1;
}

/** Opens a workbook from its bytes; throws WorkbookError when it cannot be read. */
export function openWorkbook(bytes: Uint8Array): Workbook {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_PART_BYTES) throw new WorkbookError(`${f.name} is larger than 1 GiB`);
        return f.name.endsWith('.xml') || f.name.endsWith('.rels');
      },
    });
  } catch (e) {
    if (e instanceof WorkbookError) throw e;
    throw new WorkbookError(`not an .xlsx workbook (${e instanceof Error ? e.message : String(e)})`);
  }

  // The package's root relationships name the workbook part (almost always xl/workbook.xml).
  const root = relationships(files, '');
  const bookPath =
    [...root.values()].find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookXml = text(files, bookPath);
  if (bookXml === null) throw new WorkbookError(`no workbook part (${bookPath}): not an .xlsx workbook`);
  const bookRels = relationships(files, bookPath);

  const sheets: { name: string; path: string }[] = [];
  let date1904 = false;
  scan(bookPath, bookXml, {
    open: (name, a) => {
      if (name === 'workbookPr') {
        const v = attr(a, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rel = bookRels.get(attr(a, 'id') ?? '');
        // Chart sheets and dialog sheets have no cells.
        if (rel?.type.endsWith('/worksheet')) sheets.push({ name: attr(a, 'name') ?? '', path: rel.target });
      }
    },
  });
  const relOf = (suffix: string) => [...bookRels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const strings = readSharedStrings(files, relOf('/sharedStrings'));
  const dateStyles = readDateStyles(files, relOf('/styles'));

  return {
    sheetNames: sheets.map((s) => s.name),
    readSheet(name) {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new WorkbookError(`no sheet named "${name}"`);
      const xml = text(files, sheet.path);
      if (xml === null) throw new WorkbookError(`sheet "${name}" has no part ${sheet.path}`);
      return readRows(sheet.path, xml, strings, dateStyles, date1904);
    },
  };
}

/** Shared strings in order; rich text runs joined, phonetic guides (rPh) left out. */
function readSharedStrings(files: Record<string, Uint8Array>, path: string | undefined): string[] {
  const out: string[] = [];
  const xml = path ? text(files, path) : null;
  if (xml === null) return out;
  let current = '';
  let inT = false;
  let inPhonetic = 0;
  scan(path!, xml, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') inPhonetic++;
    },
    close: (name) => {
      if (name === 'si') out.push(unescapeOoxml(current));
      else if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic--;
    },
    text: (t) => {
      if (inT && inPhonetic === 0) current += t;
    },
  });
  return out;
}

/** Which cell styles (cellXfs index) show numbers as dates. */
function readDateStyles(files: Record<string, Uint8Array>, path: string | undefined): boolean[] {
  const styles: boolean[] = [];
  const xml = path ? text(files, path) : null;
  if (xml === null) return styles;
  const codes = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  scan(path!, xml, {
    open: (name, a) => {
      if (name === 'numFmt') codes.set(Number(attr(a, 'numFmtId')), attr(a, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfIds.push(Number(attr(a, 'numFmtId') ?? 0));
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  for (const id of xfIds) styles.push(isDateFormat(id, codes.get(id)));
  return styles;
}

/** The rows of one sheet part, cells as text by value. */
function readRows(
  part: string,
  xml: string,
  strings: string[],
  dateStyles: boolean[],
  date1904: boolean,
): SheetRow[] {
  const rows: SheetRow[] = [];
  let row: SheetRow | null = null;
  let rowNumber = 0;
  let col = -1;
  let cell: { type: string; style: number; value: string; inline: string } | null = null;
  let reading: 'v' | 't' | null = null;
  let inInline = false;
  let inPhonetic = 0;

  const finishCell = () => {
    if (!cell || !row) return;
    const { type, style, value, inline } = cell;
    let out: string;
    if (type === 's') {
      const s = strings[Number(value)];
      if (value === '' || s === undefined)
        throw new WorkbookError(`${part}: a cell names shared string ${value}, which does not exist`);
      out = s;
    } else if (type === 'inlineStr') out = unescapeOoxml(inline);
    else if (type === 'str' || type === 'e')
      out = unescapeOoxml(value); // formula text, or its error (#N/A)
    else if (type === 'b') out = value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    else if (type === 'd') out = value === '' ? '' : (isoCellText(value) ?? value);
    else if (value === '') out = '';
    else {
      const n = Number(value);
      if (Number.isNaN(n)) throw new WorkbookError(`${part}: a number cell holds "${value}"`);
      out = dateStyles[style] ? dateSerialText(n, date1904) : numberText(n);
    }
    if (out !== '') {
      while (row.cells.length < col) row.cells.push('');
      row.cells[col] = out;
    }
    cell = null;
  };

  // Cell and row attributes are unprefixed in every writer's output (SpreadsheetML puts them
  // in no namespace), so they are read directly: this loop runs once per cell.
  scan(part, xml, {
    open: (name, a) => {
      if (name === 'row') {
        const r = Number(a.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        row = { row: rowNumber, cells: [] };
        col = -1;
      } else if (name === 'c' && row) {
        const ref = columnIndex(a.r);
        col = ref >= 0 ? ref : col + 1;
        cell = { type: a.t ?? 'n', style: Number(a.s ?? 0), value: '', inline: '' };
      } else if (name === 'v' && cell) reading = 'v';
      else if (name === 'is') inInline = true;
      else if (name === 't' && inInline) reading = 't';
      else if (name === 'rPh') inPhonetic++;
    },
    close: (name) => {
      if (name === 'row') {
        if (row && row.cells.length) rows.push(row);
        row = null;
      } else if (name === 'c') finishCell();
      else if (name === 'v' || name === 't') reading = null;
      else if (name === 'is') inInline = false;
      else if (name === 'rPh') inPhonetic--;
    },
    text: (t) => {
      if (!cell) return;
      if (reading === 'v') cell.value += t;
      else if (reading === 't' && inPhonetic === 0) cell.inline += t;
    },
  });
  return rows;
}
