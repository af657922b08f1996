import { z } from 'zod';
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
import { RecordProblem } from '../values';
import {
  LOST_STAGE,
  WON_STAGE,
  activityTime,
  pipedriveTime,
  readPipedriveDeal,
  toUpstreamDeal,
  type PipedriveContext,
  type PipedriveDeal,
} from './pipedrive-records';

/** API v2 lists answer at most 500 items a request. */
const LIST_MAX = 500;
/** `ids` filters of API v2 lists take at most 100 ids. */
const IDS_MAX = 100;
/** Deleted deals stay listed (`status=deleted`) for 30 days, then they are gone for good. */
const DELETE_LOG_MS = 30 * 86_400_000;
const SECOND = 1000;

const DEALS = '/api/v2/deals';
const DEAL_STATUSES = 'open,won,lost,deleted';
const DEAL_EXTRAS = 'next_activity_id,last_activity_id';

/**
 * Where a run is in its window, as a keyset that survives restarts. `time`: every deal
 * updated before `since` (a whole second) is done. `tie`: inside the second `at`, every
 * deal whose id is at most `after` is done ('' none); `cursor` is Pipedrive's marker of
 * the next page there, kept only to save re-reading the second: if Pipedrive no longer
 * takes it, the second is read again from its start and skipped up to `after`.
 */
const positionSchema = z.union([
  z.object({ phase: z.literal('time'), since: z.number() }),
  z.object({ phase: z.literal('tie'), at: z.number(), after: z.string(), cursor: z.string().nullable() }),
]);
type PipedrivePosition = z.infer<typeof positionSchema>;
/** The live-id sweep: ids up to `after` are done; `cursor` as above. */
const sweepSchema = z.object({ after: z.string(), cursor: z.string().nullable() });

const listAnswer = z.object({
  success: z.literal(true),
  data: z.array(z.unknown()).nullable(),
  additional_data: z.object({ next_cursor: z.string().nullable().optional() }).loose().nullable().optional(),
});
const meAnswer = z.object({
  data: z
    .object({
      company_id: z.number(),
      company_name: z.string().nullable().optional(),
      company_domain: z.string().nullable().optional(),
    })
    .loose(),
});
const pipelineItem = z.object({
  id: z.number(),
  name: z.string(),
  order_nr: z.number(),
  is_deleted: z.boolean().optional(),
  is_deal_probability_enabled: z.boolean().optional(),
});
const stageItem = z.object({
  id: z.number(),
  name: z.string(),
  order_nr: z.number(),
  pipeline_id: z.number(),
  deal_probability: z.number().nullable().optional(),
  is_deleted: z.boolean().optional(),
});
const userItem = z.object({
  id: z.number(),
  name: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
});
const orgItem = z.object({ id: z.number(), name: z.string().nullable().optional() });
const activityItem = z.object({
  id: z.number(),
  subject: z.string().nullable().optional(),
  due_date: z.string().nullable().optional(),
  due_time: z.string().nullable().optional(),
});

/** A 403 or 404 on a deal's changelog: this user may not see its history (or the deal just went). */
class HistoryRefused extends SyncStop {
  constructor(status: number, where: string) {
    super('bad_response', `HTTP ${status}: the changelog is not available`, where);
  }
}

/** A 400 on the deals list: when it answers a stored cursor, the cursor is stale. */
class CursorRefused extends SyncStop {
  constructor(detail: string, where: string) {
    super('bad_response', `HTTP 400: ${detail}`, where);
  }
}

/**
 * Pipedrive with an API token. Changed deals come from API v2's deal list filtered by
 * updated_since / updated_until and sorted by update_time, deleted ones included
 * (`status=…,deleted`, kept 30 days). Pipedrive keeps seconds and says nothing of the order
 * of deals sharing one: a page ends before the second of the first deal it leaves out, and
 * a second fuller than a page is read on its own, sorted by id. Each deal's history comes
 * from its changelog (API v1), its account from its organisation, its next step and last
 * activity from its activities (next_activity_id, last_activity_id).
 */
export class PipedriveConnector implements Connector {
  readonly kind = 'pipedrive' as const;
  readonly deleteLogMs = DELETE_LOG_MS;
  private readonly http: CrmHttp;
  private readonly pageSize: number;
  private users: Map<number, UpstreamUser> | null = null;
  private readonly orgs = new Map<number, string>();

