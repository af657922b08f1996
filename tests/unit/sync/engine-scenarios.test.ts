import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '@backend/db/query';
import { WorkbenchError } from '@shared/result';
import type { FakeCrm } from '../../mock-crm/fake';
import { FakeHubSpot } from '../../mock-crm/hubspot';
import { FakePipedrive } from '../../mock-crm/pipedrive';
import { FakeSalesforce } from '../../mock-crm/salesforce';
import { day, populate } from '../../mock-crm/world';
import { tempWorkspace } from '../../support/temp';
import { sortedExpected, stored, syncWith, TestClock } from './support';

/**
 * The sync's promises, the same for every CRM: each scenario scripts the vendor-neutral
 * world and runs against every fake CRM.
 */
const FAKES: [string, () => FakeCrm & { corrupt: Map<string, Record<string, unknown>> }, string][] = [
  ['hubspot', () => new FakeHubSpot(), 'amount'],
  ['pipedrive', () => new FakePipedrive(), 'value'],
  ['salesforce', () => new FakeSalesforce(), 'Amount'],
];

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00Z');
const running: FakeCrm[] = [];
afterEach(async () => {
  for (const f of running.splice(0)) await f.stop();
});

async function started<F extends FakeCrm>(make: () => F): Promise<F> {
  const fake = make();
  await fake.start();
  running.push(fake);
  return fake;
}

/** Matches the n-th request from now on (1-based), and only that one. */
const nth = (n: number) => {
  let seen = 0;
  return () => ++seen === n;
};

/** Everything the manager made locally, as text: must not change by a byte across syncs. */
function localWork(ws: Db): string {
  const tables = [
    'deal_notes',
    'mentor_assignments',
    'review_meetings',
    'review_decisions',
    'precall_plans',
    'quotas',
  ];
  return JSON.stringify(tables.map((t) => ws.sqlite.prepare(`select * from ${t} order by rowid`).all()));
}

