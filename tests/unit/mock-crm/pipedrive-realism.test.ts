import { v1, v2 } from 'pipedrive';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakePipedrive, PIPEDRIVE_STAGES, pipedriveStamp } from '../../mock-crm/pipedrive';
import { day, populate } from '../../mock-crm/world';

/**
 * The fake Pipedrive is only worth its tests if it answers as Pipedrive does: Pipedrive's
 * own Node client (`pipedrive`, generated from Pipedrive's OpenAPI documents) is pointed
 * at it, with its API v1 and v2 base paths on the fake, and must send what the fake
 * expects and take back every answer the connector relies on, with the right values.
 */
const DAY = 86_400_000;
const T0 = Date.parse('2026-04-01T08:30:15.250Z');
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
/** API v1's times: UTC, to the second, without a zone. */
const v1Time = (ms: number) => new Date(pipedriveStamp(ms)).toISOString().slice(0, 19).replace('T', ' ');

let fake: FakePipedrive;
beforeEach(async () => {
  fake = new FakePipedrive();
  await fake.start();
});
afterEach(() => fake.stop());

const config2 = (apiKey = fake.token) => new v2.Configuration({ apiKey, basePath: `${fake.url}/api/v2` });
const config1 = (apiKey = fake.token) => new v1.Configuration({ apiKey, basePath: `${fake.url}/v1` });

