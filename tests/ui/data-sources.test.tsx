import { screen, waitFor, within } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHubSpot } from '../mock-crm/hubspot';
import { populate, type WorldDeal } from '../mock-crm/world';
import { renderApp } from './render';
import { testKeychain } from '../support/keychain';
import type { WorkbenchOptions } from './support/workbench';

/**
 * The data sources page against the real backend and a fake HubSpot on 127.0.0.1: a
 * manager connects, syncs with the progress bar, maps stages, reads the run log and
 * disconnects, in both languages, by keyboard-operable controls, axe-clean.
 */

const T0 = Date.parse('2026-05-01T00:00:00Z');
const VARIABLE = 'FUNNEL_UI_HUBSPOT_TOKEN';

let fake: FakeHubSpot;
let deals: WorldDeal[];
beforeEach(async () => {
  fake = new FakeHubSpot();
  await fake.start();
  deals = populate(fake.world, 30, { start: T0, spanMs: 20 * 86_400_000 });
  process.env[VARIABLE] = fake.token;
});
afterEach(async () => {
  delete process.env[VARIABLE];
  await fake.stop();
  // The area is the URL's hash: the next test starts on the pipeline again.
  window.history.replaceState(null, '', '#/');
});

async function openSources(options: WorkbenchOptions = {}) {
  const app = await renderApp({ deals: 40, ...options });
  await app.user.click(screen.getByTestId('nav-sources'));
  await screen.findByTestId('view-sources');
  return app;
}

type App = Awaited<ReturnType<typeof openSources>>;

/** Connects the fake HubSpot through the dialog with the token's environment variable. */
async function connectWithVariable({ user }: App, variable = VARIABLE) {
  await user.click(screen.getAllByTestId('sources-connect')[0]!);
  const dialog = await screen.findByTestId('connect-dialog');
  const url = within(dialog).getByLabelText(/API address/);
  await user.clear(url);
  await user.type(url, fake.url);
  if (within(dialog).queryByLabelText('An environment variable'))
    await user.click(within(dialog).getByLabelText('An environment variable'));
  await user.type(within(dialog).getByLabelText(/Environment variable name/), variable);
  await user.click(within(dialog).getByTestId('connect-submit'));
  return dialog;
}

/** Connects, syncs from the dialog's "Sync now", and waits for the run to finish. */
async function connectAndSync(app: App, dealsAfter = 30) {
  const dialog = await connectWithVariable(app);
  await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
  await app.user.click(within(dialog).getByTestId('connect-sync-now'));
  await waitFor(
    () =>
      expect(within(screen.getByTestId('run-log')).getAllByTestId('run-row')[0]!.dataset.status).toBe('done'),
    { timeout: 10_000 },
  );
  await waitFor(() => expect(screen.getByTestId('panel-deals').textContent).toBe(String(dealsAfter)));
}

