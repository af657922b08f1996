/**
 * The slice of SOQL the fake Salesforce understands: what the Salesforce connector and the
 * jsforce realism test send. `SELECT fields | COUNT() FROM object [WHERE …] [ORDER BY …]
 * [LIMIT n] [OFFSET n]`, with relationship paths (`Owner.UserRole.Name`), `AND`/`OR`/`NOT`,
 * `= != <> < <= > >= LIKE IN NOT IN`, string, number, boolean, null, date and datetime
 * literals. Anything else is refused the way Salesforce refuses it: a SoqlError with
 * MALFORMED_QUERY and the row/column of the offending token, so a connector that drifts
 * from real SOQL fails here instead of passing against a lenient fake.
 */

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' }
  | { type: 'date'; value: string }
  | { type: 'datetime'; value: number };

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; part: Condition }
  | { kind: 'compare'; path: string[]; op: CompareOp; value: Literal; column: number }
  | { kind: 'in'; path: string[]; negated: boolean; values: Literal[]; column: number };

export type CompareOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE';

export interface FieldRef {
  path: string[];
  column: number;
}

export interface SoqlQuery {
  text: string;
  /** null: `COUNT()`. */
  fields: FieldRef[] | null;
  object: string;
  objectColumn: number;
  where: Condition | null;
  orderBy: { field: FieldRef; descending: boolean; nullsLast: boolean }[];
  limit: number | null;
  offset: number | null;
}

/** Salesforce's error envelope for a query it will not run. */
export class SoqlError extends Error {
  constructor(
    readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE',
    message: string,
  ) {
    super(message);
    this.name = 'SoqlError';
  }
}

/**
 * The message Salesforce writes for a query error: the query line, a caret under the
 * column, the position, then the reason (jsforce and people read the last line).
 */
export function positioned(text: string, column: number, reason: string): string {
  const line = text.replace(/\s+/g, ' ');
  return `\n${line}\n${' '.repeat(Math.max(0, column - 1))}^\nERROR at Row:1:Column:${column}\n${reason}`;
}

interface Token {
  kind: 'word' | 'string' | 'number' | 'date' | 'datetime' | 'op' | 'punct' | 'end';
  text: string;
  /** 1-based, as Salesforce reports it. */
  column: number;
  value?: string | number;
}

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?(Z|[+-]\d{2}:\d{2}|[+-]\d{4})/;
const DATE = /^\d{4}-\d{2}-\d{2}(?![\dT])/;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const bad = (at: number, what: string) =>
    new SoqlError('MALFORMED_QUERY', positioned(text, at + 1, `unexpected token: ${what}`));
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const rest = text.slice(i);
    const dt = DATETIME.exec(rest);
    if (dt) {
      const [, y, mo, d, h, mi, s, frac, zone] = dt;
      let offset = 0;
      if (zone !== 'Z') {
        const digits = zone!.replace(':', '');
        offset = (zone![0] === '-' ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
      }
      const ms =
        Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) +
        Number((frac ?? '0').padEnd(3, '0')) -
        offset * 60_000;
      tokens.push({ kind: 'datetime', text: dt[0], column: i + 1, value: ms });
      i += dt[0].length;
      continue;
    }
    const date = DATE.exec(rest);
    if (date) {
      tokens.push({ kind: 'date', text: date[0], column: i + 1, value: date[0] });
      i += date[0].length;
      continue;
    }
    if (c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== "'"; j++) {
        if (text[j] === '\\') {
          const next = text[++j];
          const escapes: Record<string, string> = {
            n: '\n',
            r: '\r',
            t: '\t',
            b: '\b',
            f: '\f',
            "'": "'",
            '"': '"',
            '\\': '\\',
            _: '\\_',
            '%': '\\%',
          };
          if (next === undefined || !(next in escapes)) throw bad(j, `\\${next ?? ''}`);
          value += escapes[next];
        } else value += text[j];
      }
      if (j >= text.length) throw bad(i, text.slice(i, i + 20));
      tokens.push({ kind: 'string', text: text.slice(i, j + 1), column: i + 1, value });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(rest);
    if (num) {
      tokens.push({ kind: 'number', text: num[0], column: i + 1, value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0], column: i + 1 });
      i += word[0].length;
      continue;
    }
    const op = /^(<=|>=|!=|<>|=|<|>)/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[0] === '<>' ? '!=' : op[0], column: i + 1 });
      i += op[0].length;
      continue;
    }
    if ('(),'.includes(c)) {
      tokens.push({ kind: 'punct', text: c, column: i + 1 });
      i++;
      continue;
    }
    throw bad(i, c);
  }
  tokens.push({ kind: 'end', text: '<EOF>', column: text.length + 1 });
  return tokens;
}

const KEYWORDS = new Set([
  'SELECT',
  'FROM',
  'WHERE',
  'AND',
  'OR',
  'NOT',
  'IN',
  'LIKE',
  'ORDER',
  'BY',
  'ASC',
  'DESC',
  'NULLS',
  'FIRST',
  'LAST',
  'LIMIT',
  'OFFSET',
  'TRUE',
  'FALSE',
  'NULL',
  'COUNT',
]);

