import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  SyncStop,
  type ChangePage,
  type Position,
  type SyncWindow,
  type UpstreamDeal,
} from '@backend/sync/connector';
import { SalesforceConnector } from '@backend/sync/connectors/salesforce';
import type { Clock, HttpOptions } from '@backend/sync/http';
import { formatMessage } from '@shared/messages';
import { FakeSalesforce } from '../../mock-crm/salesforce';
import { LOST_REASON_FIELD, SALESFORCE_STAGES, stageKeyOf } from '../../mock-crm/salesforce-org';
import type { SeenRequest } from '../../mock-crm/server';
import { populate, type ExpectedDeal, type ExpectedHistory } from '../../mock-crm/world';

const T0 = Date.UTC(2026, 2, 4, 5, 6, 7);
const DAY = 86_400_000;
const ALL: SyncWindow = { from: 0, to: Date.UTC(2027, 0, 1) };

/** Time that never passes by itself: backoff waits are recorded, not slept. */
function fakeClock(): Clock & { slept: number[] } {
  const slept: number[] = [];
  return { slept, now: () => T0 + 400 * DAY, sleep: async (ms) => void slept.push(ms) };
}

let fake: FakeSalesforce;
let clock: ReturnType<typeof fakeClock>;

beforeEach(async () => {
  fake = new FakeSalesforce();
  await fake.start();
  clock = fakeClock();
});
afterEach(() => fake.stop());

function connector(
  options: { pageSize?: number; http?: HttpOptions; settings?: Record<string, string>; token?: string } = {},
) {
  return new SalesforceConnector({
    baseUrl: fake.url,
    token: options.token ?? fake.token,
    pageSize: options.pageSize,
    settings: options.settings,
    http: { clock, random: () => 0.5, ...options.http },
  });
}

/** Every page of a window, from `position` on, with the position each one was asked from. */
async function pages(c: SalesforceConnector, window = ALL, position: Position | null = null) {
  const out: { from: Position | null; page: ChangePage }[] = [];
  for (let guard = 0; guard < 1000; guard++) {
    const page = await c.changes(window, position);
    out.push({ from: position, page });
    if (page.done) return out;
    position = page.next;
  }
  throw new Error('the window never ends');
}

/** What a store holds after applying pages in order: the latest version of each deal. */
function apply(store: Map<string, UpstreamDeal>, list: { page: ChangePage }[]) {
  for (const { page } of list) {
    for (const d of page.deals) store.set(d.id, d);
    for (const t of page.deletions) {
      const d = store.get(t.id);
      if (d) store.set(t.id, { ...d, deletedAt: t.deletedAt });
    }
  }
  return store;
}

/** The deals in the canonical row shape expected() uses (stages through the org's names). */
function rows(store: Map<string, UpstreamDeal>): { deals: ExpectedDeal[]; history: ExpectedHistory[] } {
  const deals: ExpectedDeal[] = [];
  const history: ExpectedHistory[] = [];
  for (const d of store.values()) {
    expect(d.stage.pipeline).toBe('Opportunity');
    deals.push({
      id: d.id,
      name: d.name,
      account: d.account,
      owner: d.owner,
      team: d.team,
      amount_cents: d.amountCents,
      stage: stageKeyOf(d.stage.stage) ?? `?${d.stage.stage}`,
      created_at: d.createdAt,
      close_date: d.closeDate,
      forecast_category: d.forecastCategory,
      lost_reason: d.lostReason,
      next_step: d.nextStep,
      updated_at: d.updatedAt,
      last_activity_at: d.lastActivityAt,
      deleted_at: d.deletedAt,
    });
    for (const c of d.history ?? [])
      history.push({
        deal_id: d.id,
        field: c.field,
        value: c.field === 'stage' ? (stageKeyOf(c.stage.stage) ?? `?${c.stage.stage}`) : c.value,
        changed_at: c.at,
      });
  }
  return sorted({ deals, history });
}

