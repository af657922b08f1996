import { z } from 'zod';
import { msg } from '@shared/messages';
import { parseTimestamp } from '@shared/time';
import type { Quarantined, UpstreamChange, UpstreamDeal, UpstreamUser } from '../connector';
import {
  RecordProblem,
  readRecord,
  amountValue,
  cents,
  day,
  forecastCategory,
  instant,
  optionalInstant,
  required,
  text,
} from '../values';

/**
 * Reading Salesforce records (SOQL query results) into the workspace's deals and history.
 * Shapes are checked with zod; values with the shared readers, which name the field and
 * the value of anything they cannot store, so a broken record is quarantined, not thrown.
 */

/**
 * Salesforce has one stage picklist (Opportunity.StageName) for every opportunity: sales
 * processes and record types only hide values per record type. So the org is one
 * pipeline, and a stage is known by its API name (what StageName and OpportunityHistory
 * hold; the label is translated and may be renamed).
 */
export const SALESFORCE_PIPELINE = 'Opportunity';

/** An 18-character record id (15 accepted: some orgs' integrations still write them). */
export const RECORD_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;

/** A JSON scalar as a query returns it; the readers decide what each field may be. */
const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]).optional();
const named = z.object({ Name: z.string().nullable().optional() }).loose().nullable().optional();

export const opportunityRecord = z
  .object({
    Id: z.string().regex(RECORD_ID),
    IsDeleted: z.boolean(),
    SystemModstamp: z.string(),
    Name: scalar,
    Account: named,
    Owner: z
      .object({
        Name: z.string().nullable().optional(),
        Email: z.string().nullable().optional(),
        UserRole: named,
      })
      .loose()
      .nullable()
      .optional(),
    Amount: scalar,
    StageName: scalar,
    CreatedDate: scalar,
    CloseDate: scalar,
    ForecastCategoryName: scalar,
    NextStep: scalar,
    LastActivityDate: scalar,
    CurrencyIsoCode: scalar,
  })
  .loose();
export type OpportunityRecord = z.infer<typeof opportunityRecord>;

export const stageHistoryRecord = z
  .object({
    Id: z.string().regex(RECORD_ID),
    OpportunityId: z.string().regex(RECORD_ID),
    StageName: scalar,
    Amount: scalar,
    CloseDate: scalar,
    ForecastCategory: scalar,
    CreatedDate: scalar,
  })
  .loose();
export type StageHistoryRecord = z.infer<typeof stageHistoryRecord>;

export const fieldHistoryRecord = z
  .object({
    Id: z.string().regex(RECORD_ID),
    OpportunityId: z.string().regex(RECORD_ID),
    DataType: z.string().nullable().optional(),
    OldValue: scalar,
    NewValue: scalar,
    CreatedDate: scalar,
  })
  .loose();
export type FieldHistoryRecord = z.infer<typeof fieldHistoryRecord>;

/** What a page's records are read with. */
export interface ReadContext {
  /** The org's one currency when it has no CurrencyIsoCode field (single-currency org). */
  currency: string;
  /** The field holding a lost deal's reason, chosen per connection; null: none. */
  lostReasonField: string | null;
  /** Users by id, to name the owners in owner history (ids are what Salesforce keeps). */
  users: Map<string, UpstreamUser>;
}

/** The deal's history rows as fetched; null: the CRM refused the history objects. */
export interface DealHistory {
  stages: StageHistoryRecord[];
  owners: FieldHistoryRecord[];
}

type Scalar = z.infer<typeof scalar>;

/** Text or a number where the readers take one; a boolean or an object is invalid here. */
function textOf(field: string, value: Scalar): string | number | null | undefined {
  if (typeof value === 'boolean')
    throw new RecordProblem(msg('sync_field_invalid', { field, value: String(value) }));
  return value;
}

/** Text only: a number where Salesforce writes text (a name, a picklist value) is not that field. */
function stringOf(field: string, value: Scalar): string | null | undefined {
  if (typeof value === 'number' || typeof value === 'boolean')
    throw new RecordProblem(msg('sync_field_invalid', { field, value: String(value) }));
  return value;
}

