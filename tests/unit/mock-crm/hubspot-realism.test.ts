import { Client } from '@hubspot/api-client';
import { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/deals';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHubSpot, HUBSPOT_STAGES } from '../../mock-crm/hubspot';
import { day, populate } from '../../mock-crm/world';

/**
 * The fake HubSpot is only worth its tests if it answers as HubSpot does: HubSpot's own
 * Node client (@hubspot/api-client, generated from HubSpot's OpenAPI specs) is pointed at
 * it and must parse every answer the connector relies on, with the right values.
 */
const T0 = Date.parse('2026-04-01T00:00:00Z');
let fake: FakeHubSpot;
let client: Client;

beforeEach(async () => {
  fake = new FakeHubSpot();
  await fake.start();
  // No retries: a refusal must surface here, not be papered over.
  client = new Client({ accessToken: fake.token, basePath: fake.url, numberOfApiCallRetries: 0 });
});
afterEach(() => fake.stop());

describe('the fake HubSpot, through HubSpot’s own client', () => {
  it('pages a search sorted by last-modified time, with totals and typed dates', async () => {
    const made = populate(fake.world, 7, { start: T0, spanMs: 5 * 86_400_000 });
    const request = {
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_lastmodifieddate', operator: FilterOperatorEnum.Gte, value: String(T0) },
          ],
        },
      ],
      sorts: ['hs_lastmodifieddate'],
      properties: ['dealname', 'amount', 'dealstage'],
      limit: 3,
      after: '0',
    };
    const first = await client.crm.deals.searchApi.doSearch(request);
    expect(first.total).toBe(7);
    expect(first.results).toHaveLength(3);
    expect(first.paging?.next?.after).toBe('3');
    expect(first.results[0]!.updatedAt).toBeInstanceOf(Date);
    const rest = await client.crm.deals.searchApi.doSearch({
      ...request,
      after: first.paging!.next!.after,
      limit: 10,
    });
    const ids = [...first.results, ...rest.results].map((r) => r.id).sort();
    expect(ids).toEqual(made.map((d) => d.id).sort());
    const stamps = [...first.results, ...rest.results].map((r) => r.updatedAt.getTime());
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
  });

  it('reads a batch with the history of each property, newest first', async () => {
    const deal = fake.world.create(
      { name: '华东 ERP', stage: 'need', amount: '1000', closeDate: day(T0 + 9e8) },
      T0,
    );
    fake.world.update(deal.id, { stage: 'proposal', amount: '1250.5' }, T0 + 86_400_000);
    const batch = await client.crm.deals.batchApi.read({
      inputs: [{ id: deal.id }],
      properties: ['dealname', 'amount', 'dealstage', 'closedate'],
      propertiesWithHistory: ['dealstage', 'amount'],
    });
    const record = batch.results[0]!;
    expect(record.properties.dealname).toBe('华东 ERP');
    expect(record.properties.amount).toBe('1250.5');
    const stages = record.propertiesWithHistory!.dealstage!;
    expect(stages.map((v) => v.value)).toEqual([HUBSPOT_STAGES.proposal!.id, HUBSPOT_STAGES.need!.id]);
    expect(stages[0]!.timestamp).toEqual(new Date(T0 + 86_400_000));
  });

  it('lists pipelines with stage metadata, owners with teams, associations and companies', async () => {
    const deal = fake.world.create({ name: 'x', stage: 'need', account: '上海华信' }, T0);
    const pipelines = await client.crm.pipelines.pipelinesApi.getAll('deals');
    const stages = pipelines.results[0]!.stages;
    expect(stages.find((s) => s.id === 'closedwon')?.metadata).toMatchObject({
      isClosed: 'true',
      probability: '1.0',
    });
    const owners = await client.crm.owners.ownersApi.getPage(undefined, undefined, 100, false);
    expect(owners.results.map((o) => `${o.firstName} ${o.lastName}`)).toContain('Wang Fang');
    expect(owners.results[0]!.teams?.[0]).toMatchObject({ name: 'East', primary: true });
    const links = await client.crm.associations.v4.batchApi.getPage('deals', 'companies', {
      inputs: [{ id: deal.id }],
    });
    const company = String(links.results[0]!.to[0]!.toObjectId);
    const companies = await client.crm.companies.batchApi.read({
      inputs: [{ id: company }],
      properties: ['name'],
      propertiesWithHistory: [],
    });
    expect(companies.results[0]!.properties.name).toBe('上海华信');
  });

  it('lists archived deals with their archive time, and live ones by id with an after cursor', async () => {
    const [a, b, c] = populate(fake.world, 3, { start: T0, events: 0 });
    fake.world.remove(b!.id, T0 + 86_400_000 * 200);
    const archived = await client.crm.deals.basicApi.getPage(
      10,
      undefined,
      undefined,
      undefined,
      undefined,
      true,
    );
    expect(archived.results.map((r) => [r.id, r.archived, r.archivedAt?.toISOString()])).toEqual([
      [b!.id, true, new Date(T0 + 86_400_000 * 200).toISOString()],
    ]);
    const live = await client.crm.deals.basicApi.getPage(1);
    expect(live.results.map((r) => r.id)).toEqual([a!.id]);
    const next = await client.crm.deals.basicApi.getPage(5, live.paging!.next!.after);
    expect(next.results.map((r) => r.id)).toEqual([c!.id]);
  });

  it('refuses a wrong token and a search past 10,000 results the way HubSpot does', async () => {
    const stranger = new Client({ accessToken: 'nope', basePath: fake.url, numberOfApiCallRetries: 0 });
    await expect(stranger.crm.pipelines.pipelinesApi.getAll('deals')).rejects.toMatchObject({ code: 401 });
    await expect(
      client.crm.deals.searchApi.doSearch({ filterGroups: [], limit: 100, after: '9950' }),
    ).rejects.toMatchObject({
      code: 400,
      body: { category: 'VALIDATION_ERROR' },
    });
  });
});
