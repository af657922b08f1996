import type { FakeCrm } from './fake';
import {
  LOST_REASON_FIELD,
  OrgRenderer,
  SALESFORCE_USERS,
  orgSchema,
  sfDateTime,
  sfId,
  type FieldDef,
  type ObjectDef,
  type Row,
} from './salesforce-org';
import { FakeHttpServer, type Reply, type SeenRequest } from './server';
import { parseSoql, positioned, SoqlError, type Condition, type Literal, type SoqlQuery } from './soql';
import { expectedRows, World, type WorldDeal, type WorldUser } from './world';

/**
 * A scripted Salesforce REST API over a World, in Salesforce's shapes: SOQL through
 * `/services/data/vXX.X/query` and `/queryAll` (records with `attributes`, `totalSize`,
 * `done`, `nextRecordsUrl` cursors of `Sforce-Query-Options: batchSize`), sObject
 * describe, and Salesforce's error envelope (`[{"message","errorCode"}]`) for bad
 * sessions, malformed queries, unknown objects and fields, dead cursors and the daily
 * API limit. Every answer carries `Sforce-Limit-Info: api-usage=N/M`.
 *
 * Deleted opportunities (and their history rows) stay in the recycle bin for 15 days:
 * `queryAll` returns them with IsDeleted = true, `query` never does; `world.purge`, or
 * the clock passing 15 days when a `now` is given, empties the bin.
 */

export const RECYCLE_BIN_MS = 15 * 86_400_000;
const HISTORY_OBJECTS = new Set(['opportunityhistory', 'opportunityfieldhistory']);
const DEFAULT_BATCH = 2000;

export interface SalesforceOptions {
  users?: WorldUser[];
  token?: string;
  orgName?: string;
  /** Multiple currencies on: Opportunity has CurrencyIsoCode. */
  multiCurrency?: boolean;
  /** The org's clock, for the recycle bin's 15 days; without it only `world.purge` empties the bin. */
  now?: () => number;
  /** The org's daily API request allowance. */
  apiLimit?: number;
}

interface Cursor {
  records: unknown[];
  batch: number;
}

export class FakeSalesforce implements FakeCrm {
  readonly kind = 'salesforce' as const;
  readonly world: World;
  readonly http: FakeHttpServer;
  readonly token: string;
  readonly orgId = sfId('00D', 1);
  readonly orgName: string;
  historyEnabled = true;
  /**
   * Raw JSON values that make a record unreadable (Amount "abc", CreatedDate null), by
   * field name in any case; expected() leaves the record out.
   */
  readonly corrupt = new Map<string, Record<string, unknown>>();
  /** Fields Salesforce adds to a record that no connector knows (a new release, a package). */
  readonly extra = new Map<string, Record<string, unknown>>();
  /** Requests counted today (the `N` of api-usage=N/M), and the allowance `M`. */
  apiUsage = 0;
  apiLimit: number;
  /**
   * The largest batch the org hands out whatever the client asks: Salesforce promises
   * no batch size ("there is no guarantee that the requested batch size is the actual
   * batch size"), so a client must follow nextRecordsUrl in any case.
   */
  maxBatchSize: number | null = null;
  private readonly renderer: OrgRenderer;
  private readonly schema: Map<string, ObjectDef>;
  private readonly now: (() => number) | null;
  private readonly cursors = new Map<string, Cursor>();
  private cursorCount = 0;

