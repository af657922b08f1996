import type { FakeCrm } from './fake';
import { FakeHttpServer, type Reply, type SeenRequest } from './server';
import { expectedRows, World, type ForecastCategory, type WorldDeal, type WorldUser } from './world';

/**
 * A scripted HubSpot CRM v3 API over a World, with HubSpot's request and response
 * shapes: account details, deal pipelines, owners with teams, deal search (filter groups,
 * one sort, `after` offsets capped at 10,000 results), batch read with
 * propertiesWithHistory (at most 50 inputs, history newest first), v4 deal→company
 * associations, company batch read, the archived-deals list and the live-deals list.
 * Ties on hs_lastmodifieddate come back in an order unrelated to the id, as HubSpot
 * promises no order among equal sort values.
 */

/** The workspace stage key → HubSpot's stage id in the default pipeline. */
export const HUBSPOT_STAGES: Record<
  string,
  { id: string; label: string; probability: string; closed: boolean }
> = {
  need: { id: 'appointmentscheduled', label: 'Need confirmed', probability: '0.1', closed: false },
  solution: { id: 'qualifiedtobuy', label: 'Solution exchange', probability: '0.25', closed: false },
  proposal: {
    id: 'presentationscheduled',
    label: 'Proposal & comparison',
    probability: '0.45',
    closed: false,
  },
  negotiation: { id: 'decisionmakerboughtin', label: 'Negotiation', probability: '0.65', closed: false },
  contract: { id: 'contractsent', label: 'Contract', probability: '0.85', closed: false },
  won: { id: 'closedwon', label: 'Closed won', probability: '1.0', closed: true },
  lost: { id: 'closedlost', label: 'Closed lost', probability: '0.0', closed: true },
};

const FORECAST: Record<ForecastCategory, string> = {
  pipeline: 'PIPELINE',
  best_case: 'BEST_CASE',
  commit: 'COMMIT',
  omitted: 'OMIT',
  closed: 'CLOSED',
};

export const HUBSPOT_SEARCH_CAP = 10_000;
const HISTORY_BATCH_MAX = 50;
const iso = (ms: number) => new Date(ms).toISOString();

export interface HubSpotOptions {
  users?: WorldUser[];
  token?: string;
  portalId?: number;
}

export class FakeHubSpot implements FakeCrm {
  readonly kind = 'hubspot' as const;
  readonly world: World;
  readonly http: FakeHttpServer;
  readonly token: string;
  readonly portalId: number;
  historyEnabled = true;
  /** Routes this portal does not offer, to prove the connector copes (`GET /account-info/v3/details`, …). */
  readonly missing = new Set<string>();
  /** Raw property values that override what the world says, to script malformed records. */
  readonly corrupt = new Map<string, Record<string, string | null>>();
  private readonly companies = new Map<string, string>();