function addLocalWork(ws: Db, dealId: string): void {
  const s = ws.sqlite;
  s.prepare('insert into deal_notes(deal_id, body, created_at, updated_at) values(?, ?, ?, ?)').run(
    dealId,
    '客户要求周五前报价',
    T0,
    T0,
  );
  s.prepare('insert into mentor_assignments(deal_id, mentor, share_pct, created_at) values(?, ?, ?, ?)').run(
    dealId,
    '张总',
    30,
    T0,
  );
  const meeting = s
    .prepare('insert into review_meetings(title, as_of, created_at, updated_at) values(?, ?, ?, ?)')
    .run('East weekly', T0, T0, T0).lastInsertRowid;
  s.prepare(
    'insert into review_decisions(meeting_id, deal_id, kind, text, created_at, updated_at) values(?, ?, ?, ?, ?, ?)',
  ).run(meeting, dealId, 'next_step', 'Send the revised quote', T0, T0);
  s.prepare(
    `insert into precall_plans(uid, deal_id, deal_name, stage_key, visit_date, objective, prepared_by,
       created_at, updated_at) values(?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(`plan-${dealId}`, dealId, 'Pilot', 'proposal', '2026-12-03', 'Agree the pilot scope', '李娜', T0, T0);
}

describe.each(FAKES)('sync from %s', (_kind, make, amountField) => {
  it('a second sync in a row changes nothing and rewrites no deal', async () => {
    const fake = await started(make);
    populate(fake.world, 17, { start: T0, spanMs: 20 * DAY });
    const clock = new TestClock(T0 + 60 * DAY);
    const ws = await tempWorkspace();
    const first = await syncWith(ws, fake, clock);
    expect(first.status).toBe('done');
    const before = stored(ws);
    const revisions = ws.sqlite.prepare('select id, revision from deals order by id').all();
    clock.advance(DAY);
    const second = await syncWith(ws, fake, clock);
    expect(second).toMatchObject({ status: 'done', upserted: 0, deleted: 0, quarantined: 0 });
    expect(stored(ws)).toEqual(before);
    expect(ws.sqlite.prepare('select id, revision from deals order by id').all()).toEqual(revisions);
  });

  it('reads a change made the moment before it starts', async () => {
    const fake = await started(make);
    const deals = populate(fake.world, 4, { start: T0, spanMs: 5 * DAY });
    const clock = new TestClock(T0 + 30 * DAY);
    const ws = await tempWorkspace();
    await syncWith(ws, fake, clock);
    fake.world.update(deals[0]!.id, { stage: 'contract', amount: '777' }, clock.now());
    const right = await syncWith(ws, fake, clock);
    expect(right.upserted).toBe(1);
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('killed after any request, it resumes from the last committed page and ends where a clean sync ends', async () => {
    const fake = await started(make);
    populate(fake.world, 11, { start: T0, spanMs: 10 * DAY, seed: 7 });
    const clock = new TestClock(T0 + 60 * DAY);
    const clean = await tempWorkspace('clean.db');
    fake.http.requests.length = 0;
    await syncWith(clean, fake, clock, { pageSize: 3 });
    const requests = fake.http.requests.length;
    const expected = stored(clean);
    expect(expected).toEqual(sortedExpected(fake.expected()));

    for (let crashAt = 1; crashAt < requests; crashAt++) {
      const ws = await tempWorkspace(`crash-${crashAt}.db`);
      let sent = 0;
      // The process dies while this request is in flight: nothing after it ever runs.
      const dying: typeof fetch = (input, init) =>
        ++sent > crashAt ? new Promise<Response>(() => undefined) : fetch(input, init);
      void syncWith(ws, fake, clock, { pageSize: 3, http: { fetch: dying } }).catch(() => undefined);
      // Let the abandoned run reach its hanging request.
      for (let i = 0; i < 200 && sent <= crashAt; i++) await new Promise((r) => setTimeout(r, 5));
      expect(sent).toBeGreaterThan(crashAt);
      const resumed = await syncWith(ws, fake, clock, { pageSize: 3 });
      expect(resumed.status, `crash at request ${crashAt}`).toBe('done');
      expect(stored(ws), `crash at request ${crashAt}`).toEqual(expected);
      const runs = ws.sqlite.prepare('select status from sync_runs order by id').pluck().all();
      if (runs.length === 2) expect(runs).toEqual(['interrupted', 'done']);
    }
  });

  it('commits on a worker thread past the first pages, stops cleanly there, and resumes to the same end', async () => {
    const fake = await started(make);
    populate(fake.world, 30, { start: T0, spanMs: 10 * DAY, seed: 3 });
    const clock = new TestClock(T0 + 60 * DAY);
    const ws = await tempWorkspace();
    let calls = 0;
    fake.http.inject({ match: () => ++calls > 14, drop: true, times: 1000 });
    const stopped = await syncWith(ws, fake, clock, { pageSize: 3, workerAfterPages: 1 });
    expect(stopped.status).toBe('interrupted');
    const pages = ws.sqlite.prepare('select pages from sync_runs').pluck().get();
    expect(pages).toBe(stopped.pages);
    expect(stopped.pages).toBeGreaterThan(1);
    fake.http.inject({ match: () => false });
    calls = Number.NEGATIVE_INFINITY;
    const done = await syncWith(ws, fake, clock, { pageSize: 3, workerAfterPages: 1 });
    expect(done.status).toBe('done');
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
    const again = await syncWith(ws, fake, clock, { pageSize: 3, workerAfterPages: 1 });
    expect(again).toMatchObject({ status: 'done', upserted: 0 });
    // The first full sync deferred the search index to its end: it is back, complete.
    const triggers = ws.sqlite
      .prepare(`select count(*) from sqlite_master where name like 'deals_search_a%'`)
      .pluck();
    expect(triggers.get()).toBe(3);
    const searchable = ws.sqlite
      .prepare(`select count(*) from deals_search_tri t join deals d on d.seq = t.rowid`)
      .pluck()
      .get();
    expect(searchable).toBe(30);
  });

  it('keeps every deal when many share one modified time across page boundaries', async () => {
    const fake = await started(make);
    const at = T0 + 5 * DAY + 123;
    for (let i = 0; i < 13; i++)
      fake.world.create({ name: `Tie ${i}`, stage: 'need', amount: String(100 + i) }, at);
    populate(fake.world, 4, { start: T0, spanMs: 10 * DAY, events: 1 });
    const ws = await tempWorkspace();
    const outcome = await syncWith(ws, fake, new TestClock(T0 + 60 * DAY), { pageSize: 5 });
    expect(outcome.status).toBe('done');
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('waits what a 429 announces, retries 5xx and timeouts, and ends complete', async () => {
    const fake = await started(make);
    populate(fake.world, 9, { start: T0, spanMs: 10 * DAY });
    fake.http.inject({
      match: nth(4),
      reply: { status: 429, headers: { 'retry-after': '7' }, body: { message: 'slow down' } },
    });
    fake.http.inject({ match: nth(6), reply: { status: 503, body: { message: 'unavailable' } }, times: 1 });
    fake.http.inject({ match: nth(8), hangMs: 600 });
    const clock = new TestClock(T0 + 60 * DAY);
    const ws = await tempWorkspace();
    const outcome = await syncWith(ws, fake, clock, { pageSize: 4, http: { timeoutMs: 300 } });
    expect(outcome.status).toBe('done');
    expect(outcome.retries).toBe(3);
    expect(Math.max(...clock.slept)).toBeGreaterThanOrEqual(7_000);
    expect(fake.http.pendingFaults()).toBe(0);
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('stops at a server that keeps failing, keeps the saved pages, and the next run completes', async () => {
    const fake = await started(make);
    populate(fake.world, 12, { start: T0, spanMs: 10 * DAY });
    const clock = new TestClock(T0 + 60 * DAY);
    const ws = await tempWorkspace();
    let calls = 0;
    fake.http.inject({
      match: () => ++calls > 10,
      reply: { status: 502, body: { message: 'bad gateway' } },
      times: 1000,
    });
    const stopped = await syncWith(ws, fake, clock, { pageSize: 3 });
    expect(stopped.status).toBe('interrupted');
    expect(stopped.error?.key).toBe('sync_server_error');
    expect(stopped.pages).toBeGreaterThan(0);
    const saved = (ws.sqlite.prepare('select count(*) from deals').pluck().get() as number) > 0;
    expect(saved).toBe(true);
    calls = Number.NEGATIVE_INFINITY; // the server recovers
    const resumed = await syncWith(ws, fake, clock, { pageSize: 3 });
    expect(resumed.status).toBe('done');
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('stops when the network goes down, naming the CRM and the URL, and resumes when it is back', async () => {
    const fake = await started(make);
    populate(fake.world, 12, { start: T0, spanMs: 10 * DAY });
    const clock = new TestClock(T0 + 60 * DAY);
    const ws = await tempWorkspace();
    let calls = 0;
    fake.http.inject({ match: () => ++calls > 9, drop: true, times: 1000 });
    const down = await syncWith(ws, fake, clock, { pageSize: 3 });
    expect(down.status).toBe('interrupted');
    expect(down.error).toMatchObject({ key: 'sync_network', params: { url: fake.url } });
    // Five retries of the request that gave up (requests asked together retry each on its own).
    expect(down.retries).toBeGreaterThanOrEqual(5);
    fake.http.inject({ match: () => false });
    calls = Number.NEGATIVE_INFINITY;
    const back = await syncWith(ws, fake, clock, { pageSize: 3 });
    expect(back.status).toBe('done');
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('refuses a wrong token before it creates anything, naming the cause', async () => {
    const fake = await started(make);
    populate(fake.world, 2, { start: T0 });
    const ws = await tempWorkspace();
    const error = await syncWith(ws, fake, new TestClock(T0 + 60 * DAY), { token: 'wrong' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(WorkbenchError);
    expect((error as WorkbenchError).say.key).toBe('sync_token_rejected');
    expect(JSON.stringify((error as WorkbenchError).say)).not.toContain(fake.token);
    expect(ws.sqlite.prepare('select count(*) from crm_connections').pluck().get()).toBe(0);
  });

  it('follows archive, restore and a deal gone for good, through a 20-day gap offline', async () => {
    const fake = await started(make);
    const deals = populate(fake.world, 10, { start: T0, spanMs: 10 * DAY });
    const clock = new TestClock(T0 + 30 * DAY);
    const ws = await tempWorkspace();
    await syncWith(ws, fake, clock);
    addLocalWork(ws, deals[0]!.id);
    addLocalWork(ws, deals[1]!.id);
    const local = localWork(ws);

    const [archived, restored, purged, edited] = [deals[0]!, deals[1]!, deals[2]!, deals[3]!];
    fake.world.remove(archived.id, clock.now() + DAY);
    fake.world.remove(restored.id, clock.now() + 2 * DAY);
    fake.world.restore(restored.id, clock.now() + 3 * DAY);
    fake.world.remove(purged.id, clock.now() + 2 * DAY);
    fake.world.purge(purged.id);
    fake.world.update(edited.id, { stage: 'contract', amount: '4321.5' }, clock.now() + 4 * DAY);
    const born = fake.world.create({ name: 'New in the gap', stage: 'solution' }, clock.now() + 5 * DAY);
    clock.advance(20 * DAY);
    const outcome = await syncWith(ws, fake, clock);
    expect(outcome.status).toBe('done');
    expect(stored(ws)).toEqual(sortedExpected(fake.expected({ sweptAt: clock.now() })));
    const row = (id: string) =>
      ws.sqlite.prepare('select deleted_at from deals where id = ?').get(id) as { deleted_at: number | null };
    expect(row(archived.id).deleted_at).not.toBeNull();
    expect(row(restored.id).deleted_at).toBeNull();
    expect(row(purged.id).deleted_at).toBe(clock.now());
    expect(row(born.id)).toBeDefined();
    // The manager's notes, tags, meetings and plans, on deleted deals too, untouched.
    expect(localWork(ws)).toBe(local);
  });

  it('quarantines a record it cannot read, names it, and stores the rest', async () => {
    const fake = await started(make);
    const deals = populate(fake.world, 6, { start: T0, spanMs: 10 * DAY });
    const broken = deals[2]!;
    fake.corrupt.set(broken.id, { [amountField]: 'abc' });
    const ws = await tempWorkspace();
    const outcome = await syncWith(ws, fake, new TestClock(T0 + 60 * DAY));
    expect(outcome).toMatchObject({ status: 'done', quarantined: 1 });
    const q = ws.sqlite.prepare('select record_id, reason from sync_quarantine').all() as {
      record_id: string;
      reason: string;
    }[];
    expect(q).toHaveLength(1);
    expect(q[0]!.record_id).toBe(broken.id);
    expect(JSON.parse(q[0]!.reason)).toMatchObject({ key: 'sync_field_invalid', params: { value: 'abc' } });
    expect(stored(ws).deals.map((d) => d.id)).toEqual(
      sortedExpected(fake.expected())
        .deals.filter((d) => d.id !== broken.id)
        .map((d) => d.id),
    );
  });

  for (const history of [true, false]) {
    it(`records stage moves forward, back, skipping and reopening ${history ? 'from the CRM' : 'by comparing syncs'}`, async () => {
      const fake = await started(make);
      fake.historyEnabled = history;
      const clock = new TestClock(T0 + DAY);
      const deal = fake.world.create(
        { name: 'Moves', stage: 'need', amount: '1000', closeDate: day(T0 + 30 * DAY) },
        T0,
      );
      const ws = await tempWorkspace();
      const moves: [string, number][] = [
        ['solution', 2], // forward
        ['need', 3], // back
        ['negotiation', 4], // skip
        ['lost', 5], // close
        ['proposal', 6], // reopen
      ];
      await syncWith(ws, fake, clock);
      for (const [stage, d] of moves) {
        fake.world.update(deal.id, { stage }, T0 + d * DAY);
        clock.t = T0 + d * DAY + 3_600_000;
        // Without the CRM's history, each move is seen only by a sync that follows it.
        await syncWith(ws, fake, clock);
      }
      const stages = stored(ws).history.filter((h) => h.field === 'stage');
      expect(stages.map((h) => [h.value, h.changed_at])).toEqual([
        ['need', T0],
        ...moves.map(([stage, d]) => [stage, T0 + d * DAY]),
      ]);
      const sources = ws.sqlite
        .prepare(`select distinct source from deal_history where field = 'stage'`)
        .pluck()
        .all();
      expect(sources).toEqual([history ? 'sync' : 'inferred']);
      if (!history) {
        // The CRM's history arriving later replaces every inferred row.
        fake.historyEnabled = true;
        fake.world.update(deal.id, { nextStep: 'call' }, clock.now());
        clock.advance(3_600_000);
        await syncWith(ws, fake, clock);
        expect(ws.sqlite.prepare(`select distinct source from deal_history`).pluck().all()).toEqual(['sync']);
        expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
      }
    });
  }
});

describe('sync from a Salesforce without sObject describe', () => {
  it('reads the standard fields, single currency', async () => {
    const fake = await started(() => new FakeSalesforce());
    fake.withoutDescribe = true;
    populate(fake.world, 6, { start: T0, spanMs: 10 * DAY });
    const ws = await tempWorkspace();
    const outcome = await syncWith(ws, fake, new TestClock(T0 + 60 * DAY));
    expect(outcome.status).toBe('done');
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });
});
