import { z } from 'zod';
import { msg } from '@shared/messages';
import { dayOf, dayStart, parseDay, parseTimestamp } from '@shared/time';
import type { Quarantined, StageRef, UpstreamChange, UpstreamDeal, UpstreamUser } from '../connector';
import { RecordProblem, amountValue, cents, day, instant, text } from '../values';

/** Won and lost are a deal's status in Pipedrive, not stages: each pipeline gets them as pseudo-stages. */
export const WON_STAGE = 'won';
export const LOST_STAGE = 'lost';

/** What a deal is read against: the company's users, organisation names, the deals' activities. */
export interface PipedriveContext {
  users: Map<number, UpstreamUser>;
  orgs: Map<number, string>;
  activities: Map<number, { subject: string; at: number | null }>;
}

const id = z.number().int().positive();
const time = z.string().nullable().optional();

/**
 * An API v2 deal, the fields this sync reads (others are dropped unread). `status` is
 * open, won or lost; `deleted` is how API v1 spelled a deleted deal, which v2 flags with
 * is_deleted instead.
 */
export const pipedriveDeal = z.object({
  id,
  title: z.string().nullable().optional(),
  owner_id: id,
  org_id: id.nullable().optional(),
  pipeline_id: id,
  stage_id: id,
  value: z.number().nullable().optional(),
  currency: z.string().nullable().optional(),
  add_time: z.string(),
  update_time: z.string(),
  is_deleted: z.boolean().optional(),
  status: z.enum(['open', 'won', 'lost', 'deleted']),
  lost_reason: z.string().nullable().optional(),
  close_time: time,
  won_time: time,
  lost_time: time,
  expected_close_date: z.string().nullable().optional(),
  next_activity_id: id.nullable().optional(),
  last_activity_id: id.nullable().optional(),
});
export type PipedriveDeal = z.infer<typeof pipedriveDeal>;

/** One changelog entry (API v1); values are text, or null where the field was empty. */
const changelogEntry = z.object({
  field_key: z.string(),
  old_value: z.union([z.string(), z.number()]).nullable().optional(),
  new_value: z.union([z.string(), z.number()]).nullable().optional(),
  time: z.string(),
});

/** The changelog fields that become history; the rest (title, won_time, labels…) are ignored. */
const TRACKED_KEYS = new Set([
  'pipeline_id',
  'stage_id',
  'status',
  'value',
  'expected_close_date',
  'user_id',
  'owner_id',
]);

interface Entry {
  key: string;
  old: string | null;
  value: string | null;
  at: number;
}

/**
 * Pipedrive's times: API v2 writes RFC 3339 (`2026-03-04T05:06:07Z`), API v1
 * `2026-03-04 05:06:07` in UTC without a zone, which the shared reader would not take.
 */
export function pipedriveTime(field: string, value: string | null | undefined): number {
  const v1 = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}(?::\d{2})?)$/.exec(value) : null;
  return instant(field, v1 ? `${v1[1]}T${v1[2]}Z` : value);
}

const optionalTime = (field: string, value: string | null | undefined): number | null =>
  value === null || value === undefined || value === '' ? null : pipedriveTime(field, value);

/** A list item as a deal record, or why it cannot be one (the field and the value as received). */
export function readPipedriveDeal(raw: unknown): { deal: PipedriveDeal } | { quarantined: Quarantined } {
  const parsed = pipedriveDeal.safeParse(raw);
  if (parsed.success) return { deal: parsed.data };
  const rawId = (raw as { id?: unknown } | null)?.id;
  const issue = parsed.error.issues[0];
  const field = issue?.path[0];
  let reason = msg('sync_record_unreadable', {
    problem: issue ? `${issue.path.join('.')}: ${issue.message}` : 'not an object',
  });
  if (typeof field === 'string' && typeof raw === 'object' && raw !== null) {
    const value = (raw as Record<string, unknown>)[field];
    reason =
      value === undefined || value === null
        ? msg('sync_field_missing', { field })
        : msg('sync_field_invalid', {
            field,
            value: (typeof value === 'string' ? value : JSON.stringify(value)).slice(0, 80),
          });
  }
  return {
    quarantined: {
      id: typeof rawId === 'number' || typeof rawId === 'string' ? String(rawId) : null,
      reason,
      payload: raw,
    },
  };
}