function sorted(r: { deals: ExpectedDeal[]; history: ExpectedHistory[] }) {
  const key = (h: ExpectedHistory) =>
    `${h.deal_id}|${String(h.changed_at).padStart(15, '0')}|${h.field}|${h.value}`;
  return {
    deals: [...r.deals].sort((a, b) => a.id.localeCompare(b.id)),
    history: [...r.history].sort((a, b) => key(a).localeCompare(key(b))),
  };
}

const queries = (filter: (soql: string) => boolean = () => true): SeenRequest[] =>
  fake.http.requests.filter((r) => /\/query(All)?$/.test(r.path) && filter(r.query.get('q') ?? ''));

async function stopOf(p: Promise<unknown>): Promise<SyncStop> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(SyncStop);
  return e as SyncStop;
}

describe('Salesforce connector: changed opportunities', () => {
  it('pages through a window with a keyset, following nextRecordsUrl inside a page, and reads every deal as expected', async () => {
    populate(fake.world, 23, { start: T0, seed: 7 });
    fake.maxBatchSize = 2; // the org hands out smaller batches than asked
    const list = await pages(connector({ pageSize: 5 }));
    expect(list.map((p) => p.page.deals.length)).toEqual([5, 5, 5, 5, 3]);
    expect(list[0]!.page.total).toBe(23);
    expect(list.slice(1).every((p) => p.page.total === undefined)).toBe(true);
    // Every position is a keyset of the last record read, never a cursor.
    for (const { page } of list.slice(0, -1)) {
      const last = page.deals.at(-1)!;
      expect(page.next).toEqual({ t: last.updatedAt, id: last.id });
    }
    expect(list.at(-1)!.page.next).toBeNull();
    // Cursors were followed within pages (batches of 2 for pages of 5).
    expect(fake.http.requests.some((r) => /\/query\/01g\w{15}-\d+$/.test(r.path))).toBe(true);
    expect(queries((q) => q.includes('FROM Opportunity ')).every((r) => r.path.endsWith('/queryAll'))).toBe(
      true,
    );
    expect(fake.http.requests[0]!.headers['sforce-query-options']).toBe('batchSize=200');
    expect(rows(apply(new Map(), list))).toEqual(sorted(fake.expected()));
    expect(list.reduce((n, p) => n + p.page.requests, 0)).toBe(fake.http.requests.length);
  });

  it('reads every field as PRODUCT.md says, with the reference and the account', async () => {
    const [east, north, noRole] = fake.world.users;
    noRole!.team = '';
    const a = fake.world.create(
      {
        stage: 'proposal',
        name: '华东 ERP 升级',
        account: '上海某某有限公司',
        owner: east!.id,
        amount: '1234567.89',
        closeDate: '2026-06-30',
        forecast: 'best_case',
        nextStep: 'Send the revised quote',
        lastActivityAt: T0 + 3 * DAY + 5 * 3_600_000 + 123,
      },
      T0 + 1_234,
    );
    const b = fake.world.create(
      { stage: 'lost', name: 'No account', owner: noRole!.id, forecast: 'omitted', lostReason: 'price' },
      T0 + 2_000,
    );
    const c = fake.world.create(
      { stage: 'contract', owner: north!.id, forecast: 'commit', amount: '-0.5' },
      T0,
    );
    fake.world.update(c.id, { stage: 'won', forecast: 'closed', closeDate: '2026-04-01' }, T0 + DAY);
    const store = apply(new Map(), await pages(connector()));
    expect(rows(store)).toEqual(sorted(fake.expected()));
    const deal = store.get(a.id)!;
    expect(deal).toMatchObject({
      name: '华东 ERP 升级',
      account: '上海某某有限公司',
      owner: 'Wang Fang',
      team: 'East',
      amountCents: 123_456_789,
      currency: '',
      createdAt: T0 + 1_000, // Salesforce keeps seconds
      closeDate: '2026-06-30',
      forecastCategory: 'best_case',
      nextStep: 'Send the revised quote',
      lastActivityAt: T0 - (5 * 3_600_000 + 6 * 60_000 + 7_000) + 3 * DAY, // that day's 00:00 UTC
      deletedAt: null,
      lostReason: '',
    });
    expect(store.get(b.id)).toMatchObject({
      account: '',
      team: '',
      forecastCategory: 'omitted',
      lostReason: '',
    });
    expect(store.get(c.id)).toMatchObject({
      amountCents: -50,
      forecastCategory: 'closed',
      stage: { stage: 'Closed Won' },
    });

    const reference = await connector().reference();
    expect(reference.pipelines).toHaveLength(1);
    expect(reference.pipelines[0]!.stages).toEqual(
      Object.values(SALESFORCE_STAGES).map((s) => ({
        id: s.apiName,
        label: s.label,
        order: s.sortOrder,
        kind: s.won ? 'won' : s.closed ? 'lost' : 'open',
        probability: s.probability / 100,
      })),
    );
    expect(reference.users).toEqual(
      fake.world.users.map((u) => ({
        id: u.id,
        name: `${u.firstName} ${u.lastName}`,
        email: u.email,
        team: u.team,
      })),
    );
    // Every stage a deal or a history row names is a stage of the reference.
    const ids = new Set(reference.pipelines[0]!.stages.map((s) => s.id));
    for (const d of store.values()) {
      expect(ids.has(d.stage.stage)).toBe(true);
      for (const h of d.history ?? []) if (h.field === 'stage') expect(ids.has(h.stage.stage)).toBe(true);
    }
    expect(await connector().identify()).toEqual({ key: fake.orgId, label: fake.orgName });
  });

  it('reads the lost reason from the field the connection names, and the currency where the org has several', async () => {
    await fake.stop();
    fake = new FakeSalesforce({ multiCurrency: true });
    await fake.start();
    const d = fake.world.create({ stage: 'lost', lostReason: 'competitor', currency: 'USD' }, T0);
    const store = apply(
      new Map(),
      await pages(connector({ settings: { lostReasonField: 'loss_reason__c' } })),
    );
    expect(store.get(d.id)).toMatchObject({ lostReason: 'competitor', currency: 'USD' });
    expect(rows(store)).toEqual(sorted(fake.expected({ lostReasonField: LOST_REASON_FIELD })));

    const stop = await stopOf(connector({ settings: { lostReasonField: 'Why_Lost__c' } }).changes(ALL, null));
    expect(stop.reason).toBe('bad_response');
    expect(stop.detail).toContain('Why_Lost__c');
  });

  it('never loses a record among many sharing one SystemModstamp across page boundaries', async () => {
    const same = Array.from({ length: 11 }, (_, i) =>
      fake.world.create({ stage: 'need', name: `Tie ${i}` }, T0 + 300),
    );
    fake.world.create({ stage: 'need', name: 'Before' }, T0 - 1_000);
    fake.world.create({ stage: 'need', name: 'After' }, T0 + 1_000);
    const list = await pages(connector({ pageSize: 4 }));
    const seen = list.flatMap((p) => p.page.deals.map((d) => d.id));
    expect(seen).toHaveLength(13);
    expect(new Set(seen).size).toBe(13);
    for (const d of same) expect(seen).toContain(d.id);
    // Pages 2 and 3 start inside the tied second, by Id.
    expect(list[1]!.from).toMatchObject({ t: T0 });
    expect(list[2]!.from).toMatchObject({ t: T0 });
  });

  it('resumes from every stored position (cursors expired, a fresh process) and ends exactly where an uninterrupted pass ends', async () => {
    populate(fake.world, 17, { start: T0, seed: 3, spanMs: 5_000 }); // crowded seconds
    const clean = await pages(connector({ pageSize: 3 }));
    const expected = rows(apply(new Map(), clean));
    expect(expected).toEqual(sorted(fake.expected()));
    for (let i = 1; i < clean.length; i++) {
      fake.expireCursors();
      const before = apply(new Map(), clean.slice(0, i));
      const rest = await pages(
        connector({ pageSize: 3 }),
        ALL,
        JSON.parse(JSON.stringify(clean[i]!.from)) as Position,
      );
      expect(rows(apply(before, rest))).toEqual(expected);
    }
  });

  it('keeps a window to its bounds, to the second', async () => {
    const inside = fake.world.create({ stage: 'need' }, T0 + 999); // stamped T0
    fake.world.create({ stage: 'need' }, T0 - 1); // stamped T0 - 1 s
    fake.world.create({ stage: 'need' }, T0 + 10_000);
    const list = await pages(connector(), { from: T0 - 500, to: T0 + 10_000 });
    expect(list.flatMap((p) => p.page.deals.map((d) => d.id))).toEqual([inside.id]);
    const bounded = await pages(connector(), { from: T0, to: T0 + 10_001 });
    expect(bounded.flatMap((p) => p.page.deals).length).toBe(2);
  });

  it('brings deletions and undeletions in the same stream (queryAll), history included, and finds purged deals by their absence', async () => {
    const [a, b, c] = [0, 1, 2].map((i) =>
      fake.world.create({ stage: 'need', name: `D${i}` }, T0 + i * 1000),
    );
    fake.world.update(a!.id, { stage: 'solution' }, T0 + DAY);
    fake.world.remove(a!.id, T0 + 2 * DAY);
    fake.world.remove(b!.id, T0 + 2 * DAY);
    let store = apply(new Map(), await pages(connector()));
    expect(store.get(a!.id)).toMatchObject({ deletedAt: T0 + 2 * DAY, updatedAt: T0 + 2 * DAY });
    expect(store.get(a!.id)!.history!.filter((h) => h.field === 'stage')).toHaveLength(2);
    expect(rows(store)).toEqual(sorted(fake.expected()));

    fake.world.restore(b!.id, T0 + 3 * DAY);
    store = apply(store, await pages(connector(), { from: T0 + 3 * DAY, to: ALL.to }));
    expect(store.get(b!.id)!.deletedAt).toBeNull();
    expect(store.get(a!.id)!.deletedAt).toBe(T0 + 2 * DAY);

    // Emptied from the recycle bin: only the sweep of live ids can tell.
    fake.world.purge(a!.id);
    const after = await pages(connector());
    expect(after.flatMap((p) => p.page.deals.map((d) => d.id))).not.toContain(a!.id);
    const live: string[] = [];
    let position: Position | null = null;
    const sweep = connector({ pageSize: 2 });
    for (;;) {
      const page = await sweep.liveIds(position);
      live.push(...page.ids);
      if (page.done) break;
      position = page.next;
    }
    expect(live).toEqual([b!.id, c!.id]);
    expect(sweep.deleteLogMs).toBe(15 * DAY);
  });

  it('loses a deletion to the recycle bin after 15 days, as the org does', async () => {
    await fake.stop();
    let now = T0;
    fake = new FakeSalesforce({ now: () => now });
    await fake.start();
    const d = fake.world.create({ stage: 'need' }, T0);
    fake.world.remove(d.id, T0 + DAY);
    now = T0 + 15 * DAY;
    expect((await pages(connector())).flatMap((p) => p.page.deals)).toHaveLength(1);
    now = T0 + 16 * DAY;
    expect((await pages(connector())).flatMap((p) => p.page.deals)).toHaveLength(0);
    expect(fake.expected({ sweptAt: now }).deals[0]!.deleted_at).toBe(now);
  });
});

