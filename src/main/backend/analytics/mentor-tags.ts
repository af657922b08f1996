import type { Db } from '../db/query';
import { all } from '../db/query';
import { dealIndex } from './review-deals';
import type { Snapshot } from './snapshot';

/** One mentor on one deal, as the engine reads it. */
export interface DealMentor {
  mentor: string;
  sharePct: number;
  /** When the mentor joined (the tag's created_at, ms). */
  taggedAt: number;
}

/**
 * The mentor tags (师徒制) beside a snapshot: per deal (the snapshot's index), its mentors.
 * Tags of deals the snapshot does not hold are left out.
 *
 * Read from `mentor_assignments` once per snapshot: every write in this process (a tag, an
 * import) invalidates the analytics store and every commit of another connection moves
 * SQLite's data_version, and either way the next report gets a new snapshot object, so a
 * cache keyed by the snapshot can never serve tags older than the deals it sits beside.
 */
export interface MentorTagIndex {
  readonly byDeal: ReadonlyMap<number, readonly DealMentor[]>;
}

const cache = new WeakMap<Snapshot, MentorTagIndex>();

export function mentorTags(ws: Db, s: Snapshot): MentorTagIndex {
  const cached = cache.get(s);
  if (cached) return cached;
  const rows = all(
    ws,
    ws.db
      .selectFrom('mentor_assignments')
      .select(['deal_id', 'mentor', 'share_pct', 'created_at'])
      .orderBy('deal_id')
      .orderBy('mentor'),
  );
  const tags = tagIndexOf(
    s,
    rows.map((r) => ({ dealId: r.deal_id, mentor: r.mentor, sharePct: r.share_pct, taggedAt: r.created_at })),
  );
  cache.set(s, tags);
  return tags;
}

/** The index of tags given as rows (tests build one without a database). */
export function tagIndexOf(
  s: Snapshot,
  rows: readonly { dealId: string; mentor: string; sharePct: number; taggedAt: number }[],
): MentorTagIndex {
  const byDeal = new Map<number, DealMentor[]>();
  for (const r of rows) {
    const d = dealIndex(s, r.dealId);
    if (d < 0) continue;
    const list = byDeal.get(d);
    const tag = { mentor: r.mentor, sharePct: r.sharePct, taggedAt: r.taggedAt };
    if (list) list.push(tag);
    else byDeal.set(d, [tag]);
  }
  return { byDeal };
}