async function violations() {
  const result = await axe.run(document.body, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations
    .filter(
      (v) =>
        v.impact === 'serious' ||
        v.impact === 'critical' ||
        v.tags.includes('wcag2a') ||
        v.tags.includes('wcag2aa'),
    )
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('data sources', () => {
  it('without a connection explains what connecting does; the header shows no sync time', async () => {
    await openSources();
    const nav = screen.getAllByTestId(/^nav-/).map((a) => a.getAttribute('data-testid'));
    expect(nav.indexOf('nav-sources')).toBe(nav.indexOf('nav-stages') - 1);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Data sources');
    const empty = await screen.findByTestId('sources-empty');
    expect(empty.textContent).toContain('stage history');
    expect(empty.textContent).toContain('notes, meetings, plans and mentor tags are never touched');
    expect(screen.queryByTestId('last-synced')).toBeNull();
    expect(await violations()).toEqual([]);
  });

  it('in a browser takes the token from an environment variable, syncs, and the deals appear', async () => {
    const app = await openSources();
    const { user, backend } = app;
    await user.click(screen.getByTestId('sources-connect'));
    const dialog = await screen.findByTestId('connect-dialog');
    // No keychain here: no token field, and a sentence saying why.
    expect(within(dialog).queryByTestId('connect-token')).toBeNull();
    expect(within(dialog).getByTestId('connect-env-only').textContent).toMatch(
      /only come from an environment variable/,
    );
    // HubSpot's own API address is filled in; Salesforce has none to suggest, Pipedrive its own.
    const url = within(dialog).getByLabelText(/API address/) as HTMLInputElement;
    expect(url.value).toBe('https://api.hubapi.com');
    await user.click(within(dialog).getByLabelText('Salesforce'));
    expect(url.value).toBe('');
    expect(within(dialog).getByText(/Your Salesforce instance URL/)).toBeTruthy();
    await user.click(within(dialog).getByLabelText('Pipedrive'));
    expect(url.value).toBe('https://api.pipedrive.com');
    await user.click(within(dialog).getByLabelText('HubSpot'));

    // A name that cannot be a variable is caught before any call.
    await user.clear(url);
    await user.type(url, fake.url);
    await user.type(within(dialog).getByLabelText(/Environment variable name/), '1-bad');
    await user.click(within(dialog).getByTestId('connect-submit'));
    expect(within(dialog).getByText(/Letters, digits and underscores only/)).toBeTruthy();
    expect(backend.callsTo('sync.connect')).toHaveLength(0);

    // A variable that holds nothing: the backend's message says which one and what to do.
    const name = within(dialog).getByLabelText(/Environment variable name/);
    await user.clear(name);
    await user.type(name, 'FUNNEL_UI_UNSET');
    await user.click(within(dialog).getByTestId('connect-submit'));
    expect((await within(dialog).findByTestId('connect-error')).textContent).toContain(
      'The environment variable FUNNEL_UI_UNSET holds no token',
    );

    await user.clear(name);
    await user.type(name, VARIABLE);
    await user.click(within(dialog).getByTestId('connect-submit'));
    const done = await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
    expect(done.textContent).toContain('The token works for HubSpot 4242');
    expect(backend.callsTo('sync.connect').at(-1)).toEqual({
      kind: 'hubspot',
      url: fake.url,
      tokenEnv: VARIABLE,
    });

    // Slow answers, so the run is seen running.
    fake.http.inject({ match: (r) => r.path.endsWith('/batch/read'), hangMs: 150, times: 20 });
    await user.click(within(dialog).getByTestId('connect-sync-now'));
    expect(await screen.findByTestId('sync-progress')).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Sync of HubSpot' })).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('sync-progress')).toBeNull(), { timeout: 10_000 });

    const row = screen.getAllByTestId('connection-row')[0]!;
    await waitFor(() => expect(within(row).getByTestId('connection-deals').textContent).toBe('30'));
    expect(row.textContent).toContain(fake.url);
    expect(row.textContent).toContain('HubSpot 4242');
    expect(row.textContent).toContain(`Environment variable ${VARIABLE}`);
    expect(row.textContent).toContain('just now');
    expect(row.textContent).toContain('All mapped');
    expect(screen.getByTestId('last-synced').textContent).toBe('Synced just now');
    expect(screen.getByTestId('last-synced').getAttribute('href')).toBe('#/sources');

    const runs = within(screen.getByTestId('run-log')).getAllByTestId('run-row');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.dataset.status).toBe('done');
    expect(runs[0]!.textContent).toContain('Complete');

    // The synced deals replaced the demo data in the pipeline.
    await user.click(screen.getByTestId('nav-pipeline'));
    await waitFor(() => expect(screen.getByTestId('pipeline-summary').textContent).toMatch(/^\d+ deals?/));
    const names = new Set(deals.map((d) => d.fields.name));
    await waitFor(() =>
      expect(
        screen.getAllByTestId('deal-row').every((r) => [...names].some((n) => r.textContent?.includes(n))),
      ).toBe(true),
    );
  });

  it('shows each progress event: phase, pages, records of the total, time left; cancel keeps what was saved', async () => {
    const app = await openSources();
    const dialog = await connectWithVariable(app);
    await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
    await app.user.click(within(dialog).getByText('Close'));
    const id = Number(screen.getAllByTestId('connection-row')[0]!.dataset.connectionId);

    // A run announced by the backend (as an automatic sync would be) takes over the panel.
    // Refetches wait meanwhile: this backend knows of no such run and would say so.
    let release = () => undefined as void;
    app.backend.gates.set('sync.connections', new Promise<void>((resolve) => (release = resolve)));
    app.backend.emit('sync.progress', {
      connectionId: id,
      runId: 7,
      phase: 'changes',
      pages: 2,
      records: 200,
      total: 500,
      etaMs: 30_000,
    });
    const bar = await screen.findByRole('progressbar', { name: 'Sync of HubSpot' });
    expect(bar.getAttribute('aria-valuenow')).toBe('40');
    expect(screen.getByTestId('sync-progress').textContent).toContain('Downloading changed deals');
    expect(screen.getByTestId('sync-progress-detail').textContent).toBe(
      '2 pages · 200 of 500 records · about 30 s left',
    );
    expect(screen.getByTestId('last-synced').textContent).toBe('Syncing HubSpot…');
    app.backend.emit('sync.progress', {
      connectionId: id,
      runId: 7,
      phase: 'changes',
      pages: 3,
      records: 300,
      total: 500,
      etaMs: 20_000,
    });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('60'));
    // Without a total (Pipedrive's cursor) the bar has no value rather than a made-up one.
    app.backend.emit('sync.progress', {
      connectionId: id,
      runId: 7,
      phase: 'sweep',
      pages: 4,
      records: 350,
      total: null,
      etaMs: null,
    });
    await waitFor(() => expect(bar.hasAttribute('aria-valuenow')).toBe(false));
    expect(screen.getByTestId('sync-progress-detail').textContent).toBe('4 pages · 350 records');
    app.backend.gates.delete('sync.connections');
    release();
    app.backend.emit('sync.finished', {
      connectionId: id,
      runId: 7,
      status: 'done',
      pages: 4,
      records: 350,
      upserted: 0,
      unchanged: 0,
      deleted: 0,
      quarantined: 0,
      requests: 9,
      retries: 0,
      error: null,
    });
    await waitFor(() => expect(screen.queryByTestId('sync-progress')).toBeNull());

    // A real run, slowed down, cancelled part-way.
    fake.http.inject({ match: (r) => r.path.endsWith('/batch/read'), hangMs: 400, times: 50 });
    await app.user.click(screen.getByTestId('sync-now'));
    await screen.findByTestId('sync-progress');
    await app.user.click(await screen.findByTestId('sync-cancel'));
    const stopped = await screen.findByTestId('last-run-stopped', {}, { timeout: 10_000 });
    expect(stopped.textContent).toContain('The sync was cancelled');
    expect(stopped.textContent).toContain('continues where it stopped');
    await waitFor(() =>
      expect(within(screen.getByTestId('run-log')).getAllByTestId('run-row')[0]!.dataset.status).toBe(
        'interrupted',
      ),
    );
    expect(screen.getByTestId('last-synced').textContent).toBe('Not synced yet');
    expect(screen.getByTestId('sync-now')).toBeTruthy();
  });

  it('asks before storing a token without a keyring; a refused token is said so, the session goes on', async () => {
    const { user, backend } = await openSources({ secrets: testKeychain('basic_text') });
    await user.click(screen.getByTestId('sources-connect'));
    const dialog = await screen.findByTestId('connect-dialog');
    expect(dialog.textContent).toContain('no keyring service');
    const url = within(dialog).getByLabelText(/API address/);
    await user.clear(url);
    await user.type(url, fake.url);
    const token = within(dialog).getByLabelText(/Private app access token/) as HTMLInputElement;
    expect(token.type).toBe('password');
    await user.type(token, 'pat-wrong');
    await user.click(within(dialog).getByTestId('connect-submit'));

    const ask = await within(dialog).findByTestId('connect-basic-text');
    expect(ask.textContent).toContain('stored obscured but not encrypted');
    expect(backend.callsTo('sync.connect').at(-1)).toMatchObject({ allowBasicText: false });
    await user.click(within(ask).getByTestId('connect-store-basic-text'));
    const error = await within(dialog).findByTestId('connect-error');
    expect(error.textContent).toContain('HubSpot refused the token');
    expect(error.textContent).toContain('HubSpot rejected the token (HTTP 401');
    expect(screen.queryByTestId('session-expired')).toBeNull();

    await user.clear(token);
    await user.type(token, fake.token);
    // Agreed once: not asked again for the corrected token.
    await user.click(within(dialog).getByTestId('connect-submit'));
    await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
    expect(backend.callsTo('sync.connect').at(-1)).toMatchObject({ token: fake.token, allowBasicText: true });
    // The token is not kept in the page once connected.
    expect(dialog.querySelector('input[type="password"]')).toBeNull();
    await user.click(within(dialog).getByText('Close'));
    expect(screen.getAllByTestId('connection-row')[0]!.textContent).toContain('Stored without encryption');
  });

  it('with a keychain stores the token encrypted, and Test connection names the account', async () => {
    const { user, backend } = await openSources({ secrets: testKeychain() });
    await user.click(screen.getByTestId('sources-connect'));
    const dialog = await screen.findByTestId('connect-dialog');
    expect(dialog.textContent).toContain('kept encrypted by this computer’s keychain');
    const url = within(dialog).getByLabelText(/API address/);
    await user.clear(url);
    await user.type(url, fake.url);
    await user.type(within(dialog).getByLabelText(/Private app access token/), fake.token);
    // Enter submits the form.
    await user.keyboard('{Enter}');
    await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
    await user.click(within(dialog).getByText('Close'));
    expect(screen.getAllByTestId('connection-row')[0]!.textContent).toContain('Keychain (encrypted)');
    const stored = backend.ws.sqlite
      .prepare('select token_ciphertext from crm_connections')
      .pluck()
      .get() as Buffer;
    expect(Buffer.from(stored).toString('latin1')).not.toContain(fake.token);

    await user.click(screen.getByTestId('sync-test'));
    expect(await screen.findByText('The connection works: HubSpot answers for HubSpot 4242.')).toBeTruthy();
  });

  it('maps a CRM stage as its own and back; the warning badge opens the mapping', async () => {
    const app = await openSources();
    const { user, backend } = app;
    await connectAndSync(app);
    await user.click(screen.getByTestId('tab-mapping'));
    const table = await screen.findByTestId('mapping-table');
    const rows = within(table).getAllByTestId('mapping-row');
    expect(rows.map((r) => r.dataset.stage)).toEqual([
      'appointmentscheduled',
      'qualifiedtobuy',
      'presentationscheduled',
      'decisionmakerboughtin',
      'contractsent',
      'closedwon',
      'closedlost',
    ]);
    const contract = rows[4]!;
    expect(contract.textContent).toContain('Sales Pipeline');
    const select = within(contract).getByLabelText(
      'Workspace stage for Sales Pipeline / Contract',
    ) as HTMLSelectElement;
    expect(select.value).toBe('contract');
    // The workspace's stages and "keep as its own", never another CRM's own stage.
    expect([...select.options].map((o) => o.value)).toEqual([
      'need',
      'solution',
      'proposal',
      'negotiation',
      'contract',
      'won',
      'lost',
      '',
    ]);
    const inContract = Number(within(contract).getAllByRole('cell')[1]!.textContent);

    await user.selectOptions(select, '');
    expect(screen.getByTestId('mapping-status').textContent).toBe('Unsaved changes');
    await user.click(screen.getByTestId('mapping-save'));
    // The deals in the stage now and those whose history passed through it.
    const notice = await screen.findByText(/^Stage mapping saved; \d+ deals? re-mapped\.$/);
    expect(Number(/(\d+) deals?/.exec(notice.textContent ?? '')![1])).toBeGreaterThanOrEqual(inContract);
    expect(backend.callsTo('sync.saveMapping').at(-1)).toMatchObject({
      rows: [{ pipeline: 'default', stage: 'contractsent', stageKey: null }],
    });
    expect(
      backend.ws.sqlite.prepare(`select count(*) from stages where key like 'hubspot:%'`).pluck().get(),
    ).toBe(1);

    // The list warns, and the warning opens the mapping.
    await user.click(screen.getByTestId('tab-runs'));
    const badge = await screen.findByTestId('unmapped-badge');
    expect(badge.textContent).toBe('1 stage not mapped');
    await user.click(badge);
    await screen.findByTestId('mapping-table');
    expect(window.location.hash).toMatch(/tab=mapping/);
    expect(screen.getByTestId('tab-mapping').getAttribute('aria-selected')).toBe('true');

    // The suggestion brings it back.
    const again = within(screen.getByTestId('mapping-table'))
      .getAllByTestId('mapping-row')
      .find((r) => r.dataset.stage === 'contractsent')!;
    expect(again.textContent).toContain('Own stage');
    await user.click(within(again).getByRole('button', { name: /Use the suggestion Contract for/ }));
    await user.click(screen.getByTestId('mapping-save'));
    await waitFor(() => expect(screen.queryByTestId('unmapped-badge')).toBeNull());
    expect(
      backend.ws.sqlite.prepare(`select count(*) from stages where key like 'hubspot:%'`).pluck().get(),
    ).toBe(0);
  });

  it('lists quarantined records with their reasons, and the record as received on demand', async () => {
    const broken = deals[3]!;
    fake.corrupt.set(broken.id, { amount: 'abc' });
    const app = await openSources();
    // 29 deals come in; the broken one is set aside.
    await connectAndSync(app, 29);
    const run = within(screen.getByTestId('run-log')).getAllByTestId('run-row')[0]!;
    const button = within(run).getByTestId('run-quarantined');
    expect(button.textContent).toBe('1');
    expect(screen.getByText(/The last sync set 1 record aside/)).toBeTruthy();
    await app.user.click(button);
    const dialog = await screen.findByTestId('quarantine-dialog');
    const record = await within(dialog).findByTestId('quarantined-record');
    expect(record.textContent).toContain(broken.id);
    expect(record.textContent).toMatch(/amount.*“abc”/);
    expect(within(dialog).queryByTestId('quarantined-payload')).toBeNull();
    await app.user.click(
      within(record).getByRole('button', { name: `Show record ${broken.id} as received` }),
    );
    expect(within(dialog).getByTestId('quarantined-payload').textContent).toContain('"abc"');
    expect(await violations()).toEqual([]);
  });

  it('sets the automatic sync: a common interval, a custom one, or off', async () => {
    const app = await openSources();
    const dialog = await connectWithVariable(app);
    await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
    await app.user.click(within(dialog).getByText('Close'));
    const { user, backend } = app;
    const schedule = screen.getByTestId('sync-schedule') as HTMLSelectElement;
    expect(schedule.value).toBe('off');
    await user.selectOptions(schedule, '30');
    expect(await screen.findByText('Automatic sync: Every 30 minutes.')).toBeTruthy();
    expect(backend.callsTo('sync.schedule').at(-1)).toMatchObject({ everyMinutes: 30 });

    await user.selectOptions(schedule, 'custom');
    const minutes = screen.getByLabelText(/Minutes between syncs/);
    await user.clear(minutes);
    await user.type(minutes, '3');
    expect(screen.getByText('Enter whole minutes from 5 to 1440.')).toBeTruthy();
    expect((screen.getByTestId('sync-schedule-apply') as HTMLButtonElement).disabled).toBe(true);
    await user.type(minutes, '5');
    await user.click(screen.getByTestId('sync-schedule-apply'));
    expect(await screen.findByText('Automatic sync: Every 35 minutes.')).toBeTruthy();
    expect(backend.callsTo('sync.schedule').at(-1)).toMatchObject({ everyMinutes: 35 });

    await user.selectOptions(schedule, 'off');
    expect(await screen.findByText('Automatic sync is off.')).toBeTruthy();
    expect(backend.callsTo('sync.schedule').at(-1)).toMatchObject({ everyMinutes: null });
  });

  it('disconnects after saying the deals stay as local copies', async () => {
    const app = await openSources();
    await connectAndSync(app);
    await app.user.click(screen.getByTestId('sync-disconnect'));
    const dialog = await screen.findByTestId('disconnect-dialog');
    expect(dialog.textContent).toContain('Disconnect HubSpot (HubSpot 4242)?');
    expect(dialog.textContent).toContain(
      'The 30 deals synced from it stay in this workspace as local copies',
    );
    expect(dialog.textContent).toContain('notes, meetings, plans and mentor tags');
    // Keeping it is where the focus starts.
    expect(document.activeElement?.textContent).toBe('Keep the connection');
    await app.user.click(within(dialog).getByTestId('disconnect-confirm'));
    await screen.findByTestId('sources-empty');
    expect(await screen.findByText('HubSpot disconnected; its deals stay as local copies.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('last-synced')).toBeNull());
    expect(
      app.backend.ws.sqlite.prepare('select count(*) from deals where connection_id is null').pluck().get(),
    ).toBe(30);
  });

  it('in Chinese: the header counts minutes since the last sync and refreshes when a sync ends', async () => {
    const app = await openSources({ preferences: { language: 'zh-CN', theme: 'light' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('数据源');
    await app.user.click(screen.getByTestId('sources-connect'));
    const dialog = await screen.findByTestId('connect-dialog');
    const url = within(dialog).getByLabelText(/API 地址/);
    await app.user.clear(url);
    await app.user.type(url, fake.url);
    await app.user.type(within(dialog).getByLabelText(/环境变量名/), VARIABLE);
    await app.user.click(within(dialog).getByTestId('connect-submit'));
    await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
    expect(screen.getByTestId('last-synced').textContent).toBe('尚未同步');
    await app.user.click(within(dialog).getByTestId('connect-sync-now'));
    await waitFor(() => expect(screen.getByTestId('last-synced').textContent).toBe('刚刚同步'), {
      timeout: 10_000,
    });
    // Five minutes later (as the run log has it), after another run ends somewhere.
    app.backend.ws.sqlite.exec('update sync_runs set finished_at = finished_at - 5 * 60000');
    app.backend.emit('sync.finished', {
      connectionId: 1,
      runId: 99,
      status: 'failed',
      pages: 0,
      records: 0,
      upserted: 0,
      unchanged: 0,
      deleted: 0,
      quarantined: 0,
      requests: 0,
      retries: 0,
      error: null,
    });
    await waitFor(() => expect(screen.getByTestId('last-synced').textContent).toBe('同步于 5 分钟前'));
    expect(screen.getAllByTestId('connection-row')[0]!.textContent).toContain('5 分钟前');
  });

  for (const language of ['en', 'zh-CN'] as const)
    for (const theme of ['light', 'dark'] as const)
      it(`passes axe with a connection, its mapping and the connect dialog (${language}, ${theme})`, async () => {
        const app = await openSources({ preferences: { language, theme } });
        await connectAndSyncIn(app, language);
        expect(await violations()).toEqual([]);
        expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
        await app.user.click(screen.getByTestId('tab-mapping'));
        await screen.findByTestId('mapping-table');
        expect(await violations()).toEqual([]);
        await app.user.click(screen.getByTestId('sources-connect'));
        await screen.findByTestId('connect-dialog');
        expect(await violations()).toEqual([]);
      });
});

/** connectAndSync, in either language (labels differ; test ids do not). */
async function connectAndSyncIn(app: App, language: 'en' | 'zh-CN') {
  if (language === 'en') return connectAndSync(app);
  await app.user.click(screen.getByTestId('sources-connect'));
  const dialog = await screen.findByTestId('connect-dialog');
  const url = within(dialog).getByTestId('connect-url');
  await app.user.clear(url);
  await app.user.type(url, fake.url);
  await app.user.type(within(dialog).getByTestId('connect-env'), VARIABLE);
  await app.user.click(within(dialog).getByTestId('connect-submit'));
  await within(dialog).findByTestId('connect-done', {}, { timeout: 5000 });
  await app.user.click(within(dialog).getByTestId('connect-sync-now'));
  await waitFor(() => expect(screen.getByTestId('panel-deals').textContent).toBe('30'), { timeout: 10_000 });
}
