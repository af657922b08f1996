import type { Db } from '@backend/db/query';
import type { Workspace } from '@backend/db/connection';
import { createConnector } from '@backend/sync/connectors';
import { runSync, type SyncOptions, type SyncOutcome } from '@backend/sync/engine';
import type { Clock } from '@backend/sync/http';
import type { FakeCrm } from '../../mock-crm/fake';
import type { ExpectedDeal, ExpectedHistory } from '../../mock-crm/world';

/** Time that moves only when told to, or when a backoff waits (instantly). */
export class TestClock implements Clock {
  slept: number[] = [];
  constructor(public t: number) {}
  now = () => this.t;
  sleep = async (ms: number) => {
    this.slept.push(ms);
    this.t += ms;
  };
  advance(ms: number): void {
    this.t += ms;
  }
}

export interface SyncTestOptions extends SyncOptions {
  pageSize?: number;
  token?: string;
}

/** One run against a fake, as `funnel sync` does it, with test-sized pages. */
export function syncWith(
  ws: Workspace,
  fake: FakeCrm,
  clock: Clock,
  options: SyncTestOptions = {},
): Promise<SyncOutcome> {
  const { pageSize, token, ...rest } = options;
  return runSync(
    ws,
    { kind: fake.kind, baseUrl: fake.url },
    (http) =>
      createConnector(fake.kind, {
        baseUrl: fake.url,
        token: token ?? fake.token,
        http,
        pageSize: pageSize ?? 5,
      }),
    {
      clock,
      lookbackMs: 60_000,
      lagMs: 1_000,
      // On this thread unless a test asks for the worker: a thread's start-up per run
      // would make the many-run tests slow (the worker has tests of its own).
      workerAfterPages: 1_000,
      ...rest,
      http: { timeoutMs: 2_000, ...rest.http, clock },
    },
  );
}

/** The workspace's deals and history in the shape the fakes' `expected()` gives, sorted. */
export function stored(ws: Db): { deals: ExpectedDeal[]; history: ExpectedHistory[] } {
  const deals = ws.sqlite
    .prepare(
      `select id, name, account, owner, team, amount_cents, stage, created_at, close_date, forecast_category,
        lost_reason, next_step, updated_at, last_activity_at, deleted_at from deals order by id`,
    )
    .all() as ExpectedDeal[];
  const history = ws.sqlite
    .prepare(
      `select d.id as deal_id, h.field, h.value, h.changed_at from deal_history h join deals d on d.seq = h.deal_seq
       order by d.id, h.field, h.changed_at, h.id`,
    )
    .all() as ExpectedHistory[];
  return { deals, history };
}

export function sortedExpected(e: { deals: ExpectedDeal[]; history: ExpectedHistory[] }): {
  deals: ExpectedDeal[];
  history: ExpectedHistory[];
} {
  return {
    deals: [...e.deals].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    history: [...e.history].sort(
      (a, b) =>
        (a.deal_id < b.deal_id ? -1 : a.deal_id > b.deal_id ? 1 : 0) ||
        (a.field < b.field ? -1 : a.field > b.field ? 1 : 0) ||
        a.changed_at - b.changed_at,
    ),
  };
}
