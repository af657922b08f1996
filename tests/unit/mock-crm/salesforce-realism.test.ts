import { Connection, SfDate } from 'jsforce';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSalesforce } from '../../mock-crm/salesforce';
import { LOST_REASON_FIELD, SALESFORCE_STAGES, sfDateTime } from '../../mock-crm/salesforce-org';
import { populate, userName } from '../../mock-crm/world';

/**
 * The fake Salesforce is only worth its tests if it answers as Salesforce does: jsforce,
 * the Salesforce client most Node integrations use, is pointed at it and must parse every
 * answer the connector relies on (query, queryMore, queryAll, describe, the error
 * envelope, Sforce-Limit-Info) as it would Salesforce's, with the right values.
 */
const T0 = Date.parse('2026-04-01T08:30:15Z');
const DAY = 86_400_000;
let fake: FakeSalesforce;
let conn: Connection;

beforeEach(async () => {
  fake = new FakeSalesforce();
  await fake.start();
  conn = new Connection({ instanceUrl: fake.url, accessToken: fake.token, version: '62.0' });
});
afterEach(() => fake.stop());

interface OpportunityRow {
  Id: string;
  Name: string;
  Amount: number | null;
  StageName: string;
  CloseDate: string | null;
  SystemModstamp: string;
  IsDeleted: boolean;
  Account: { Name: string } | null;
  Owner: { Name: string; UserRole: { Name: string } | null };
}

/** jsforce's error: its name and errorCode are Salesforce's errorCode. */
async function failure(p: PromiseLike<unknown>): Promise<{ errorCode: string; message: string }> {
  const e = await Promise.resolve(p).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(Error);
  return e as { errorCode: string; message: string };
}