/**
 * OpportunityHistory.ForecastCategory holds API values (BestCase, Forecast…), the
 * Opportunity its labels (Best Case, Commit…); Forecast is the API name of Commit.
 * Others (MostLikely of the retired customizable forecasts) are not guessed at.
 */
const forecastOf = (field: string, value: Scalar) => {
  const v = stringOf(field, value);
  return forecastCategory(field, v === 'Forecast' ? 'Commit' : v);
};

/** LastActivityDate is a day: the workspace keeps its 00:00 UTC. */
function activityDay(value: Scalar): number | null {
  const d = day('LastActivityDate', textOf('LastActivityDate', value));
  return d === null ? null : optionalInstant('LastActivityDate', `${d}T00:00:00Z`);
}

/** One Opportunity as a deal, or the reason it cannot be stored. */
export function readOpportunity(
  raw: unknown,
  history: DealHistory | null,
  context: ReadContext,
): { deal: UpstreamDeal } | { quarantined: Quarantined } {
  return readRecord(
    raw,
    opportunityRecord,
    (r) => (r as { Id?: unknown } | null)?.Id,
    (r) => toDeal(r, raw, history, context),
  );
}

function toDeal(
  r: OpportunityRecord,
  raw: unknown,
  history: DealHistory | null,
  context: ReadContext,
): UpstreamDeal {
  const owner = r.Owner?.Name || r.Owner?.Email || '';
  const createdAt = instant('CreatedDate', textOf('CreatedDate', r.CreatedDate));
  const updatedAt = instant('SystemModstamp', r.SystemModstamp);
  const stage = required('StageName', stringOf('StageName', r.StageName));
  const lostReason = context.lostReasonField
    ? stringOf(context.lostReasonField, (raw as Record<string, Scalar>)[context.lostReasonField])
    : '';
  const deal: UpstreamDeal = {
    id: r.Id,
    name: text(stringOf('Name', r.Name)),
    account: text(r.Account?.Name),
    owner,
    team: text(r.Owner?.UserRole?.Name),
    amountCents: cents('Amount', textOf('Amount', r.Amount)),
    currency:
      r.CurrencyIsoCode === undefined
        ? context.currency
        : text(stringOf('CurrencyIsoCode', r.CurrencyIsoCode)),
    stage: { pipeline: SALESFORCE_PIPELINE, stage },
    createdAt,
    closeDate: day('CloseDate', textOf('CloseDate', r.CloseDate)),
    forecastCategory: forecastOf('ForecastCategoryName', r.ForecastCategoryName),
    lostReason: text(lostReason),
    nextStep: text(stringOf('NextStep', r.NextStep)),
    updatedAt,
    lastActivityAt: activityDay(r.LastActivityDate),
    // Deleted: in the recycle bin, and its last modification is the deletion.
    deletedAt: r.IsDeleted ? updatedAt : null,
    history: null,
  };
  // A deal without a single OpportunityHistory row (migrated data, rows not visible) has
  // no upstream history: the engine infers its changes instead.
  if (history && history.stages.length) deal.history = changes(r.Id, createdAt, owner, history, context);
  return deal;
}

/**
 * The deal's history, oldest first. OpportunityHistory has one row per save holding the
 * stage, amount, close date and forecast category after it (the first row is the
 * creation), so each field's change is where its value differs from the row before.
 * The owner's changes are OpportunityFieldHistory rows; Salesforce keeps no row for the
 * initial owner, so it is the old value of the first change, else the current owner.
 */
