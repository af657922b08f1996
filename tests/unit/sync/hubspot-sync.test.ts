import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHubSpot } from '../../mock-crm/hubspot';
import { populate } from '../../mock-crm/world';
import { tempWorkspace } from '../../support/temp';
import { sortedExpected, stored, syncWith, TestClock } from './support';

const T0 = Date.parse('2026-06-01T00:00:00Z');
let fake: FakeHubSpot;

beforeEach(async () => {
  fake = new FakeHubSpot();
  await fake.start();
});
afterEach(() => fake.stop());

describe('HubSpot sync', () => {
  it('stores every deal and its history as PRODUCT.md maps them', async () => {
    populate(fake.world, 23, { start: T0, spanMs: 30 * 86_400_000 });
    const clock = new TestClock(T0 + 200 * 86_400_000);
    const ws = await tempWorkspace();
    const outcome = await syncWith(ws, fake, clock);
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe('done');
    const got = stored(ws);
    expect(got.deals).toHaveLength(23);
    expect(got.history.length).toBeGreaterThan(23 * 6);
    expect(got).toEqual(sortedExpected(fake.expected()));
    expect(outcome.pages).toBeGreaterThan(5);
  });

  it('reads more than 10,000 changed deals, more than 10,000 of them on one millisecond, past the search cap', async () => {
    const at = T0 + 3 * 86_400_000 + 456;
    for (let i = 0; i < 10_050; i++)
      fake.world.create({ name: `Same ms ${i}`, stage: 'need', amount: '10' }, at);
    populate(fake.world, 10_100, { start: T0, spanMs: 30 * 86_400_000, events: 0 });
    const ws = await tempWorkspace();
    const outcome = await syncWith(ws, fake, new TestClock(T0 + 200 * 86_400_000), { pageSize: 200 });
    expect(outcome.status).toBe('done');
    const got = stored(ws);
    expect(got.deals).toHaveLength(20_150);
    expect(got).toEqual(sortedExpected(fake.expected()));
    // Every search asked from the start of its results: none ran into the cap.
    const searches = fake.http.requests.filter((r) => r.path.endsWith('/search'));
    expect(searches.every((r) => !(r.body as { after?: unknown }).after)).toBe(true);
  }, 120_000);

  it('answers a search paged past 10,000 results as HubSpot does, with a 400', async () => {
    const response = await fetch(`${fake.url}/crm/v3/objects/deals/search`, {
      method: 'POST',
      headers: { authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ limit: 100, after: '9950', filterGroups: [] }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ category: 'VALIDATION_ERROR' });
  });

  it('copes with a portal without the account call or the v4 associations: known by its URL, accounts through v3', async () => {
    populate(fake.world, 12, { start: T0, spanMs: 30 * 86_400_000 });
    fake.missing.add('GET /account-info/v3/details');
    fake.missing.add('POST /crm/v4/associations/deals/companies/batch/read');
    const ws = await tempWorkspace();
    const outcome = await syncWith(ws, fake, new TestClock(T0 + 200 * 86_400_000));
    expect(outcome.status).toBe('done');
    expect(stored(ws)).toEqual(sortedExpected(fake.expected()));
    expect(ws.sqlite.prepare('select account_key, label from crm_connections').get()).toEqual({
      account_key: '',
      label: `HubSpot ${new URL(fake.url).host}`,
    });
    // Without any associations API the deals still come, their accounts empty.
    fake.missing.add('POST /crm/v3/associations/deals/companies/batch/read');
    const bare = await tempWorkspace('bare.db');
    expect((await syncWith(bare, fake, new TestClock(T0 + 200 * 86_400_000))).status).toBe('done');
    expect(bare.sqlite.prepare(`select count(*) from deals where account = ''`).pluck().get()).toBe(12);
  });

  it('still refuses a wrong token when the account call is missing', async () => {
    fake.missing.add('GET /account-info/v3/details');
    const ws = await tempWorkspace();
    const error = await syncWith(ws, fake, new TestClock(T0), { token: 'nope' }).catch((e: unknown) => e);
    expect((error as { say?: { key: string } }).say?.key).toBe('sync_token_rejected');
  });
});