  constructor(options: SalesforceOptions = {}) {
    // Salesforce keeps datetimes to the second.
    // Copies: a test may edit its users (a role taken away) without touching the next test's.
    this.world = new World(
      (options.users ?? SALESFORCE_USERS).map((u) => ({ ...u })),
      (n) => sfId('006', n),
      (at) => Math.floor(at / 1000) * 1000,
    );
    this.token = options.token ?? '00D5g000004ExAmP!AQ0AQFakeAccessToken';
    this.orgName = options.orgName ?? '华东销售有限公司';
    this.apiLimit = options.apiLimit ?? 15_000;
    this.now = options.now ?? null;
    this.schema = orgSchema(options.multiCurrency ?? false);
    this.renderer = new OrgRenderer(this.world, {
      multiCurrency: options.multiCurrency ?? false,
      orgName: this.orgName,
    });
    this.http = new FakeHttpServer(
      (req) => this.route(req),
      (req) =>
        req.headers.authorization === `Bearer ${this.token}`
          ? null
          : {
              status: 401,
              headers: { 'www-authenticate': 'Token' },
              body: [{ message: 'Session expired or invalid', errorCode: 'INVALID_SESSION_ID' }],
            },
    );
  }

  get url(): string {
    return this.http.url;
  }

  start(): Promise<string> {
    return this.http.start();
  }

  stop(): Promise<void> {
    return this.http.stop();
  }

  /** Every open query cursor dies (Salesforce drops them after 15 idle minutes, or past 10 per user). */
  expireCursors(): void {
    this.cursors.clear();
  }

  /**
   * The canonical rows, with Salesforce's own rules: LastActivityDate is a day (its 00:00
   * UTC), the lost reason comes only from the field the connection is told to read, and
   * corrupted records are quarantined, so they are not expected.
   */
  expected(options: { sweptAt?: number; lostReasonField?: string } = {}) {
    const rows = expectedRows(this.world, { sweptAt: options.sweptAt, history: this.historyEnabled });
    const kept = (id: string) => !this.corrupt.has(id);
    return {
      deals: rows.deals
        .filter((d) => kept(d.id))
        .map((d) => ({
          ...d,
          last_activity_at:
            d.last_activity_at === null ? null : Math.floor(d.last_activity_at / 86_400_000) * 86_400_000,
          lost_reason: options.lostReasonField === LOST_REASON_FIELD ? d.lost_reason : '',
        })),
      history: rows.history.filter((h) => kept(h.deal_id)),
    };
  }

  private route(req: SeenRequest): Reply {
    this.emptyRecycleBin();
    const m = /^\/services\/data\/v(\d+\.\d)\/(.*)$/.exec(req.path);
    if (!m) return notFound();
    if (this.apiUsage >= this.apiLimit)
      return this.answer(403, [
        { message: 'TotalRequests Limit exceeded.', errorCode: 'REQUEST_LIMIT_EXCEEDED' },
      ]);
    this.apiUsage++;
    if (req.method !== 'GET')
      return this.answer(405, [
        {
          message: `HTTP Method '${req.method}' not allowed. Allowed are GET`,
          errorCode: 'METHOD_NOT_ALLOWED',
        },
      ]);
    const version = m[1]!;
    const rest = m[2]!.replace(/\/$/, '');
    const batch = this.batchSize(req);
    if (rest === 'query' || rest === 'queryAll') {
      const q = req.query.get('q');
      if (!q)
        return this.answer(400, [
          { message: 'A query string has to be specified', errorCode: 'MALFORMED_QUERY' },
        ]);
      return this.query(q, rest === 'queryAll', version, batch);
    }
    const more = /^(?:query|queryAll)\/(01g[0-9A-Za-z]{15})-(\d+)$/.exec(rest);
    if (more) return this.more(more[1]!, Number(more[2]), version, batch);
    const describe = /^sobjects\/(\w+)\/describe$/.exec(rest);
    if (describe && !this.withoutDescribe) return this.describe(describe[1]!, version);
    return this.answer(404, NOT_FOUND);
  }

  private answer(status: number, body: unknown): Reply {
    return { status, body, headers: { 'sforce-limit-info': `api-usage=${this.apiUsage}/${this.apiLimit}` } };
  }

