import { afterEach, describe, expect, it } from 'vitest';
import {
  SyncStop,
  type ChangePage,
  type Connector,
  type Position,
  type SyncWindow,
  type UpstreamChange,
  type UpstreamDeal,
} from '@backend/sync/connector';
import { PipedriveConnector } from '@backend/sync/connectors/pipedrive';
import { pipedriveDeal, toUpstreamDeal } from '@backend/sync/connectors/pipedrive-records';
import type { Clock, HttpOptions } from '@backend/sync/http';
import { formatMessage } from '@shared/messages';
import { FakePipedrive, MAIN_PIPELINE, PIPEDRIVE_STAGES, pipedriveStamp } from '../../mock-crm/pipedrive';
import {
  DEFAULT_USERS,
  day,
  populate,
  type ExpectedDeal,
  type ExpectedHistory,
  type WorldUser,
} from '../../mock-crm/world';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 2, 1, 2, 3, 456);
const END = T0 + 70 * DAY;
const ALL: SyncWindow = { from: 0, to: END };

let fakes: FakePipedrive[] = [];
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.stop()));
  fakes = [];
});

/** Backoff waits take no real time: the clock moves by what was asked. */
function fakeClock() {
  const waits: number[] = [];
  let t = END;
  const clock: Clock = {
    now: () => t,
    sleep: async (ms) => {
      waits.push(ms);
      t += ms;
    },
  };
  return { clock, waits };
}

async function started(users: WorldUser[] = DEFAULT_USERS.map((u) => ({ ...u }))) {
  const fake = new FakePipedrive({ users, now: () => END });
  fakes.push(fake);
  await fake.start();
  return fake;
}

function connect(fake: FakePipedrive, pageSize = 500, http: HttpOptions = {}, token = fake.token) {
  return new PipedriveConnector({
    baseUrl: fake.url,
    token,
    pageSize,
    http: { clock: fakeClock().clock, ...http },
  });
}

/** Pages until the window is done, each position round-tripped through JSON as the engine stores it. */
async function drain(connector: Connector, window: SyncWindow, start: Position | null = null) {
  const pages: ChangePage[] = [];
  let position = start;
  for (let i = 0; i < 5000; i++) {
    const page = await connector.changes(window, position);
    pages.push(page);
    position = JSON.parse(JSON.stringify(page.next)) as Position;
    if (page.done) return pages;
  }
  throw new Error('the window never ended');
}

const ids = (pages: ChangePage[]) => pages.flatMap((p) => p.deals.map((d) => d.id));

/** The workspace stage key a StageRef of the fake's main pipeline stands for. */
function stageKey(ref: { pipeline: string; stage: string }): string {
  expect(ref.pipeline).toBe(String(MAIN_PIPELINE));
  if (ref.stage === 'won' || ref.stage === 'lost') return ref.stage;
  const key = Object.entries(PIPEDRIVE_STAGES).find(([, s]) => String(s.id) === ref.stage)?.[0];
  if (!key) throw new Error(`unknown stage ${ref.stage}`);
  return key;
}

/** What a sync would store from these deals, in the canonical rows of the fake's expected(). */
function rows(deals: UpstreamDeal[]): { deals: ExpectedDeal[]; history: ExpectedHistory[] } {
  const latest = new Map(deals.map((d) => [d.id, d]));
  const field = (c: UpstreamChange) => c.field;
  return {
    deals: [...latest.values()].map((d) => ({
      id: d.id,
      name: d.name,
      account: d.account,
      owner: d.owner,
      team: d.team,
      amount_cents: d.amountCents,
      stage: stageKey(d.stage),
      created_at: d.createdAt,
      close_date: d.closeDate,
      forecast_category: d.forecastCategory,
      lost_reason: d.lostReason,
      next_step: d.nextStep,
      updated_at: d.updatedAt,
      last_activity_at: d.lastActivityAt,
      deleted_at: d.deletedAt,
    })),
    history: [...latest.values()].flatMap((d) =>
      (d.history ?? []).map((c) => ({
        deal_id: d.id,
        field: field(c),
        value: c.field === 'stage' ? stageKey(c.stage) : c.value,
        changed_at: c.at,
      })),
    ),
  };
}

const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => Number(a.id) - Number(b.id));
/** History rows grouped per deal and field, each group in its order (ties keep theirs). */
function grouped(history: ExpectedHistory[]) {
  const groups = new Map<string, [string, number][]>();
  for (const h of history) {
    const key = `${h.deal_id}/${h.field}`;
    groups.set(key, [...(groups.get(key) ?? []), [h.value, h.changed_at]]);
  }
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)));
}

