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
});