  constructor(options: ConnectorOptions) {
    this.pageSize = Math.max(1, Math.min(options.pageSize ?? LIST_MAX, LIST_MAX));
    // Both https://api.pipedrive.com and https://COMPANY.pipedrive.com serve /api/v1 and
    // /api/v2; a URL pasted with a version path is cut back to the host.
    const base = options.baseUrl.replace(/\/+$/, '').replace(/(\/api)?(\/v[12])?$/, '');
    this.http = new CrmHttp(base, { 'x-api-token': options.token }, options.http, classify);
  }

  async identify(): Promise<UpstreamAccount> {
    const me = parse(meAnswer, await this.v1('/users/me'), 'current user');
    const { company_id, company_name, company_domain } = me.data;
    return { key: String(company_id), label: company_name || company_domain || `Pipedrive ${company_id}` };
  }

  async reference(): Promise<Reference> {
    const pipelines = (await this.list('/api/v2/pipelines', {}, 'pipelines')).map((p) =>
      item(pipelineItem, p, 'pipeline'),
    );
    const stages = (await this.list('/api/v2/stages', {}, 'stages')).map((s) => item(stageItem, s, 'stage'));
    const users = await this.loadUsers();
    return {
      pipelines: pipelines.map((p): UpstreamPipeline => {
        const own = stages.filter((s) => s.pipeline_id === p.id).sort((a, b) => a.order_nr - b.order_nr);
        const last = own.reduce((max, s) => Math.max(max, s.order_nr), 0);
        return {
          id: String(p.id),
          label: p.name,
          order: p.order_nr,
          stages: [
            ...own.map((s) => ({
              id: String(s.id),
              label: s.name,
              order: s.order_nr,
              kind: 'open' as const,
              // A pipeline with probabilities switched off keeps the numbers, unused.
              probability:
                p.is_deal_probability_enabled && typeof s.deal_probability === 'number'
                  ? s.deal_probability / 100
                  : null,
            })),
            // Won and lost are statuses in Pipedrive; as stages they can be mapped like any other.
            { id: WON_STAGE, label: 'Won', order: last + 1, kind: 'won' as const, probability: 1 },
            { id: LOST_STAGE, label: 'Lost', order: last + 2, kind: 'lost' as const, probability: 0 },
          ],
        };
      }),
      users: [...users.values()],
    };
  }

  async changes(window: SyncWindow, stored: Position | null): Promise<ChangePage> {
    const before = this.http.requests;
    const until = ceilSecond(window.to);
    const read = positionSchema.safeParse(stored);
    // An unreadable stored position costs a re-read of the window, never a lost record.
    let position: PipedrivePosition = read.success
      ? read.data
      : { phase: 'time', since: ceilSecond(window.from) };
    let raws: unknown[] = [];
    let next: PipedrivePosition = position;
    let done = false;

    if (position.phase === 'time') {
      const since = Math.max(position.since, ceilSecond(window.from));
      if (since >= until)
        return { deals: [], deletions: [], quarantined: [], next: position, done: true, requests: 0 };
      // One deal more than the page: where it falls tells whether the page's last second
      // may go on past the page (Pipedrive keeps seconds and orders a second's deals in no
      // documented way).
      const ask = Math.min(this.pageSize + 1, LIST_MAX);
      const page = await this.dealPage({
        status: DEAL_STATUSES,
        include_fields: DEAL_EXTRAS,
        updated_since: rfc3339(since),
        updated_until: rfc3339(until),
        sort_by: 'update_time',
        sort_direction: 'asc',
        limit: ask,
      });
      if (page.next === null && page.data.length < ask) {
        raws = page.data;
        next = { phase: 'time', since: until };
        done = true;
      } else {
        // More to come: the page ends before the second of the first deal it leaves out,
        // so each second is read whole, in this page or from the next.
        const stamps = page.data.map(stampOf);
        const boundary = Number.isFinite(stamps[ask - 1])
          ? stamps[ask - 1]!
          : Math.max(...stamps.filter(Number.isFinite));
        if (!Number.isFinite(boundary))
          throw new SyncStop(
            'bad_response',
            'a full page of deals without one readable update_time',
            `GET ${DEALS}`,
          );
        if (stamps.slice(0, ask - 1).some((t) => t < boundary)) {
          raws = page.data.slice(0, ask - 1).filter((_, i) => !(stamps[i]! >= boundary));
          next = { phase: 'time', since: boundary };
        } else {
          // A second fuller than a page: it is read on its own, in id order.
          position = { phase: 'tie', at: boundary, after: '', cursor: null };
        }
      }
    }
    if (position.phase === 'tie') {
      const { at, after } = position;
      const tie = await this.byId(
        {
          status: DEAL_STATUSES,
          include_fields: DEAL_EXTRAS,
          updated_since: rfc3339(at),
          updated_until: rfc3339(at + SECOND),
        },
        after,
        position.cursor,
      );
      raws = tie.records;
      if (tie.next !== null)
        next = { phase: 'tie', at, after: lastId(tie.records) ?? after, cursor: tie.next };
      else {
        next = { phase: 'time', since: at + SECOND };
        done = at + SECOND >= until;
      }
    }
    const page = await this.read(raws);
    return { ...page, next, done, requests: this.http.requests - before };
  }

