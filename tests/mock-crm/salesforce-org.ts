import {
  DEFAULT_USERS,
  userName,
  type ForecastCategory,
  type World,
  type WorldDeal,
  type WorldUser,
} from './world';

/**
 * A Salesforce org as the fake renders a World: the objects and fields it has (what a
 * describe lists and SOQL may name), the record ids Salesforce would give, and the rows
 * of each object. Values are kept typed (datetimes as ms, dates as `YYYY-MM-DD`, money as
 * numbers) for filtering and sorting; the server writes them in Salesforce's JSON forms.
 */

export type FieldType =
  | 'id'
  | 'string'
  | 'textarea'
  | 'picklist'
  | 'currency'
  | 'percent'
  | 'double'
  | 'int'
  | 'date'
  | 'datetime'
  | 'boolean'
  | 'reference'
  | 'anyType';

export interface FieldDef {
  name: string;
  type: FieldType;
  label: string;
  /** Reference fields: the object they point at and the relationship name a path uses. */
  referenceTo?: string;
  relationshipName?: string;
  custom?: boolean;
  nillable?: boolean;
}

export interface ObjectDef {
  name: string;
  label: string;
  keyPrefix: string;
  fields: FieldDef[];
}

/** One record: its object, typed values by field name, and raw JSON that overrides them. */
export interface Row {
  type: string;
  values: Record<string, unknown>;
  /** Written into the answer as is (a corrupted record), never used to filter or sort. */
  raw?: Record<string, unknown>;
}

const f = (name: string, type: FieldType, label: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  name,
  type,
  label,
  nillable: type !== 'id' && type !== 'boolean',
  ...extra,
});
const ref = (name: string, to: string, relationshipName: string, label: string): FieldDef =>
  f(name, 'reference', label, { referenceTo: to, relationshipName });
const audit = [
  f('CreatedDate', 'datetime', 'Created Date', { nillable: false }),
  ref('CreatedById', 'User', 'CreatedBy', 'Created By ID'),
  f('SystemModstamp', 'datetime', 'System Modstamp', { nillable: false }),
];

/** The custom field this org keeps a lost deal's reason in (a connection may be told to read it). */
export const LOST_REASON_FIELD = 'Loss_Reason__c';

