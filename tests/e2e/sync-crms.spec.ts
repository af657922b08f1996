import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { FakeCrm } from '../mock-crm/fake';
import { FakeHubSpot } from '../mock-crm/hubspot';
import { FakePipedrive } from '../mock-crm/pipedrive';
import { FakeSalesforce } from '../mock-crm/salesforce';
import { populate, type ExpectedDeal, type ExpectedHistory, type World } from '../mock-crm/world';
import {
  launchBrowser,
  openPage,
  root,
  seriousA11yViolations,
  serveDemo,
  serveWorkspace,
  type Served,
} from './harness';

/**
 * A manager connects the workbench in a browser to Salesforce, HubSpot and Pipedrive (fakes
 * on 127.0.0.1) by the names of the variables `funnel serve` was started with, and syncs
 * each. The Pipedrive sync is cut off by killing `funnel serve` (SIGKILL) after its first
 * page; restarted on the same workspace, the page shows the run as interrupted with what it
 * saved, and Sync now finishes it from there. At the end the workspace holds exactly what
 * each fake says a correct sync stores, and what a clean `funnel sync` of that Pipedrive
 * stores.
 */

const START = Date.parse('2026-03-01T00:00:00Z');
const SPAN = 120 * 86_400_000;

type Fake = FakeSalesforce | FakeHubSpot | FakePipedrive;

/** Each CRM: its fake, the variable its token is in, how many deals, and what the dialog says of it. */
const CRMS = {
  salesforce: {
    name: 'Salesforce',
    variable: 'FUNNEL_E2E_SALESFORCE_TOKEN',
    deals: 600,
    account: '华东销售有限公司',
    about: 'Salesforce: opportunities, their stages, users and opportunity history over the REST API.',
    urlHelp: 'Your Salesforce instance URL, e.g. https://yourcompany.my.salesforce.com',
    // Every org has an instance URL of its own: nothing to suggest.
    prefilled: '',
  },
  hubspot: {
    name: 'HubSpot',
    variable: 'FUNNEL_E2E_HUBSPOT_TOKEN',
    deals: 300,
    account: 'HubSpot 4242',
    about: 'HubSpot: deals, pipelines and owners over the CRM v3 API, with each deal’s stage history.',
    urlHelp: 'HubSpot’s API: https://api.hubapi.com',
    prefilled: 'https://api.hubapi.com',
  },
  pipedrive: {
    name: 'Pipedrive',
    variable: 'FUNNEL_E2E_PIPEDRIVE_TOKEN',
    // Pipedrive lists at most 500 deals a page: three pages.
    deals: 1300,
    account: '北京示例科技有限公司',
    about: 'Pipedrive: deals, pipelines, stages and users, with each deal’s change log.',
    urlHelp: 'Pipedrive’s API: https://api.pipedrive.com',
    prefilled: 'https://api.pipedrive.com',
  },
} as const;

interface Rows {
  deals: ExpectedDeal[];
  history: ExpectedHistory[];
}
interface Backend {
  openWorkspace(file: string): Promise<{ close(): Promise<void> }>;
  stored(ws: unknown): Rows;
  sortedExpected(rows: Rows): Rows;
}

/**
 * The backend's workspace and the sync tests' comparison (stored rows against a fake's
 * expected ones), loaded once the server is stopped. At run time: they belong to the node
 * project, which this project's type-check (a composite of its own) does not list.
 */
async function backend(): Promise<Backend> {
  const [connection, support] = (await Promise.all([
    import(join(root, 'src/main/backend/db/connection.ts')),
    import(join(root, 'tests/unit/sync/support.ts')),
  ])) as [Pick<Backend, 'openWorkspace'>, Omit<Backend, 'openWorkspace'>];
  return {
    openWorkspace: connection.openWorkspace,
    stored: support.stored,
    sortedExpected: support.sortedExpected,
  };
}

/** `funnel sync` into a new workspace: a clean run. Not spawnSync: the fakes answer on this thread. */
function cleanSync(db: string, fake: FakeCrm, variable: string): Promise<void> {
  const args = ['sync', '--db', db, '--source', fake.kind, '--url', fake.url, '--token-env', variable];
  const child = spawn(process.execPath, [join(root, 'bin', 'funnel.mjs'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [variable]: fake.token },
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`funnel sync exited ${code}:\n${output}`)),
    ),
  );
}

/** An open deal (the pipeline lists it by default), the last made: an id no shorter than any other. */
const openDeal = (world: World): string =>
  world
    .live()
    .filter((d) => !['won', 'lost'].includes(d.fields.stage))
    .at(-1)!.id;