describe('the fake Pipedrive, through Pipedrive’s own client', () => {
  it('pages deals updated since a time by cursor, sorted by update_time, with the values the world holds', async () => {
    const made = populate(fake.world, 8, { start: T0, spanMs: 5 * DAY, events: 3 });
    const deals = new v2.DealsApi(config2());
    const seen: v2.Deal[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await deals.getDeals({
        updated_since: new Date(T0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        sort_by: 'update_time',
        sort_direction: 'asc',
        limit: 3,
        cursor,
      });
      expect(page.success).toBe(true);
      seen.push(...(page.data ?? []));
      cursor = page.additional_data?.next_cursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.map((d) => String(d.id)).sort()).toEqual(made.map((d) => d.id).sort());
    const stamps = seen.map((d) => Date.parse(d.update_time!));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    for (const d of seen) {
      const w = fake.world.get(String(d.id));
      expect(d.add_time).toMatch(RFC3339);
      expect(d.update_time).toMatch(RFC3339);
      expect(Date.parse(d.update_time!)).toBe(w.updatedAt);
      expect(d.title).toBe(w.fields.name);
      expect(d.value).toBe(Number(w.fields.amount));
      expect(d.currency).toBe('CNY');
      expect(d.owner_id).toBe(fake.userId(w.fields.owner));
      expect(d.expected_close_date).toBe(w.fields.closeDate);
      const status = w.fields.stage === 'won' || w.fields.stage === 'lost' ? w.fields.stage : 'open';
      expect(d.status).toBe(status);
      if (status === 'open') expect(d.stage_id).toBe(PIPEDRIVE_STAGES[w.fields.stage]!.id);
      else expect(d[status === 'won' ? 'won_time' : 'lost_time']).toBe(d.close_time);
    }
    // The API token went in Pipedrive's header, from Pipedrive's client.
    const request = fake.http.requests[0]!;
    expect(request.headers['x-api-token']).toBe(fake.token);
    expect(request.headers['user-agent']).toMatch(/^Pipedrive-SDK-Javascript-/);
  });

  it('lists deleted deals of the last 30 days only when asked, flagged is_deleted', async () => {
    const a = fake.world.create({ stage: 'need', name: 'kept' }, T0);
    const b = fake.world.create({ stage: 'proposal', name: 'deleted lately' }, T0);
    const c = fake.world.create({ stage: 'need', name: 'deleted long ago' }, T0);
    fake.world.remove(c.id, T0 + DAY);
    fake.world.remove(b.id, T0 + 40 * DAY);
    const deals = new v2.DealsApi(config2());
    const live = await deals.getDeals({});
    expect(live.data!.map((d) => d.id)).toEqual([Number(a.id)]);
    const deleted = await deals.getDeals({ status: 'deleted' });
    expect(deleted.data!.map((d) => [d.id, d.is_deleted, d.status, d.update_time])).toEqual([
      [Number(b.id), true, 'open', new Date(pipedriveStamp(T0 + 40 * DAY)).toISOString().replace('.000', '')],
    ]);
  });

  it('pages a deal’s changelog newest first, in API v1’s shape', async () => {
    const d = fake.world.create({ stage: 'need', amount: '1000', closeDate: '2026-06-30' }, T0);
    fake.world.update(d.id, { stage: 'solution', amount: '1200.5' }, T0 + DAY);
    fake.world.update(d.id, { stage: 'won', closeDate: '2026-05-02' }, T0 + 2 * DAY);
    fake.world.update(d.id, { owner: 'u2' }, T0 + 3 * DAY);
    const deals = new v1.DealsApi(config1());
    const entries: v1.GetChangelogResponseAllOfDataInner[] = [];
    let cursor: string | undefined;
    do {
      const page = await deals.getDealChangelog({ id: Number(d.id), limit: 2, cursor });
      expect(page.success).toBe(true);
      entries.push(...page.data);
      cursor = page.additional_data.next_cursor ?? undefined;
    } while (cursor);
    expect(entries.map((e) => [e.field_key, e.old_value, e.new_value])).toEqual([
      ['user_id', String(fake.userId('u1')), String(fake.userId('u2'))],
      ['expected_close_date', '2026-06-30', '2026-05-02'],
      ['close_time', null, v1Time(T0 + 2 * DAY)],
      ['won_time', null, v1Time(T0 + 2 * DAY)],
      ['status', 'open', 'won'],
      ['value', '1000', '1200.5'],
      ['stage_id', '1', '2'],
    ]);
    for (const e of entries) {
      expect(typeof e.actor_user_id).toBe('number');
      expect(typeof e.is_bulk_update_flag).toBe('boolean');
    }
    expect(entries.map((e) => e.time)).toEqual([
      v1Time(T0 + 3 * DAY),
      ...Array<string>(4).fill(v1Time(T0 + 2 * DAY)),
      v1Time(T0 + DAY),
      v1Time(T0 + DAY),
    ]);
  });

  it('lists pipelines and their stages with probabilities', async () => {
    const pipelines = await new v2.PipelinesApi(config2()).getPipelines({});
    expect(pipelines.data!.map((p) => [p.id, p.name, p.order_nr, p.is_deal_probability_enabled])).toEqual([
      [1, '销售漏斗', 1, true],
      [2, '渠道合作 Partners', 2, false],
    ]);
    const stages = new v2.StagesApi(config2());
    const main = await stages.getStages({ pipeline_id: 1 });
    expect(main.data!.map((s) => [s.id, s.name, s.order_nr, s.deal_probability, s.pipeline_id])).toEqual(
      Object.values(PIPEDRIVE_STAGES).map((s, i) => [s.id, s.name, i + 1, s.probability, 1]),
    );
    // Cursor paging, as every v2 list has it.
    const first = await stages.getStages({ limit: 4 });
    const rest = await stages.getStages({ limit: 4, cursor: first.additional_data!.next_cursor! });
    expect([...first.data!, ...rest.data!].map((s) => s.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rest.additional_data!.next_cursor).toBeNull();
  });

  it('lists users and names the company behind the token', async () => {
    const users = await new v1.UsersApi(config1()).getUsers();
    expect(users.data!.map((u) => [u.id, u.name, u.email, u.active_flag])).toEqual([
      [10001, 'Wang Fang', 'wang.fang@example.cn', true],
      [10002, 'Li Lei', 'li.lei@example.cn', true],
      [10003, 'Ada Byrne', 'ada@example.com', true],
    ]);
    const me = await new v1.UsersApi(config1()).getCurrentUser();
    expect(me.data).toMatchObject({ id: 10001, company_id: 7_301_234, company_name: '北京示例科技有限公司' });
  });

  it('reads the organisations and activities a deal points at, by ids', async () => {
    const d = fake.world.create(
      { stage: 'need', account: '上海汽车', nextStep: '约技术交流', lastActivityAt: T0 - DAY },
      T0,
    );
    const deals = await new v2.DealsApi(config2()).getDeals({ include_fields: 'next_activity_id' });
    const deal = deals.data![0]! as v2.Deal & { next_activity_id?: number | null };
    expect(deal.next_activity_id).toBe(2 * Number(d.id));
    const orgs = await new v2.OrganizationsApi(config2()).getOrganizations({ ids: String(deal.org_id) });
    expect(orgs.data!.map((o) => [o.id, o.name])).toEqual([[deal.org_id, '上海汽车']]);
    const activities = await new v2.ActivitiesApi(config2()).getActivities({
      ids: `${deal.next_activity_id},${2 * Number(d.id) + 1}`,
    });
    expect(activities.data!.map((a) => [a.subject, a.done, a.due_date, a.due_time])).toEqual([
      ['约技术交流', false, day(pipedriveStamp(T0) + 7 * DAY), ''],
      ['电话回访', true, day(T0 - DAY), new Date(T0 - DAY).toISOString().slice(11, 16)],
    ]);
  });

  it('refuses a wrong token and a spent daily budget in Pipedrive’s error envelope', async () => {
    const wrong = await new v1.UsersApi(config1('0'.repeat(40))).getUsers().catch((e: unknown) => e);
    expect(wrong).toMatchObject({ success: false, error: 'unauthorized access', errorCode: 401 });
    fake.dailyTokens.remaining = 0;
    const spent = await new v2.DealsApi(config2()).getDeals({}).catch((e: unknown) => e);
    expect(spent).toMatchObject({ success: false, errorCode: 429 });
  });
});
