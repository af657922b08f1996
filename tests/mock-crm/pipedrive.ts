import type { FakeCrm } from './fake';
import { FakeHttpServer, type Reply, type SeenRequest } from './server';
import {
  day,
  expectedRows,
  World,
  type ExpectedDeal,
  type ExpectedHistory,
  type TrackedField,
  type WorldDeal,
  type WorldUser,
} from './world';

/**
 * A scripted Pipedrive API over a World, in Pipedrive's shapes: API v2 deals (cursor
 * paging, updated_since / updated_until, sort_by, `status=…,deleted` for deals deleted in
 * the last 30 days, include_fields for the next and last activity), pipelines, stages,
 * organisations and activities; API v1 users, the current user and a deal's changelog
 * (newest first, cursor paging). Every answer carries the burst headers
 * (x-ratelimit-limit / -remaining / -reset) and the daily token budget
 * (x-daily-ratelimit-token-limit / -remaining); a spent budget answers 429 with a
 * remaining of 0. The API token goes in `x-api-token` (or the `api_token` query
 * parameter, as older integrations send it).
 *
 * Where Pipedrive documents no order (deals sharing one update_time), the fake picks one
 * unrelated to the id, so a connector that assumes one loses records here first.
 */

/** The workspace's open stages → Pipedrive stage ids of the main pipeline (won/lost are a deal's status). */
export const PIPEDRIVE_STAGES: Record<string, { id: number; name: string; probability: number }> = {
  need: { id: 1, name: '需求确认', probability: 10 },
  solution: { id: 2, name: '方案交流', probability: 25 },
  proposal: { id: 3, name: '报价比选', probability: 45 },
  negotiation: { id: 4, name: '商务谈判', probability: 65 },
  contract: { id: 5, name: '合同签署', probability: 85 },
};
export const MAIN_PIPELINE = 1;
/** A second pipeline without probabilities and without deals, as many companies keep one. */
const PARTNER_PIPELINE = { id: 2, name: '渠道合作 Partners', stages: ['线索 Lead', '签约 Signed'] };

/** How long a deleted deal stays listed under `status=deleted` (Pipedrive: 30 days). */
export const PIPEDRIVE_DELETE_LOG_MS = 30 * 86_400_000;
const DEALS_LIMIT_MAX = 500;
const BURST_LIMIT = 80;
const BURST_WINDOW_MS = 2_000;
/** Token costs of one request (Pipedrive charges lists more than single reads, v1 more than v2). */
const COST = { v1: 20, v2: 10 };
const PIPEDRIVE_ERROR_INFO =
  'Please check developers.pipedrive.com for more information about Pipedrive API.';

/** Pipedrive keeps seconds. */
export const pipedriveStamp = (at: number): number => Math.floor(at / 1000) * 1000;
/** API v2 timestamps: RFC 3339 in UTC without fractions. */
const rfc3339 = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/** API v1 timestamps: `YYYY-MM-DD HH:MM:SS`, UTC. */
const v1Time = (ms: number): string => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
const SETUP = Date.UTC(2020, 0, 1);

export interface PipedriveOptions {
  users?: WorldUser[];
  token?: string;
  companyId?: number;
  /**
   * The fake's clock: what "the last 30 days" of deleted deals are counted from. By
   * default the world's latest moment (its last create, edit, delete or restore).
   */
  now?: () => number;
}

/** A deal's Pipedrive state derived from the world: stage id, status and the times around them. */
interface DealState {
  stageId: number;
  status: 'open' | 'won' | 'lost';
  stageChangeTime: number | null;
  wonTime: number | null;
  lostTime: number | null;
}

interface ChangelogEntry {
  field_key: string;
  old_value: string | null;
  new_value: string | null;
  at: number;
  seq: number;
}