  async liveIds(stored: Position | null): Promise<IdPage> {
    const read = sweepSchema.safeParse(stored);
    const position = read.success ? read.data : { after: '', cursor: null };
    // No status: every deal that is not deleted. Archived deals are left out of the list
    // too (Pipedrive, since July 2025), so the sweep counts them gone, as of the sweep:
    // PRODUCT.md's deleted_at is a deletion or an archiving.
    const page = await this.byId({}, position.after, position.cursor);
    const ids = page.records
      .map((r) => (r as { id?: unknown } | null)?.id)
      .filter((id) => typeof id === 'number');
    if (page.next === null) return { ids: ids.map(String), next: null, done: true };
    return {
      ids: ids.map(String),
      next: { after: lastId(page.records) ?? position.after, cursor: page.next },
      done: false,
    };
  }

  /** One page of the deals list; `next` is Pipedrive's cursor, null on the last page. */
  private async dealPage(query: Record<string, string | number | undefined>) {
    const body = parse(listAnswer, await this.http.get(DEALS, query), 'deals');
    return { data: body.data ?? [], next: body.additional_data?.next_cursor ?? null };
  }

  /**
   * The next deals in id order with an id above `after` among those `filter` selects, from
   * the stored cursor when Pipedrive still takes it, else from the start of the list
   * (skipping what is done: a stale cursor costs a re-read, never a record).
   */
  private async byId(
    filter: Record<string, string>,
    after: string,
    stored: string | null,
  ): Promise<{ records: unknown[]; next: string | null }> {
    let cursor = stored;
    let retried = false;
    for (;;) {
      let page: { data: unknown[]; next: string | null };
      try {
        page = await this.dealPage({
          ...filter,
          sort_by: 'id',
          sort_direction: 'asc',
          limit: this.pageSize,
          cursor: cursor ?? undefined,
        });
      } catch (e) {
        if (!(e instanceof CursorRefused) || cursor === null || retried) throw e;
        retried = true;
        cursor = null;
        continue;
      }
      const fresh = page.data.filter((r) => !(idOf(r) <= Number(after || 0)));
      if (fresh.length > 0 || page.next === null) return { records: fresh, next: page.next };
      cursor = page.next;
    }
  }