  /**
   * Sforce-Query-Options: batchSize=N. Salesforce's range is 200–2,000; the fake takes
   * any N from 1 so a test pages through a handful of records.
   */
  private batchSize(req: SeenRequest): number {
    const header = req.headers['sforce-query-options'];
    const m = /batchSize\s*=\s*(\d+)/i.exec(Array.isArray(header) ? header.join(',') : (header ?? ''));
    const asked = m ? Math.min(DEFAULT_BATCH, Math.max(1, Number(m[1]))) : DEFAULT_BATCH;
    return Math.min(asked, this.maxBatchSize ?? asked);
  }

  private emptyRecycleBin(): void {
    if (!this.now) return;
    const now = this.now();
    for (const d of this.world.known())
      if (d.deletedAt !== null && now - d.deletedAt >= RECYCLE_BIN_MS) this.world.purge(d.id);
  }

  private query(text: string, all: boolean, version: string, batch: number): Reply {
    let result: { totalSize: number; records: unknown[] | null };
    try {
      result = this.run(parseSoql(text), all, version);
    } catch (e) {
      if (e instanceof SoqlError) return this.answer(400, [{ message: e.message, errorCode: e.errorCode }]);
      throw e;
    }
    if (result.records === null)
      return this.answer(200, { totalSize: result.totalSize, done: true, records: [] });
    const records = result.records;
    if (records.length <= batch) return this.answer(200, { totalSize: records.length, done: true, records });
    const locator = sfId('01g', ++this.cursorCount);
    this.cursors.set(locator, { records, batch });
    return this.answer(200, {
      totalSize: records.length,
      done: false,
      nextRecordsUrl: `/services/data/v${version}/query/${locator}-${batch}`,
      records: records.slice(0, batch),
    });
  }

  /** The next batch of an open cursor, from the offset its nextRecordsUrl names. */
  private more(locator: string, offset: number, version: string, batch: number): Reply {
    const cursor = this.cursors.get(locator);
    if (!cursor || offset > cursor.records.length)
      return this.answer(400, [{ message: 'invalid query locator', errorCode: 'INVALID_QUERY_LOCATOR' }]);
    const end = offset + batch;
    const done = end >= cursor.records.length;
    if (done) this.cursors.delete(locator);
    return this.answer(200, {
      totalSize: cursor.records.length,
      done,
      ...(done ? {} : { nextRecordsUrl: `/services/data/v${version}/query/${locator}-${end}` }),
      records: cursor.records.slice(offset, end),
    });
  }

  /** A server without sObject describe (a reduced proxy): the connector must cope. */
  withoutDescribe = false;

