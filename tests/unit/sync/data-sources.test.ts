import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CrmConnectionView, StageMappingRow, SyncRunSummary, SyncRunView } from '@shared/contract';
import type { EventName, Events } from '@shared/contract/events';
import { createBackend } from '@backend/index';
import type { Registry } from '@backend/registry';
import type { SecretStore } from '@backend/sync/secrets';
import { testKeychain as keychain } from '../../support/keychain';
import { FakeHubSpot } from '../../mock-crm/hubspot';
import { populate } from '../../mock-crm/world';
import { tempWorkspace } from '../../support/temp';
import { sortedExpected, stored } from './support';

const T0 = Date.parse('2026-05-01T00:00:00Z');

let fake: FakeHubSpot;
beforeEach(async () => {
  fake = new FakeHubSpot();
  await fake.start();
});
afterEach(() => fake.stop());

async function backend(secrets?: SecretStore) {
  const ws = await tempWorkspace();
  const events: { event: EventName; payload: unknown }[] = [];
  const waiting: ((s: SyncRunSummary) => void)[] = [];
  const emit = <E extends EventName>(event: E, payload: Events[E]) => {
    events.push({ event, payload });
    if (event === 'sync.finished') for (const w of waiting.splice(0)) w(payload as SyncRunSummary);
  };
  const registry = createBackend(ws, emit, secrets ? { secrets } : {});
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await registry.dispatch(channel, input);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code, say: r.error.say });
    return r.value as T;
  };
  const finished = () => new Promise<SyncRunSummary>((resolve) => waiting.push(resolve));
  return { ws, registry: registry as Registry, call, events, finished };
}