const fakes = {
  salesforce: new FakeSalesforce(),
  hubspot: new FakeHubSpot(),
  pipedrive: new FakePipedrive(),
};
const all = Object.values(fakes);
const env = Object.fromEntries(all.map((f) => [CRMS[f.kind].variable, f.token]));
let served: Served;
let browser: Browser;

beforeAll(async () => {
  await Promise.all(all.map((f) => f.start()));
  all.forEach((f, i) => populate(f.world, CRMS[f.kind].deals, { start: START, spanMs: SPAN, seed: 11 + i }));
  served = await serveDemo(200, { env });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  await Promise.all(all.map((f) => f.stop()));
});

/**
 * Connects a CRM through the dialog by its variable's name (that CRM's hints shown, axe
 * clean) and leaves the dialog on its last step, "Sync now".
 */
async function connect(page: Page, fake: Fake): Promise<Locator> {
  const crm = CRMS[fake.kind];
  await page.getByTestId('sources-connect').click();
  const dialog = page.getByTestId('connect-dialog');
  await dialog.waitFor();
  await dialog.getByTestId(`connect-crm-${fake.kind}`).check();
  // The address follows the CRM, and so do the words under the choice and the address.
  await expect.poll(() => dialog.getByTestId('connect-url').inputValue()).toBe(crm.prefilled);
  const text = await dialog.textContent();
  expect(text).toContain(crm.about);
  expect(text).toContain(crm.urlHelp);
  await dialog.getByTestId('connect-url').fill(fake.url);
  await dialog.getByTestId('connect-env').fill(crm.variable);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await dialog.getByTestId('connect-env').press('Enter');
  await dialog.getByTestId('connect-done').waitFor();
  const done = await dialog.getByTestId('connect-done').textContent();
  expect(done).toContain(`Connected to ${crm.name}`);
  expect(done).toContain(crm.account);
  return dialog;
}

const connectionRow = (page: Page, kind: keyof typeof CRMS): Locator =>
  page
    .getByTestId('connection-row')
    .filter({ has: page.getByRole('rowheader', { name: CRMS[kind].name, exact: true }) });

const dealsOf = async (page: Page, kind: keyof typeof CRMS): Promise<number> =>
  Number((await connectionRow(page, kind).getByTestId('connection-deals').textContent())!.replace(/,/g, ''));

/** A run log row's figure by its column (started is the row header). */
const RUN_COLUMNS = ['duration', 'status', 'pages', 'records'] as const;
const runFigure = async (row: Locator, column: (typeof RUN_COLUMNS)[number]): Promise<number> =>
  Number((await row.locator('td').nth(RUN_COLUMNS.indexOf(column)).textContent())!.replace(/,/g, ''));

/** The pipeline finds the deal by its id. */
async function inPipeline(page: Page, id: string): Promise<void> {
  await page.getByTestId('nav-pipeline').click();
  await page.getByTestId('search-input').fill(id);
  await page.locator(`[data-testid="deal-row"][data-deal-id="${id}"]`).first().waitFor({ timeout: 15_000 });
  await page.getByTestId('search-input').fill('');
}

async function openConnection(page: Page, kind: keyof typeof CRMS): Promise<void> {
  await page.getByTestId('nav-sources').click();
  await connectionRow(page, kind).getByTestId('connection-manage').click();
  await expect
    .poll(() => page.getByTestId('connection-panel').getByRole('heading', { level: 2 }).textContent())
    .toContain(CRMS[kind].name);
}