/** The objects of the org; CurrencyIsoCode exists only where multiple currencies are on. */
export function orgSchema(multiCurrency: boolean): Map<string, ObjectDef> {
  const currency = multiCurrency ? [f('CurrencyIsoCode', 'picklist', 'Currency ISO Code')] : [];
  const objects: ObjectDef[] = [
    {
      name: 'Opportunity',
      label: 'Opportunity',
      keyPrefix: '006',
      fields: [
        f('Id', 'id', 'Opportunity ID'),
        f('IsDeleted', 'boolean', 'Deleted'),
        ref('AccountId', 'Account', 'Account', 'Account ID'),
        f('Name', 'string', 'Name', { nillable: false }),
        f('StageName', 'picklist', 'Stage', { nillable: false }),
        f('Amount', 'currency', 'Amount'),
        f('Probability', 'percent', 'Probability (%)'),
        f('CloseDate', 'date', 'Close Date'),
        f('NextStep', 'string', 'Next Step'),
        f('IsClosed', 'boolean', 'Closed'),
        f('IsWon', 'boolean', 'Won'),
        f('ForecastCategory', 'picklist', 'Forecast Category'),
        f('ForecastCategoryName', 'picklist', 'Forecast Category'),
        ...currency,
        ref('OwnerId', 'User', 'Owner', 'Owner ID'),
        ...audit,
        f('LastModifiedDate', 'datetime', 'Last Modified Date', { nillable: false }),
        f('LastActivityDate', 'date', 'Last Activity'),
        f(LOST_REASON_FIELD, 'picklist', 'Loss Reason', { custom: true }),
      ],
    },
    {
      name: 'Account',
      label: 'Account',
      keyPrefix: '001',
      fields: [
        f('Id', 'id', 'Account ID'),
        f('IsDeleted', 'boolean', 'Deleted'),
        f('Name', 'string', 'Account Name'),
      ],
    },
    {
      name: 'User',
      label: 'User',
      keyPrefix: '005',
      fields: [
        f('Id', 'id', 'User ID'),
        f('Name', 'string', 'Full Name', { nillable: false }),
        f('FirstName', 'string', 'First Name'),
        f('LastName', 'string', 'Last Name', { nillable: false }),
        f('Email', 'string', 'Email', { nillable: false }),
        f('IsActive', 'boolean', 'Active'),
        f('UserType', 'picklist', 'User Type'),
        ref('UserRoleId', 'UserRole', 'UserRole', 'Role ID'),
      ],
    },
    {
      name: 'UserRole',
      label: 'Role',
      keyPrefix: '00E',
      fields: [f('Id', 'id', 'Role ID'), f('Name', 'string', 'Name', { nillable: false })],
    },
    {
      name: 'OpportunityStage',
      label: 'Opportunity Stage',
      keyPrefix: '01J',
      fields: [
        f('Id', 'id', 'Opportunity Stage ID'),
        f('ApiName', 'string', 'API Name', { nillable: false }),
        f('MasterLabel', 'string', 'Master Label', { nillable: false }),
        f('IsActive', 'boolean', 'Is Active'),
        f('SortOrder', 'int', 'Sort Order'),
        f('IsClosed', 'boolean', 'Closed'),
        f('IsWon', 'boolean', 'Won'),
        f('ForecastCategory', 'picklist', 'Forecast Category'),
        f('ForecastCategoryName', 'picklist', 'Forecast Category Name'),
        f('DefaultProbability', 'percent', 'Probability (%)'),
        f('Description', 'string', 'Description'),
      ],
    },
    {
      name: 'OpportunityHistory',
      label: 'Opportunity History',
      keyPrefix: '008',
      fields: [
        f('Id', 'id', 'Opportunity History ID'),
        ref('OpportunityId', 'Opportunity', 'Opportunity', 'Opportunity ID'),
        f('StageName', 'picklist', 'Stage Name', { nillable: false }),
        f('Amount', 'currency', 'Amount'),
        f('ExpectedRevenue', 'currency', 'Expected Revenue'),
        f('CloseDate', 'date', 'Close Date'),
        f('Probability', 'percent', 'Probability'),
        f('ForecastCategory', 'picklist', 'To ForecastCategory'),
        f('PrevAmount', 'currency', 'Previous Amount'),
        f('PrevCloseDate', 'date', 'Previous Close Date'),
        f('IsDeleted', 'boolean', 'Deleted'),
        ...audit,
      ],
    },
    {
      name: 'OpportunityFieldHistory',
      label: 'Opportunity Field History',
      keyPrefix: '017',
      fields: [
        f('Id', 'id', 'Opportunity Field History ID'),
        f('IsDeleted', 'boolean', 'Deleted'),
        ref('OpportunityId', 'Opportunity', 'Opportunity', 'Opportunity ID'),
        ref('CreatedById', 'User', 'CreatedBy', 'Created By ID'),
        f('CreatedDate', 'datetime', 'Created Date', { nillable: false }),
        f('Field', 'picklist', 'Changed Field', { nillable: false }),
        f('DataType', 'picklist', 'Data Type'),
        f('OldValue', 'anyType', 'Old Value'),
        f('NewValue', 'anyType', 'New Value'),
      ],
    },
    {
      name: 'Organization',
      label: 'Organization',
      keyPrefix: '00D',
      fields: [
        f('Id', 'id', 'Organization ID'),
        f('Name', 'string', 'Name', { nillable: false }),
        f('OrganizationType', 'picklist', 'Edition'),
        f('IsSandbox', 'boolean', 'Is Sandbox'),
        f('InstanceName', 'string', 'Instance Name'),
      ],
    },
  ];
  return new Map(objects.map((o) => [o.name.toLowerCase(), o]));
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * An 18-character Salesforce id: key prefix, a pod part, the sequence in base 62 (whose
 * alphabet sorts like the ids themselves, so later records get larger ids, as in a real
 * org), and the case-safe suffix Salesforce computes from the 15-character id.
 */
export function sfId(prefix: string, n: number): string {
  let digits = '';
  for (let v = n; v > 0; v = Math.floor(v / 62)) digits = BASE62[v % 62]! + digits;
  const id15 = `${prefix}5g0000${digits.padStart(6, '0')}`;
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15[chunk * 5 + j]!;
      if (c >= 'A' && c <= 'Z') bits |= 1 << j;
    }
    suffix += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345'[bits];
  }
  return id15 + suffix;
}

/** DEFAULT_USERS with User ids. */
export const SALESFORCE_USERS: WorldUser[] = DEFAULT_USERS.map((u, i) => ({ ...u, id: sfId('005', i + 1) }));

export interface SalesforceStage {
  apiName: string;
  label: string;
  sortOrder: number;
  probability: number;
  closed: boolean;
  won: boolean;
  forecast: ForecastCategory;
}

/**
 * The workspace stage key → the org's stage. A Chinese org whose picklist values kept the
 * English API names they were created with and were relabelled later (Salesforce stores
 * and returns the API name; the label is for people): StageName always holds the API name.
 */
