import { z } from 'zod';
import { msg } from '@shared/messages';
import {
  SyncStop,
  type ChangePage,
  type Connector,
  type ConnectorOptions,
  type IdPage,
  type Position,
  type Quarantined,
  type Reference,
  type SyncWindow,
  type UpstreamAccount,
  type UpstreamDeal,
  type UpstreamPipeline,
  type UpstreamUser,
} from '../connector';
import { CrmHttp, type HttpAnswer } from '../http';
import { readHubSpotDeal, HUBSPOT_HISTORY, HUBSPOT_PROPERTIES, type HubSpotContext } from './hubspot-records';

/** HubSpot's search answers at most 200 records a request. */
const SEARCH_MAX = 200;
/** Batch read with propertiesWithHistory takes at most 50 ids. */
const HISTORY_BATCH = 50;
/** v4 association and company batch reads: kept well under HubSpot's limits. */
const LOOKUP_BATCH = 100;
/** Archived deals stay restorable (and listed) for 90 days. */
const ARCHIVE_RETENTION_MS = 90 * 86_400_000;

/**
 * Where a run is in its window. `changes`: every deal modified before `t` is done, and at
 * `t` every deal whose id is at most `id` (null: none at `t` yet). `archived`: the
 * archived list, from its `after` cursor (an id, so it survives a restart).
 */
type HubSpotPosition =
  { phase: 'changes'; t: number; id: string | null } | { phase: 'archived'; after: string | null };

const searchAnswer = z.object({
  total: z.number().optional(),
  results: z.array(
    z.object({ id: z.string(), properties: z.record(z.string(), z.string().nullable().optional()) }),
  ),
});
const listAnswer = z.object({
  results: z.array(
    z.object({ id: z.string(), archivedAt: z.string().optional(), updatedAt: z.string().optional() }).loose(),
  ),
  paging: z
    .object({ next: z.object({ after: z.string() }).loose().optional() })
    .loose()
    .optional(),
});
const batchAnswer = z.object({ results: z.array(z.unknown()) }).loose();
const pipelinesAnswer = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      displayOrder: z.number(),
      archived: z.boolean().optional(),
      stages: z.array(
        z.object({
          id: z.string(),
          label: z.string(),
          displayOrder: z.number(),
          archived: z.boolean().optional(),
          metadata: z.object({ isClosed: z.string().optional(), probability: z.string().optional() }).loose(),
        }),
      ),
    }),
  ),
});
const ownersAnswer = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      email: z.string().nullable().optional(),
      firstName: z.string().nullable().optional(),
      lastName: z.string().nullable().optional(),
      teams: z.array(z.object({ name: z.string(), primary: z.boolean().optional() })).optional(),
    }),
  ),
  paging: z
    .object({ next: z.object({ after: z.string() }).loose().optional() })
    .loose()
    .optional(),
});
const associationsAnswer = z.object({
  results: z.array(
    z.object({
      from: z.object({ id: z.string() }),
      // v4 names the company `toObjectId`, v3 `id`.
      to: z.array(
        z.union([
          z.object({ toObjectId: z.union([z.number(), z.string()]) }).loose(),
          z.object({ id: z.union([z.number(), z.string()]) }).loose(),
        ]),
      ),
    }),
  ),
});
const companiesAnswer = z.object({
  results: z.array(
    z.object({ id: z.string(), properties: z.object({ name: z.string().nullable().optional() }).loose() }),
  ),
});

/**
 * HubSpot CRM v3 with a private-app token. Changed deals come from the search API by
 * hs_lastmodifieddate; each page is a fresh search (no `after` offset), so the 10,000-result
 * cap of one search never applies, and ties on one millisecond are drained in id order
 * (`hs_object_id GT last id`), however many there are. Values and the history of the
 * tracked fields come from batch read with propertiesWithHistory; the account from the
 * first associated company; deletions from the archived list.
 */
export class HubSpotConnector implements Connector {
  readonly kind = 'hubspot' as const;
  readonly deleteLogMs = ARCHIVE_RETENTION_MS;
  private readonly http: CrmHttp;
  private readonly pageSize: number;
  private context: HubSpotContext | null = null;
  private readonly companyNames = new Map<string, string>();
  /** Which associations API answers (see companyLinks). */
  private associations: 'v4' | 'v3' | 'none' = 'v4';
  /** The next page's search, started early (see readAheadFrom). */
  private readAhead: { key: string; found: ReturnType<HubSpotConnector['search']> } | null = null;