export class FakePipedrive implements FakeCrm {
  readonly kind = 'pipedrive' as const;
  readonly world: World;
  readonly http: FakeHttpServer;
  readonly token: string;
  readonly companyId: number;
  historyEnabled = true;
  /**
   * Raw v2 fields that override what the world says (undefined removes the field), to
   * script a malformed record: `{ value: 'abc' }`, `{ add_time: undefined }`.
   */
  readonly corrupt = new Map<string, Record<string, unknown>>();
  /** Fields Pipedrive added that no client knows yet, per deal: harmless, unlike `corrupt`. */
  readonly extraFields = new Map<string, Record<string, unknown>>();
  /**
   * Raw entries added to a deal's changelog, stamped like the rest: fields a sync does not
   * track (labels, titles), or a malformed one. expected() does not know of them.
   */
  readonly changelogExtra = new Map<string, (Record<string, unknown> & { at: number })[]>();
  /**
   * The order of the entries one save writes is not documented: false logs a reopening's
   * stage_id before its status, true the status first.
   */
  statusFirst = false;
  /** The day's token budget; each request spends its cost, and a spent budget answers 429. */
  dailyTokens = { limit: 1_000_000, remaining: 1_000_000 };
  now: () => number;
  private readonly orgIds = new Map<string, number>();
  private readonly burst: number[] = [];

