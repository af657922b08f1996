import { z } from 'zod';
import { msg, type MessageRef } from '@shared/messages';
import { parseTimestamp } from '@shared/time';
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
  type UpstreamStage,
  type UpstreamUser,
} from '../connector';
import { CrmHttp, type HttpAnswer } from '../http';
import {
  RECORD_ID,
  SALESFORCE_PIPELINE,
  fieldHistoryRecord,
  readOpportunity,
  stageHistoryRecord,
  type DealHistory,
  type ReadContext,
} from './salesforce-records';

/** The REST API version spoken; every object and field used here exists since long before it. */
export const SALESFORCE_API_VERSION = 'v62.0';
const DATA = `/services/data/${SALESFORCE_API_VERSION}`;
/** A query answers at most 2,000 records a batch; Salesforce will not go below 200. */
const BATCH_MIN = 200;
const BATCH_MAX = 2000;
/** Ids per `OpportunityId IN (…)`: ~25 characters each keeps the URL far below its ~16 KB limit. */
const HISTORY_CHUNK = 200;
/** Deleted records stay in the recycle bin (and in queryAll) for 15 days. */
const RECYCLE_BIN_MS = 15 * 86_400_000;
/** Too many concurrent long requests (REQUEST_LIMIT_EXCEEDED, ConcurrentRequests) clear in seconds. */
const CONCURRENCY_WAIT_MS = 5_000;
/** An API field name: what may stand in a SOQL field list without quoting. */
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The Opportunity fields a page reads (PRODUCT.md's Salesforce column). */
const OPPORTUNITY_FIELDS = [
  'Id',
  'Name',
  'Account.Name',
  'Owner.Name',
  'Owner.Email',
  'Owner.UserRole.Name',
  'Amount',
  'StageName',
  'CreatedDate',
  'SystemModstamp',
  'CloseDate',
  'ForecastCategoryName',
  'NextStep',
  'LastActivityDate',
  'IsDeleted',
];

/**
 * Where a window resumes: after the record with this SystemModstamp (ms) and Id. A
 * keyset, not a nextRecordsUrl: query cursors die after 15 idle minutes, and a position
 * must outlive a crash.
 */
type SalesforcePosition = { t: number; id: string };
const positionShape = z.object({ t: z.number().int(), id: z.string().regex(RECORD_ID) });

const queryAnswer = z
  .object({
    totalSize: z.number(),
    done: z.boolean(),
    nextRecordsUrl: z.string().optional(),
    records: z.array(z.unknown()),
  })
  .loose();
const describeAnswer = z
  .object({ name: z.string(), fields: z.array(z.object({ name: z.string() }).loose()) })
  .loose();
const keyRecord = z.object({ Id: z.string().regex(RECORD_ID), SystemModstamp: z.string() }).loose();
const idRecord = z.object({ Id: z.string().regex(RECORD_ID) }).loose();
const organizationRecord = z.object({ Id: z.string().regex(RECORD_ID), Name: z.string() }).loose();
const stageRecord = z
  .object({
    ApiName: z.string().min(1),
    MasterLabel: z.string().nullable().optional(),
    SortOrder: z.number().nullable().optional(),
    DefaultProbability: z.number().nullable().optional(),
    IsClosed: z.boolean(),
    IsWon: z.boolean(),
  })
  .loose();
const userRecord = z
  .object({
    Id: z.string().regex(RECORD_ID),
    Name: z.string().nullable().optional(),
    Email: z.string().nullable().optional(),
    UserRole: z.object({ Name: z.string().nullable().optional() }).loose().nullable().optional(),
  })
  .loose();
/** Salesforce's error envelope: `[{"message": "…", "errorCode": "…"}]`. */
const errorAnswer = z
  .array(z.object({ errorCode: z.string(), message: z.string().optional() }).loose())
  .min(1);

/**
 * The org will not let this user query an object (INVALID_TYPE: "sObject type … is not
 * supported"): what the history objects answer without access. Caught where a missing
 * object is survivable; anywhere else it ends the run like any bad response.
 */
class ObjectRefused extends SyncStop {
  constructor(detail: string, where: string) {
    super('bad_response', detail, where);
  }
}

/** The org's daily API allowance as the last answer told it (Sforce-Limit-Info: api-usage=N/M). */
class ApiBudget {
  used: number | null = null;
  max: number | null = null;

  read(headers: Headers): void {
    const m = /api-usage=(\d+)\/(\d+)/.exec(headers.get('sforce-limit-info') ?? '');
    if (m) {
      this.used = Number(m[1]);
      this.max = Number(m[2]);
    }
  }

  get spent(): boolean {
    return this.used !== null && this.max !== null && this.used >= this.max;
  }

  stop(where: string): SyncStop {
    return new SyncStop('daily_limit', `${this.used} of ${this.max} API requests used today`, where);
  }
}

/** What the first page learns once: the Opportunity fields to read. */
interface OrgProfile {
  fields: string[];
  lostReasonField: string | null;
}

/**
 * Salesforce REST with an OAuth access token and the instance URL. Changed opportunities
 * come from SOQL through queryAll (deletions and undeletions arrive in the same stream:
 * IsDeleted and a new SystemModstamp), ordered by SystemModstamp then Id and resumed by
 * that keyset, so records sharing one second never fall between pages. Each page's
 * OpportunityHistory and owner OpportunityFieldHistory rows give the deals' history.
 * Sforce-Limit-Info is read on every answer: once the day's requests are used up the
 * connector stops asking (SyncStop 'daily_limit') and the run ends with what it saved.
 */
export class SalesforceConnector implements Connector {
  readonly kind = 'salesforce' as const;
  readonly deleteLogMs = RECYCLE_BIN_MS;
  private readonly http: CrmHttp;
  private readonly pageSize: number;
  private readonly budget = new ApiBudget();
  private readonly lostReasonSetting: string | null;
  private profile: Promise<OrgProfile> | null = null;
  private users: Map<string, UpstreamUser> | null = null;
  /** The history objects answered INVALID_TYPE: this run's deals come without history. */
  private historyRefused = false;

  constructor(options: ConnectorOptions) {
    this.pageSize = Math.min(Math.max(1, options.pageSize ?? BATCH_MAX), BATCH_MAX);
    this.lostReasonSetting = options.settings?.lostReasonField?.trim() || null;
    this.http = new CrmHttp(
      options.baseUrl,
      {
        authorization: `Bearer ${options.token}`,
        // One page in one batch where Salesforce agrees; nextRecordsUrl covers the rest.
        'sforce-query-options': `batchSize=${Math.min(Math.max(this.pageSize, BATCH_MIN), BATCH_MAX)}`,
      },
      options.http,
      (answer, where) => this.classify(answer, where),
    );
  }

  async identify(): Promise<UpstreamAccount> {
    const { records } = await this.query('SELECT Id, Name FROM Organization', false, 'organization');
    const org = organizationRecord.safeParse(records[0]);
    if (!org.success) throw new SyncStop('bad_response', 'organization: no Id and Name', `GET ${DATA}/query`);
    return { key: org.data.Id, label: org.data.Name };
  }

  async reference(): Promise<Reference> {
    const { records } = await this.query(
      'SELECT Id, ApiName, MasterLabel, SortOrder, DefaultProbability, IsClosed, IsWon, IsActive FROM OpportunityStage ORDER BY SortOrder',
      false,
      'opportunity stages',
    );
    // Inactive stages stay: older deals and their history may still stand in them.
    const stages = records.map((raw, i): UpstreamStage => {
      const s = parse(stageRecord, raw, 'opportunity stages');
      return {
        id: s.ApiName,
        label: s.MasterLabel || s.ApiName,
        order: s.SortOrder ?? i,
        kind: !s.IsClosed ? 'open' : s.IsWon ? 'won' : 'lost',
        probability:
          s.DefaultProbability === null || s.DefaultProbability === undefined
            ? null
            : s.DefaultProbability / 100,
      };
    });
    const users = await this.userMap();
    return {
      pipelines: [{ id: SALESFORCE_PIPELINE, label: SALESFORCE_PIPELINE, order: 0, stages }],
      users: [...users.values()],
    };
  }

  async changes(window: SyncWindow, stored: Position | null): Promise<ChangePage> {
    const before = this.http.requests;
    const parsedPosition = positionShape.safeParse(stored);
    // A position this connector did not write (none, or damaged) restarts the window:
    // pages are idempotent, so reading some deals again costs time, never data.
    const position: SalesforcePosition | null = parsedPosition.success ? parsedPosition.data : null;
    const profile = await this.orgProfile();
    const inWindow = `SystemModstamp >= ${soqlTime(window.from)} AND SystemModstamp < ${soqlTime(window.to)}`;
    const after = position
      ? ` AND (SystemModstamp > ${soqlTime(position.t)} OR (SystemModstamp = ${soqlTime(position.t)} AND Id > ${quote(position.id)}))`
      : '';
    const { records } = await this.query(
      `SELECT ${profile.fields.join(', ')} FROM Opportunity WHERE ${inWindow}${after} ORDER BY SystemModstamp, Id LIMIT ${this.pageSize}`,
      true,
      'changed opportunities',
    );
    const done = records.length < this.pageSize;
    let next: Position = null;
    if (!done) {
      const last = keyOf(records.at(-1));
      if (!last)
        throw new SyncStop(
          'bad_response',
          'changed opportunities: the last record has no Id or SystemModstamp',
        );
      next = last;
    }
    const read = await this.read(records, profile);
    let total: number | undefined;
    if (position === null)
      total = done
        ? records.length
        : (await this.query(`SELECT COUNT() FROM Opportunity WHERE ${inWindow}`, true, 'opportunity count'))
            .totalSize;
    return {
      ...read,
      next,
      done,
      ...(total === undefined ? {} : { total }),
      requests: this.http.requests - before,
    };
  }

  async liveIds(stored: Position | null): Promise<IdPage> {
    const after = typeof stored === 'string' && RECORD_ID.test(stored) ? stored : null;
    const { records } = await this.query(
      `SELECT Id FROM Opportunity${after ? ` WHERE Id > ${quote(after)}` : ''} ORDER BY Id LIMIT ${this.pageSize}`,
      false,
      'opportunity ids',
    );
    const ids = records.map((r) => parse(idRecord, r, 'opportunity ids').Id);
    const done = ids.length < this.pageSize;
    return { ids, next: done ? null : ids.at(-1)!, done };
  }

  /** The page's records as deals (with their history), tombstones and quarantined records. */
  private async read(
    records: unknown[],
    profile: OrgProfile,
  ): Promise<Pick<ChangePage, 'deals' | 'deletions' | 'quarantined'>> {
    const ids = records.flatMap((r) => {
      const key = keyOf(r);
      return key ? [key.id] : [];
    });
    const histories = await this.histories(ids);
    const needsNames = [...(histories?.values() ?? [])].some((h) => h.owners.length > 0);
    const context: ReadContext = {
      // A single-currency org names no currency on its records: the workspace's one.
      currency: '',
      lostReasonField: profile.lostReasonField,
      users: needsNames ? await this.userMap() : new Map(),
    };
    const deals: UpstreamDeal[] = [];
    const deletions: ChangePage['deletions'] = [];
    const quarantined: Quarantined[] = [];
    for (const raw of records) {
      const key = keyOf(raw);
      const history =
        histories === null ? null : (histories.get(key?.id ?? '') ?? { stages: [], owners: [] });
      const result = history?.problem
        ? { quarantined: { id: key?.id ?? null, reason: history.problem, payload: raw } }
        : readOpportunity(raw, history, context);
      if ('deal' in result) deals.push(result.deal);
      else if (key && (raw as { IsDeleted?: unknown }).IsDeleted === true)
        // Deleted and unreadable: what matters is that it is gone, and that is readable.
        deletions.push({ id: key.id, deletedAt: key.t });
      else quarantined.push(result.quarantined);
    }
    return { deals, deletions, quarantined };
  }

  /**
   * Each deal's OpportunityHistory and owner OpportunityFieldHistory rows, through
   * queryAll (a deleted deal's rows are in the recycle bin with it); null when the org
   * refuses the history objects.
   */
  private async histories(
    ids: string[],
  ): Promise<Map<string, DealHistory & { problem?: MessageRef }> | null> {
    if (this.historyRefused) return null;
    const byDeal = new Map<string, DealHistory & { problem?: MessageRef }>();
    const of = (id: string) => {
      let h = byDeal.get(id);
      if (!h) byDeal.set(id, (h = { stages: [], owners: [] }));
      return h;
    };
    try {
      for (let i = 0; i < ids.length; i += HISTORY_CHUNK) {
        const list = ids
          .slice(i, i + HISTORY_CHUNK)
          .map(quote)
          .join(', ');
        const stages = await this.query(
          `SELECT Id, OpportunityId, StageName, Amount, CloseDate, ForecastCategory, CreatedDate FROM OpportunityHistory WHERE OpportunityId IN (${list}) ORDER BY OpportunityId, CreatedDate, Id`,
          true,
          'opportunity history',
        );
        for (const raw of stages.records) {
          const row = stageHistoryRecord.safeParse(raw);
          if (row.success) of(row.data.OpportunityId).stages.push(row.data);
          else brokenRow(raw, row.error, 'OpportunityHistory', of);
        }
        const owners = await this.query(
          `SELECT Id, OpportunityId, DataType, OldValue, NewValue, CreatedDate FROM OpportunityFieldHistory WHERE OpportunityId IN (${list}) AND Field = 'Owner' ORDER BY OpportunityId, CreatedDate, Id`,
          true,
          'opportunity field history',
        );
        for (const raw of owners.records) {
          const row = fieldHistoryRecord.safeParse(raw);
          if (row.success) of(row.data.OpportunityId).owners.push(row.data);
          else brokenRow(raw, row.error, 'OpportunityFieldHistory', of);
        }
      }
    } catch (e) {
      if (!(e instanceof ObjectRefused)) throw e;
      // Partial history would read as "never changed": without both objects, none at all.
      this.historyRefused = true;
      return null;
    }
    return byDeal;
  }

  private async userMap(): Promise<Map<string, UpstreamUser>> {
    if (this.users) return this.users;
    const { records } = await this.query(
      'SELECT Id, Name, Email, UserRole.Name FROM User ORDER BY Id',
      false,
      'users',
    );
    const users = new Map<string, UpstreamUser>();
    for (const raw of records) {
      const u = parse(userRecord, raw, 'users');
      users.set(u.Id, {
        id: u.Id,
        name: u.Name || u.Email || u.Id,
        email: u.Email ?? null,
        team: u.UserRole?.Name ?? '',
      });
    }
    return (this.users = users);
  }

  /**
   * The Opportunity fields this org has: CurrencyIsoCode exists only with multiple
   * currencies on, and the lost-reason field is the connection's choice, checked here so
   * a misspelt name stops the run with its name rather than as a malformed query.
   */
  private orgProfile(): Promise<OrgProfile> {
    this.profile ??= (async () => {
      let described: z.infer<typeof describeAnswer>;
      try {
        described = parse(
          describeAnswer,
          (await this.get(`${DATA}/sobjects/Opportunity/describe`)).body,
          'Opportunity describe',
        );
      } catch (e) {
        // An API without describe (a reduced proxy, a sandbox tool): the standard fields,
        // single currency. Only a chosen lost-reason field needs describe to be checked.
        if (!(e instanceof SyncStop) || e.reason !== 'bad_response' || this.lostReasonSetting) throw e;
        return { fields: [...OPPORTUNITY_FIELDS], lostReasonField: null };
      }
      const names = new Map(described.fields.map((f) => [f.name.toLowerCase(), f.name]));
      let lostReasonField: string | null = null;
      if (this.lostReasonSetting) {
        lostReasonField = FIELD_NAME.test(this.lostReasonSetting)
          ? (names.get(this.lostReasonSetting.toLowerCase()) ?? null)
          : null;
        if (!lostReasonField)
          throw new SyncStop(
            'bad_response',
            `Opportunity has no field ${this.lostReasonSetting} (the lost-reason field chosen for this connection)`,
          );
      }
      return {
        fields: [
          ...OPPORTUNITY_FIELDS,
          ...(names.has('currencyisocode') ? ['CurrencyIsoCode'] : []),
          ...(lostReasonField && !OPPORTUNITY_FIELDS.includes(lostReasonField) ? [lostReasonField] : []),
        ],
        lostReasonField,
      };
    })().catch((e: unknown) => {
      this.profile = null;
      throw e;
    });
    return this.profile;
  }

  /** A SOQL query's records, following nextRecordsUrl to the end of the result. */
  private async query(
    soql: string,
    all: boolean,
    what: string,
  ): Promise<{ records: unknown[]; totalSize: number }> {
    let body = parse(
      queryAnswer,
      (await this.get(`${DATA}/${all ? 'queryAll' : 'query'}`, { q: soql })).body,
      what,
    );
    const totalSize = body.totalSize;
    const records = [...body.records];
    while (!body.done) {
      // The token goes wherever the link points: only ever back to this instance's API.
      if (!body.nextRecordsUrl?.startsWith('/services/data/'))
        throw new SyncStop(
          'bad_response',
          `${what}: more records announced without a nextRecordsUrl on this instance`,
        );
      body = parse(queryAnswer, (await this.get(body.nextRecordsUrl)).body, what);
      records.push(...body.records);
    }
    return { records, totalSize };
  }

  /** Every request goes through here: none is sent once the day's API requests are used up. */
  private get(path: string, query?: Record<string, string>): Promise<HttpAnswer> {
    if (this.budget.spent) throw this.budget.stop(`GET ${path}`);
    return this.http.get(path, query);
  }

  /**
   * Salesforce's answers: Sforce-Limit-Info read on every one; INVALID_SESSION_ID is a
   * rejected token; REQUEST_LIMIT_EXCEEDED is the day's budget spent (TotalRequests) —
   * or too many requests at once (ConcurrentRequests…), which passes and is retried. A
   * failure once the budget is spent stops instead of being retried; other error
   * envelopes stop the run naming Salesforce's own code and reason.
   */
  private classify(
    answer: HttpAnswer,
    where: string,
  ): { stop: SyncStop } | { retryAfterMs: number } | undefined {
    this.budget.read(answer.headers);
    const parsed = errorAnswer.safeParse(answer.body);
    const error = parsed.success ? parsed.data[0] : undefined;
    const reason = lastLine(error?.message ?? '');
    if (answer.status === 401 || error?.errorCode === 'INVALID_SESSION_ID')
      return {
        stop: new SyncStop('token_rejected', `Salesforce: ${reason || 'session expired or invalid'}`, where),
      };
    if (error?.errorCode === 'API_DISABLED_FOR_ORG' || error?.errorCode === 'API_CURRENTLY_DISABLED')
      return { stop: new SyncStop('token_rejected', `Salesforce: ${error.errorCode}: ${reason}`, where) };
    if (error?.errorCode === 'REQUEST_LIMIT_EXCEEDED') {
      if (/concurrent/i.test(reason)) return { retryAfterMs: CONCURRENCY_WAIT_MS };
      return {
        stop: new SyncStop('daily_limit', `Salesforce: ${reason || 'TotalRequests Limit exceeded.'}`, where),
      };
    }
    if (answer.status >= 200 && answer.status < 300) return undefined;
    if (this.budget.spent) return { stop: this.budget.stop(where) };
    if (error?.errorCode === 'INVALID_TYPE')
      return { stop: new ObjectRefused(`INVALID_TYPE: ${reason}`, where) };
    if (error && answer.status >= 400 && answer.status < 500 && answer.status !== 429)
      return {
        stop: new SyncStop('bad_response', `HTTP ${answer.status} ${error.errorCode}: ${reason}`, where),
      };
    return undefined;
  }
}

/** A history row zod refused: its deal is quarantined naming the row (or the run stops when no deal is named). */
function brokenRow(
  raw: unknown,
  error: z.ZodError,
  object: string,
  of: (id: string) => { problem?: MessageRef },
): void {
  const dealId = (raw as { OpportunityId?: unknown } | null)?.OpportunityId;
  const issue = error.issues[0];
  const problem = `${object}.${issue ? `${issue.path.join('.')}: ${issue.message}` : 'unexpected shape'}`;
  if (typeof dealId !== 'string' || !RECORD_ID.test(dealId))
    throw new SyncStop('bad_response', `a history row names no opportunity (${problem})`);
  of(dealId).problem ??= msg('sync_record_unreadable', { problem });
}

/** A record's keyset (SystemModstamp in ms, Id), or null when it has none. */
function keyOf(raw: unknown): SalesforcePosition | null {
  const r = keyRecord.safeParse(raw);
  if (!r.success) return null;
  const t = parseTimestamp(r.data.SystemModstamp);
  return t === null ? null : { t, id: r.data.Id };
}

/**
 * A SOQL datetime literal (unquoted, whole seconds). Salesforce keeps datetimes to the
 * second, so a bound with milliseconds is rounded up: `>= 05:06:07.5` and `>= 05:06:08`
 * select the same records, and so do `< 05:06:07.5` and `< 05:06:08`.
 */
function soqlTime(ms: number): string {
  return new Date(Math.ceil(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A SOQL string literal: backslashes and quotes escaped. */
const quote = (text: string): string => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Salesforce's query errors quote the query and point at it; the reason is the last line. */
const lastLine = (message: string): string => message.trim().split('\n').at(-1)?.trim() ?? '';

/** An answer in the shape Salesforce documents, or the run stops naming what was not. */
function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncStop(
      'bad_response',
      `${what}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unexpected shape'}`,
    );
  }
  return parsed.data;
}