  constructor(options: ConnectorOptions) {
    this.pageSize = Math.min(options.pageSize ?? SEARCH_MAX, SEARCH_MAX);
    this.http = new CrmHttp(
      options.baseUrl,
      { authorization: `Bearer ${options.token}` },
      options.http,
      (answer) => classify(answer),
    );
  }

  async identify(): Promise<UpstreamAccount> {
    const answer = await this.http.get('/account-info/v3/details');
    const body = parse(
      z.object({ portalId: z.number(), uiDomain: z.string().optional() }).loose(),
      answer,
      'account details',
    );
    return { key: String(body.portalId), label: `HubSpot ${body.portalId}` };
  }

  async reference(): Promise<Reference> {
    const pipelines = parse(pipelinesAnswer, await this.http.get('/crm/v3/pipelines/deals'), 'pipelines');
    const users: UpstreamUser[] = [];
    // Deactivated owners are listed apart (archived=true); their deals still name them.
    for (const archived of ['false', 'true']) {
      let after: string | undefined;
      do {
        const page = parse(
          ownersAnswer,
          await this.http.get('/crm/v3/owners', { limit: 100, after, archived }),
          'owners',
        );
        for (const o of page.results) {
          const name = `${o.firstName ?? ''} ${o.lastName ?? ''}`.trim() || o.email || o.id;
          const team = o.teams?.find((t) => t.primary)?.name ?? '';
          if (!users.some((u) => u.id === o.id)) users.push({ id: o.id, name, email: o.email ?? null, team });
        }
        after = page.paging?.next?.after;
      } while (after);
    }
    const reference: Reference = {
      pipelines: pipelines.results
        .filter((p) => !p.archived)
        .map((p): UpstreamPipeline => ({
          id: p.id,
          label: p.label,
          order: p.displayOrder,
          stages: p.stages.map((s) => {
            const probability = s.metadata.probability === undefined ? null : Number(s.metadata.probability);
            const closed = s.metadata.isClosed === 'true';
            return {
              id: s.id,
              label: s.label,
              order: s.displayOrder,
              kind: !closed ? 'open' : probability !== null && probability >= 1 ? 'won' : 'lost',
              probability: probability !== null && Number.isFinite(probability) ? probability : null,
            };
          }),
        })),
      users,
    };
    const stagePipeline = new Map<string, string>();
    for (const p of reference.pipelines) for (const s of p.stages) stagePipeline.set(s.id, p.id);
    this.context = { users: new Map(users.map((u) => [u.id, u])), stagePipeline };
    return reference;
  }

  async changes(window: SyncWindow, stored: Position | null): Promise<ChangePage> {
    const before = this.http.requests;
    const position = (stored as HubSpotPosition | null) ?? { phase: 'changes', t: window.from, id: null };
    const page =
      position.phase === 'changes'
        ? await this.changedPage(window, position)
        : await this.archivedPage(position);
    return { ...page, requests: this.http.requests - before };
  }

  /**
   * The search a changes position starts with: in id order to drain a crowded
   * millisecond, else by modified time from the position on.
   */
  private searchAt(window: SyncWindow, position: Extract<HubSpotPosition, { phase: 'changes' }>) {
    const key = JSON.stringify([window, position]);
    const ahead = this.readAhead;
    this.readAhead = null;
    if (ahead?.key === key) return ahead.found;
    return position.id !== null
      ? this.search(
          [
            { propertyName: 'hs_lastmodifieddate', operator: 'EQ', value: String(position.t) },
            { propertyName: 'hs_object_id', operator: 'GT', value: position.id },
          ],
          'hs_object_id',
        )
      : this.search(
          [
            { propertyName: 'hs_lastmodifieddate', operator: 'GTE', value: String(position.t) },
            { propertyName: 'hs_lastmodifieddate', operator: 'LT', value: String(window.to) },
          ],
          'hs_lastmodifieddate',
        );
  }

  /**
   * Starts the next page's search while this page's records are read: its position is
   * known as soon as this search has answered. Kept for the call that asks for exactly
   * that position; a failure surfaces there (and only there).
   */
  private readAheadFrom(window: SyncWindow, next: HubSpotPosition): void {
    if (next.phase !== 'changes') return;
    const found = this.searchAt(window, next);
    found.catch(() => undefined);
    this.readAhead = { key: JSON.stringify([window, next]), found };
  }