function changes(
  dealId: string,
  createdAt: number,
  currentOwner: string,
  history: DealHistory,
  context: ReadContext,
): UpstreamChange[] {
  const out: UpstreamChange[] = [];
  let prev: { stage: string; amount: string; closeDate: string; forecast: string } | null = null;
  for (const row of sorted(history.stages)) {
    const at = instant(
      'OpportunityHistory.CreatedDate',
      textOf('OpportunityHistory.CreatedDate', row.CreatedDate),
    );
    const now = {
      stage: required(
        'OpportunityHistory.StageName',
        stringOf('OpportunityHistory.StageName', row.StageName),
      ),
      amount: amountValue('OpportunityHistory.Amount', textOf('OpportunityHistory.Amount', row.Amount)),
      closeDate:
        day('OpportunityHistory.CloseDate', textOf('OpportunityHistory.CloseDate', row.CloseDate)) ?? '',
      forecast: forecastOf('OpportunityHistory.ForecastCategory', row.ForecastCategory),
    };
    if (!prev || prev.stage !== now.stage)
      out.push({
        field: 'stage',
        stage: { pipeline: SALESFORCE_PIPELINE, stage: now.stage },
        at,
        key: `${row.Id}:stage`,
      });
    if (!prev || prev.amount !== now.amount)
      out.push({ field: 'amount', value: now.amount, at, key: `${row.Id}:amount` });
    if (!prev || prev.closeDate !== now.closeDate)
      out.push({ field: 'close_date', value: now.closeDate, at, key: `${row.Id}:close_date` });
    if (!prev || prev.forecast !== now.forecast)
      out.push({ field: 'forecast_category', value: now.forecast, at, key: `${row.Id}:forecast_category` });
    prev = now;
  }

  const owners = ownerChanges(history.owners, context);
  out.push({ field: 'owner', value: owners[0]?.from || currentOwner, at: createdAt, key: `${dealId}:owner` });
  for (const o of owners) out.push({ field: 'owner', value: o.to, at: o.at, key: `${o.id}:owner` });
  // Stable: one instant's changes keep the order above.
  return out.sort((a, b) => a.at - b.at);
}

/**
 * Owner changes by name. Salesforce writes two rows per change of a lookup: the user ids
 * (DataType EntityId) and the names as they were then (Text). The ids are named by the
 * users' current names, like the deal's owner; the Text rows serve when the id is not a
 * known user, or when an org's history has only them.
 */
function ownerChanges(
  rows: FieldHistoryRecord[],
  context: ReadContext,
): { id: string; at: number; from: string; to: string }[] {
  const all = sorted(rows).map((row) => ({
    row,
    at: instant(
      'OpportunityFieldHistory.CreatedDate',
      textOf('OpportunityFieldHistory.CreatedDate', row.CreatedDate),
    ),
    old: stringOf('OpportunityFieldHistory.OldValue', row.OldValue) ?? '',
    new: stringOf('OpportunityFieldHistory.NewValue', row.NewValue) ?? '',
  }));
  const isId = (r: (typeof all)[number]) =>
    r.row.DataType === 'EntityId' || (!r.row.DataType && RECORD_ID.test(r.new) && r.new.startsWith('005'));
  const ids = all.filter(isId);
  if (!ids.length) return all.map((r) => ({ id: r.row.Id, at: r.at, from: r.old, to: r.new }));
  const texts = all.filter((r) => !isId(r));
  return ids.map((r) => {
    const twin = texts.find((t) => t.at === r.at && t.row.OpportunityId === r.row.OpportunityId);
    const name = (id: string, fallback: string | undefined) => context.users.get(id)?.name || fallback || id;
    return { id: r.row.Id, at: r.at, from: name(r.old, twin?.old), to: name(r.new, twin?.new) };
  });
}

/** By CreatedDate, then id (Salesforce's ids grow with time), whatever order the rows came in. */
function sorted<T extends { Id: string; CreatedDate?: Scalar }>(rows: T[]): T[] {
  const key = (r: T) => (typeof r.CreatedDate === 'string' ? (parseTimestamp(r.CreatedDate) ?? 0) : 0);
  return [...rows].sort((a, b) => {
    const t = key(a) - key(b);
    return t || (a.Id < b.Id ? -1 : a.Id > b.Id ? 1 : 0);
  });
}