  private describe(name: string, version: string): Reply {
    const def = this.schema.get(name.toLowerCase());
    if (!def || (!this.historyEnabled && HISTORY_OBJECTS.has(name.toLowerCase())))
      return this.answer(404, [{ message: `The requested resource does not exist`, errorCode: 'NOT_FOUND' }]);
    const base = `/services/data/v${version}/sobjects/${def.name}`;
    return this.answer(200, {
      name: def.name,
      label: def.label,
      labelPlural: `${def.label}s`,
      keyPrefix: def.keyPrefix,
      custom: false,
      queryable: true,
      retrieveable: true,
      searchable: def.name === 'Opportunity' || def.name === 'Account',
      createable: !HISTORY_OBJECTS.has(def.name.toLowerCase()),
      deletable: !HISTORY_OBJECTS.has(def.name.toLowerCase()),
      undeletable: def.name === 'Opportunity' || def.name === 'Account',
      fields: def.fields.map((fd) => ({
        name: fd.name,
        label: fd.label,
        type: fd.type,
        custom: fd.custom ?? false,
        nillable: fd.nillable ?? true,
        filterable: fd.type !== 'anyType',
        sortable: true,
        groupable: !['currency', 'percent', 'double', 'datetime', 'anyType'].includes(fd.type),
        length: ['string', 'picklist', 'textarea'].includes(fd.type) ? 255 : 0,
        referenceTo: fd.referenceTo ? [fd.referenceTo] : [],
        relationshipName: fd.relationshipName ?? null,
        updateable: !fd.name.startsWith('Is') && fd.type !== 'id' && !fd.name.endsWith('Date'),
      })),
      childRelationships: [],
      recordTypeInfos: [],
      urls: { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` },
    });
  }

  /** Runs a parsed query: the matching rows projected to Salesforce's JSON, or null for COUNT(). */
  private run(q: SoqlQuery, all: boolean, version: string): { totalSize: number; records: unknown[] | null } {
    const def = this.schema.get(q.object.toLowerCase());
    if (!def || (!this.historyEnabled && HISTORY_OBJECTS.has(q.object.toLowerCase())))
      // What a user without access to an object (or an org without it) gets back.
      throw new SoqlError(
        'INVALID_TYPE',
        positioned(
          q.text,
          q.objectColumn,
          `sObject type '${q.object}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`,
        ),
      );
    const context = new QueryContext(this.schema, (object) => this.renderer.rows(object), q);
    const fields = q.fields?.map((f) => ({ ...context.resolve(def, f.path, f.column), column: f.column }));
    const orderBy = q.orderBy.map((o) => ({
      ...o,
      resolved: context.resolve(def, o.field.path, o.field.column),
    }));
    if (q.where) context.check(def, q.where);

    let rows = this.renderer.rows(def.name, this.dealsNamedBy(def, q.where));
    if (!all && def.fields.some((f) => f.name === 'IsDeleted'))
      rows = rows.filter((r) => r.values.IsDeleted !== true);
    if (q.where) rows = rows.filter((r) => context.matches(r, q.where!));
    if (orderBy.length)
      rows.sort((a, b) => {
        for (const o of orderBy) {
          const c = compareForSort(
            context.value(a, o.resolved),
            context.value(b, o.resolved),
            o.resolved.field,
            o,
          );
          if (c !== 0) return c;
        }
        return 0;
      });
    rows = rows.slice(q.offset ?? 0, q.limit === null ? undefined : (q.offset ?? 0) + q.limit);
    if (!fields) return { totalSize: rows.length, records: null };
    return { totalSize: rows.length, records: rows.map((r) => this.project(r, fields, context, version)) };
  }

  /** History queries name their deals (`OpportunityId IN (…)`): only those are rendered. */
  private dealsNamedBy(def: ObjectDef, where: Condition | null): WorldDeal[] | undefined {
    if (!HISTORY_OBJECTS.has(def.name.toLowerCase()) || !where) return undefined;
    const parts = where.kind === 'and' ? where.parts : [where];
    for (const p of parts) {
      if (p.kind === 'in' && !p.negated && p.path.join('.').toLowerCase() === 'opportunityid')
        return p.values.flatMap((v) => {
          const d = v.type === 'string' ? this.world.deals.get(v.value) : undefined;
          return d && !d.purged ? [d] : [];
        });
    }
    return undefined;
  }

  private project(row: Row, fields: Resolved[], context: QueryContext, version: string): unknown {
    const record: Record<string, unknown> = { attributes: attributes(row, version) };
    for (const f of fields) {
      // A relationship whose record is absent is written as null, once, in place of the object.
      let node = record;
      let current: Row | null = row;
      for (const rel of f.relationships) {
        const name = rel.relationshipName!;
        const next: Row | null = node[name] === null ? null : context.follow(current!, rel);
        if (!next) {
          node[name] = null;
          current = null;
          break;
        }
        node[name] ??= { attributes: attributes(next, version) };
        node = node[name] as Record<string, unknown>;
        current = next;
      }
      if (current) node[f.field.name] = json(current.values[f.field.name], f.field);
    }
    if (row.type === 'Opportunity') {
      const id = row.values.Id as string;
      // Field names as a scenario written for every CRM spells them (`amount`) are
      // matched to the org's (`Amount`), the way SOQL matches names.
      const canonical = new Map(
        this.schema.get('opportunity')!.fields.map((f) => [f.name.toLowerCase(), f.name]),
      );
      const selected = new Set(fields.filter((f) => !f.relationships.length).map((f) => f.field.name));
      for (const [k, v] of Object.entries(this.corrupt.get(id) ?? {})) {
        const name = canonical.get(k.toLowerCase()) ?? k;
        if (selected.has(name) || !canonical.has(k.toLowerCase())) record[name] = v;
      }
      for (const [k, v] of Object.entries(this.extra.get(id) ?? {})) record[k] = v;
    }
    return record;
  }
}

interface Resolved {
  relationships: FieldDef[];
  field: FieldDef;
}

const attributes = (row: Row, version: string) => ({
  type: row.type,
  url: `/services/data/v${version}/sobjects/${row.type}/${String(row.values.Id)}`,
});

/** A value as Salesforce writes it in JSON. */
function json(value: unknown, field: FieldDef): unknown {
  if (value === undefined || value === null) return null;
  if (field.type === 'datetime' && typeof value === 'number') return sfDateTime(value);
  return value;
}

const NOT_FOUND = [{ message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' }];
/** Outside the versioned API (no limits to report there). */
const notFound = (): Reply => ({ status: 404, body: NOT_FOUND });

const STRING_TYPES = new Set(['string', 'textarea', 'picklist']);
const NUMBER_TYPES = new Set(['currency', 'percent', 'double', 'int']);

/** Field paths resolved against the schema, and filters evaluated on rows. */
class QueryContext {
  private readonly index = new Map<string, Map<string, Row>>();

  constructor(
    private readonly schema: Map<string, ObjectDef>,
    private readonly rowsOf: (object: string) => Row[],
    private readonly q: SoqlQuery,
  ) {}

  /** `Owner.UserRole.Name` on Opportunity → the relationships to follow and the field, or INVALID_FIELD. */
  resolve(def: ObjectDef, path: string[], column: number): Resolved {
    const relationships: FieldDef[] = [];
    let object = def;
    for (let i = 0; i < path.length - 1; i++) {
      const rel = object.fields.find((f) => f.relationshipName?.toLowerCase() === path[i]!.toLowerCase());
      const next = rel?.referenceTo ? this.schema.get(rel.referenceTo.toLowerCase()) : undefined;
      if (!rel || !next)
        throw new SoqlError(
          'INVALID_FIELD',
          positioned(
            this.q.text,
            column,
            `Didn't understand relationship '${path[i]}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`,
          ),
        );
      relationships.push(rel);
      object = next;
    }
    const name = path.at(-1)!;
    const field = object.fields.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (!field)
      throw new SoqlError(
        'INVALID_FIELD',
        positioned(
          this.q.text,
          column,
          `No such column '${name}' on entity '${object.name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
        ),
      );
    return { relationships, field };
  }

  /** Refuses filters Salesforce refuses: unknown fields, anyType, a literal of the wrong type. */
  check(def: ObjectDef, c: Condition): void {
    if (c.kind === 'not') return this.check(def, c.part);
    if (c.kind !== 'compare' && c.kind !== 'in') return c.parts.forEach((p) => this.check(def, p));
    const { field } = this.resolve(def, c.path, c.column);
    const bad = (reason: string) => {
      throw new SoqlError('INVALID_FIELD', positioned(this.q.text, c.column, reason));
    };
    if (field.type === 'anyType') bad(`field '${field.name}' can not be filtered in a query call`);
    const values = c.kind === 'in' ? c.values : [c.value];
    for (const v of values) {
      if (v.type === 'null') continue;
      const expected = literalType(field);
      if (v.type !== expected)
        bad(
          `value of filter criterion for field '${field.name}' must be of type ${expected === 'datetime' ? 'dateTime' : expected}${expected === 'string' ? '' : ' and should not be enclosed in quotes'}`,
        );
    }
    if (c.kind === 'compare' && c.op === 'LIKE' && !STRING_TYPES.has(field.type) && field.type !== 'id')
      bad(`invalid operator on ${field.type} field: LIKE`);
  }

  follow(row: Row, rel: FieldDef): Row | null {
    const id = row.values[rel.name];
    if (typeof id !== 'string') return null;
    let rows = this.index.get(rel.referenceTo!);
    if (!rows)
      this.index.set(
        rel.referenceTo!,
        (rows = new Map(this.rowsOf(rel.referenceTo!).map((r) => [r.values.Id as string, r]))),
      );
    return rows.get(id) ?? null;
  }

  value(row: Row, r: Resolved): unknown {
    let current: Row | null = row;
    for (const rel of r.relationships) current = current ? this.follow(current, rel) : null;
    return current ? (current.values[r.field.name] ?? null) : null;
  }

  matches(row: Row, c: Condition): boolean {
    switch (c.kind) {
      case 'and':
        return c.parts.every((p) => this.matches(row, p));
      case 'or':
        return c.parts.some((p) => this.matches(row, p));
      case 'not':
        return !this.matches(row, c.part);
      case 'in': {
        const def = this.schema.get(row.type.toLowerCase())!;
        const r = this.resolve(def, c.path, c.column);
        const v = this.value(row, r);
        const found = c.values.some((l) => compare(v, l, r.field) === 0);
        return c.negated ? !found : found;
      }
      case 'compare': {
        const def = this.schema.get(row.type.toLowerCase())!;
        const r = this.resolve(def, c.path, c.column);
        const v = this.value(row, r);
        if (c.value.type === 'null') {
          if (c.op === '=') return v === null;
          if (c.op === '!=') return v !== null;
          return false;
        }
        // A null field matches only `!=` (SOQL's three-valued logic stops there).
        if (v === null) return c.op === '!=';
        if (c.op === 'LIKE') return like(String(v), c.value.type === 'string' ? c.value.value : '');
        const d = compare(v, c.value, r.field);
        switch (c.op) {
          case '=':
            return d === 0;
          case '!=':
            return d !== 0;
          case '<':
            return d < 0;
          case '<=':
            return d <= 0;
          case '>':
            return d > 0;
          default:
            return d >= 0;
        }
      }
    }
  }
}

function literalType(field: FieldDef): Literal['type'] {
  if (field.type === 'datetime') return 'datetime';
  if (field.type === 'date') return 'date';
  if (field.type === 'boolean') return 'boolean';
  if (NUMBER_TYPES.has(field.type)) return 'number';
  return 'string';
}

/**
 * Order of a value against a literal: ids compare as written (case matters, as in the
 * keys Salesforce sorts by), text case-insensitively, as SOQL's collation does.
 */
function compare(value: unknown, literal: Literal, field: FieldDef): number {
  if (literal.type === 'null') return value === null ? 0 : 1;
  if (value === null || value === undefined) return -1;
  const other = literal.value;
  return compareValues(value, other, field);
}

function compareValues(a: unknown, b: unknown, field: FieldDef): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  let x = String(a);
  let y = String(b);
  if (STRING_TYPES.has(field.type)) {
    x = x.toLowerCase();
    y = y.toLowerCase();
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareForSort(
  a: unknown,
  b: unknown,
  field: FieldDef,
  o: { descending: boolean; nullsLast: boolean },
): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an && bn ? 0 : an === o.nullsLast ? 1 : -1;
  const c = compareValues(a, b, field);
  return o.descending ? -c : c;
}

/** SOQL LIKE: `%` any run, `_` one character, case-insensitive; `\%` and `\_` are literal. */
function like(value: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) re += `\\${pattern[++i]}`;
    else if (c === '%') re += '.*';
    else if (c === '_') re += '.';
    else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 'is').test(value);
}