describe('the fake Salesforce, through jsforce', () => {
  it('answers a relationship query batch by batch: autoFetch follows nextRecordsUrl to the end', async () => {
    const made = populate(fake.world, 11, { start: T0, spanMs: 3 * DAY });
    fake.world.users[2]!.team = '';
    fake.maxBatchSize = 4;
    const soql =
      'SELECT Id, Name, Account.Name, Owner.Name, Owner.UserRole.Name, Amount, StageName, CloseDate, SystemModstamp, IsDeleted FROM Opportunity ORDER BY SystemModstamp, Id';
    const batches: number[] = [];
    const result = await conn
      .query<OpportunityRow>(soql)
      .on('fetch', () => batches.push(1))
      .execute({ autoFetch: true, maxFetch: 1000 });
    expect(result.totalSize).toBe(11);
    expect(result.done).toBe(true);
    expect(batches).toHaveLength(3);
    const byId = new Map(result.records.map((r) => [r.Id, r]));
    for (const d of made) {
      const r = byId.get(d.id)!;
      const owner = fake.world.user(d.fields.owner);
      expect(r).toMatchObject({
        Name: d.fields.name,
        Amount: Number(d.fields.amount),
        StageName: SALESFORCE_STAGES[d.fields.stage]!.apiName,
        CloseDate: d.fields.closeDate,
        SystemModstamp: sfDateTime(d.updatedAt),
        IsDeleted: false,
        Account: { Name: d.fields.account },
        Owner: { Name: userName(owner), UserRole: owner.team ? { Name: owner.team } : null },
      });
      expect(r.Id).toMatch(/^006[0-9A-Za-z]{15}$/);
    }
    const stamps = result.records.map((r) => Date.parse(r.SystemModstamp.replace('+0000', 'Z')));
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));
    expect(conn.limitInfo.apiUsage).toEqual({ used: 3, limit: fake.apiLimit });
  });

  it('hands out the rest of a result through queryMore with the nextRecordsUrl it gave', async () => {
    populate(fake.world, 5, { start: T0 });
    fake.maxBatchSize = 2;
    const first = await conn.query<{ Id: string }>('SELECT Id FROM Opportunity ORDER BY Id');
    expect(first).toMatchObject({ totalSize: 5, done: false });
    // jsforce hands the locator back as a URL on the instance.
    expect(first.nextRecordsUrl!.replace(fake.url, '')).toMatch(
      /^\/services\/data\/v62\.0\/query\/01g\w{15}-2$/,
    );
    const second = await conn.queryMore<{ Id: string }>(first.nextRecordsUrl!);
    const third = await conn.queryMore<{ Id: string }>(second.nextRecordsUrl!);
    expect(third.done).toBe(true);
    const ids = [...first.records, ...second.records, ...third.records].map((r) => r.Id);
    expect(ids).toEqual([...fake.world.deals.keys()].sort());

    fake.expireCursors();
    const dead = await failure(conn.queryMore(first.nextRecordsUrl!));
    expect(dead.errorCode).toBe('INVALID_QUERY_LOCATOR');
  });

  it('shows deleted records to queryAll only, with IsDeleted, until the recycle bin is emptied', async () => {
    const [a, b] = [0, 1].map((i) => fake.world.create({ stage: 'need', name: `D${i}` }, T0 + i * 1000));
    fake.world.remove(a!.id, T0 + DAY);
    const soql = 'SELECT Id, IsDeleted, SystemModstamp FROM Opportunity ORDER BY Id';
    const live = await conn.query<{ Id: string }>(soql);
    expect(live.records.map((r) => r.Id)).toEqual([b!.id]);
    const all = await conn.query<{ Id: string; IsDeleted: boolean; SystemModstamp: string }>(soql, {
      scanAll: true,
    });
    expect(fake.http.requests.at(-1)!.path).toBe('/services/data/v62.0/queryAll');
    expect(all.records).toEqual([
      expect.objectContaining({ Id: a!.id, IsDeleted: true, SystemModstamp: sfDateTime(T0 + DAY) }),
      expect.objectContaining({ Id: b!.id, IsDeleted: false }),
    ]);
    // The deal's history is in the recycle bin with it.
    const history = `SELECT Id, StageName FROM OpportunityHistory WHERE OpportunityId = '${a!.id}'`;
    expect((await conn.query(history)).totalSize).toBe(0);
    expect((await conn.query(history, { scanAll: true })).totalSize).toBe(1);
    fake.world.purge(a!.id);
    expect((await conn.query(soql, { scanAll: true })).totalSize).toBe(1);
  });

  it('finds through the query builder (conditions, IN, sort, limit) and counts', async () => {
    const amounts = ['500', '1500', '2500', '3500'];
    const made = amounts.map((amount, i) =>
      fake.world.create({ stage: i % 2 ? 'won' : 'need', name: `O'Brien ${i}`, amount }, T0 + i * 1000),
    );
    const won = await conn
      .sobject('Opportunity')
      .find({ StageName: 'Closed Won', Amount: { $gte: 1000 } }, ['Id', 'Name', 'Amount'])
      .sort('-Amount')
      .limit(5);
    expect(won.map((r) => [r.Id, r.Name, r.Amount])).toEqual([
      [made[3]!.id, "O'Brien 3", 3500],
      [made[1]!.id, "O'Brien 1", 1500],
    ]);
    const named = await conn
      .sobject('Opportunity')
      .find({ Name: { $like: "o'brien%" }, Id: { $in: [made[0]!.id, made[2]!.id] } }, ['Id']);
    expect(named.map((r) => r.Id)).toEqual([made[0]!.id, made[2]!.id]);
    const count = await conn.sobject('Opportunity').count({ StageName: { $ne: 'Closed Won' } });
    expect(count).toBe(2);
    const since = await conn
      .sobject('Opportunity')
      .find({ SystemModstamp: { $gte: SfDate.toDateTimeLiteral(T0 + 2000) } }, ['Id']);
    expect(since.map((r) => r.Id).sort()).toEqual([made[2]!.id, made[3]!.id]);
  });

  it('describes Opportunity and the stages, users and history the connector reads', async () => {
    const described = await conn.sobject('Opportunity').describe();
    const fields = described.fields.map((f) => f.name);
    expect(fields).toEqual(
      expect.arrayContaining(['StageName', 'SystemModstamp', 'ForecastCategoryName', LOST_REASON_FIELD]),
    );
    expect(fields).not.toContain('CurrencyIsoCode');
    expect(described.fields.find((f) => f.name === 'OwnerId')).toMatchObject({
      type: 'reference',
      referenceTo: ['User'],
      relationshipName: 'Owner',
    });

    const stages = await conn.query<{
      ApiName: string;
      MasterLabel: string;
      DefaultProbability: number;
      IsWon: boolean;
    }>(
      'SELECT ApiName, MasterLabel, SortOrder, DefaultProbability, IsClosed, IsWon FROM OpportunityStage ORDER BY SortOrder',
    );
    expect(stages.records.map((s) => [s.ApiName, s.MasterLabel, s.DefaultProbability, s.IsWon])).toEqual(
      Object.values(SALESFORCE_STAGES).map((s) => [s.apiName, s.label, s.probability, s.won]),
    );

    const d = fake.world.create({ stage: 'need', owner: fake.world.users[0]!.id }, T0);
    fake.world.update(d.id, { owner: fake.world.users[1]!.id, stage: 'proposal' }, T0 + DAY);
    const owners = await conn.query<{
      DataType: string;
      OldValue: string;
      NewValue: string;
      CreatedDate: string;
    }>(
      `SELECT DataType, OldValue, NewValue, CreatedDate FROM OpportunityFieldHistory WHERE OpportunityId = '${d.id}' AND Field = 'Owner' ORDER BY Id`,
    );
    expect(owners.records.map((r) => [r.DataType, r.OldValue, r.NewValue, r.CreatedDate])).toEqual([
      ['EntityId', fake.world.users[0]!.id, fake.world.users[1]!.id, sfDateTime(T0 + DAY)],
      ['Text', 'Wang Fang', 'Li Lei', sfDateTime(T0 + DAY)],
    ]);
    const rows = await conn.query<{ StageName: string; CreatedDate: string }>(
      `SELECT StageName, CreatedDate FROM OpportunityHistory WHERE OpportunityId IN ('${d.id}') ORDER BY CreatedDate`,
    );
    expect(rows.records.map((r) => [r.StageName, r.CreatedDate])).toEqual([
      ['Need Confirmed', sfDateTime(T0)],
      ['Proposal/Comparison', sfDateTime(T0 + DAY)],
    ]);
    const org = await conn.query<{ Id: string; Name: string }>('SELECT Id, Name FROM Organization');
    expect(org.records[0]).toMatchObject({ Id: fake.orgId, Name: fake.orgName });
  });

  it('refuses in Salesforce’s error envelope, which jsforce turns into its errors', async () => {
    const malformed = await failure(
      conn.query('SELECT Id FROM Opportunity WHERE Name = 1 OR Name = 2 AND Id = 3'),
    );
    expect(malformed.errorCode).toBe('MALFORMED_QUERY');
    expect(malformed.message).toContain('ERROR at Row:1:Column:');
    const field = await failure(conn.query('SELECT Nope__c FROM Opportunity'));
    expect(field.errorCode).toBe('INVALID_FIELD');
    expect(field.message).toContain("No such column 'Nope__c' on entity 'Opportunity'");
    const quoted = await failure(
      conn.query("SELECT Id FROM Opportunity WHERE SystemModstamp > '2026-01-01T00:00:00Z'"),
    );
    expect(quoted.errorCode).toBe('INVALID_FIELD');

    fake.historyEnabled = false;
    const hidden = await failure(conn.query('SELECT Id FROM OpportunityHistory'));
    expect(hidden.errorCode).toBe('INVALID_TYPE');
    expect(hidden.message).toContain("sObject type 'OpportunityHistory' is not supported");

    const stranger = new Connection({ instanceUrl: fake.url, accessToken: 'expired', version: '62.0' });
    const session = await failure(stranger.query('SELECT Id FROM Opportunity'));
    expect(session.errorCode).toBe('INVALID_SESSION_ID');

    fake.apiUsage = fake.apiLimit;
    const limit = await failure(conn.query('SELECT Id FROM Opportunity'));
    expect(limit).toMatchObject({
      errorCode: 'REQUEST_LIMIT_EXCEEDED',
      message: 'TotalRequests Limit exceeded.',
    });
  });
});