describe('syncing from Salesforce, HubSpot and Pipedrive in Chromium', () => {
  it('connects Salesforce, then HubSpot, by variable name, syncs each, and shows their deals in the pipeline', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(served.loginUrl);
    await page.getByTestId('deal-row').first().waitFor();
    await page.getByTestId('nav-sources').click();
    await page.getByTestId('sources-empty').waitFor();

    for (const fake of [fakes.salesforce, fakes.hubspot]) {
      const dialog = await connect(page, fake);
      await dialog.getByTestId('connect-sync-now').click();
      const runs = page.getByTestId('run-row');
      await expect.poll(() => runs.first().getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      expect(await runs.count()).toBe(1);
      expect(await runs.first().textContent()).toContain('Complete');
      await expect.poll(() => dealsOf(page, fake.kind)).toBe(CRMS[fake.kind].deals);

      await inPipeline(page, openDeal(fake.world));
      if (fake === fakes.salesforce)
        // The demo deals made way for the opportunities.
        expect(
          await page
            .getByTestId('deal-row')
            .evaluateAll((rows) => rows.slice(0, 20).map((r) => r.getAttribute('data-deal-id'))),
        ).toSatisfy(
          (ids: (string | null)[]) =>
            ids.length > 0 && ids.every((id) => /^006[0-9A-Za-z]{15}$/.test(id ?? '')),
        );
      await page.getByTestId('nav-sources').click();
      await page.getByTestId('connection-panel').waitFor();
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a Pipedrive sync cut off by killing funnel serve shows as interrupted after a restart, and Sync now finishes it', async () => {
    const first = await openPage(browser);
    await first.page.goto(served.loginUrl);
    await first.page.getByTestId('nav-sources').click();
    await first.page.getByTestId('connection-panel').waitFor();

    const dialog = await connect(first.page, fakes.pipedrive);
    // Each page of deals held 2.5 s: the run is still downloading well after its first page is in.
    fakes.pipedrive.http.inject({ match: (r) => r.path === '/api/v2/deals', hangMs: 2_500, times: 3 });
    await dialog.getByTestId('connect-sync-now').click();
    const bar = first.page.getByTestId('sync-progress-bar');
    await bar.waitFor();
    await expect
      .poll(async () => Number(await bar.getAttribute('data-records')), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await first.page.getByTestId('sync-progress-detail').textContent()).toMatch(
      /^\d+ pages? · [\d,]+ records/,
    );
    expect(first.problems).toEqual([]);

    // The process dies mid-sync, as a crash or a power cut ends it.
    await served.kill('SIGKILL');
    await first.context.close();

    // Started again on the same file with the same variables.
    served = await serveWorkspace(served.dir, served.db, { env });
    const { context, page, problems } = await openPage(browser);
    await page.goto(served.loginUrl);
    await openConnection(page, 'pipedrive');
    const runs = page.getByTestId('run-row');
    await expect.poll(() => runs.count()).toBe(1);
    const cut = runs.first();
    expect(await cut.getAttribute('data-status')).toBe('interrupted');
    expect(await cut.textContent()).toContain('Interrupted');
    // It says why, before anything else is done: the next sync continues where it stopped.
    expect(await cut.getByTestId('run-error').textContent()).toContain('The run ended without finishing');
    // What it saved stays: some of the deals, counted in its row.
    const saved = await dealsOf(page, 'pipedrive');
    expect(saved).toBeGreaterThan(0);
    expect(saved).toBeLessThan(CRMS.pipedrive.deals);
    expect(await runFigure(cut, 'pages')).toBeGreaterThan(0);
    expect(await runFigure(cut, 'records')).toBe(saved);
    // The deals synced before are searchable (the crash left no index suspended).
    await inPipeline(page, openDeal(fakes.salesforce.world));
    await openConnection(page, 'pipedrive');

    await page.getByTestId('sync-now').click();
    await page.getByTestId('sync-progress').waitFor();
    await page.getByTestId('sync-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => runs.count()).toBe(2);
    await expect.poll(() => runs.first().getAttribute('data-status'), { timeout: 10_000 }).toBe('done');
    // The cut-off run, closed as interrupted, says why; the new one continued where it stopped.
    expect(await runs.nth(1).getAttribute('data-status')).toBe('interrupted');
    expect(await runs.nth(1).getByTestId('run-error').textContent()).toContain(
      'The run ended without finishing',
    );
    expect(await runFigure(runs.first(), 'records')).toBe(CRMS.pipedrive.deals - saved);
    await expect.poll(() => dealsOf(page, 'pipedrive')).toBe(CRMS.pipedrive.deals);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await inPipeline(page, openDeal(fakes.pipedrive.world));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('leaves the workspace holding exactly what each CRM says a correct sync stores', async () => {
    await served.kill('SIGTERM');
    const { openWorkspace, stored, sortedExpected } = await backend();
    const ws = await openWorkspace(served.db);
    let rows: Rows;
    try {
      rows = stored(ws);
    } finally {
      await ws.close();
    }
    const expected = all.map((f) => f.expected());
    expect(rows).toEqual(
      sortedExpected({
        deals: expected.flatMap((e) => e.deals),
        history: expected.flatMap((e) => e.history),
      }),
    );

    // The Pipedrive deals, synced across the crash, are what a clean sync of that Pipedrive stores.
    const dir = mkdtempSync(join(tmpdir(), 'funnel-e2e-clean-'));
    try {
      const db = join(dir, 'clean.db');
      await cleanSync(db, fakes.pipedrive, CRMS.pipedrive.variable);
      const clean = await openWorkspace(db);
      try {
        const ids = new Set(fakes.pipedrive.world.deals.keys());
        expect({
          deals: rows.deals.filter((d) => ids.has(d.id)),
          history: rows.history.filter((h) => ids.has(h.deal_id)),
        }).toEqual(stored(clean));
      } finally {
        await clean.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
