import type { Db } from '../../db/query';
import { all } from '../../db/query';
import { mentorTags } from '../../analytics/mentor-tags';
import { dealIndex } from '../../analytics/review-deals';
import type { Snapshot } from '../../analytics/snapshot';

/**
 * What the model reads beside the deals' field histories, each only with its timestamp so
 * a feature at a past instant t can take exactly what existed before t:
 *
 * - mentor tags (mentor_assignments.created_at: when the mentor joined);
 * - pre-call plans approved (the `approved` events of precall_plan_events, with their time);
 * - contacts of the buying centre (deal_contacts.created_at: when they were mapped).
 *
 * Left out on purpose: a contact's role, stance and "met" flag and a plan's items keep only
 * their latest state (a row has `updated_at`, not a history), so the coverage gaps at a past
 * instant cannot be known; reading today's would tell the model which deals got far enough
 * to map a decision maker, i.e. the future. The deal's `last_activity_at` is likewise only
 * the latest activity, so activity recency is read from the history rows (features.ts).
 */
export interface SideFacts {
  /** Per deal index: mentor join times ascending, and the mentors' names in the same order. */
  mentorTimes: ReadonlyMap<number, { at: number; mentor: string }[]>;
  approvedPlans: ReadonlyMap<number, number[]>;
  contacts: ReadonlyMap<number, number[]>;
}

const cache = new WeakMap<Snapshot, SideFacts>();

/** Read once per snapshot (a write anywhere makes a new snapshot object, see mentor-tags.ts). */
export function sideFacts(ws: Db, s: Snapshot): SideFacts {
  const cached = cache.get(s);
  if (cached) return cached;
  const mentorTimes = new Map<number, { at: number; mentor: string }[]>();
  for (const [d, tags] of mentorTags(ws, s).byDeal)
    mentorTimes.set(
      d,
      tags.map((t) => ({ at: t.taggedAt, mentor: t.mentor })).sort((a, b) => a.at - b.at),
    );
  const approved = all(
    ws,
    ws.db
      .selectFrom('precall_plan_events as e')
      .innerJoin('precall_plans as p', 'p.id', 'e.plan_id')
      .select(['p.deal_id as dealId', 'e.at as at'])
      .where('e.action', '=', 'approved'),
  );
  const contacts = all(
    ws,
    ws.db.selectFrom('deal_contacts').select(['deal_id as dealId', 'created_at as at']),
  );
  const facts = sideFactsOf(s, { approved, contacts, mentors: [] }, mentorTimes);
  cache.set(s, facts);
  return facts;
}

type Stamped = { dealId: string; at: number };

/** The facts given as rows (tests build them without a database). */
export function sideFactsOf(
  s: Snapshot,
  rows: { approved: Stamped[]; contacts: Stamped[]; mentors: (Stamped & { mentor: string })[] },
  mentorTimes = new Map<number, { at: number; mentor: string }[]>(),
): SideFacts {
  for (const m of rows.mentors) {
    const d = dealIndex(s, m.dealId);
    if (d < 0) continue;
    const list = mentorTimes.get(d) ?? [];
    list.push({ at: m.at, mentor: m.mentor });
    list.sort((a, b) => a.at - b.at);
    mentorTimes.set(d, list);
  }
  return {
    mentorTimes,
    approvedPlans: timesByDeal(s, rows.approved),
    contacts: timesByDeal(s, rows.contacts),
  };
}

function timesByDeal(s: Snapshot, rows: Stamped[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const r of rows) {
    const d = dealIndex(s, r.dealId);
    if (d < 0) continue;
    const list = out.get(d);
    if (list) list.push(r.at);
    else out.set(d, [r.at]);
  }
  for (const list of out.values()) list.sort((a, b) => a - b);
  return out;
}

/** How many of the ascending times are strictly before t. */
export function countBefore(times: readonly number[] | undefined, t: number): number {
  if (!times) return 0;
  let n = 0;
  while (n < times.length && times[n]! < t) n++;
  return n;
}