describe('Salesforce connector: stage history', () => {
  it('turns OpportunityHistory into forward, back, skip and reopen moves, each field’s initial value at creation', async () => {
    const d = fake.world.create({ stage: 'need', amount: '1000', closeDate: '2026-05-01' }, T0);
    const moves: [string, number][] = [
      ['solution', 1],
      ['proposal', 2],
      ['solution', 3], // back
      ['contract', 4], // skip two
      ['lost', 5],
      ['negotiation', 6], // reopen
    ];
    for (const [stage, days] of moves) fake.world.update(d.id, { stage }, T0 + days * DAY);
    fake.world.update(d.id, { amount: '1500.5', closeDate: '2026-06-01' }, T0 + 7 * DAY);
    fake.world.update(d.id, { forecast: 'commit' }, T0 + 8 * DAY);
    fake.world.update(d.id, { stage: 'negotiation', amount: '1600' }, T0 + 9 * DAY); // stage unchanged
    const [deal] = (await pages(connector())).flatMap((p) => p.page.deals);
    const stages = deal!.history!.filter((h) => h.field === 'stage');
    expect(stages.map((h) => [stageKeyOf(h.field === 'stage' ? h.stage.stage : ''), h.at])).toEqual([
      ['need', T0],
      ...moves.map(([s, days]) => [s, T0 + days * DAY]),
    ]);
    const initial = deal!.history!.filter((h) => h.at === T0).map((h) => h.field);
    expect(initial.sort()).toEqual(['amount', 'close_date', 'forecast_category', 'owner', 'stage']);
    expect(
      deal!.history!.filter((h) => h.field === 'amount').map((h) => h.field === 'amount' && h.value),
    ).toEqual(['1000', '1500.5', '1600']);
    expect(new Set(deal!.history!.map((h) => h.key)).size).toBe(deal!.history!.length);
    expect(rows(new Map([[deal!.id, deal!]]))).toEqual(sorted(fake.expected()));
  });

  it('names owner changes by the users’ names and the first owner by the first change’s old value', async () => {
    const [u1, u2, u3] = fake.world.users;
    const d = fake.world.create({ stage: 'need', owner: u1!.id }, T0);
    fake.world.update(d.id, { owner: u2!.id }, T0 + DAY);
    fake.world.update(d.id, { owner: u3!.id, stage: 'solution' }, T0 + 2 * DAY);
    const [deal] = (await pages(connector())).flatMap((p) => p.page.deals);
    expect(
      deal!.history!.filter((h) => h.field === 'owner').map((h) => [h.field === 'owner' && h.value, h.at]),
    ).toEqual([
      ['Wang Fang', T0],
      ['Li Lei', T0 + DAY],
      ['Ada Byrne', T0 + 2 * DAY],
    ]);
    expect(deal).toMatchObject({ owner: 'Ada Byrne', team: 'East' });
    expect(queries((q) => q.includes('FROM OpportunityFieldHistory')).map((r) => r.query.get('q'))).toEqual([
      expect.stringContaining("Field = 'Owner'"),
    ]);
  });

  it('gives no history when the org refuses the history objects, and stops asking for them', async () => {
    populate(fake.world, 6, { start: T0, seed: 5 });
    fake.historyEnabled = false;
    const list = await pages(connector({ pageSize: 2 }));
    const deals = list.flatMap((p) => p.page.deals);
    expect(deals).toHaveLength(6);
    expect(deals.every((d) => d.history === null)).toBe(true);
    expect(rows(apply(new Map(), list))).toEqual(sorted(fake.expected()));
    expect(queries((q) => q.includes('History'))).toHaveLength(1);
  });

  it('gives no history for a deal whose rows the org does not show, and the others theirs', async () => {
    const [a, b] = [0, 1].map((i) => fake.world.create({ stage: 'need' }, T0 + i * 1000));
    fake.world.update(a!.id, { stage: 'proposal' }, T0 + DAY);
    a!.historyHidden = true;
    const store = apply(new Map(), await pages(connector()));
    expect(store.get(a!.id)!.history).toBeNull();
    expect(store.get(b!.id)!.history!.length).toBe(5);
    expect(rows(store)).toEqual(sorted(fake.expected()));
  });
});