  private async changedPage(
    window: SyncWindow,
    position: Extract<HubSpotPosition, { phase: 'changes' }>,
  ): Promise<Omit<ChangePage, 'requests'>> {
    const archivedNext: HubSpotPosition = { phase: 'archived', after: null };
    const found = await this.searchAt(window, position);
    if (position.id !== null) {
      // Draining a millisecond shared by more deals than a page holds: in id order.
      const full = found.results.length === this.pageSize;
      const next: HubSpotPosition = full
        ? { phase: 'changes', t: position.t, id: found.results.at(-1)!.id }
        : { phase: 'changes', t: position.t + 1, id: null };
      this.readAheadFrom(window, next);
      return { ...(await this.read(found.results.map((r) => r.id))), next, done: false };
    }
    const stamps = found.results.map((r) => stampOf(r.properties.hs_lastmodifieddate));
    if (stamps.some((s) => !Number.isFinite(s)))
      throw new SyncStop(
        'bad_response',
        'a search result has no hs_lastmodifieddate',
        'POST /crm/v3/objects/deals/search',
      );
    if (found.results.length < this.pageSize) {
      return {
        ...(await this.read(found.results.map((r) => r.id))),
        next: archivedNext,
        done: false,
        total: found.total ?? found.results.length,
      };
    }
    // A full page: the deals at its last millisecond may go on past it, in no particular
    // order, so they are left for the next page, which starts at that millisecond.
    const last = stamps.at(-1)!;
    if (stamps[0] === last)
      return {
        deals: [],
        deletions: [],
        quarantined: [],
        next: { phase: 'changes', t: last, id: '0' },
        done: false,
        total: found.total,
      };
    const ids = found.results.filter((_, i) => stamps[i]! < last).map((r) => r.id);
    const next: HubSpotPosition = { phase: 'changes', t: last, id: null };
    this.readAheadFrom(window, next);
    return { ...(await this.read(ids)), next, done: false, total: found.total };
  }

  private async archivedPage(
    position: Extract<HubSpotPosition, { phase: 'archived' }>,
  ): Promise<Omit<ChangePage, 'requests'>> {
    const answer = await this.http.get('/crm/v3/objects/deals', {
      archived: 'true',
      limit: 100,
      after: position.after ?? undefined,
      properties: 'hs_object_id',
    });
    const body = parse(listAnswer, answer, 'archived deals');
    const deletions: ChangePage['deletions'] = [];
    const quarantined: Quarantined[] = [];
    for (const r of body.results) {
      const at = Date.parse(r.archivedAt ?? r.updatedAt ?? '');
      if (Number.isFinite(at)) deletions.push({ id: r.id, deletedAt: at });
      else
        quarantined.push({
          id: r.id,
          reason: msg('sync_field_missing', { field: 'archivedAt' }),
          payload: r,
        });
    }
    const after = body.paging?.next?.after;
    return after
      ? { deals: [], deletions, quarantined, next: { phase: 'archived', after }, done: false }
      : { deals: [], deletions, quarantined, next: null, done: true };
  }

  async liveIds(position: Position | null): Promise<IdPage> {
    const answer = await this.http.get('/crm/v3/objects/deals', {
      limit: 100,
      after: typeof position === 'string' ? position : undefined,
      properties: 'hs_object_id',
    });
    const body = parse(listAnswer, answer, 'deals');
    const after = body.paging?.next?.after;
    return { ids: body.results.map((r) => r.id), next: after ?? null, done: !after };
  }

  private async search(filters: { propertyName: string; operator: string; value: string }[], sortBy: string) {
    const answer = await this.http.post('/crm/v3/objects/deals/search', {
      filterGroups: [{ filters }],
      sorts: [{ propertyName: sortBy, direction: 'ASCENDING' }],
      properties: ['hs_lastmodifieddate'],
      limit: this.pageSize,
    });
    return parse(searchAnswer, answer, 'deal search');
  }