  constructor(options: PipedriveOptions = {}) {
    this.world = new World(options.users, (n) => String(n), pipedriveStamp);
    this.token = options.token ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    this.companyId = options.companyId ?? 7_301_234;
    this.now =
      options.now ??
      (() =>
        Math.max(0, ...[...this.world.deals.values()].map((d) => Math.max(d.updatedAt, d.deletedAt ?? 0))));
    this.http = new FakeHttpServer(
      (req) => this.route(req),
      (req) => {
        const token = req.headers['x-api-token'] ?? req.query.get('api_token');
        if (token === this.token) return null;
        return {
          status: 401,
          headers: this.limitHeaders(),
          body: pipedriveError(401, 'unauthorized access'),
        };
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

  /**
   * The canonical rows with Pipedrive's rules (PRODUCT.md): no teams; no forecast
   * category (so `pipeline`, and no forecast history); a won or lost deal's close date is
   * the UTC day of its close_time; the last activity is known to the minute (an
   * activity's due date and time). Corrupted deals are quarantined, so a sync stores none.
   */
  expected(options: { sweptAt?: number } = {}): { deals: ExpectedDeal[]; history: ExpectedHistory[] } {
    const rows = expectedRows(this.world, { ...options, history: this.historyEnabled });
    const deals = rows.deals
      .filter((d) => !this.corrupt.has(d.id))
      .map((row) => {
        const deal = this.world.get(row.id);
        const state = this.state(deal);
        const closed =
          state.status === 'won' ? state.wonTime : state.status === 'lost' ? state.lostTime : null;
        return {
          ...row,
          team: '',
          forecast_category: 'pipeline',
          close_date: closed !== null ? day(closed) : row.close_date,
          last_activity_at:
            row.last_activity_at === null ? null : Math.floor(row.last_activity_at / 60_000) * 60_000,
        };
      });
    const history = rows.history.filter(
      (h) => h.field !== 'forecast_category' && !this.corrupt.has(h.deal_id),
    );
    return { deals, history };
  }

  /** Pipedrive's numeric user id of a world user. */
  userId(worldId: string): number {
    const i = this.world.users.findIndex((u) => u.id === worldId);
    if (i < 0) throw new Error(`no user ${worldId}`);
    return 10_001 + i;
  }

  orgId(name: string): number {
    let id = this.orgIds.get(name);
    if (id === undefined) this.orgIds.set(name, (id = 501 + this.orgIds.size));
    return id;
  }

  /** A 429 of the burst limiter, as scripted faults send it (`retryAfter` adds the header). */
  burstLimited(resetSeconds: number, retryAfter?: number): Reply {
    return {
      status: 429,
      headers: {
        ...this.limitHeaders(0),
        'x-ratelimit-reset': String(resetSeconds),
        ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
      },
      body: pipedriveError(429, 'Request over limit'),
    };
  }

  /** Serve API v1 only under `/v1` (as Pipedrive's own client calls it), not `/api/v1`. */
  bareV1Only = false;

  private route(req: SeenRequest): Reply {
    if (this.bareV1Only && req.path.startsWith('/api/v1/'))
      return { status: 404, body: { success: false, error: 'Unknown method .', errorCode: 404 } };
    const path = req.path.replace(/^\/v1\//, '/api/v1/');
    const v1 = path.startsWith('/api/v1/');
    const cost = v1 ? COST.v1 : COST.v2;
    if (this.dailyTokens.remaining < cost) {
      this.dailyTokens.remaining = 0;
      const midnight = (Math.floor(this.now() / 86_400_000) + 1) * 86_400_000;
      return {
        status: 429,
        headers: {
          ...this.limitHeaders(),
          'x-ratelimit-reset': String(Math.ceil((midnight - this.now()) / 1000)),
        },
        body: pipedriveError(429, 'Request over limit'),
      };
    }
    this.dailyTokens.remaining -= cost;
    const reply = this.answer(req, path);
    return { ...reply, headers: { ...this.limitHeaders(), ...reply.headers } };
  }

  private answer(req: SeenRequest, path: string): Reply {
    if (req.method !== 'GET') return { status: 405, body: pipedriveError(405, 'Method not allowed') };
    if (path === '/api/v1/users/me') return ok({ ...this.user(this.world.users[0]!), ...this.company() });
    if (path === '/api/v1/users') return ok(this.world.users.map((u) => this.user(u)));
    if (path === '/api/v2/pipelines') return this.paged(req, this.pipelines());
    if (path === '/api/v2/stages') {
      const pipeline = req.query.get('pipeline_id');
      return this.paged(
        req,
        this.stages().filter((s) => pipeline === null || String(s.pipeline_id) === pipeline),
      );
    }
    if (path === '/api/v2/deals') return this.deals(req);
    if (path === '/api/v2/organizations') return this.byIds(req, this.organizations());
    if (path === '/api/v2/activities') return this.byIds(req, this.activities());
    const changelog = /^\/api\/v1\/deals\/(\d+)\/changelog$/.exec(path);
    if (changelog) return this.changelog(req, changelog[1]!);
    return { status: 404, body: pipedriveError(404, `Unknown method ${path}`) };
  }

  /** Burst and daily-budget headers; `remaining` overrides the burst count (a scripted 429). */
  private limitHeaders(remaining?: number): Record<string, string> {
    const now = Date.now();
    while (this.burst.length && this.burst[0]! <= now - BURST_WINDOW_MS) this.burst.shift();
    this.burst.push(now);
    return {
      'x-ratelimit-limit': String(BURST_LIMIT),
      'x-ratelimit-remaining': String(remaining ?? Math.max(0, BURST_LIMIT - this.burst.length)),
      'x-ratelimit-reset': '2',
      'x-daily-ratelimit-token-limit': String(this.dailyTokens.limit),
      'x-daily-ratelimit-token-remaining': String(this.dailyTokens.remaining),
    };
  }

  private company() {
    return {
      company_id: this.companyId,
      company_name: '北京示例科技有限公司',
      company_domain: 'bjexample',
      company_country: 'CN',
      company_industry: 'software',
      language: { language_code: 'zh', country_code: 'CN' },
    };
  }

  private user(u: WorldUser) {
    const id = this.userId(u.id);
    return {
      id,
      name: `${u.firstName} ${u.lastName}`.trim(),
      default_currency: 'CNY',
      locale: 'zh_CN',
      lang: 15,
      email: u.email,
      phone: null,
      activated: true,
      last_login: v1Time(SETUP),
      created: v1Time(SETUP),
      modified: v1Time(SETUP),
      has_created_company: id === 10_001,
      access: [
        { app: 'sales', admin: id === 10_001, permission_set_id: '2f5c7a1e-6b0d-4c8e-9a31-5d2e8f4b7c60' },
      ],
      active_flag: true,
      timezone_name: 'Asia/Shanghai',
      timezone_offset: '+08:00',
      role_id: 1,
      icon_url: null,
      is_you: id === 10_001,
      is_deleted: false,
    };
  }

  private pipelines() {
    return [
      {
        id: MAIN_PIPELINE,
        name: '销售漏斗',
        order_nr: 1,
        is_deleted: false,
        is_deal_probability_enabled: true,
        add_time: rfc3339(SETUP),
        update_time: rfc3339(SETUP),
      },
      {
        id: PARTNER_PIPELINE.id,
        name: PARTNER_PIPELINE.name,
        order_nr: 2,
        is_deleted: false,
        is_deal_probability_enabled: false,
        add_time: rfc3339(SETUP),
        update_time: rfc3339(SETUP),
      },
    ];
  }

  private stages() {
    const stage = (id: number, pipeline: number, order: number, name: string, probability: number) => ({
      id,
      order_nr: order,
      name,
      is_deleted: false,
      deal_probability: probability,
      pipeline_id: pipeline,
      is_deal_rot_enabled: false,
      days_to_rotten: null,
      add_time: rfc3339(SETUP),
      update_time: rfc3339(SETUP),
    });
    return [
      ...Object.values(PIPEDRIVE_STAGES).map((s, i) =>
        stage(s.id, MAIN_PIPELINE, i + 1, s.name, s.probability),
      ),
      ...PARTNER_PIPELINE.stages.map((name, i) => stage(6 + i, PARTNER_PIPELINE.id, i + 1, name, 100)),
    ];
  }

  /**
   * A deal's stage id, status and their times, walked from the world's stage changes:
   * won and lost are statuses in Pipedrive, so a deal keeps the stage it was in when won
   * (a deal created won or lost sits in the pipeline's first stage).
   */
  state(d: WorldDeal): DealState {
    const s: DealState = { stageId: 1, status: 'open', stageChangeTime: null, wonTime: null, lostTime: null };
    let first = true;
    for (const c of d.changes) {
      if (c.field !== 'stage') continue;
      const key = c.value!;
      if (key === 'won' || key === 'lost') {
        s.status = key;
        if (key === 'won') s.wonTime = c.at;
        else s.lostTime = c.at;
      } else {
        const id = PIPEDRIVE_STAGES[key]!.id;
        if (!first && id !== s.stageId) s.stageChangeTime = c.at;
        s.stageId = id;
        s.status = 'open';
      }
      first = false;
    }
    return s;
  }

  private visible(d: WorldDeal): boolean {
    return !d.purged && (d.deletedAt === null || d.deletedAt > this.now() - PIPEDRIVE_DELETE_LOG_MS);
  }

  /** The deal as API v2 returns it, corruptions applied. */
  deal(d: WorldDeal, include: Set<string>): Record<string, unknown> {
    const f = d.fields;
    const s = this.state(d);
    const n = Number(d.id);
    const closeTime = s.status === 'won' ? s.wonTime : s.status === 'lost' ? s.lostTime : null;
    const record: Record<string, unknown> = {
      id: n,
      title: f.name,
      creator_user_id: this.userId(this.world.users[0]!.id),
      owner_id: this.userId(f.owner),
      person_id: null,
      org_id: f.account ? this.orgId(f.account) : null,
      pipeline_id: MAIN_PIPELINE,
      stage_id: s.stageId,
      value: Number(f.amount || '0'),
      currency: f.currency,
      add_time: rfc3339(d.createdAt),
      update_time: rfc3339(d.updatedAt),
      stage_change_time: s.stageChangeTime === null ? null : rfc3339(s.stageChangeTime),
      is_deleted: d.deletedAt !== null,
      is_archived: false,
      status: s.status,
      probability: null,
      lost_reason: f.lostReason || null,
      visible_to: 3,
      close_time: closeTime === null ? null : rfc3339(closeTime),
      won_time: s.wonTime === null ? null : rfc3339(s.wonTime),
      lost_time: s.lostTime === null ? null : rfc3339(s.lostTime),
      expected_close_date: f.closeDate,
      label_ids: [],
      origin: 'ManuallyCreated',
      origin_id: null,
      channel: null,
      channel_id: null,
      arr: null,
      mrr: null,
      acv: null,
      custom_fields: {},
    };
    Object.assign(record, this.extraFields.get(d.id));
    if (include.has('next_activity_id')) record.next_activity_id = f.nextStep ? 2 * n : null;
    if (include.has('last_activity_id'))
      record.last_activity_id = f.lastActivityAt === null ? null : 2 * n + 1;
    for (const [k, v] of Object.entries(this.corrupt.get(d.id) ?? {})) {
      if (v === undefined) delete record[k];
      else record[k] = v;
    }
    return record;
  }

  /** GET /api/v2/deals: filters, one sort, and a cursor that marks the next page's first deal. */
  private deals(req: SeenRequest): Reply {
    const q = req.query;
    const limit = Number(q.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > DEALS_LIMIT_MAX)
      return badRequest(`Parameter 'limit' must be an integer between 1 and ${DEALS_LIMIT_MAX}`);
    const since = q.get('updated_since');
    const until = q.get('updated_until');
    const sinceMs = since === null ? null : parseRfc3339(since);
    const untilMs = until === null ? null : parseRfc3339(until);
    if (Number.isNaN(sinceMs)) return badRequest(`Parameter 'updated_since' must be a RFC3339 date-time`);
    if (Number.isNaN(untilMs)) return badRequest(`Parameter 'updated_until' must be a RFC3339 date-time`);
    const sortBy = q.get('sort_by') ?? 'id';
    const direction = q.get('sort_direction') ?? 'asc';
    if (!['id', 'update_time', 'add_time'].includes(sortBy)) return badRequest(`Invalid 'sort_by'`);
    if (!['asc', 'desc'].includes(direction)) return badRequest(`Invalid 'sort_direction'`);
    const statuses = q.get('status')?.split(',') ?? ['open', 'won', 'lost'];
    if (statuses.some((s) => !['open', 'won', 'lost', 'deleted'].includes(s)))
      return badRequest(`Invalid 'status'`);
    const ids = q.get('ids')?.split(',').map(Number);
    const include = new Set(q.get('include_fields')?.split(',') ?? []);

    const pool = [...this.world.deals.values()].filter((d) => {
      if (!this.visible(d)) return false;
      const status = d.deletedAt !== null ? 'deleted' : this.state(d).status;
      if (!statuses.includes(status)) return false;
      if (ids && !ids.includes(Number(d.id))) return false;
      if (sinceMs !== null && d.updatedAt < sinceMs) return false;
      if (untilMs !== null && d.updatedAt >= untilMs) return false;
      return true;
    });
    const key = (d: WorldDeal): [number, number] => [
      sortBy === 'update_time' ? d.updatedAt : sortBy === 'add_time' ? d.createdAt : Number(d.id),
      // Ties on a time: an order unrelated to the id (Pipedrive promises none).
      sortBy === 'id' ? 0 : scramble(d.id),
    ];
    const sign = direction === 'desc' ? -1 : 1;
    const sorted = pool.sort((a, b) => {
      const [a0, a1] = key(a);
      const [b0, b1] = key(b);
      return sign * (a0 - b0 || a1 - b1 || Number(a.id) - Number(b.id));
    });
    let start = 0;
    const cursor = q.get('cursor');
    if (cursor !== null) {
      const marker = readCursor(cursor);
      if (!marker || marker.length !== 3) return badRequest('Invalid cursor');
      // The cursor marks the first deal of the next page by its sort key: still right if
      // deals before it changed since.
      start = sorted.findIndex((d) => {
        const [k0, k1] = key(d);
        return sign * (k0 - marker[0]! || k1 - marker[1]! || Number(d.id) - marker[2]!) >= 0;
      });
      if (start < 0) start = sorted.length;
    }
    const page = sorted.slice(start, start + limit);
    const following = sorted[start + limit];
    return ok(
      page.map((d) => this.deal(d, include)),
      { next_cursor: following ? writeCursor([...key(following), Number(following.id)]) : null },
    );
  }

  /**
   * The changes of the tracked fields as Pipedrive logs them: stage_id and status (won
   * and lost are statuses), value, expected_close_date, user_id, with the times the UI
   * sets beside a status change. The world's forecast category has no Pipedrive field.
   */
  changes(d: WorldDeal): ChangelogEntry[] {
    const entries: ChangelogEntry[] = [];
    const seen = new Map<TrackedField, string | null>();
    let stageId = 1;
    let status = 'open';
    let closeTime: string | null = null;
    let firstStage = true;
    const push = (
      field_key: string,
      old_value: string | null,
      new_value: string | null,
      at: number,
      seq: number,
    ) => entries.push({ field_key, old_value, new_value, at, seq });
    for (const c of d.changes) {
      const before = seen.get(c.field);
      const initial = !seen.has(c.field);
      seen.set(c.field, c.value);
      if (c.field === 'stage') {
        const key = c.value!;
        const nextStatus = key === 'won' || key === 'lost' ? key : 'open';
        const nextStage = nextStatus === 'open' ? PIPEDRIVE_STAGES[key]!.id : firstStage ? 1 : stageId;
        firstStage = false;
        if (!initial) {
          const stageEntry = () => {
            if (nextStage !== stageId) push('stage_id', String(stageId), String(nextStage), c.at, c.seq);
          };
          if (!this.statusFirst) stageEntry();
          if (nextStatus !== status) {
            push('status', status, nextStatus, c.at, c.seq);
            if (nextStatus === 'won') push('won_time', null, v1Time(c.at), c.at, c.seq);
            if (nextStatus === 'lost') push('lost_time', null, v1Time(c.at), c.at, c.seq);
            const closed = nextStatus === 'open' ? null : v1Time(c.at);
            push('close_time', closeTime, closed, c.at, c.seq);
            closeTime = closed;
          }
          if (this.statusFirst) stageEntry();
        } else if (nextStatus !== 'open') closeTime = v1Time(c.at);
        stageId = nextStage;
        status = nextStatus;
        continue;
      }
      if (initial) continue;
      if (c.field === 'amount') push('value', decimal(before ?? '0'), decimal(c.value ?? '0'), c.at, c.seq);
      else if (c.field === 'closeDate') push('expected_close_date', before ?? null, c.value, c.at, c.seq);
      else if (c.field === 'owner')
        push('user_id', String(this.userId(before!)), String(this.userId(c.value!)), c.at, c.seq);
    }
    return entries;
  }

  /** GET /api/v1/deals/{id}/changelog: newest first, a cursor per page. */
  private changelog(req: SeenRequest, id: string): Reply {
    const d = this.world.deals.get(id);
    if (!d || !this.visible(d)) return { status: 404, body: pipedriveError(404, 'Deal not found') };
    if (!this.historyEnabled || d.historyHidden)
      return {
        status: 403,
        body: pipedriveError(403, 'You do not have permissions to access this resource'),
      };
    const limit = Math.min(Number(req.query.get('limit') ?? 100), 500);
    const cursor = req.query.get('cursor');
    const offset = cursor === null ? 0 : (readCursor(cursor)?.[0] ?? NaN);
    if (!Number.isInteger(offset) || offset < 0) return badRequest('Invalid cursor');
    const logged = this.changes(d).map((e) => ({
      at: e.at,
      seq: e.seq,
      entry: { field_key: e.field_key, old_value: e.old_value, new_value: e.new_value } as Record<
        string,
        unknown
      >,
    }));
    for (const { at, ...entry } of this.changelogExtra.get(id) ?? [])
      logged.push({ at, seq: Infinity, entry });
    // Newest first: the reverse of the order the changes were made in, within a save too.
    const all = logged
      .sort((a, b) => a.at - b.at || a.seq - b.seq)
      .reverse()
      .map((e, i) => ({
        ...e.entry,
        actor_user_id: this.userId(d.fields.owner),
        time: v1Time(e.at),
        change_source: i % 3 === 0 ? 'api' : 'app',
        change_source_user_agent: i % 3 === 0 ? 'Pipedrive-SDK-Javascript' : null,
        is_bulk_update_flag: false,
      }));
    const page = all.slice(offset, offset + limit);
    return ok(page, { next_cursor: offset + limit < all.length ? writeCursor([offset + limit]) : null });
  }

  private organizations() {
    return [...this.orgIds].map(([name, id]) => ({
      id,
      name,
      owner_id: this.userId(this.world.users[0]!.id),
      add_time: rfc3339(SETUP),
      update_time: rfc3339(SETUP),
      is_deleted: false,
      visible_to: 3,
      address: null,
      label_ids: [],
      website: null,
      linkedin: null,
      industry: null,
      annual_revenue: null,
      employee_count: null,
      custom_fields: {},
    }));
  }

  /** Each deal's next activity (its next step) and last done activity (its last activity). */
  private activities() {
    const list: Record<string, unknown>[] = [];
    for (const d of this.world.deals.values()) {
      const n = Number(d.id);
      const base = {
        type: 'call',
        owner_id: this.userId(d.fields.owner),
        creator_user_id: this.userId(d.fields.owner),
        is_deleted: false,
        deal_id: n,
        lead_id: null,
        person_id: null,
        org_id: d.fields.account ? this.orgId(d.fields.account) : null,
        project_id: null,
        duration: '00:30',
        busy: false,
        location: null,
        participants: [],
        attendees: [],
        public_description: '',
        priority: null,
        note: '',
      };
      if (d.fields.nextStep) {
        const due = d.updatedAt + 7 * 86_400_000;
        list.push({
          id: 2 * n,
          subject: d.fields.nextStep,
          ...base,
          add_time: rfc3339(d.updatedAt),
          update_time: rfc3339(d.updatedAt),
          due_date: day(due),
          due_time: '',
          done: false,
          marked_as_done_time: null,
        });
      }
      if (d.fields.lastActivityAt !== null) {
        const at = d.fields.lastActivityAt;
        list.push({
          id: 2 * n + 1,
          subject: '电话回访',
          ...base,
          add_time: rfc3339(at),
          update_time: rfc3339(at),
          due_date: day(at),
          due_time: new Date(at).toISOString().slice(11, 16),
          done: true,
          marked_as_done_time: rfc3339(at),
        });
      }
    }
    return list;
  }

  /** A v2 list filtered by `ids` (at most 100) and paged by cursor. */
  private byIds(req: SeenRequest, items: Record<string, unknown>[]): Reply {
    const ids = req.query.get('ids');
    if (ids !== null && ids.split(',').length > 100)
      return badRequest(`Parameter 'ids' accepts at most 100 ids`);
    const wanted = ids === null ? null : new Set(ids.split(',').map(Number));
    return this.paged(
      req,
      items
        .filter((i) => wanted === null || wanted.has(i.id as number))
        .sort((a, b) => (a.id as number) - (b.id as number)),
    );
  }

  private paged(req: SeenRequest, items: unknown[]): Reply {
    const limit = Number(req.query.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500)
      return badRequest(`Parameter 'limit' must be an integer between 1 and 500`);
    const cursor = req.query.get('cursor');
    const offset = cursor === null ? 0 : (readCursor(cursor)?.[0] ?? NaN);
    if (!Number.isInteger(offset) || offset < 0) return badRequest('Invalid cursor');
    return ok(items.slice(offset, offset + limit), {
      next_cursor: offset + limit < items.length ? writeCursor([offset + limit]) : null,
    });
  }
}

/** How Pipedrive writes a value in the changelog: the number as text. */
const decimal = (amount: string): string => String(Number(amount || '0'));

const ok = (data: unknown, additional?: Record<string, unknown>): Reply => ({
  status: 200,
  body: { success: true, data, ...(additional ? { additional_data: additional } : {}) },
});

/** Pipedrive's error envelope. */
export function pipedriveError(code: number, error: string) {
  return {
    success: false,
    error,
    errorCode: code,
    error_info: PIPEDRIVE_ERROR_INFO,
    data: null,
    additional_data: null,
  };
}

const badRequest = (error: string): Reply => ({ status: 400, body: pipedriveError(400, error) });

function parseRfc3339(text: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return NaN;
  return Date.parse(text);
}

/** Opaque to clients: base64 of the next item's sort key (or an offset), as Pipedrive's look. */
const writeCursor = (key: number[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

function readCursor(cursor: string): number[] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) && value.every((v) => typeof v === 'number') ? value : null;
  } catch {
    return null;
  }
}

/** A stable pseudo-random rank for an id: ties are ordered by it, not by the id. */
function scramble(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}