/** The stage a deal is in: its stage within its pipeline, or the pipeline's won / lost. */
export function stageRef(pipeline: string, stage: string, status: string): StageRef {
  return {
    pipeline,
    stage: status === 'won' ? WON_STAGE : status === 'lost' ? LOST_STAGE : stage,
  };
}

/**
 * A read deal as the workspace's, its history built from the changelog (null: Pipedrive
 * refused it). Throws RecordProblem on a value it cannot store, naming field and value.
 */
export function toUpstreamDeal(
  d: PipedriveDeal,
  changelog: unknown[] | null,
  context: PipedriveContext,
): UpstreamDeal {
  const ownerName = (field: string, value: string | number | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '';
    const user = context.users.get(Number(value));
    if (!user) throw new RecordProblem(msg('sync_field_invalid', { field, value: String(value) }));
    return user.name;
  };
  const createdAt = pipedriveTime('add_time', d.add_time);
  const updatedAt = pipedriveTime('update_time', d.update_time);
  const closed = d.status === 'won' || d.status === 'lost';
  // A closed deal's close date is the day it closed (PRODUCT.md); close_time is the
  // later of won_time and lost_time, and a reopened deal keeps neither.
  const closedAt = closed
    ? (optionalTime('close_time', d.close_time) ??
      optionalTime(
        d.status === 'won' ? 'won_time' : 'lost_time',
        d.status === 'won' ? d.won_time : d.lost_time,
      ))
    : null;
  const next = d.next_activity_id ? context.activities.get(d.next_activity_id) : undefined;
  const last = d.last_activity_id ? context.activities.get(d.last_activity_id) : undefined;
  return {
    id: String(d.id),
    name: text(d.title),
    account: d.org_id ? (context.orgs.get(d.org_id) ?? '') : '',
    owner: ownerName('owner_id', d.owner_id),
    team: '',
    amountCents: cents('value', d.value),
    currency: text(d.currency),
    stage: stageRef(String(d.pipeline_id), String(d.stage_id), d.status),
    createdAt,
    closeDate: closedAt !== null ? dayOf(closedAt) : day('expected_close_date', d.expected_close_date),
    forecastCategory: 'pipeline',
    lostReason: text(d.lost_reason),
    nextStep: next?.subject ?? '',
    updatedAt,
    lastActivityAt: last?.at ?? null,
    // Deleting a deal moves its update_time: that is when it went.
    deletedAt: d.is_deleted ? updatedAt : null,
    history: changelog === null ? null : history(d, readEntries(changelog), createdAt, ownerName),
  };
}

/** The tracked entries, oldest first. */
function readEntries(changelog: unknown[]): Entry[] {
  const entries: Entry[] = [];
  for (const raw of changelog) {
    const key = (raw as { field_key?: unknown } | null)?.field_key;
    // Fields this sync does not track are skipped unread, malformed or not.
    if (typeof key !== 'string' || !TRACKED_KEYS.has(key)) continue;
    const parsed = changelogEntry.safeParse(raw);
    if (!parsed.success)
      throw new RecordProblem(
        msg('sync_record_unreadable', {
          problem: `changelog ${key}: ${parsed.error.issues[0]?.message ?? ''}`,
        }),
      );
    const e = parsed.data;
    entries.push({
      key: key === 'owner_id' ? 'user_id' : key,
      old: e.old_value === null || e.old_value === undefined ? null : String(e.old_value),
      value: e.new_value === null || e.new_value === undefined ? null : String(e.new_value),
      at: pipedriveTime(`${key} changelog time`, e.time),
    });
  }
  // Pipedrive lists the changelog newest first; the stable sort keeps the order of the
  // entries of one second, which for one field is the order the values were set in.
  if (entries.length > 1 && entries[0]!.at >= entries.at(-1)!.at) entries.reverse();
  return entries.sort((a, b) => a.at - b.at);
}

/**
 * History rows from the changelog: each tracked field's initial value (the old value of its
 * first change, else the current one) at created_at, then every change. The stage is
 * three fields in Pipedrive (pipeline_id, stage_id, status); a row is written when the
 * stage they name together moves (a stage change while a deal is won moves nothing).
 */