describe('Salesforce connector: records it cannot read', () => {
  it('quarantines them naming the field and the value, keeps the rest, and ignores unknown fields', async () => {
    const [a, b, c, d] = [0, 1, 2, 3].map((i) =>
      fake.world.create({ stage: 'need', name: `R${i}` }, T0 + i * 1000),
    );
    fake.corrupt.set(a!.id, { Amount: 'abc' });
    fake.corrupt.set(b!.id, { CreatedDate: null });
    fake.corrupt.set(c!.id, { StageName: 42 });
    fake.extra.set(d!.id, {
      Brand_New_Field__c: { nested: true },
      attributes: { type: 'Opportunity', url: 'x' },
    });
    const list = await pages(connector());
    const page = list[0]!.page;
    expect(page.deals.map((x) => x.id)).toEqual([d!.id]);
    expect(page.quarantined.map((q) => [q.id, formatMessage(q.reason)])).toEqual([
      [a!.id, 'Amount is not valid: “abc”'],
      [b!.id, 'CreatedDate is missing'],
      [c!.id, 'StageName is not valid: “42”'],
    ]);
    expect((page.quarantined[0]!.payload as { Amount: unknown }).Amount).toBe('abc');
    expect(rows(apply(new Map(), list))).toEqual(sorted(fake.expected()));
  });

  it('quarantines a deal whose history rows it cannot read, naming the row', async () => {
    const [a, b] = [0, 1].map((i) => fake.world.create({ stage: 'need' }, T0 + i * 1000));
    fake.http.inject({
      match: (r) => (r.query.get('q') ?? '').includes('FROM OpportunityHistory'),
      reply: {
        status: 200,
        body: {
          totalSize: 1,
          done: true,
          records: [
            {
              attributes: { type: 'OpportunityHistory' },
              Id: '0085g0000000001AAA',
              OpportunityId: a!.id,
              CreatedDate: { when: 'then' },
            },
          ],
        },
      },
    });
    const page = (await pages(connector()))[0]!.page;
    expect(page.deals.map((d) => [d.id, d.history])).toEqual([[b!.id, null]]);
    expect(page.quarantined.map((q) => [q.id, formatMessage(q.reason)])).toEqual([
      [
        a!.id,
        expect.stringMatching(
          /^the record is not in the shape the CRM documents: OpportunityHistory\.CreatedDate/,
        ),
      ],
    ]);
  });

  it('records a deleted record it cannot read as a deletion', async () => {
    const d = fake.world.create({ stage: 'need' }, T0);
    fake.world.remove(d.id, T0 + DAY);
    fake.corrupt.set(d.id, { Amount: 'abc' });
    const page = (await pages(connector()))[0]!.page;
    expect(page.deals).toEqual([]);
    expect(page.deletions).toEqual([{ id: d.id, deletedAt: T0 + DAY }]);
  });
});