  /** Raw list items as deals, deletions and quarantined records. */
  private async read(raws: unknown[]): Promise<Pick<ChangePage, 'deals' | 'deletions' | 'quarantined'>> {
    const deals: UpstreamDeal[] = [];
    const deletions: ChangePage['deletions'] = [];
    const quarantined: Quarantined[] = [];
    const records: { deal: PipedriveDeal; raw: unknown }[] = [];
    for (const raw of raws) {
      const read = readPipedriveDeal(raw);
      if ('quarantined' in read) quarantined.push(read.quarantined);
      else records.push({ deal: read.deal, raw });
    }
    if (records.length === 0) return { deals, deletions, quarantined };
    const context: PipedriveContext = {
      users: this.users ?? (await this.loadUsers()),
      orgs: await this.orgNames(records.map((r) => r.deal.org_id)),
      activities: await this.activities(
        records.flatMap((r) => [r.deal.next_activity_id, r.deal.last_activity_id]),
      ),
    };
    let usersReloaded = false;
    for (const { deal, raw } of records) {
      try {
        if (deal.status === 'deleted') {
          // API v1's spelling of a deleted deal keeps no stage: known by id, the stored deal stays as it was.
          deletions.push({ id: String(deal.id), deletedAt: pipedriveTime('update_time', deal.update_time) });
          continue;
        }
        const changelog = await this.changelog(deal.id);
        // A user added since the list was read: read it once more before calling the deal broken.
        if (!usersReloaded && mentionsUnknownUser(deal, changelog, context.users)) {
          usersReloaded = true;
          context.users = await this.loadUsers();
        }
        deals.push(toUpstreamDeal(deal, changelog, context));
      } catch (e) {
        if (!(e instanceof RecordProblem)) throw e;
        quarantined.push({ id: String(deal.id), reason: e.reason, payload: raw });
      }
    }
    return { deals, deletions, quarantined };
  }

  /**
   * Where API v1 answers: `/api/v1` (the documented company-domain form), or `/v1` (the
   * form Pipedrive's own client uses, also served by api.pipedrive.com). Settled by the
   * first v1 call that answers, so a server offering only one form is followed.
   */
  private v1Root: '/api/v1' | '/v1' = '/api/v1';
  private v1Settled = false;

  private async v1(path: string): Promise<HttpAnswer> {
    try {
      const answer = await this.http.get(`${this.v1Root}${path}`);
      this.v1Settled = true;
      return answer;
    } catch (e) {
      if (this.v1Settled || !(e instanceof SyncStop) || !/HTTP 404/.test(e.detail)) throw e;
      this.v1Root = '/v1';
      this.v1Settled = true;
      return this.http.get(`${this.v1Root}${path}`);
    }
  }

  /** A deal's whole changelog, or null when Pipedrive refuses it. */
  private async changelog(id: number): Promise<unknown[] | null> {
    const entries: unknown[] = [];
    let cursor: string | undefined;
    do {
      let answer: HttpAnswer;
      try {
        answer = await this.http.get(`${this.v1Root}/deals/${id}/changelog`, { limit: LIST_MAX, cursor });
      } catch (e) {
        if (e instanceof HistoryRefused) return null;
        throw e;
      }
      const body = parse(listAnswer, answer, 'deal changelog');
      entries.push(...(body.data ?? []));
      cursor = body.additional_data?.next_cursor ?? undefined;
    } while (cursor);
    return entries;
  }

  private async loadUsers(): Promise<Map<number, UpstreamUser>> {
    const body = parse(listAnswer, await this.v1('/users'), 'users');
    const users = new Map<number, UpstreamUser>();
    for (const raw of body.data ?? []) {
      const u = item(userItem, raw, 'user');
      // Deactivated users are listed too: their deals still name them.
      const name = u.name?.trim() || u.email || String(u.id);
      users.set(u.id, { id: String(u.id), name, email: u.email ?? null, team: '' });
    }
    this.users = users;
    return users;
  }

  /** Organisation names by id, each fetched once a run (an unknown one leaves the account empty). */
  private async orgNames(ids: (number | null | undefined)[]): Promise<Map<number, string>> {
    const missing = [...new Set(ids.filter((id): id is number => !!id && !this.orgs.has(id)))];
    for (let i = 0; i < missing.length; i += IDS_MAX) {
      const chunk = missing.slice(i, i + IDS_MAX);
      for (const raw of await this.list('/api/v2/organizations', { ids: chunk.join(',') }, 'organizations')) {
        const org = orgItem.safeParse(raw);
        if (org.success) this.orgs.set(org.data.id, org.data.name ?? '');
      }
    }
    return this.orgs;
  }

  /** The deals' next and last activities: a subject and a time each. */
  private async activities(ids: (number | null | undefined)[]): Promise<PipedriveContext['activities']> {
    const wanted = [...new Set(ids.filter((id): id is number => !!id))];
    const found: PipedriveContext['activities'] = new Map();
    for (let i = 0; i < wanted.length; i += IDS_MAX) {
      const chunk = wanted.slice(i, i + IDS_MAX);
      for (const raw of await this.list('/api/v2/activities', { ids: chunk.join(',') }, 'activities')) {
        const a = activityItem.safeParse(raw);
        if (a.success)
          found.set(a.data.id, {
            subject: a.data.subject ?? '',
            at: activityTime(a.data.due_date, a.data.due_time),
          });
      }
    }
    return found;
  }

