import { formatAmount, parseAmount } from '@shared/money';
import { msg, type MessageRef } from '@shared/messages';
import { dayOf, parseDay, parseTimestamp } from '@shared/time';
import type { z } from 'zod';
import type { Quarantined, UpstreamDeal } from './connector';

/**
 * Turning a CRM's field values into the workspace's, the same way for every connector.
 * Each reader throws RecordProblem on a value it cannot store, which the connector turns
 * into a quarantined record naming the field and the value.
 */
export class RecordProblem extends Error {
  constructor(readonly reason: MessageRef) {
    super(JSON.stringify(reason));
    this.name = 'RecordProblem';
  }
}

const shown = (value: unknown) => String(value).slice(0, 80);

export function required<T>(field: string, value: T | null | undefined): T {
  if (value === null || value === undefined || value === '')
    throw new RecordProblem(msg('sync_field_missing', { field }));
  return value;
}

/** An instant: ISO 8601 text, or epoch milliseconds as a number or digits. */
export function instant(field: string, value: string | number | null | undefined): number {
  const v = required(field, value);
  if (typeof v === 'number' || /^\d{9,}$/.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return n;
  } else {
    const t = parseTimestamp(v);
    if (t !== null) return t;
  }
  throw new RecordProblem(msg('sync_field_invalid', { field, value: shown(value) }));
}

export function optionalInstant(field: string, value: string | number | null | undefined): number | null {
  return value === null || value === undefined || value === '' ? null : instant(field, value);
}

/** A calendar day: `YYYY-MM-DD`, or the UTC day of an instant (HubSpot's datetimes). */
export function day(field: string, value: string | number | null | undefined): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' && value.length === 10) {
    const d = parseDay(value);
    if (d !== null) return d;
    throw new RecordProblem(msg('sync_field_invalid', { field, value: shown(value) }));
  }
  return dayOf(instant(field, value));
}

/** Money as integer cents; empty is 0 (PRODUCT.md). */
export function cents(field: string, value: string | number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const parsed = parseAmount(typeof value === 'number' ? String(value) : value);
  if (parsed === null || (typeof value === 'number' && !Number.isFinite(value)))
    throw new RecordProblem(msg('sync_field_invalid', { field, value: shown(value) }));
  return parsed.cents;
}

/** An amount as a history value: the canonical decimal text. */
export const amountValue = (field: string, value: string | number | null | undefined): string =>
  formatAmount(cents(field, value));

const FORECAST: Record<string, UpstreamDeal['forecastCategory']> = {
  pipeline: 'pipeline',
  best_case: 'best_case',
  bestcase: 'best_case',
  commit: 'commit',
  omitted: 'omitted',
  omit: 'omitted',
  closed: 'closed',
};

/**
 * Forecast categories by name (PRODUCT.md: Pipeline, Best Case / BEST_CASE, Commit,
 * Omitted / OMIT, Closed); empty is pipeline. Another name is not guessed at.
 */
export function forecastCategory(
  field: string,
  value: string | null | undefined,
): UpstreamDeal['forecastCategory'] {
  if (value === null || value === undefined || value.trim() === '') return 'pipeline';
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const category = FORECAST[key] ?? FORECAST[key.replace(/_/g, '')];
  if (!category) throw new RecordProblem(msg('sync_field_invalid', { field, value: shown(value) }));
  return category;
}

/** Text as stored: null is empty. */
export const text = (value: string | null | undefined): string => value ?? '';

/**
 * One CRM record as a deal, or quarantined with the reason: a record not in the shape the
 * CRM documents (zod), or a value it cannot store (RecordProblem). Anything else is a bug
 * and is thrown.
 */
export function readRecord<R>(
  raw: unknown,
  schema: z.ZodType<R>,
  idOf: (raw: unknown) => unknown,
  toDeal: (record: R) => UpstreamDeal,
): { deal: UpstreamDeal } | { quarantined: Quarantined } {
  const id = idOf(raw);
  const recordId = typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      quarantined: {
        id: recordId,
        reason: msg('sync_record_unreadable', {
          problem: issue ? `${issue.path.join('.')}: ${issue.message}` : '',
        }),
        payload: raw,
      },
    };
  }
  try {
    return { deal: toDeal(parsed.data) };
  } catch (e) {
    if (e instanceof RecordProblem) return { quarantined: { id: recordId, reason: e.reason, payload: raw } };
    throw e;
  }
}