describe('Salesforce connector: failures', () => {
  const isQuery = (r: SeenRequest) => r.path.endsWith('/queryAll');

  it('waits what a 429 announces (Retry-After) and goes on', async () => {
    fake.world.create({ stage: 'need' }, T0);
    fake.http.inject({ match: isQuery, reply: { status: 429, headers: { 'retry-after': '7' } } });
    const list = await pages(connector());
    expect(list[0]!.page.deals).toHaveLength(1);
    expect(clock.slept).toEqual([7_000]);
    expect(fake.http.pendingFaults()).toBe(0);
  });

  it('retries 5xx answers with backoff', async () => {
    fake.world.create({ stage: 'need' }, T0);
    fake.http.inject({
      match: isQuery,
      times: 2,
      reply: { status: 503, body: [{ errorCode: 'SERVER_UNAVAILABLE', message: 'down' }] },
    });
    const retries: (number | null)[] = [];
    const list = await pages(connector({ http: { onRetry: (r) => void retries.push(r.status) } }));
    expect(list[0]!.page.deals).toHaveLength(1);
    expect(retries).toEqual([503, 503]);
    expect(clock.slept).toHaveLength(2);
    expect(clock.slept[1]!).toBeGreaterThan(clock.slept[0]!);
  });

  it('gives up on an answer that does not come in time, then retries it', async () => {
    fake.world.create({ stage: 'need' }, T0);
    fake.http.inject({ match: isQuery, hangMs: 400 });
    const retries: string[] = [];
    const list = await pages(
      connector({ http: { timeoutMs: 100, onRetry: (r) => void retries.push(r.where) } }),
    );
    expect(list[0]!.page.deals).toHaveLength(1);
    expect(retries).toEqual(['GET /services/data/v62.0/queryAll']);

    fake.http.inject({ match: isQuery, hangMs: 400, times: 2 });
    const stop = await stopOf(connector({ http: { timeoutMs: 100, maxAttempts: 2 } }).changes(ALL, null));
    expect(stop.reason).toBe('timeout');
  });

  it('stops at REQUEST_LIMIT_EXCEEDED (the day’s requests used up) without retrying', async () => {
    fake.world.create({ stage: 'need' }, T0);
    fake.apiUsage = fake.apiLimit;
    const stop = await stopOf(connector().changes(ALL, null));
    expect(stop.reason).toBe('daily_limit');
    expect(stop.detail).toContain('TotalRequests Limit exceeded');
    expect(fake.http.requests).toHaveLength(1);
    expect(clock.slept).toEqual([]);
  });

  it('retries REQUEST_LIMIT_EXCEEDED for concurrent requests: it passes', async () => {
    fake.world.create({ stage: 'need' }, T0);
    fake.http.inject({
      match: isQuery,
      reply: {
        status: 403,
        body: [
          {
            message: 'ConcurrentRequests (Concurrent API Requests) Limit exceeded.',
            errorCode: 'REQUEST_LIMIT_EXCEEDED',
          },
        ],
      },
    });
    const list = await pages(connector());
    expect(list[0]!.page.deals).toHaveLength(1);
    expect(clock.slept).toEqual([5_000]);
  });

  it('stops asking once Sforce-Limit-Info says the day’s requests are used up', async () => {
    populate(fake.world, 9, { start: T0, seed: 11 });
    // The first page takes the describe, the opportunities, their two history queries and
    // the window's count; each later page three requests.
    fake.apiLimit = 8;
    const c = connector({ pageSize: 3 });
    const first = await c.changes(ALL, null);
    expect(first.deals).toHaveLength(3);
    expect(fake.apiUsage).toBe(5);
    // Usage reaches 8 of 8 on this page: it is answered, and kept.
    const second = await c.changes(ALL, first.next);
    expect(second.deals).toHaveLength(3);
    expect(fake.apiUsage).toBe(8);
    const sent = fake.http.requests.length;
    const stop = await stopOf(c.changes(ALL, second.next));
    expect(stop.reason).toBe('daily_limit');
    expect(stop.detail).toBe('8 of 8 API requests used today');
    expect(fake.http.requests).toHaveLength(sent);
  });

  it('stops with token_rejected on INVALID_SESSION_ID, never naming the token', async () => {
    const stop = await stopOf(connector({ token: 'not-the-token' }).identify());
    expect(stop.reason).toBe('token_rejected');
    expect(stop.message).toContain('Session expired or invalid');
    expect(stop.message).not.toContain('not-the-token');
    expect(fake.http.requests[0]!.headers.authorization).toBe('Bearer not-the-token');
  });

  it('stops with token_rejected when the user may not use the API', async () => {
    fake.http.inject({
      reply: {
        status: 403,
        body: [
          {
            message: 'The REST API is not enabled for this Organization.',
            errorCode: 'API_DISABLED_FOR_ORG',
          },
        ],
      },
    });
    const stop = await stopOf(connector().identify());
    expect(stop.reason).toBe('token_rejected');
    expect(stop.detail).toBe(
      'Salesforce: API_DISABLED_FOR_ORG: The REST API is not enabled for this Organization.',
    );
  });

  it('stops naming Salesforce’s reason for a query it refuses', async () => {
    fake.http.inject({
      match: isQuery,
      reply: {
        status: 400,
        body: [
          {
            message:
              "\nSELECT …\n^\nERROR at Row:1:Column:8\nNo such column 'Amount' on entity 'Opportunity'.",
            errorCode: 'INVALID_FIELD',
          },
        ],
      },
    });
    const stop = await stopOf(connector().changes(ALL, null));
    expect(stop.reason).toBe('bad_response');
    expect(stop.detail).toBe("HTTP 400 INVALID_FIELD: No such column 'Amount' on entity 'Opportunity'.");
  });
});