export const SALESFORCE_STAGES: Record<string, SalesforceStage> = {
  need: stage('Need Confirmed', '需求确认', 1, 10, 'pipeline'),
  solution: stage('Solution Exchange', '方案交流', 2, 25, 'pipeline'),
  proposal: stage('Proposal/Comparison', '报价比选', 3, 45, 'pipeline'),
  negotiation: stage('Negotiation/Review', '商务谈判', 4, 65, 'best_case'),
  contract: stage('Contract Signing', '合同签署', 5, 85, 'commit'),
  won: { ...stage('Closed Won', '赢单', 6, 100, 'closed'), closed: true, won: true },
  lost: { ...stage('Closed Lost', '输单', 7, 0, 'omitted'), closed: true },
};

function stage(
  apiName: string,
  label: string,
  sortOrder: number,
  probability: number,
  forecast: ForecastCategory,
): SalesforceStage {
  return { apiName, label, sortOrder, probability, closed: false, won: false, forecast };
}

/** The workspace stage key of a StageName. */
export const stageKeyOf = (apiName: string): string | undefined =>
  Object.entries(SALESFORCE_STAGES).find(([, s]) => s.apiName === apiName)?.[0];

/** Opportunity.ForecastCategory (API value) and ForecastCategoryName (label) of each category. */
export const FORECAST: Record<ForecastCategory, { api: string; name: string }> = {
  pipeline: { api: 'Pipeline', name: 'Pipeline' },
  best_case: { api: 'BestCase', name: 'Best Case' },
  commit: { api: 'Forecast', name: 'Commit' },
  omitted: { api: 'Omitted', name: 'Omitted' },
  closed: { api: 'Closed', name: 'Closed' },
};

/** Salesforce's JSON datetime: `2026-03-04T05:06:07.000+0000`. */
export const sfDateTime = (ms: number): string => new Date(ms).toISOString().replace('Z', '+0000');

export interface OrgOptions {
  multiCurrency: boolean;
  orgName: string;
}

/**
 * Renders a world as rows, object by object. Ids of accounts and roles are assigned by
 * name on first sight and kept, so they stay stable while a test edits its world.
 */
export class OrgRenderer {
  private readonly accounts = new Map<string, string>();
  private readonly roles = new Map<string, string>();

  constructor(
    private readonly world: World,
    private readonly options: OrgOptions,
  ) {}

  accountId(name: string): string | null {
    if (!name) return null;
    let id = this.accounts.get(name);
    if (!id) this.accounts.set(name, (id = sfId('001', this.accounts.size + 1)));
    return id;
  }

  roleId(team: string): string | null {
    if (!team) return null;
    let id = this.roles.get(team);
    if (!id) this.roles.set(team, (id = sfId('00E', this.roles.size + 1)));
    return id;
  }

  /** Every row of an object; `deals` narrows the deal-based objects to those deals. */
  rows(object: string, deals: WorldDeal[] = this.world.known()): Row[] {
    switch (object) {
      case 'Opportunity':
        return deals.map((d) => this.opportunity(d));
      case 'OpportunityHistory':
        return deals.flatMap((d) => this.stageHistory(d));
      case 'OpportunityFieldHistory':
        return deals.flatMap((d) => this.fieldHistory(d));
      case 'Account':
        for (const d of this.world.known()) this.accountId(d.fields.account);
        return [...this.accounts].map(([name, id]) => ({
          type: 'Account',
          values: { Id: id, IsDeleted: false, Name: name },
        }));
      case 'User':
        return this.world.users.map((u) => ({
          type: 'User',
          values: {
            Id: u.id,
            Name: userName(u),
            FirstName: u.firstName || null,
            LastName: u.lastName,
            Email: u.email,
            IsActive: true,
            UserType: 'Standard',
            UserRoleId: this.roleId(u.team),
          },
        }));
      case 'UserRole':
        for (const u of this.world.users) this.roleId(u.team);
        return [...this.roles].map(([name, id]) => ({ type: 'UserRole', values: { Id: id, Name: name } }));
      case 'OpportunityStage':
        return Object.values(SALESFORCE_STAGES).map((s) => ({
          type: 'OpportunityStage',
          values: {
            Id: sfId('01J', s.sortOrder),
            ApiName: s.apiName,
            MasterLabel: s.label,
            IsActive: true,
            SortOrder: s.sortOrder,
            IsClosed: s.closed,
            IsWon: s.won,
            ForecastCategory: FORECAST[s.forecast].api,
            ForecastCategoryName: FORECAST[s.forecast].name,
            DefaultProbability: s.probability,
            Description: null,
          },
        }));
      case 'Organization':
        return [
          {
            type: 'Organization',
            values: {
              Id: sfId('00D', 1),
              Name: this.options.orgName,
              OrganizationType: 'Enterprise Edition',
              IsSandbox: false,
              InstanceName: 'AP27',
            },
          },
        ];
      default:
        return [];
    }
  }

