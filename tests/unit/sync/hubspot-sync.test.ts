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
});
