import type { MentorTag } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { formatTimestamp, parseTimestamp } from '@shared/time';
import { chunks } from '../db/chunks';
import { all, run, type Db } from '../db/query';
import type { MentorAssignmentsTable } from './tables';

/**
 * The manager's mentor tags (师徒制) made in the app: a mentor's share set on many deals at
 * once, removed (and given back for undo), restored. Every write checks the whole request
 * first and writes in one transaction, so a refused request leaves every tag as it was.
 *
 * The one rule: the shares of one deal's mentors never add up to more than 100% (the won
 * amount cannot be paid out twice).
 */

type Row = Pick<MentorAssignmentsTable, 'deal_id' | 'mentor' | 'share_pct' | 'created_at'> & {
  source: MentorTag['source'];
};

const toTag = (r: Row): MentorTag => ({
  dealId: r.deal_id,
  mentor: r.mentor,
  sharePct: r.share_pct,
  source: r.source,
  taggedAt: formatTimestamp(r.created_at),
});

/** Shares are compared in hundredths of a percent, so 33.33 + 33.33 + 33.34 is exactly 100. */
const basisPoints = (pct: number): number => Math.round(pct * 100);

/** A deal's mentors, by mentor name. */
export function tagsOfDeal(ws: Db, dealId: string): MentorTag[] {
  const rows = all(
    ws,
    ws.db.selectFrom('mentor_assignments').selectAll().where('deal_id', '=', dealId).orderBy('mentor'),
  );
  return rows.map(toTag);
}

