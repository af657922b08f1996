import { z } from 'zod';
import type { Quarantined, UpstreamChange, UpstreamDeal, UpstreamUser } from '../connector';
import {
  amountValue,
  cents,
  day,
  forecastCategory,
  instant,
  optionalInstant,
  readRecord,
  required,
  text,
} from '../values';

/** What a deal record is read against: the run's owners and which pipeline holds each stage. */
export interface HubSpotContext {
  users: Map<string, UpstreamUser>;
  stagePipeline: Map<string, string>;
}

/** The deal properties a sync reads (PRODUCT.md's HubSpot column). */
export const HUBSPOT_PROPERTIES = [
  'dealname',
  'amount',
  'dealstage',
  'pipeline',
  'closedate',
  'createdate',
  'hs_lastmodifieddate',
  'hubspot_owner_id',
  'hs_manual_forecast_category',
  'closed_lost_reason',
  'hs_next_step',
  'notes_last_updated',
  'deal_currency_code',
];

/** The properties whose history becomes the deal's history rows. */
export const HUBSPOT_HISTORY = [
  'dealstage',
  'amount',
  'closedate',
  'hs_manual_forecast_category',
  'hubspot_owner_id',
];

const version = z.object({ value: z.string().nullable().optional(), timestamp: z.string() }).loose();
const record = z
  .object({
    id: z.string().min(1),
    properties: z.record(z.string(), z.string().nullable().optional()),
    propertiesWithHistory: z.record(z.string(), z.array(version)).optional(),
  })
  .loose();

/** One batch-read record as a deal, or the reason it cannot be stored. */
export function readHubSpotDeal(
  raw: unknown,
  context: HubSpotContext,
  accounts: Map<string, string>,
): { deal: UpstreamDeal } | { quarantined: Quarantined } {
  return readRecord(
    raw,
    record,
    (r) => (r as { id?: unknown } | null)?.id,
    (r) => toDeal(r, context, accounts),
  );
}

function toDeal(
  r: z.infer<typeof record>,
  context: HubSpotContext,
  accounts: Map<string, string>,
): UpstreamDeal {
  const p = r.properties;
  const ownerName = (ownerId: string | null | undefined) =>
    ownerId ? (context.users.get(ownerId)?.name ?? ownerId) : '';
  const createdAt = instant('createdate', p.createdate);
  const stage = required('dealstage', p.dealstage);
  const pipeline = p.pipeline || context.stagePipeline.get(stage) || 'default';
  const owner = p.hubspot_owner_id ? context.users.get(p.hubspot_owner_id) : undefined;
  return {
    id: r.id,
    name: text(p.dealname),
    account: accounts.get(r.id) ?? '',
    owner: ownerName(p.hubspot_owner_id),
    team: owner?.team ?? '',
    amountCents: cents('amount', p.amount),
    currency: text(p.deal_currency_code),
    stage: { pipeline, stage },
    createdAt,
    closeDate: day('closedate', p.closedate),
    forecastCategory: forecastCategory('hs_manual_forecast_category', p.hs_manual_forecast_category),
    lostReason: text(p.closed_lost_reason),
    nextStep: text(p.hs_next_step),
    updatedAt: instant('hs_lastmodifieddate', p.hs_lastmodifieddate),
    lastActivityAt: optionalInstant('notes_last_updated', p.notes_last_updated),
    deletedAt: null,
    history: r.propertiesWithHistory ? history(r.propertiesWithHistory, pipeline, context, ownerName) : null,
  };
}

/**
 * The versions of the tracked properties, oldest first. HubSpot lists each property's
 * versions newest first; the oldest is the value the deal was created with (stamped at
 * or before createdate; the engine moves anything earlier to created_at).
 */
function history(
  versions: Record<string, z.infer<typeof version>[]>,
  pipeline: string,
  context: HubSpotContext,
  ownerName: (id: string | null | undefined) => string,
): UpstreamChange[] {
  const changes: UpstreamChange[] = [];
  for (const property of HUBSPOT_HISTORY) {
    const list = versions[property] ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      const v = list[i]!;
      const at = instant(`${property} history`, v.timestamp);
      const value = v.value ?? '';
      const key = `${at}|${value}`;
      switch (property) {
        case 'dealstage':
          if (value === '') break; // a stage is never cleared; an empty version says nothing
          changes.push({
            field: 'stage',
            stage: { pipeline: context.stagePipeline.get(value) ?? pipeline, stage: value },
            at,
            key,
          });
          break;
        case 'amount':
          changes.push({ field: 'amount', value: amountValue('amount history', value), at, key });
          break;
        case 'closedate':
          changes.push({ field: 'close_date', value: day('closedate history', value) ?? '', at, key });
          break;
        case 'hs_manual_forecast_category':
          changes.push({
            field: 'forecast_category',
            value: forecastCategory('forecast history', value),
            at,
            key,
          });
          break;
        case 'hubspot_owner_id':
          changes.push({ field: 'owner', value: ownerName(value), at, key });
          break;
      }
    }
  }
  // Stable: versions of one property at one instant keep HubSpot's order.
  return changes.sort((a, b) => a.at - b.at);
}