export function parseSoql(text: string): SoqlQuery {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const fail = (t: Token): never => {
    throw new SoqlError('MALFORMED_QUERY', positioned(text, t.column, `unexpected token: ${t.text}`));
  };
  const isKeyword = (t: Token, k: string) => t.kind === 'word' && t.text.toUpperCase() === k;
  const expectKeyword = (k: string) => {
    const t = next();
    if (!isKeyword(t, k)) fail(t);
  };
  const expectPunct = (p: string) => {
    const t = next();
    if (t.kind !== 'punct' || t.text !== p) fail(t);
  };
  const field = (): FieldRef => {
    const t = next();
    if (t.kind !== 'word' || KEYWORDS.has(t.text.toUpperCase())) fail(t);
    return { path: t.text.split('.'), column: t.column };
  };

  expectKeyword('SELECT');
  let fields: FieldRef[] | null = [];
  if (isKeyword(peek(), 'COUNT') && tokens[pos + 1]?.text === '(') {
    pos++;
    expectPunct('(');
    expectPunct(')');
    fields = null;
  } else {
    fields.push(field());
    while (peek().text === ',') {
      pos++;
      fields.push(field());
    }
  }
  expectKeyword('FROM');
  const objectToken = next();
  if (objectToken.kind !== 'word' || objectToken.text.includes('.')) fail(objectToken);

  const literal = (): Literal => {
    const t = next();
    switch (t.kind) {
      case 'string':
        return { type: 'string', value: t.value as string };
      case 'number':
        return { type: 'number', value: t.value as number };
      case 'date':
        return { type: 'date', value: t.value as string };
      case 'datetime':
        return { type: 'datetime', value: t.value as number };
      case 'word': {
        const k = t.text.toUpperCase();
        if (k === 'TRUE' || k === 'FALSE') return { type: 'boolean', value: k === 'TRUE' };
        if (k === 'NULL') return { type: 'null' };
        return fail(t);
      }
      default:
        return fail(t);
    }
  };

  const atom = (): Condition => {
    const t = peek();
    if (t.text === '(') {
      pos++;
      const inner = disjunction();
      expectPunct(')');
      return inner;
    }
    if (isKeyword(t, 'NOT')) {
      pos++;
      return { kind: 'not', part: atom() };
    }
    const f = field();
    const op = next();
    if (isKeyword(op, 'IN') || (isKeyword(op, 'NOT') && isKeyword(peek(), 'IN'))) {
      const negated = isKeyword(op, 'NOT');
      if (negated) pos++;
      expectPunct('(');
      const values = [literal()];
      while (peek().text === ',') {
        pos++;
        values.push(literal());
      }
      expectPunct(')');
      return { kind: 'in', path: f.path, negated, values, column: f.column };
    }
    if (isKeyword(op, 'LIKE'))
      return { kind: 'compare', path: f.path, op: 'LIKE', value: literal(), column: f.column };
    if (op.kind !== 'op') fail(op);
    return { kind: 'compare', path: f.path, op: op.text as CompareOp, value: literal(), column: f.column };
  };

  // SOQL has no precedence between AND and OR: mixing them on one level without
  // parentheses is a syntax error ("unexpected token: OR"), so the fake refuses it too.
  const disjunction = (): Condition => {
    const first = atom();
    const joiner = peek();
    if (!isKeyword(joiner, 'AND') && !isKeyword(joiner, 'OR')) return first;
    const kind = joiner.text.toUpperCase() === 'AND' ? 'and' : 'or';
    const parts = [first];
    while (isKeyword(peek(), 'AND') || isKeyword(peek(), 'OR')) {
      const t = next();
      if (t.text.toUpperCase() !== kind.toUpperCase()) fail(t);
      parts.push(atom());
    }
    return { kind, parts };
  };

  let where: Condition | null = null;
  if (isKeyword(peek(), 'WHERE')) {
    pos++;
    where = disjunction();
  }
  const orderBy: SoqlQuery['orderBy'] = [];
  if (isKeyword(peek(), 'ORDER')) {
    pos++;
    expectKeyword('BY');
    do {
      if (orderBy.length) pos++;
      const f = field();
      let descending = false;
      if (isKeyword(peek(), 'ASC') || isKeyword(peek(), 'DESC'))
        descending = next().text.toUpperCase() === 'DESC';
      // SOQL's default: nulls first when ascending, last when descending.
      let nullsLast = descending;
      if (isKeyword(peek(), 'NULLS')) {
        pos++;
        const t = next();
        if (!isKeyword(t, 'FIRST') && !isKeyword(t, 'LAST')) fail(t);
        nullsLast = isKeyword(t, 'LAST');
      }
      orderBy.push({ field: f, descending, nullsLast });
    } while (peek().text === ',');
  }
  const count = (): number => {
    const t = next();
    if (t.kind !== 'number' || !Number.isInteger(t.value) || (t.value as number) < 0) fail(t);
    return t.value as number;
  };
  let limit: number | null = null;
  let offset: number | null = null;
  if (isKeyword(peek(), 'LIMIT')) {
    pos++;
    limit = count();
  }
  if (isKeyword(peek(), 'OFFSET')) {
    pos++;
    offset = count();
  }
  if (peek().kind !== 'end') fail(peek());
  return {
    text,
    fields,
    object: objectToken.text,
    objectColumn: objectToken.column,
    where,
    orderBy,
    limit,
    offset,
  };
}