  /** Every item of a cursor-paged v2 list. */
  private async list(path: string, query: Record<string, string>, what: string): Promise<unknown[]> {
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const body = parse(listAnswer, await this.http.get(path, { ...query, limit: LIST_MAX, cursor }), what);
      items.push(...(body.data ?? []));
      cursor = body.additional_data?.next_cursor ?? undefined;
    } while (cursor);
    return items;
  }
}

/**
 * Pipedrive's own answers: a 429 with no daily token budget left means the day is spent
 * (it renews at midnight UTC), and asking again only burns goodwill; a 401 names the
 * token; a refused changelog means no history for that deal, not a broken run; an answer
 * with `success: false` is an error whatever its status.
 */
function classify(answer: HttpAnswer, where: string): { stop: SyncStop } | undefined {
  const { status, headers, body } = answer;
  const error = (body as { error?: unknown } | null)?.error;
  if (status === 429) {
    const daily = headers.get('x-daily-ratelimit-token-remaining');
    if (daily !== null && daily.trim() !== '' && Number(daily) <= 0)
      return {
        stop: new SyncStop(
          'daily_limit',
          "the company's daily API token budget is spent; it renews at midnight UTC",
          where,
        ),
      };
    return undefined;
  }
  if (status === 401)
    return {
      stop: new SyncStop(
        'token_rejected',
        `Pipedrive refused the API token (${String(error ?? 'HTTP 401')})`,
        where,
      ),
    };
  if ((status === 403 || status === 404) && where.endsWith('/changelog'))
    return { stop: new HistoryRefused(status, where) };
  if (status === 400 && where.endsWith(DEALS)) return { stop: new CursorRefused(String(error ?? ''), where) };
  if (status >= 200 && status < 300 && (body as { success?: unknown } | null)?.success === false)
    return { stop: new SyncStop('bad_response', `success: false: ${String(error ?? '')}`, where) };
  return undefined;
}

/** An answer's body in the shape Pipedrive documents, or the run stops naming what was not. */
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

/** A reference item (pipeline, stage, user): without it deals cannot be read, so the run stops. */
function item<T>(schema: z.ZodType<T>, raw: unknown, what: string): T {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncStop(
      'bad_response',
      `${what} ${JSON.stringify(raw).slice(0, 80)}: ${issue?.path.join('.')} ${issue?.message}`,
    );
  }
  return parsed.data;
}

/** Whether the deal or its changelog names a user the run does not know. */
function mentionsUnknownUser(
  deal: PipedriveDeal,
  changelog: unknown[] | null,
  users: Map<number, UpstreamUser>,
): boolean {
  if (!users.has(deal.owner_id)) return true;
  for (const e of changelog ?? []) {
    const entry = e as { field_key?: unknown; old_value?: unknown; new_value?: unknown } | null;
    if (entry?.field_key !== 'user_id' && entry?.field_key !== 'owner_id') continue;
    for (const v of [entry.old_value, entry.new_value])
      if (v !== null && v !== undefined && v !== '' && !users.has(Number(v))) return true;
  }
  return false;
}

/** A list item's update_time in ms, NaN when unreadable (such an item is quarantined, never placed). */
function stampOf(raw: unknown): number {
  const value = (raw as { update_time?: unknown } | null)?.update_time;
  if (typeof value !== 'string') return NaN;
  try {
    return pipedriveTime('update_time', value);
  } catch {
    return NaN;
  }
}

/** A list item's numeric id, NaN when unreadable. */
function idOf(raw: unknown): number {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : NaN;
}

/** The highest readable id of items in id order. */
function lastId(records: unknown[]): string | null {
  for (let i = records.length - 1; i >= 0; i--) {
    const id = idOf(records[i]);
    if (Number.isFinite(id)) return String(id);
  }
  return null;
}

const ceilSecond = (ms: number): number => Math.ceil(ms / SECOND) * SECOND;
/** Pipedrive's filters take RFC 3339 to the second. */
const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