function history(
  d: PipedriveDeal,
  entries: Entry[],
  createdAt: number,
  ownerName: (field: string, value: string | number | null | undefined) => string,
): UpstreamChange[] {
  const firstOld = (key: string, current: string | null): string | null => {
    const first = entries.find((e) => e.key === key);
    return first ? first.old : current;
  };
  const changes: UpstreamChange[] = [];
  const keys = new Map<string, number>();
  const keyOf = (field: string, at: number, value: string) => {
    const base = `${at}|${value}`;
    const n = keys.get(`${field}|${base}`) ?? 0;
    keys.set(`${field}|${base}`, n + 1);
    return n === 0 ? base : `${base}#${n}`;
  };
  const add = (field: 'amount' | 'close_date' | 'owner', value: string, at: number) =>
    changes.push({ field, value, at, key: keyOf(field, at, value) });

  const state = {
    pipeline_id: firstOld('pipeline_id', String(d.pipeline_id)) ?? String(d.pipeline_id),
    stage_id: firstOld('stage_id', String(d.stage_id)) ?? String(d.stage_id),
    status: firstOld('status', d.status) ?? d.status,
  };
  // An initial status that is no stage (deleted) counts as open.
  if (!['open', 'won', 'lost'].includes(state.status)) state.status = 'open';
  let shown = stageRef(state.pipeline_id, state.stage_id, state.status);
  const addStage = (ref: StageRef, at: number) =>
    changes.push({ field: 'stage', stage: ref, at, key: keyOf('stage', at, `${ref.pipeline}/${ref.stage}`) });
  addStage(shown, createdAt);
  const value = d.value === null || d.value === undefined ? null : String(d.value);
  add('amount', amountValue('value', firstOld('value', value)), createdAt);
  add(
    'close_date',
    day('expected_close_date', firstOld('expected_close_date', d.expected_close_date ?? null)) ?? '',
    createdAt,
  );
  add('owner', ownerName('user_id', firstOld('user_id', String(d.owner_id))), createdAt);

  const used = new Set<Entry>();
  for (const e of entries) {
    if (used.has(e)) continue;
    switch (e.key) {
      case 'pipeline_id':
      case 'stage_id':
      case 'status': {
        // A move to another pipeline writes pipeline_id and stage_id in one save: applied
        // one by one they would name a stage of the wrong pipeline, so they go together. A
        // reopening (won or lost → open) takes along the stage it reopened into, whichever
        // Pipedrive logged first. Other status changes stay apart, in Pipedrive's order: two
        // saves in one second (moved, then lost) are two rows, and no stage is dropped.
        const reopening = e.key === 'status' && e.value === 'open' && (e.old === 'won' || e.old === 'lost');
        const take = (key: string) =>
          entries.find((o) => !used.has(o) && o !== e && o.at === e.at && o.key === key);
        const partners =
          e.key !== 'status'
            ? [take(e.key === 'stage_id' ? 'pipeline_id' : 'stage_id')]
            : reopening
              ? [take('pipeline_id'), take('stage_id')]
              : [];
        for (const x of [e, ...partners.filter((o) => o !== undefined)]) {
          used.add(x);
          if (x.value === null)
            throw new RecordProblem(msg('sync_field_missing', { field: `${x.key} changelog` }));
          // A status this sync does not read as a stage (deleted) leaves the stage as it was.
          if (x.key === 'status' && !['open', 'won', 'lost'].includes(x.value)) continue;
          state[x.key as 'pipeline_id' | 'stage_id' | 'status'] = x.value;
        }
        const ref = stageRef(state.pipeline_id, state.stage_id, state.status);
        if (ref.pipeline !== shown.pipeline || ref.stage !== shown.stage) addStage(ref, e.at);
        shown = ref;
        break;
      }
      case 'value':
        add('amount', amountValue('value changelog', e.value), e.at);
        break;
      case 'expected_close_date':
        add('close_date', day('expected_close_date changelog', e.value) ?? '', e.at);
        break;
      case 'user_id':
        add('owner', ownerName('user_id changelog', e.value), e.at);
        break;
    }
  }
  return changes;
}

/**
 * An activity's time: its due date and time (Pipedrive keeps due times in UTC); a due date
 * alone is that day's start. Null when the date is unreadable: an activity is not the
 * deal, so a broken one leaves the deal's last activity unknown instead of quarantining it.
 */
export function activityTime(
  dueDate: string | null | undefined,
  dueTime: string | null | undefined,
): number | null {
  const date = dueDate ? parseDay(dueDate) : null;
  if (date === null) return null;
  if (!dueTime) return dayStart(date);
  return parseTimestamp(`${date}T${dueTime}Z`) ?? dayStart(date);
}