/** Names to offer when tagging: everyone who owns or mentors a deal, in the locale's order. */
export function mentorPeople(ws: Db): string[] {
  const owners = all(ws, ws.db.selectFrom('deals').select('owner').distinct().where('owner', '!=', ''));
  const mentors = all(ws, ws.db.selectFrom('mentor_assignments').select('mentor').distinct());
  const names = new Set([...owners.map((r) => r.owner), ...mentors.map((r) => r.mentor)]);
  return [...names].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The tags of these deals, for the checks below. */
function tagsOf(ws: Db, dealIds: readonly string[]): Row[] {
  const rows: Row[] = [];
  for (const batch of chunks([...new Set(dealIds)]))
    rows.push(...all(ws, ws.db.selectFrom('mentor_assignments').selectAll().where('deal_id', 'in', batch)));
  return rows;
}

/** Refuses (naming them) deals the workspace does not hold. */
function requireDeals(ws: Db, dealIds: readonly string[]): void {
  const wanted = [...new Set(dealIds)];
  const found = new Set<string>();
  for (const batch of chunks(wanted))
    for (const r of all(ws, ws.db.selectFrom('deals').select('id').where('id', 'in', batch))) found.add(r.id);
  const missing = wanted.filter((id) => !found.has(id));
  if (missing.length)
    throw new WorkbenchError(
      'not_found',
      msg('mentor_deals_missing', { count: missing.length, deals: listed(missing) }),
      { deals: missing },
    );
}

/** At most twenty names in a sentence; the rest are counted (the details carry all). */
function listed(items: readonly string[]): string {
  const shown = items.slice(0, 20).join(', ');
  return items.length > 20 ? `${shown} … (+${items.length - 20})` : shown;
}

/**
 * Refuses, naming each deal and its total, when a deal's shares would pass 100% once
 * `incoming` replaced the same (deal, mentor) tags.
 */
function requireShares(
  existing: readonly Row[],
  incoming: readonly Omit<Row, 'created_at' | 'source'>[],
): void {
  // In the request's order, so the message names the deals as the person picked them.
  const totals = new Map<string, number>(incoming.map((t) => [t.deal_id, 0]));
  const replaced = new Set(incoming.map((t) => `${t.deal_id}\u0000${t.mentor}`));
  for (const r of existing)
    if (!replaced.has(`${r.deal_id}\u0000${r.mentor}`))
      totals.set(r.deal_id, (totals.get(r.deal_id) ?? 0) + basisPoints(r.share_pct));
  for (const t of incoming) totals.set(t.deal_id, (totals.get(t.deal_id) ?? 0) + basisPoints(t.share_pct));
  const over = [...totals].filter(([, total]) => total > 100_00);
  if (over.length)
    throw new WorkbenchError(
      'invalid_input',
      msg('mentor_shares_over', {
        count: over.length,
        deals: listed(over.map(([id, total]) => `${id} (${total / 100}%)`)),
      }),
      { deals: over.map(([dealId, total]) => ({ dealId, totalPct: total / 100 })) },
    );
}

/**
 * Sets `mentor`'s share on each deal: a new tag joins now (source `app`); an existing one
 * keeps when the mentor joined and takes the new share. Refused as a whole when a deal is
 * unknown or its shares would pass 100%.
 */
export function tagDeals(
  ws: Db,
  input: { mentor: string; sharePct: number; dealIds: readonly string[] },
  now: number,
): { tagged: number } {
  const dealIds = [...new Set(input.dealIds)];
  return ws.sqlite.transaction(() => {
    requireDeals(ws, dealIds);
    const existing = tagsOf(ws, dealIds);
    requireShares(
      existing,
      dealIds.map((id) => ({ deal_id: id, mentor: input.mentor, share_pct: input.sharePct })),
    );
    const joined = new Map(existing.filter((r) => r.mentor === input.mentor).map((r) => [r.deal_id, r]));
    const rows = dealIds.map((id) => ({
      deal_id: id,
      mentor: input.mentor,
      share_pct: input.sharePct,
      source: 'app' as const,
      created_at: joined.get(id)?.created_at ?? now,
    }));
    write(ws, rows);
    return { tagged: rows.length };
  })();
}

/** Inserts or replaces tags by (deal, mentor). */
function write(ws: Db, rows: readonly Row[]): void {
  for (const batch of chunks(rows))
    run(
      ws,
      ws.db
        .insertInto('mentor_assignments')
        .values(batch)
        .onConflict((c) =>
          c.columns(['deal_id', 'mentor']).doUpdateSet((eb) => ({
            share_pct: eb.ref('excluded.share_pct'),
            source: eb.ref('excluded.source'),
            created_at: eb.ref('excluded.created_at'),
          })),
        ),
    );
}

/** Removes the mentor from the deals; returns the tags removed (none for deals without it). */
export function untagDeals(
  ws: Db,
  input: { mentor: string; dealIds: readonly string[] },
): { removed: MentorTag[] } {
  return ws.sqlite.transaction(() => {
    const removed: MentorTag[] = [];
    for (const batch of chunks([...new Set(input.dealIds)]))
      removed.push(
        ...all(
          ws,
          ws.db
            .deleteFrom('mentor_assignments')
            .where('mentor', '=', input.mentor)
            .where('deal_id', 'in', batch)
            .returningAll(),
        ).map(toTag),
      );
    return { removed: removed.sort((a, b) => a.dealId.localeCompare(b.dealId)) };
  })();
}

/**
 * Puts tags back exactly as they were (share, source, when the mentor joined): the undo of
 * `untagDeals`. The 100% rule holds here too, against the tags the deals hold now.
 */
export function restoreTags(
  ws: Db,
  tags: readonly {
    dealId: string;
    mentor: string;
    sharePct: number;
    source: MentorTag['source'];
    taggedAt: string;
  }[],
): { tagged: number } {
  const seen = new Set<string>();
  const rows: Row[] = tags.map((t, index) => {
    const at = parseTimestamp(t.taggedAt);
    if (at === null)
      throw new WorkbenchError('invalid_input', msg('mentor_tag_time_invalid', { index, value: t.taggedAt }));
    const key = `${t.dealId}\u0000${t.mentor}`;
    if (seen.has(key))
      throw new WorkbenchError(
        'invalid_input',
        msg('mentor_tag_repeated', { index, mentor: t.mentor, id: t.dealId }),
      );
    seen.add(key);
    return { deal_id: t.dealId, mentor: t.mentor, share_pct: t.sharePct, source: t.source, created_at: at };
  });
  return ws.sqlite.transaction(() => {
    const dealIds = rows.map((r) => r.deal_id);
    requireDeals(ws, dealIds);
    requireShares(tagsOf(ws, dealIds), rows);
    write(ws, rows);
    return { tagged: rows.length };
  })();
}