  private opportunity(d: WorldDeal): Row {
    const s = SALESFORCE_STAGES[d.fields.stage];
    if (!s) throw new Error(`the fake Salesforce has no stage for ${d.fields.stage}`);
    const v = d.fields;
    return {
      type: 'Opportunity',
      values: {
        Id: d.id,
        IsDeleted: d.deletedAt !== null,
        AccountId: this.accountId(v.account),
        Name: v.name,
        StageName: s.apiName,
        Amount: Number(v.amount),
        Probability: s.probability,
        CloseDate: v.closeDate,
        NextStep: v.nextStep || null,
        IsClosed: s.closed,
        IsWon: s.won,
        ForecastCategory: FORECAST[v.forecast].api,
        ForecastCategoryName: FORECAST[v.forecast].name,
        ...(this.options.multiCurrency ? { CurrencyIsoCode: v.currency } : {}),
        OwnerId: v.owner,
        CreatedDate: d.createdAt,
        CreatedById: v.owner,
        SystemModstamp: d.updatedAt,
        LastModifiedDate: d.updatedAt,
        // Salesforce keeps the day of the last activity only.
        LastActivityDate:
          v.lastActivityAt === null ? null : new Date(v.lastActivityAt).toISOString().slice(0, 10),
        [LOST_REASON_FIELD]: v.lostReason || null,
      },
    };
  }

  /**
   * OpportunityHistory: one row per save that touched stage, amount, close date or
   * forecast category, each holding all four values after the save; the first row is
   * the creation. A save is the run of changes sharing one instant in which no field
   * changes twice (two saves in one second are two rows, ordered by id).
   */
  private stageHistory(d: WorldDeal): Row[] {
    if (d.historyHidden) return [];
    const rows: Row[] = [];
    const current = { stage: '', amount: '0', closeDate: null as string | null, forecast: 'pipeline' };
    let group: { at: number; seq: number; fields: Set<string> } | null = null;
    const flush = () => {
      if (!group) return;
      const s = SALESFORCE_STAGES[current.stage]!;
      const prev = rows.at(-1)?.values;
      rows.push({
        type: 'OpportunityHistory',
        values: {
          Id: sfId('008', group.seq),
          OpportunityId: d.id,
          StageName: s.apiName,
          Amount: Number(current.amount),
          ExpectedRevenue: Math.round(Number(current.amount) * s.probability) / 100,
          CloseDate: current.closeDate,
          Probability: s.probability,
          ForecastCategory: FORECAST[current.forecast as ForecastCategory].api,
          PrevAmount: prev ? prev.Amount : null,
          PrevCloseDate: prev ? prev.CloseDate : null,
          IsDeleted: d.deletedAt !== null,
          CreatedDate: group.at,
          CreatedById: d.fields.owner,
          SystemModstamp: group.at,
        },
      });
      group = null;
    };
    for (const c of d.changes) {
      if (c.field === 'owner') continue;
      if (group && (group.at !== c.at || group.fields.has(c.field))) flush();
      group ??= { at: c.at, seq: c.seq, fields: new Set() };
      group.fields.add(c.field);
      if (c.field === 'stage') current.stage = c.value!;
      else if (c.field === 'amount') current.amount = c.value ?? '0';
      else if (c.field === 'closeDate') current.closeDate = c.value;
      else current.forecast = c.value!;
    }
    flush();
    return rows;
  }

  /**
   * OpportunityFieldHistory with Owner tracked: a `created` row at creation, then two
   * rows per owner change, as Salesforce writes them for a lookup field: one with the
   * user ids (DataType EntityId, only the API sees it) and one with their names (Text).
   */
  private fieldHistory(d: WorldDeal): Row[] {
    if (d.historyHidden) return [];
    const owners = d.changes.filter((c) => c.field === 'owner');
    const base = {
      OpportunityId: d.id,
      IsDeleted: d.deletedAt !== null,
    };
    const rows: Row[] = [
      {
        type: 'OpportunityFieldHistory',
        values: {
          ...base,
          Id: sfId('017', owners[0]!.seq * 2),
          CreatedById: owners[0]!.value,
          CreatedDate: d.createdAt,
          Field: 'created',
          DataType: 'Text',
          OldValue: null,
          NewValue: null,
        },
      },
    ];
    for (let i = 1; i < owners.length; i++) {
      const from = owners[i - 1]!.value!;
      const to = owners[i]!.value!;
      const change = { ...base, CreatedById: to, CreatedDate: owners[i]!.at, Field: 'Owner' };
      rows.push(
        {
          type: 'OpportunityFieldHistory',
          values: {
            ...change,
            Id: sfId('017', owners[i]!.seq * 2),
            DataType: 'EntityId',
            OldValue: from,
            NewValue: to,
          },
        },
        {
          type: 'OpportunityFieldHistory',
          values: {
            ...change,
            Id: sfId('017', owners[i]!.seq * 2 + 1),
            DataType: 'Text',
            OldValue: userName(this.world.user(from)),
            NewValue: userName(this.world.user(to)),
          },
        },
      );
    }
    return rows;
  }
}