  constructor(options: HubSpotOptions = {}) {
    // HubSpot deal ids are numbers, as text; start high so none looks like a small index.
    this.world = new World(options.users, (n) => String(9_000_000_000 + n));
    this.token = options.token ?? 'pat-na1-fake-token';
    this.portalId = options.portalId ?? 4242;
    this.http = new FakeHttpServer(
      (req) => this.route(req),
      (req) =>
        req.headers.authorization === `Bearer ${this.token}`
          ? null
          : {
              status: 401,
              body: {
                status: 'error',
                message: 'Authentication credentials not found.',
                correlationId: 'c0ffee00-0000-4000-8000-000000000000',
                category: 'INVALID_AUTHENTICATION',
              },
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

  expected(options: { sweptAt?: number } = {}) {
    // HubSpot keeps the close date as a datetime; the workspace keeps its UTC day (the
    // world already holds days), and every tracked field's history starts at creation.
    return expectedRows(this.world, { ...options, history: this.historyEnabled, tombstones: true });
  }

  private route(req: SeenRequest): Reply {
    // HubSpot answers a path with or without a trailing slash alike (its client sends one).
    const method = req.method;
    const path = req.path.length > 1 ? req.path.replace(/\/$/, '') : req.path;
    if (this.missing.has(`${method} ${path}`))
      return {
        status: 404,
        body: { status: 'error', message: 'Resource not found', category: 'OBJECT_NOT_FOUND' },
      };
    if (method === 'GET' && path === '/account-info/v3/details')
      return ok({
        portalId: this.portalId,
        accountType: 'STANDARD',
        timeZone: 'Asia/Shanghai',
        companyCurrency: 'CNY',
        additionalCurrencies: [],
        utcOffset: '+08:00',
        utcOffsetMilliseconds: 28_800_000,
        uiDomain: 'app.hubspot.com',
        dataHostingLocation: 'na1',
      });
    if (method === 'GET' && path === '/crm/v3/pipelines/deals') return ok({ results: [this.pipeline()] });
    if (method === 'GET' && path === '/crm/v3/owners') return this.owners(req);
    if (method === 'POST' && path === '/crm/v3/objects/deals/search') return this.search(req);
    if (method === 'POST' && path === '/crm/v3/objects/deals/batch/read') return this.batchRead(req);
    if (method === 'POST' && path === '/crm/v4/associations/deals/companies/batch/read')
      return this.associations(req);
    if (method === 'POST' && path === '/crm/v3/associations/deals/companies/batch/read')
      return this.associationsV3(req);
    if (method === 'POST' && path === '/crm/v3/objects/companies/batch/read') return this.companyNames(req);
    if (method === 'GET' && path === '/crm/v3/objects/deals') return this.list(req);
    return {
      status: 404,
      body: { status: 'error', message: `Unable to route ${method} ${path}`, category: 'OBJECT_NOT_FOUND' },
    };
  }

  private pipeline() {
    return {
      id: 'default',
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: '2020-01-01T00:00:00Z',
      updatedAt: '2020-01-01T00:00:00Z',
      stages: Object.values(HUBSPOT_STAGES).map((s, i) => ({
        id: s.id,
        label: s.label,
        displayOrder: i,
        metadata: { isClosed: String(s.closed), probability: s.probability },
        archived: false,
        createdAt: '2020-01-01T00:00:00Z',
        updatedAt: '2020-01-01T00:00:00Z',
        writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT',
      })),
    };
  }

  private owners(req: SeenRequest): Reply {
    const limit = Number(req.query.get('limit') ?? 100);
    const after = Number(req.query.get('after') ?? 0);
    const users = this.world.users.slice(after, after + limit);
    return ok({
      results: users.map((u) => ({
        id: u.id,
        email: u.email,
        type: 'PERSON',
        firstName: u.firstName,
        lastName: u.lastName,
        userId: 100 + this.world.users.indexOf(u),
        userIdIncludingInactive: 100 + this.world.users.indexOf(u),
        createdAt: '2020-01-01T00:00:00Z',
        updatedAt: '2020-01-01T00:00:00Z',
        archived: false,
        teams: u.team ? [{ id: `t-${u.team}`, name: u.team, primary: true }] : [],
      })),
      ...(after + limit < this.world.users.length
        ? {
            paging: {
              next: {
                after: String(after + limit),
                link: `${this.url}/crm/v3/owners?after=${after + limit}`,
              },
            },
          }
        : {}),
    });
  }

  /** The properties HubSpot would hold for a deal (strings or null), corruptions applied. */
  properties(d: WorldDeal): Record<string, string | null> {
    const f = d.fields;
    const stage = HUBSPOT_STAGES[f.stage]!;
    return {
      hs_object_id: d.id,
      dealname: f.name,
      amount: f.amount === '' ? null : f.amount,
      dealstage: stage.id,
      pipeline: 'default',
      closedate: f.closeDate ? `${f.closeDate}T00:00:00Z` : null,
      createdate: iso(d.createdAt),
      hs_lastmodifieddate: iso(d.updatedAt),
      hubspot_owner_id: f.owner,
      hs_manual_forecast_category: FORECAST[f.forecast],
      closed_lost_reason: f.lostReason || null,
      hs_next_step: f.nextStep || null,
      notes_last_updated: f.lastActivityAt === null ? null : iso(f.lastActivityAt),
      deal_currency_code: f.currency,
      ...this.corrupt.get(d.id),
    };
  }

  private record(d: WorldDeal, wanted: string[] | null) {
    const all = this.properties(d);
    // HubSpot always returns these three, plus what was asked for.
    const keys = new Set(['hs_object_id', 'createdate', 'hs_lastmodifieddate', ...(wanted ?? [])]);
    const properties = Object.fromEntries([...keys].filter((k) => k in all).map((k) => [k, all[k] ?? null]));
    return {
      id: d.id,
      properties,
      createdAt: iso(d.createdAt),
      updatedAt: iso(d.updatedAt),
      archived: d.deletedAt !== null,
      ...(d.deletedAt !== null ? { archivedAt: iso(d.deletedAt) } : {}),
    };
  }

  private index: { key: string; rows: IndexRow[] } | null = null;

  /** Live deals with their properties, by hs_lastmodifieddate: rebuilt when the world changes. */
  private searchIndex(): IndexRow[] {
    const key = `${this.world.version}:${JSON.stringify([...this.corrupt])}`;
    if (this.index?.key !== key) {
      const rows = this.world.live().map((d) => {
        const props = this.properties(d);
        return {
          d,
          props,
          lastmod: Date.parse(props.hs_lastmodifieddate ?? ''),
          oid: Number(d.id),
          tie: scramble(d.id),
        };
      });
      rows.sort((a, b) => a.lastmod - b.lastmod || a.tie - b.tie);
      this.index = { key, rows };
    }
    return this.index.rows;
  }

  private search(req: SeenRequest): Reply {
    const body = req.body as {
      filterGroups?: { filters: { propertyName: string; operator: string; value?: string }[] }[];
      sorts?: ({ propertyName: string; direction: string } | string)[];
      properties?: string[];
      limit?: number;
      after?: string | number;
    };
    const limit = body.limit ?? 10;
    if (limit > 200) return validation('limit must be at most 200');
    const after = Number(body.after ?? 0);
    if (after + limit > HUBSPOT_SEARCH_CAP)
      return validation(`Paging beyond ${HUBSPOT_SEARCH_CAP} results is not supported`);
    const groups = body.filterGroups ?? [];
    if (groups.length > 5) return validation('at most 5 filter groups');
    const index = this.searchIndex();
    // Like any search engine, an indexed range: a single filter group bounded on
    // hs_lastmodifieddate only looks at that slice of the index.
    const [lo, hi] = groups.length === 1 ? modifiedRange(index, groups[0]!.filters) : [0, index.length];
    const matches = index
      .slice(lo, hi)
      .filter(
        (row) => groups.length === 0 || groups.some((g) => g.filters.every((f) => matchFilter(row, f))),
      );
    const sort = body.sorts?.[0];
    const sortBy = typeof sort === 'string' ? sort : sort?.propertyName;
    const descending = typeof sort === 'object' && sort.direction === 'DESCENDING';
    // The index is in hs_lastmodifieddate order already, ties in an order unrelated to the id.
    if (sortBy && (sortBy !== 'hs_lastmodifieddate' || descending)) {
      matches.sort((a, b) => {
        const diff = numeric(a, sortBy) - numeric(b, sortBy);
        return (descending ? -diff : diff) || a.tie - b.tie;
      });
    }
    const page = matches.slice(after, after + limit);
    return ok({
      total: matches.length,
      results: page.map(({ d }) => this.record(d, body.properties ?? null)),
      ...(after + limit < matches.length ? { paging: { next: { after: String(after + limit) } } } : {}),
    });
  }

  private batchRead(req: SeenRequest): Reply {
    const body = req.body as {
      inputs: { id: string }[];
      properties?: string[];
      propertiesWithHistory?: string[];
    };
    const withHistory = body.propertiesWithHistory ?? [];
    if (withHistory.length && body.inputs.length > HISTORY_BATCH_MAX)
      return validation(`Batch read with propertiesWithHistory is limited to ${HISTORY_BATCH_MAX} inputs`);
    const results = [];
    const missing: string[] = [];
    for (const { id } of body.inputs) {
      const d = this.world.deals.get(id);
      if (!d || d.deletedAt !== null || d.purged) {
        missing.push(id);
        continue;
      }
      const record: Record<string, unknown> = this.record(d, body.properties ?? null);
      if (withHistory.length && this.historyEnabled && !d.historyHidden)
        record.propertiesWithHistory = Object.fromEntries(withHistory.map((p) => [p, this.history(d, p)]));
      results.push(record);
    }
    const now = new Date().toISOString();
    return {
      status: missing.length ? 207 : 200,
      body: {
        status: 'COMPLETE',
        results,
        startedAt: now,
        completedAt: now,
        ...(missing.length
          ? {
              numErrors: 1,
              errors: [
                {
                  status: 'error',
                  category: 'OBJECT_NOT_FOUND',
                  message: 'Could not get some DEAL objects, they may be deleted or not exist.',
                  context: { ids: missing },
                },
              ],
            }
          : {}),
      },
    };
  }

  /** One property's versions, newest first, as HubSpot lists them. */
  private history(d: WorldDeal, property: string) {
    const field = HISTORY_PROPERTY[property];
    if (!field) return [];
    const versions = d.changes
      .filter((c) => c.field === field)
      .map((c) => ({
        value: renderValue(field, c.value),
        timestamp: iso(c.at),
        sourceType: 'CRM_UI',
        sourceId: `userId:${c.seq}`,
        updatedByUserId: 100,
      }));
    return versions.reverse();
  }

  private companyId(name: string): string {
    let id = this.companies.get(name);
    if (!id) this.companies.set(name, (id = String(7_000_000 + this.companies.size)));
    return id;
  }

  private associations(req: SeenRequest): Reply {
    const body = req.body as { inputs: { id: string }[] };
    const results = [];
    for (const { id } of body.inputs) {
      const d = this.world.deals.get(id);
      if (!d || !d.fields.account) continue;
      results.push({
        from: { id },
        to: [
          {
            toObjectId: Number(this.companyId(d.fields.account)),
            associationTypes: [{ category: 'HUBSPOT_DEFINED', typeId: 5, label: 'Primary' }],
          },
        ],
      });
    }
    return ok({
      status: 'COMPLETE',
      results,
      startedAt: new Date().toISOString(),
      completedAt: new Date().toISOString(),
    });
  }

  /** The v3 shape of the same: `to: [{id, type}]`. */
  private associationsV3(req: SeenRequest): Reply {
    const v4 = this.associations(req).body as {
      results: { from: { id: string }; to: { toObjectId: number }[] }[];
    };
    return ok({
      status: 'COMPLETE',
      results: v4.results.map((r) => ({
        from: { id: r.from.id },
        to: r.to.map((t) => ({ id: String(t.toObjectId), type: 'deal_to_company' })),
      })),
      startedAt: new Date().toISOString(),
      completedAt: new Date().toISOString(),
    });
  }

  private companyNames(req: SeenRequest): Reply {
    const body = req.body as { inputs: { id: string }[] };
    const byId = new Map([...this.companies].map(([name, id]) => [id, name]));
    return ok({
      status: 'COMPLETE',
      results: body.inputs
        .filter(({ id }) => byId.has(id))
        .map(({ id }) => ({
          id,
          properties: { hs_object_id: id, name: byId.get(id)! },
          createdAt: '2020-01-01T00:00:00Z',
          updatedAt: '2020-01-01T00:00:00Z',
          archived: false,
        })),
      startedAt: new Date().toISOString(),
      completedAt: new Date().toISOString(),
    });
  }

  /** GET /crm/v3/objects/deals: live deals (or archived ones), by id, with an id cursor. */
  private list(req: SeenRequest): Reply {
    const archived = req.query.get('archived') === 'true';
    const limit = Math.min(Number(req.query.get('limit') ?? 10), 100);
    const after = req.query.get('after');
    const wanted = req.query.get('properties')?.split(',').filter(Boolean) ?? null;
    const pool = (archived ? this.world.known().filter((d) => d.deletedAt !== null) : this.world.live()).sort(
      (a, b) => Number(a.id) - Number(b.id),
    );
    const start = after ? pool.findIndex((d) => Number(d.id) > Number(after)) : 0;
    const page = start < 0 ? [] : pool.slice(start, start + limit);
    const more = start >= 0 && start + limit < pool.length;
    return ok({
      results: page.map((d) => this.record(d, wanted)),
      ...(more
        ? {
            paging: {
              next: {
                after: page.at(-1)!.id,
                link: `${this.url}/crm/v3/objects/deals?after=${page.at(-1)!.id}`,
              },
            },
          }
        : {}),
    });
  }
}

const HISTORY_PROPERTY: Record<string, 'stage' | 'amount' | 'closeDate' | 'forecast' | 'owner'> = {
  dealstage: 'stage',
  amount: 'amount',
  closedate: 'closeDate',
  hs_manual_forecast_category: 'forecast',
  hubspot_owner_id: 'owner',
};

function renderValue(field: string, value: string | null): string {
  if (value === null) return '';
  if (field === 'stage') return HUBSPOT_STAGES[value]!.id;
  if (field === 'closeDate') return `${value}T00:00:00Z`;
  if (field === 'forecast') return FORECAST[value as ForecastCategory];
  return value;
}

const ok = (body: unknown): Reply => ({ status: 200, body });

const validation = (message: string): Reply => ({
  status: 400,
  body: {
    status: 'error',
    message,
    correlationId: 'c0ffee00-0000-4000-8000-000000000001',
    category: 'VALIDATION_ERROR',
  },
});

/** Date-time properties filter and sort as epoch milliseconds, numbers as numbers. */
function sortValue(props: Record<string, string | null>, name: string): number {
  const v = props[name];
  if (v === null || v === undefined) return Number.NEGATIVE_INFINITY;
  const n = Number(v);
  return Number.isFinite(n) ? n : Date.parse(v);
}

interface IndexRow {
  d: WorldDeal;
  props: Record<string, string | null>;
  lastmod: number;
  oid: number;
  tie: number;
}

/** The slice of the index (by hs_lastmodifieddate) a group's bounds on it allow. */
function modifiedRange(
  index: IndexRow[],
  filters: { propertyName: string; operator: string; value?: string }[],
): [number, number] {
  let lo = 0;
  let hi = index.length;
  const first = (pred: (row: IndexRow) => boolean) => {
    let a = 0;
    let b = index.length;
    while (a < b) {
      const m = (a + b) >>> 1;
      if (pred(index[m]!)) b = m;
      else a = m + 1;
    }
    return a;
  };
  for (const f of filters) {
    if (f.propertyName !== 'hs_lastmodifieddate') continue;
    const v = Number(f.value);
    if (f.operator === 'GTE' || f.operator === 'EQ')
      lo = Math.max(
        lo,
        first((r) => r.lastmod >= v),
      );
    if (f.operator === 'GT')
      lo = Math.max(
        lo,
        first((r) => r.lastmod > v),
      );
    if (f.operator === 'LT')
      hi = Math.min(
        hi,
        first((r) => r.lastmod >= v),
      );
    if (f.operator === 'LTE' || f.operator === 'EQ')
      hi = Math.min(
        hi,
        first((r) => r.lastmod > v),
      );
  }
  return [lo, Math.max(lo, hi)];
}

/** A property as search compares it; the two every sync filters on are precomputed. */
function numeric(row: IndexRow, name: string): number {
  if (name === 'hs_lastmodifieddate') return row.lastmod;
  if (name === 'hs_object_id') return row.oid;
  return sortValue(row.props, name);
}

function matchFilter(row: IndexRow, f: { propertyName: string; operator: string; value?: string }): boolean {
  const props = row.props;
  const v = numeric(row, f.propertyName);
  const want = Number(f.value);
  switch (f.operator) {
    case 'EQ':
      return v === want;
    case 'NEQ':
      return v !== want;
    case 'GT':
      return v > want;
    case 'GTE':
      return v >= want;
    case 'LT':
      return v < want;
    case 'LTE':
      return v <= want;
    case 'HAS_PROPERTY':
      return props[f.propertyName] !== null && props[f.propertyName] !== undefined;
    default:
      throw new Error(`operator ${f.operator} is not supported by the fake`);
  }
}

/** A stable pseudo-random rank for an id: ties are ordered by it, not by the id. */
function scramble(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}