  /** The deals' values and history, account names, each read or quarantined. */
  private async read(ids: string[]): Promise<Pick<ChangePage, 'deals' | 'deletions' | 'quarantined'>> {
    const context = this.context ?? (await this.reference(), this.context!);
    // The batches and the associations are independent: asked for together, so the page
    // costs one round trip of waiting rather than six.
    const batches: Promise<unknown[]>[] = [];
    for (let i = 0; i < ids.length; i += HISTORY_BATCH) {
      batches.push(
        this.http
          .post('/crm/v3/objects/deals/batch/read', {
            inputs: ids.slice(i, i + HISTORY_BATCH).map((id) => ({ id })),
            properties: HUBSPOT_PROPERTIES,
            propertiesWithHistory: HUBSPOT_HISTORY,
            archived: false,
          })
          // 207: some ids were archived or deleted since the search; the archived list has them.
          .then((answer) => parse(batchAnswer, answer, 'deal batch read').results),
      );
    }
    const [companyOf, ...read] = await Promise.all([this.companyLinks(ids), ...batches]);
    const raws = read.flat();
    for (const raw of raws) {
      const id = (raw as { id?: unknown } | null)?.id;
      const company = embeddedCompany(raw);
      if (typeof id === 'string' && company && !companyOf.has(id)) companyOf.set(id, company);
    }
    const accounts = await this.companyNamesOf(companyOf);
    const deals: UpstreamDeal[] = [];
    const quarantined: Quarantined[] = [];
    for (const [i, raw] of raws.entries()) {
      // Reading 200 records with their history is tens of milliseconds: the backend's
      // other callers get a turn every fifty.
      if (i > 0 && i % 50 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
      const read = readHubSpotDeal(raw, context, accounts);
      if ('deal' in read) deals.push(read.deal);
      else quarantined.push(read.quarantined);
    }
    return { deals, deletions: [], quarantined };
  }

  /** Each deal's first associated company's name. */
  /** Each deal's first associated company, by id: v4 associations, else v3, else none. */
  private async companyLinks(ids: string[]): Promise<Map<string, string>> {
    const companyOf = new Map<string, string>();
    while (this.associations !== 'none') {
      const api = this.associations;
      try {
        await Promise.all(
          chunks(ids, LOOKUP_BATCH).map(async (chunk) => {
            const inputs = chunk.map((id) => ({ id }));
            const answer = await this.http.post(`/crm/${api}/associations/deals/companies/batch/read`, {
              inputs,
            });
            for (const r of parse(associationsAnswer, answer, 'deal associations').results) {
              const first = r.to[0];
              const company = first && ('toObjectId' in first ? first.toObjectId : first.id);
              if (company !== undefined) companyOf.set(r.from.id, String(company));
            }
          }),
        );
        return companyOf;
      } catch (e) {
        // An API without this route (an older portal, a reduced proxy): the next one, and
        // without any the account stays empty rather than the sync failing.
        if (!(e instanceof SyncStop) || !/HTTP (400|404|405)/.test(e.detail)) throw e;
        this.associations = api === 'v4' ? 'v3' : 'none';
      }
    }
    return companyOf;
  }

  /** The companies' names, cached for the run; a deal without one has an empty account. */
  private async companyNamesOf(companyOf: Map<string, string>): Promise<Map<string, string>> {
    const unknown = [...new Set(companyOf.values())].filter((id) => !this.companyNames.has(id));
    for (const chunk of chunks(unknown, LOOKUP_BATCH)) {
      const answer = await this.http.post('/crm/v3/objects/companies/batch/read', {
        inputs: chunk.map((id) => ({ id })),
        properties: ['name'],
      });
      for (const c of parse(companiesAnswer, answer, 'companies').results)
        this.companyNames.set(c.id, c.properties.name ?? '');
    }
    return new Map([...companyOf].map(([deal, company]) => [deal, this.companyNames.get(company) ?? '']));
  }
}

/** hs_lastmodifieddate as HubSpot writes it (ISO 8601), or as epoch milliseconds. */
function stampOf(value: string | null | undefined): number {
  if (!value) return Number.NaN;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

const chunks = <T>(items: T[], size: number): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** A record's first associated company when the record carries its associations (v3 reads). */
function embeddedCompany(raw: unknown): string | null {
  const results = (raw as { associations?: { companies?: { results?: { id?: unknown }[] } } } | null)
    ?.associations?.companies?.results;
  const id = results?.[0]?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
}

/**
 * HubSpot's own answers: a 429 whose policy is DAILY (or a daily remainder of 0) means
 * the day's budget is spent, and asking again only burns goodwill; a 207 from a batch read
 * is a partial success.
 */
function classify(answer: HttpAnswer): { stop: SyncStop } | undefined {
  if (answer.status === 429) {
    const policy = (answer.body as { policyName?: string } | null)?.policyName;
    if (policy === 'DAILY' || answer.headers.get('x-hubspot-ratelimit-daily-remaining') === '0')
      return { stop: new SyncStop('daily_limit', 'the daily API limit is reached') };
  }
  if (answer.status === 403 && (answer.body as { category?: string } | null)?.category === 'MISSING_SCOPES')
    return { stop: new SyncStop('token_rejected', 'the token lacks the crm.objects.deals.read scope') };
  return undefined;
}

/** An answer's body in the shape HubSpot documents, or the run stops naming what was not. */
function parse<T>(schema: z.ZodType<T>, answer: HttpAnswer, what: string): T {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncStop(
      'bad_response',
      `${what}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unexpected shape'}`,
    );
  }
  return parsed.data;
}