describe('Data sources: connect, sync in the background, map stages', () => {
  it('connects with a token kept encrypted, syncs with progress, and logs the run', async () => {
    populate(fake.world, 30, { start: T0, spanMs: 20 * 86_400_000 });
    const { ws, call, events, finished } = await backend(keychain());
    const connection = await call<CrmConnectionView>('sync.connect', {
      kind: 'hubspot',
      url: fake.url,
      token: fake.token,
    });
    expect(connection).toMatchObject({
      kind: 'hubspot',
      label: 'HubSpot 4242',
      tokenSource: 'keychain',
      lastSyncedAt: null,
    });
    const row = ws.sqlite.prepare('select token_ciphertext, token_storage from crm_connections').get() as {
      token_ciphertext: Buffer;
      token_storage: string;
    };
    expect(row.token_storage).toBe('keychain');
    expect(Buffer.from(row.token_ciphertext).toString('latin1')).not.toContain(fake.token);
    expect(await call('sync.test', { connectionId: connection.id })).toEqual({ label: 'HubSpot 4242' });

    const done = finished();
    expect(await call('sync.start', { connectionId: connection.id })).toEqual({ started: true });
    expect(await call('sync.start', { connectionId: connection.id })).toEqual({ started: false });
    const summary = await done;
    expect(summary).toMatchObject({ status: 'done', upserted: 30, error: null });
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
    expect(events.filter((e) => e.event === 'sync.progress').length).toBeGreaterThan(1);
    expect(events.some((e) => e.event === 'workspace.changed')).toBe(true);

    const { runs } = await call<{ runs: SyncRunView[] }>('sync.runs', { connectionId: connection.id });
    expect(runs[0]).toMatchObject({ status: 'done', upserted: 30, startedAt: expect.any(Number) });
    const { connections } = await call<{ connections: CrmConnectionView[] }>('sync.connections', {});
    expect(connections[0]!.lastSyncedAt).toBe(runs[0]!.finishedAt);
    expect(connections[0]!.deals).toBe(30);
  });

  it('shows a run cut off by a crash as interrupted, with the reason, before any new run', async () => {
    populate(fake.world, 5, { start: T0 });
    const { ws, call, finished } = await backend(keychain());
    const c = await call<CrmConnectionView>('sync.connect', {
      kind: 'hubspot',
      url: fake.url,
      token: fake.token,
    });
    // What a process killed mid-run leaves behind: its run still marked running.
    ws.sqlite
      .prepare(
        `insert into sync_runs(connection_id, started_at, status, pages, phase) values(?, ?, 'running', 3, 'changes')`,
      )
      .run(c.id, T0);
    const { runs } = await call<{ runs: SyncRunView[] }>('sync.runs', { connectionId: c.id });
    expect(runs[0]).toMatchObject({
      status: 'interrupted',
      pages: 3,
      error: { key: 'sync_ended_unexpectedly' },
    });
    const { connections } = await call<{ connections: CrmConnectionView[] }>('sync.connections', {});
    expect(connections[0]!.lastRun?.error?.key).toBe('sync_ended_unexpectedly');
    // The next run closes it for good, and is itself shown as it is.
    const done = finished();
    await call('sync.start', { connectionId: c.id });
    await done;
    const after = await call<{ runs: SyncRunView[] }>('sync.runs', { connectionId: c.id });
    expect(after.runs.map((r) => [r.status, r.error?.key ?? null])).toEqual([
      ['done', null],
      ['interrupted', 'sync_ended_unexpectedly'],
    ]);
  });

  it('in the browser takes the token from an environment variable only', async () => {
    const { call, ws } = await backend();
    await expect(
      call('sync.connect', { kind: 'hubspot', url: fake.url, token: fake.token }),
    ).rejects.toMatchObject({
      say: { key: 'sync_token_env_only' },
    });
    process.env.FUNNEL_TEST_HUBSPOT = fake.token;
    try {
      const c = await call<CrmConnectionView>('sync.connect', {
        kind: 'hubspot',
        url: fake.url,
        tokenEnv: 'FUNNEL_TEST_HUBSPOT',
      });
      expect(c).toMatchObject({ tokenSource: 'env', tokenEnv: 'FUNNEL_TEST_HUBSPOT' });
      expect(ws.sqlite.prepare('select token_ciphertext from crm_connections').pluck().get()).toBeNull();
    } finally {
      delete process.env.FUNNEL_TEST_HUBSPOT;
    }
  });

  it('asks before storing a token without a keyring, and stores nothing for a token the CRM refuses', async () => {
    const { call, ws } = await backend(keychain('basic_text'));
    await expect(
      call('sync.connect', { kind: 'hubspot', url: fake.url, token: fake.token }),
    ).rejects.toMatchObject({
      code: 'conflict',
      say: { key: 'sync_basic_text_confirm' },
    });
    await expect(
      call('sync.connect', { kind: 'hubspot', url: fake.url, token: 'bad', allowBasicText: true }),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(ws.sqlite.prepare('select count(*) from crm_connections').pluck().get()).toBe(0);
    const c = await call<CrmConnectionView>('sync.connect', {
      kind: 'hubspot',
      url: fake.url,
      token: fake.token,
      allowBasicText: true,
    });
    expect(c.tokenSource).toBe('basic_text');
  });

  it('suggests a mapping, re-maps stored deals and their timelines, and keeps an unmapped stage as its own', async () => {
    const deals = populate(fake.world, 20, { start: T0, spanMs: 20 * 86_400_000 });
    const moved = deals.find((d) => d.changes.some((c) => c.field === 'stage' && c.value === 'contract'));
    const { ws, call, finished } = await backend(keychain());
    const c = await call<CrmConnectionView>('sync.connect', {
      kind: 'hubspot',
      url: fake.url,
      token: fake.token,
    });
    const done = finished();
    await call('sync.start', { connectionId: c.id });
    await done;
    const { rows } = await call<{ rows: StageMappingRow[] }>('sync.mapping', { connectionId: c.id });
    expect(rows.map((r) => [r.stage, r.stageKey, r.suggested])).toEqual([
      ['appointmentscheduled', 'need', 'need'],
      ['qualifiedtobuy', 'solution', 'solution'],
      ['presentationscheduled', 'proposal', 'proposal'],
      ['decisionmakerboughtin', 'negotiation', 'negotiation'],
      ['contractsent', 'contract', 'contract'],
      ['closedwon', 'won', 'won'],
      ['closedlost', 'lost', 'lost'],
    ]);
    const historyOf = (id: string) =>
      ws.sqlite
        .prepare(
          `select h.value from deal_history h join deals d on d.seq = h.deal_seq where d.id = ? and h.field = 'stage' order by h.changed_at, h.id`,
        )
        .pluck()
        .all(id) as string[];
    expect(moved).toBeDefined();
    expect(historyOf(moved!.id)).toContain('contract');

    // Kept as its own stage: a workspace stage named as upstream, nothing dropped.
    const own = await call<{ dealsRemapped: number }>('sync.saveMapping', {
      connectionId: c.id,
      rows: [{ pipeline: 'default', stage: 'contractsent', stageKey: null }],
    });
    expect(own.dealsRemapped).toBeGreaterThan(0);
    expect(historyOf(moved!.id)).toContain('hubspot:default/contractsent');
    expect(
      ws.sqlite.prepare(`select name, kind from stages where key = 'hubspot:default/contractsent'`).get(),
    ).toEqual({
      name: 'Contract',
      kind: 'open',
    });
    const { connections } = await call<{ connections: CrmConnectionView[] }>('sync.connections', {});
    expect(connections[0]!.unmappedStages).toBe(1);

    // Mapped back: the timeline reads as before and the stage of its own is gone.
    await call('sync.saveMapping', {
      connectionId: c.id,
      rows: [{ pipeline: 'default', stage: 'contractsent', stageKey: 'contract' }],
    });
    expect(historyOf(moved!.id)).toContain('contract');
    expect(ws.sqlite.prepare(`select count(*) from stages where key like 'hubspot:%'`).pluck().get()).toBe(0);
    await expect(
      call('sync.saveMapping', {
        connectionId: c.id,
        rows: [{ pipeline: 'default', stage: 'contractsent', stageKey: 'nope' }],
      }),
    ).rejects.toMatchObject({ say: { key: 'sync_mapping_stage_unknown' } });
    // A sync after re-mapping stores exactly what a fresh one would.
    const again = finished();
    await call('sync.start', { connectionId: c.id });
    await again;
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('cancels a run, keeping what it saved; disconnecting keeps the deals as local copies', async () => {
    populate(fake.world, 40, { start: T0, spanMs: 20 * 86_400_000 });
    // Slow answers, so there is a run to cancel.
    fake.http.inject({ match: (r) => r.path.endsWith('/batch/read'), hangMs: 150, times: 100 });
    const { ws, call, finished } = await backend(keychain());
    const c = await call<CrmConnectionView>('sync.connect', {
      kind: 'hubspot',
      url: fake.url,
      token: fake.token,
    });
    const done = finished();
    await call('sync.start', { connectionId: c.id });
    await new Promise((r) => setTimeout(r, 100));
    expect(await call('sync.cancel', { connectionId: c.id })).toEqual({ cancelled: true });
    const summary = await done;
    expect(summary).toMatchObject({ status: 'interrupted', error: { key: 'sync_cancelled' } });
    await call('sync.schedule', { connectionId: c.id, everyMinutes: 15 });
    const { connections } = await call<{ connections: CrmConnectionView[] }>('sync.connections', {});
    expect(connections[0]!.autoSyncMinutes).toBe(15);
    const before = ws.sqlite.prepare('select count(*) from deals').pluck().get();
    await call('sync.disconnect', { connectionId: c.id });
    expect(ws.sqlite.prepare('select count(*) from crm_connections').pluck().get()).toBe(0);
    expect(ws.sqlite.prepare('select count(*) from deals where connection_id is null').pluck().get()).toBe(
      before,
    );
  });
});
