import { spawn } from 'node:child_process';
import BetterSqlite3 from 'better-sqlite3';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace } from '@backend/db/connection';
import { FakeHubSpot } from '../../mock-crm/hubspot';
import { populate } from '../../mock-crm/world';
import { tempDir, track } from '../../support/temp';
import { sortedExpected, stored } from '../sync/support';

const root = resolve(__dirname, '../../..');
const T0 = Date.parse('2026-06-01T00:00:00Z');

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The command as a person runs it, in its own process. Asynchronously: the fake CRM
 * answers from this process, which a blocking spawn would freeze.
 */
function funnel(
  args: string[],
  env: Record<string, string>,
  onStart?: (kill: () => void) => void,
): Promise<Ran> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'funnel.mjs'), ...args], {
      cwd: root,
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
    onStart?.(() => child.kill('SIGKILL'));
  });
}

let fake: FakeHubSpot;
beforeEach(async () => {
  fake = new FakeHubSpot();
  await fake.start();
});
afterEach(() => fake.stop());

describe('funnel sync', () => {
  it('syncs with progress on stderr and a one-line summary, and a second run changes nothing', async () => {
    populate(fake.world, 40, { start: T0, spanMs: 20 * 86_400_000 });
    const db = join(tempDir(), 'w.db');
    const env = { FUNNEL_CRM_TOKEN: fake.token };
    const first = await funnel(['sync', '--db', db, '--source', 'hubspot', '--url', fake.url], env);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^HubSpot: \d+ pages, 40 records read — 40 deals new or changed, 0 unchanged/,
    );
    expect(first.stderr).toMatch(/reading pipelines and users/);
    expect(first.stdout + first.stderr).not.toContain(fake.token);
    const second = await funnel(['sync', '--db', db, '--source', 'hubspot', '--url', fake.url], env);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/ 0 deals new or changed/);
    const ws = track(await openWorkspace(db));
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('names a rejected token and the variable it came from, never the token, and exits 1', async () => {
    const db = join(tempDir(), 'w.db');
    const ran = await funnel(
      ['sync', '--db', db, '--source', 'hubspot', '--url', fake.url, '--token-env', 'MY_HUBSPOT'],
      {
        MY_HUBSPOT: 'pat-wrong-secret',
      },
    );
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/HubSpot rejected the token .* in the environment variable MY_HUBSPOT/);
    expect(ran.stderr).not.toContain('pat-wrong-secret');
  });

  it('says which variable to set when it holds no token', async () => {
    const ran = await funnel(
      ['sync', '--db', join(tempDir(), 'w.db'), '--source', 'hubspot', '--url', fake.url],
      {
        FUNNEL_CRM_TOKEN: '',
      },
    );
    expect(ran.status).toBe(1);
    expect(ran.stderr).toMatch(/FUNNEL_CRM_TOKEN holds no token/);
  });

  it('stops at the daily limit with the pages saved, and the next run finishes the job', async () => {
    populate(fake.world, 650, { start: T0, spanMs: 20 * 86_400_000 });
    let calls = 0;
    fake.http.inject({
      match: () => ++calls > 20,
      times: 1000,
      reply: {
        status: 429,
        headers: { 'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '0' },
        body: {
          status: 'error',
          message: 'You have reached your daily limit.',
          errorType: 'RATE_LIMIT',
          policyName: 'DAILY',
        },
      },
    });
    const db = join(tempDir(), 'w.db');
    const env = { FUNNEL_CRM_TOKEN: fake.token };
    const args = ['sync', '--db', db, '--source', 'hubspot', '--url', fake.url];
    // 650 deals take four pages of 200: the limit strikes after the first.
    const limited = await funnel(args, env);
    expect(limited.status).toBe(1);
    expect(limited.stderr).toMatch(/HubSpot’s daily API limit is reached; [1-9]\d* pages were saved/);
    fake.http.inject({ match: () => false });
    calls = Number.NEGATIVE_INFINITY; // the limit resets
    const resumed = await funnel(args, env);
    expect(resumed.status, resumed.stderr).toBe(0);
    const ws = track(await openWorkspace(db));
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
  });

  it('killed mid-sync (pages written on the worker thread), run again, ends with exactly what a clean sync stores', async () => {
    // 2,400 deals take twelve pages: past the eighth, pages are committed on a worker thread.
    populate(fake.world, 2_400, { start: T0, spanMs: 20 * 86_400_000 });
    let calls = 0;
    // A request of the tenth page never answers in time: the process is killed while it waits.
    const killAt = 95;
    fake.http.inject({ match: () => ++calls === killAt, hangMs: 60_000 });
    const db = join(tempDir(), 'w.db');
    const env = { FUNNEL_CRM_TOKEN: fake.token };
    const args = ['sync', '--db', db, '--source', 'hubspot', '--url', fake.url];
    const killed = await funnel(args, env, (kill) => {
      const giveUp = setTimeout(() => {
        clearInterval(poll);
        kill();
      }, 40_000);
      const poll = setInterval(() => {
        // Killed once the request hangs and the worker thread has committed past the eighth
        // page (on a loaded machine the worker can still be behind when the request hangs).
        if (calls >= killAt && pagesCommitted(db) > 8) {
          clearInterval(poll);
          clearTimeout(giveUp);
          kill();
        }
      }, 10);
    });
    expect(killed.status).toBeNull();
    const saved = track(await openWorkspace(db));
    const pagesSaved = saved.sqlite.prepare('select pages from sync_runs').pluck().get() as number;
    expect(pagesSaved).toBeGreaterThan(8);
    await saved.close();
    const resumed = await funnel(args, env);
    expect(resumed.status, resumed.stderr).toBe(0);
    const ws = track(await openWorkspace(db));
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
    const runs = ws.sqlite.prepare('select status, error from sync_runs order by id').all() as {
      status: string;
      error: string;
    }[];
    expect(runs.map((r) => r.status)).toEqual(['interrupted', 'done']);
    expect(JSON.parse(runs[0]!.error).key).toBe('sync_ended_unexpectedly');
  }, 60_000);

  it('refuses bad usage with exit 2', async () => {
    const ran = await funnel(
      ['sync', '--db', join(tempDir(), 'w.db'), '--source', 'zoho', '--url', fake.url],
      {},
    );
    expect(ran.status).toBe(2);
    expect(ran.stderr).toMatch(/--source must be one of hubspot, salesforce, pipedrive/);
  });
});

/** The pages the running sync has committed so far, read beside it (0 before its run row exists). */
function pagesCommitted(db: string): number {
  try {
    const reader = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    try {
      return (reader.prepare('select max(pages) from sync_runs').pluck().get() as number | null) ?? 0;
    } finally {
      reader.close();
    }
  } catch {
    return 0;
  }
}