/** A world with every field moving: stages, amounts, close dates, owners, next steps, activities. */
function busyWorld(fake: FakePipedrive, count = 40) {
  const w = fake.world;
  const made = populate(w, count, { seed: 11, start: T0, spanMs: 20 * DAY, events: 5 });
  made.forEach((d, i) => {
    const at = T0 + 50 * DAY + i * 61_000;
    if (i % 3 === 0)
      w.update(d.id, { nextStep: `第${i}次方案演示`, lastActivityAt: at - 3 * DAY + 1234 }, at);
    if (i % 5 === 1) w.update(d.id, { owner: w.users[(i + 1) % w.users.length]!.id }, at + 1000);
    if (i % 7 === 2) w.update(d.id, { account: '', closeDate: null }, at + 2000);
    if (i % 11 === 4) w.update(d.id, { amount: '0.05', lostReason: 'budget frozen' }, at + 3000);
  });
  return made;
}

describe('PipedriveConnector against the fake Pipedrive', () => {
  it('names the company the token belongs to', async () => {
    const fake = await started();
    expect(await connect(fake).identify()).toEqual({ key: '7301234', label: '北京示例科技有限公司' });
    expect(fake.http.requests[0]!.headers['x-api-token']).toBe(fake.token);
  });

  it('follows a server that answers API v1 only under /v1, for every v1 call', async () => {
    const fake = await started();
    fake.bareV1Only = true;
    populate(fake.world, 3, { start: T0, spanMs: 5 * DAY });
    const connector = connect(fake);
    expect((await connector.identify()).key).toBe('7301234');
    await connector.reference();
    const pages = await drain(connector, ALL);
    expect(pages.flatMap((p) => p.deals).every((d) => d.history !== null)).toBe(true);
    expect(fake.http.requests.filter((r) => r.path.startsWith('/api/v1/'))).toHaveLength(1);
  });

  it('reads pipelines, stages with probabilities, won/lost pseudo-stages and users', async () => {
    const fake = await started();
    const reference = await connect(fake).reference();
    expect(reference.pipelines.map((p) => [p.id, p.label, p.order])).toEqual([
      ['1', '销售漏斗', 1],
      ['2', '渠道合作 Partners', 2],
    ]);
    const main = reference.pipelines[0]!;
    expect(main.stages).toEqual([
      { id: '1', label: '需求确认', order: 1, kind: 'open', probability: 0.1 },
      { id: '2', label: '方案交流', order: 2, kind: 'open', probability: 0.25 },
      { id: '3', label: '报价比选', order: 3, kind: 'open', probability: 0.45 },
      { id: '4', label: '商务谈判', order: 4, kind: 'open', probability: 0.65 },
      { id: '5', label: '合同签署', order: 5, kind: 'open', probability: 0.85 },
      { id: 'won', label: 'Won', order: 6, kind: 'won', probability: 1 },
      { id: 'lost', label: 'Lost', order: 7, kind: 'lost', probability: 0 },
    ]);
    // Probabilities switched off in a pipeline: none, even though Pipedrive keeps numbers.
    expect(reference.pipelines[1]!.stages.map((s) => [s.id, s.kind, s.probability])).toEqual([
      ['6', 'open', null],
      ['7', 'open', null],
      ['won', 'won', 1],
      ['lost', 'lost', 0],
    ]);
    expect(reference.users).toEqual([
      { id: '10001', name: 'Wang Fang', email: 'wang.fang@example.cn', team: '' },
      { id: '10002', name: 'Li Lei', email: 'li.lei@example.cn', team: '' },
      { id: '10003', name: 'Ada Byrne', email: 'ada@example.com', team: '' },
    ]);
  });

  it('pages through every changed deal with every field and its history as PRODUCT.md says', async () => {
    const fake = await started();
    busyWorld(fake);
    const pages = await drain(connect(fake, 7), ALL);
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(pages.flatMap((p) => p.quarantined)).toEqual([]);
    // Each deal once in an uninterrupted pass.
    expect(ids(pages).length).toBe(new Set(ids(pages)).size);
    const got = rows(pages.flatMap((p) => p.deals));
    const want = fake.expected();
    expect(byId(got.deals)).toEqual(byId(want.deals));
    expect(grouped(got.history)).toEqual(grouped(want.history));
    // The world did move every field the table names.
    const deals = want.deals;
    expect(new Set(deals.map((d) => d.stage)).size).toBeGreaterThanOrEqual(4);
    expect(deals.some((d) => d.next_step !== '' && d.last_activity_at !== null)).toBe(true);
    expect(deals.some((d) => d.account === '' && d.close_date === null)).toBe(true);
    expect(deals.some((d) => d.amount_cents === 5 && d.lost_reason === 'budget frozen')).toBe(true);
    expect(want.history.some((h) => h.field === 'owner' && h.value === 'Ada Byrne')).toBe(true);
  });

  it('takes a won or lost deal’s close date from when it closed, an open one’s from expected_close_date', async () => {
    const fake = await started();
    const w = fake.world;
    const won = w.create({ stage: 'contract', closeDate: '2026-06-30' }, T0);
    w.update(won.id, { stage: 'won' }, Date.UTC(2026, 3, 7, 23, 59, 59, 999));
    const open = w.create({ stage: 'proposal', closeDate: '2026-06-30' }, T0);
    const [page] = await drain(connect(fake), ALL);
    const deal = (id: string) => page!.deals.find((d) => d.id === id)!;
    expect(deal(won.id).closeDate).toBe('2026-04-07');
    expect(deal(won.id).stage).toEqual({ pipeline: '1', stage: 'won' });
    expect(deal(open.id).closeDate).toBe('2026-06-30');
    // The expected close date's own history is kept as it was set.
    expect(
      deal(won.id)
        .history!.filter((c) => c.field === 'close_date')
        .map((c) => 'value' in c && c.value),
    ).toEqual(['2026-06-30']);
  });

  it.each([
    ['stage_id', false],
    ['status', true],
  ])(
    'keeps stage history through forward, back, skip, reopen and won/lost by status (%s logged first)',
    async (_, statusFirst) => {
      const fake = await started();
      fake.statusFirst = statusFirst;
      const w = fake.world;
      const d = w.create({ stage: 'need', amount: '100' }, T0);
      const moves = ['proposal', 'solution', 'won', 'negotiation', 'lost', 'contract', 'won', 'need'];
      moves.forEach((stage, i) => w.update(d.id, { stage }, T0 + (i + 1) * DAY));
      // Two moves in one second: both rows, in order.
      w.update(d.id, { stage: 'solution' }, T0 + 20 * DAY);
      w.update(d.id, { stage: 'lost' }, T0 + 20 * DAY + 10);
      const [page] = await drain(connect(fake), ALL);
      const history = page!.deals[0]!.history!.filter((c) => c.field === 'stage');
      expect(history.map((c) => [c.field === 'stage' && stageKey(c.stage), c.at])).toEqual([
        ['need', pipedriveStamp(T0)],
        ...moves.map((stage, i) => [stage, pipedriveStamp(T0 + (i + 1) * DAY)]),
        ['solution', pipedriveStamp(T0 + 20 * DAY)],
        ['lost', pipedriveStamp(T0 + 20 * DAY)],
      ]);
      // Pipedrive logged won and lost as status changes, not stage moves.
      const statusChanges = fake.changes(w.get(d.id)).filter((e) => e.field_key === 'status');
      expect(statusChanges.map((e) => e.new_value)).toEqual([
        'won',
        'open',
        'lost',
        'open',
        'won',
        'open',
        'lost',
      ]);
      expect(grouped(rows(page!.deals).history)).toEqual(grouped(fake.expected().history));
    },
  );

  it('never loses a deal when many share one update_time across page boundaries', async () => {
    const fake = await started();
    const w = fake.world;
    const crowded = T0 + 5 * DAY + 700;
    for (let i = 0; i < 23; i++) w.create({ stage: 'need', name: `tie ${i}` }, crowded + i); // one second
    for (let i = 0; i < 3; i++) w.create({ stage: 'need' }, crowded - 1000);
    for (let i = 0; i < 4; i++) w.create({ stage: 'need' }, crowded + 1000); // straddles a page end
    w.create({ stage: 'need' }, crowded + 2000);
    const pages = await drain(connect(fake, 5), ALL);
    expect(ids(pages).sort()).toEqual([...w.deals.keys()].sort());
    // The crowded second was read on its own, in id order.
    const tieReads = fake.http.requests.filter(
      (r) => r.path === '/api/v2/deals' && r.query.get('sort_by') === 'id',
    );
    expect(tieReads.length).toBeGreaterThanOrEqual(5);
    expect(tieReads[0]!.query.get('updated_since')).toBe(
      new Date(pipedriveStamp(crowded)).toISOString().replace('.000', ''),
    );
  });

  it('resumes from every stored position to exactly what an uninterrupted pass gives', async () => {
    const fake = await started();
    busyWorld(fake, 30);
    const crowded = T0 + 30 * DAY;
    for (let i = 0; i < 12; i++) fake.world.create({ stage: 'solution', name: `same second ${i}` }, crowded);
    const whole = await drain(connect(fake, 4), ALL);
    const order = whole.map((p) => p.deals.map((d) => d.id));
    expect(whole.some((p) => (p.next as { phase?: string }).phase === 'tie')).toBe(true);
    for (let k = 0; k < whole.length - 1; k++) {
      const stored = JSON.parse(JSON.stringify(whole[k]!.next)) as Position;
      // A restarted process: a new connector, the stored position.
      const resumed = await drain(connect(fake, 4), ALL, stored);
      expect([...order.slice(0, k + 1).flat(), ...ids(resumed)]).toEqual(order.flat());
      expect(resumed.flatMap((p) => p.deals)).toEqual(whole.slice(k + 1).flatMap((p) => p.deals));
      // A cursor Pipedrive no longer takes costs re-reading, never a record.
      const stale =
        (stored as { cursor?: unknown }).cursor !== undefined
          ? ({ ...(stored as object), cursor: 'bm90IGEgY3Vyc29y' } as Position)
          : stored;
      const again = await drain(connect(fake, 4), ALL, stale);
      expect([...order.slice(0, k + 1).flat(), ...ids(again)]).toEqual(order.flat());
    }
  });

  it('reads deletions and restores in later windows, and a v1-style deleted status as a tombstone', async () => {
    const fake = await started();
    const w = fake.world;
    fake.now = () => T0 + 5 * DAY;
    const made = Array.from({ length: 6 }, (_, i) =>
      w.create({ stage: 'need', name: `d${i}` }, T0 + i * 1000),
    );
    w.remove(made[1]!.id, T0 + DAY);
    const first = await drain(connect(fake, 2), { from: 0, to: T0 + 2 * DAY });
    expect(first.flatMap((p) => p.deals).find((d) => d.id === made[1]!.id)?.deletedAt).toBe(
      pipedriveStamp(T0 + DAY),
    );
    w.restore(made[1]!.id, T0 + 3 * DAY);
    w.remove(made[2]!.id, T0 + 3 * DAY + 5000);
    fake.corrupt.set(made[4]!.id, { status: 'deleted' });
    w.update(made[4]!.id, { name: 'gone the v1 way' }, T0 + 3 * DAY + 9000);
    const second = await drain(connect(fake, 2), { from: T0 + 2 * DAY, to: T0 + 4 * DAY });
    const deals = second.flatMap((p) => p.deals);
    expect(deals.map((d) => [d.id, d.deletedAt])).toEqual([
      [made[1]!.id, null],
      [made[2]!.id, pipedriveStamp(T0 + 3 * DAY + 5000)],
    ]);
    expect(second.flatMap((p) => p.deletions)).toEqual([
      { id: made[4]!.id, deletedAt: pipedriveStamp(T0 + 3 * DAY + 9000) },
    ]);
    // Deleted deals are asked for explicitly: Pipedrive leaves them out otherwise.
    expect(
      fake.http.requests.every(
        (r) => r.path !== '/api/v2/deals' || r.query.get('status') === 'open,won,lost,deleted',
      ),
    ).toBe(true);
  });

  it('finds purged and long-deleted deals by the live-id sweep, resumable from every position', async () => {
    const fake = await started();
    const w = fake.world;
    const made = Array.from({ length: 11 }, (_, i) => w.create({ stage: 'need' }, T0 + i * 1000));
    w.purge(made[3]!.id);
    w.remove(made[6]!.id, END - 40 * DAY); // past the 30-day delete log: gone from every list
    w.remove(made[7]!.id, END - DAY);
    const connector = connect(fake, 3);
    expect(connector.deleteLogMs).toBe(30 * DAY);
    const pages = [];
    let position: Position | null = null;
    do {
      const page = await connector.liveIds(position);
      pages.push(page);
      position = JSON.parse(JSON.stringify(page.next)) as Position;
    } while (!pages.at(-1)!.done);
    const live = w.live().map((d) => d.id);
    expect(pages.flatMap((p) => p.ids)).toEqual(live);
    expect(live).not.toContain(made[3]!.id);
    for (let k = 0; k < pages.length - 1; k++) {
      let at = JSON.parse(JSON.stringify(pages[k]!.next)) as Position | null;
      const rest: string[] = [];
      for (;;) {
        const page = await connect(fake, 3).liveIds(at);
        rest.push(...page.ids);
        if (page.done) break;
        at = page.next;
      }
      expect([...pages.slice(0, k + 1).flatMap((p) => p.ids), ...rest]).toEqual(live);
    }
    // The changes never mention the long-deleted deal; the sweep is what finds it.
    const changed = ids(await drain(connect(fake), ALL));
    expect(changed).not.toContain(made[6]!.id);
    expect(changed).toContain(made[7]!.id);
    expect(fake.expected({ sweptAt: END }).deals.find((d) => d.id === made[3]!.id)?.deleted_at).toBe(END);
  });

  it('waits what a 429 announces (Retry-After, else x-ratelimit-reset) and carries on', async () => {
    const fake = await started();
    fake.world.create({ stage: 'need' }, T0);
    const { clock, waits } = fakeClock();
    const retries: (number | null)[] = [];
    const isDeals = (r: { path: string }) => r.path === '/api/v2/deals';
    fake.http.inject({ match: isDeals, reply: fake.burstLimited(2, 9) });
    fake.http.inject({ match: isDeals, reply: fake.burstLimited(4) });
    const connector = connect(fake, 500, { clock, random: () => 0, onRetry: (r) => retries.push(r.status) });
    const pages = await drain(connector, ALL);
    expect(ids(pages)).toEqual(['1']);
    expect(retries).toEqual([429, 429]);
    expect(waits[0]).toBeGreaterThanOrEqual(9000);
    expect(waits[1]).toBeGreaterThanOrEqual(4000);
    expect(waits[1]).toBeLessThan(9000);
    expect(fake.http.pendingFaults()).toBe(0);
  });

  it('retries 5xx answers and a request that hangs past the timeout', async () => {
    const fake = await started();
    fake.world.create({ stage: 'need' }, T0);
    const { clock, waits } = fakeClock();
    fake.http.inject({
      match: (r) => r.path.endsWith('/changelog'),
      times: 2,
      reply: { status: 502, body: { error: 'Bad gateway' } },
    });
    fake.http.inject({ match: (r) => r.path === '/api/v2/deals', hangMs: 2000 });
    const started_ = Date.now();
    const pages = await drain(connect(fake, 500, { clock, timeoutMs: 150, random: () => 0 }), ALL);
    expect(pages[0]!.deals[0]!.history).not.toBeNull();
    expect(waits).toHaveLength(3);
    expect(Date.now() - started_).toBeLessThan(1500);
    // Past its attempts a failing server stops the run, naming the request.
    fake.http.inject({
      match: (r) => r.path === '/api/v2/deals',
      times: 10,
      reply: { status: 503, body: {} },
    });
    const stop = await drain(connect(fake, 500, { clock, maxAttempts: 3 }), ALL).catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(SyncStop);
    expect(stop).toMatchObject({ reason: 'server_error', where: 'GET /api/v2/deals' });
  });

  it('stops at a spent daily token budget without asking again', async () => {
    const fake = await started();
    fake.world.create({ stage: 'need' }, T0);
    const connector = connect(fake);
    await connector.identify();
    fake.dailyTokens.remaining = 5; // less than the next request costs
    const asked = fake.http.requests.length;
    const stop = await connector.changes(ALL, null).catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(SyncStop);
    expect((stop as SyncStop).reason).toBe('daily_limit');
    expect(fake.http.requests.length - asked).toBe(1);
  });

  it('stops on a rejected token without showing it', async () => {
    const fake = await started();
    const wrong = 'f'.repeat(40);
    const stop = await connect(fake, 500, {}, wrong)
      .identify()
      .catch((e: unknown) => e);
    expect(stop).toBeInstanceOf(SyncStop);
    expect((stop as SyncStop).reason).toBe('token_rejected');
    expect((stop as SyncStop).message).toContain('unauthorized access');
    expect((stop as SyncStop).message).not.toContain(wrong);
    expect(fake.http.requests).toHaveLength(1);
  });

  it('quarantines malformed records with the field and value, and reads the rest', async () => {
    const fake = await started();
    const w = fake.world;
    const made = Array.from({ length: 6 }, (_, i) =>
      w.create({ stage: 'need', amount: '10' }, T0 + i * 1000),
    );
    fake.corrupt.set(made[1]!.id, { value: 'abc' });
    fake.corrupt.set(made[2]!.id, { add_time: undefined });
    fake.corrupt.set(made[3]!.id, { owner_id: 99_999 });
    fake.corrupt.set(made[4]!.id, { id: 'x-5' });
    fake.changelogExtra.set(made[5]!.id, [
      { field_key: 'value', old_value: '10', new_value: '12,5', at: T0 + DAY },
    ]);
    // Fields and changelog entries this sync does not know are ignored, malformed or not.
    fake.extraFields.set(made[0]!.id, { brand_new_field: { nested: [1, 2] }, value_in_cents: 'abc' });
    fake.changelogExtra.set(made[0]!.id, [
      { field_key: 'label', old_value: null, new_value: '3', at: T0 + DAY },
      { field_key: 'title', old_value: { weird: true }, at: T0 + DAY },
    ]);
    const pages = await drain(connect(fake, 2), ALL);
    const quarantined = pages.flatMap((p) => p.quarantined);
    expect(quarantined.map((q) => [q.id, formatMessage(q.reason)])).toEqual([
      ['2', 'value is not valid: “abc”'],
      ['3', 'add_time is missing'],
      ['4', 'owner_id is not valid: “99999”'],
      ['x-5', 'id is not valid: “x-5”'],
      ['6', 'value changelog is not valid: “12,5”'],
    ]);
    expect(quarantined[0]!.payload).toMatchObject({ id: 2, value: 'abc', title: 'Deal' });
    expect(ids(pages)).toEqual(['1']);
    expect(rows(pages[0]!.deals).deals).toEqual(fake.expected().deals.filter((d) => d.id === '1'));
  });

  it('gives no history when Pipedrive refuses the changelog, for one deal or all', async () => {
    const fake = await started();
    const w = fake.world;
    const a = w.create({ stage: 'need' }, T0);
    const b = w.create({ stage: 'need' }, T0 + 1000);
    w.update(a.id, { stage: 'proposal' }, T0 + DAY);
    w.get(b.id).historyHidden = true;
    let deals = (await drain(connect(fake), ALL)).flatMap((p) => p.deals);
    expect(deals.map((d) => [d.id, d.history === null])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
    fake.historyEnabled = false;
    deals = (await drain(connect(fake), ALL)).flatMap((p) => p.deals);
    expect(deals.map((d) => d.history)).toEqual([null, null]);
    expect(deals.map((d) => stageKey(d.stage))).toEqual(['need', 'proposal']);
    expect(fake.expected().history).toEqual([]);
  });

  it('reads a changelog longer than one page, and a user added after the users were read', async () => {
    const users = DEFAULT_USERS.map((u) => ({ ...u }));
    const fake = await started(users);
    const w = fake.world;
    const d = w.create({ stage: 'need', amount: '1' }, T0);
    for (let i = 0; i < 620; i++) w.update(d.id, { amount: String(2 + i) }, T0 + i * 1000);
    const connector = connect(fake);
    await connector.reference();
    users.push({ id: 'u4', firstName: 'Zhao', lastName: 'Min', email: 'zhao@example.cn', team: '' });
    w.update(d.id, { owner: 'u4' }, T0 + DAY);
    const [page] = await drain(connector, ALL);
    const deal = page!.deals[0]!;
    expect(deal.owner).toBe('Zhao Min');
    expect(deal.history!.filter((c) => c.field === 'amount')).toHaveLength(621);
    expect(fake.http.requests.filter((r) => r.path.endsWith('/changelog')).length).toBe(2);
    expect(grouped(rows([deal]).history)).toEqual(grouped(fake.expected().history));
  });

  it('keeps to the window: [from, to) on Pipedrive’s whole seconds', async () => {
    const fake = await started();
    const w = fake.world;
    const at = (s: number) => T0 + s * 1000;
    w.create({ stage: 'need', name: 'before' }, at(0));
    w.create({ stage: 'need', name: 'at from' }, at(1));
    w.create({ stage: 'need', name: 'inside' }, at(2));
    w.create({ stage: 'need', name: 'at to' }, at(3));
    const from = pipedriveStamp(at(1));
    const pages = await drain(connect(fake), { from: from - 400, to: pipedriveStamp(at(3)) });
    expect(pages.flatMap((p) => p.deals.map((d) => d.name))).toEqual(['at from', 'inside']);
    const two = await drain(connect(fake), { from: from + 1, to: pipedriveStamp(at(3)) + 1 });
    expect(two.flatMap((p) => p.deals.map((d) => d.name))).toEqual(['inside', 'at to']);
    // A window already read: no request at all.
    const none = await connect(fake).changes({ from: at(9), to: at(9) }, null);
    expect(none).toMatchObject({ deals: [], done: true, requests: 0 });
  });

  it('names the next activity as the next step and the last one as the last activity', async () => {
    const fake = await started();
    const w = fake.world;
    const d = w.create(
      { stage: 'need', account: '华为技术', nextStep: '发送报价单', lastActivityAt: T0 + 65_432 },
      T0,
    );
    const [page] = await drain(connect(fake), ALL);
    expect(page!.deals[0]).toMatchObject({
      id: d.id,
      account: '华为技术',
      nextStep: '发送报价单',
      lastActivityAt: Math.floor((T0 + 65_432) / 60_000) * 60_000,
      forecastCategory: 'pipeline',
      team: '',
    });
    expect(day(page!.deals[0]!.createdAt)).toBe('2026-03-02');
  });
});

describe('a Pipedrive changelog as history', () => {
  const users = new Map([
    [7, { id: '7', name: 'Wang Fang', email: null, team: '' }],
    [8, { id: '8', name: 'Li Lei', email: null, team: '' }],
  ]);
  const deal = pipedriveDeal.parse({
    id: 42,
    title: 'moved',
    owner_id: 8,
    pipeline_id: 2,
    stage_id: 6,
    value: 300,
    add_time: '2026-03-01T00:00:00Z',
    update_time: '2026-03-05T00:00:00Z',
    status: 'open',
    expected_close_date: null,
  });
  const entry = (field_key: string, old_value: string | null, new_value: string | null, time: string) => ({
    field_key,
    old_value,
    new_value,
    time,
    actor_user_id: 7,
  });
  const at = (t: string) => Date.parse(`${t}Z`.replace(' ', 'T'));

  it('moves pipelines in one row whichever of pipeline_id and stage_id was logged first', () => {
    // Newest first, as Pipedrive lists it.
    const changelog = [
      entry('pipeline_id', '2', '2', '2026-03-04 10:00:00'),
      entry('stage_id', '3', '6', '2026-03-03 09:00:00'),
      entry('pipeline_id', '1', '2', '2026-03-03 09:00:00'),
      entry('status', 'open', 'deleted', '2026-03-02 12:00:00'),
      entry('status', 'deleted', 'open', '2026-03-02 12:30:00'),
      entry('stage_id', '1', '3', '2026-03-02 08:00:00'),
      entry('user_id', '7', '8', '2026-03-02 08:00:00'),
      entry('value', null, '300', '2026-03-02 08:00:00'),
      entry('expected_close_date', '2026-04-30', null, '2026-03-02 08:00:00'),
    ];
    const upstream = toUpstreamDeal(deal, changelog, { users, orgs: new Map(), activities: new Map() });
    expect(upstream.history!.map((c) => [c.field, c.field === 'stage' ? c.stage : c.value, c.at])).toEqual([
      ['stage', { pipeline: '1', stage: '1' }, at('2026-03-01 00:00:00')],
      ['amount', '0', at('2026-03-01 00:00:00')],
      ['close_date', '2026-04-30', at('2026-03-01 00:00:00')],
      ['owner', 'Wang Fang', at('2026-03-01 00:00:00')],
      ['close_date', '', at('2026-03-02 08:00:00')],
      ['amount', '300', at('2026-03-02 08:00:00')],
      ['owner', 'Li Lei', at('2026-03-02 08:00:00')],
      ['stage', { pipeline: '1', stage: '3' }, at('2026-03-02 08:00:00')],
      ['stage', { pipeline: '2', stage: '6' }, at('2026-03-03 09:00:00')],
    ]);
    expect(upstream.stage).toEqual({ pipeline: '2', stage: '6' });
    expect(new Set(upstream.history!.map((c) => `${c.field}|${c.key}`)).size).toBe(upstream.history!.length);
  });
});
