import { parseDecimal } from '@shared/money';
import { parseAmount } from '@shared/money';
import { QUARTER } from '@shared/time';
import { problem, type IssueLog, type Problem } from './issues';
import type { CanonicalRow } from '../csv/table-reader';

export interface MentorTag {
  dealId: string;
  mentor: string;
  sharePct: number;
  line: number;
}

/** mentors.csv → one tag per (deal, mentor); repeated pairs add up their shares. */
export function readMentors(
  rows: CanonicalRow[],
  dealExists: (id: string) => boolean,
  log: IssueLog,
): MentorTag[] {
  const tags = new Map<string, MentorTag>();
  for (const row of rows) {
    const problems: Problem[] = [];
    const dealId = row.get('deal_id');
    if (!dealId) problems.push(problem('deal_id_empty'));
    else if (!dealExists(dealId)) problems.push(problem('deal_unknown', { id: dealId }));
    const mentor = row.get('mentor');
    if (!mentor.trim()) problems.push(problem('mentor_empty'));
    const shareText = row.get('share_pct').trim();
    const share = parseDecimal(shareText);
    if (share === null || !(share >= 0 && share <= 100))
      problems.push(problem('share_invalid', { value: shareText }));
    if (problems.length) {
      for (const p of problems) log.error('mentors', row.line, p);
      continue;
    }
    const key = `${dealId}\u0000${mentor}`;
    const tag = tags.get(key);
    if (!tag) tags.set(key, { dealId, mentor, sharePct: share!, line: row.line });
    else {
      tag.sharePct += share!;
      if (overHundred(tag.sharePct))
        log.error(
          'mentors',
          row.line,
          problem('share_over', { mentor, id: dealId, total: roundPct(tag.sharePct) }),
        );
    }
  }
  // One deal's shares over all its mentors never add up to more than 100%: the deal's
  // tags are left out whole, so no mentor is paid from a share that is not there.
  const perDeal = new Map<string, { total: number; line: number }>();
  for (const t of tags.values()) {
    if (overHundred(t.sharePct)) continue;
    const sum = perDeal.get(t.dealId);
    if (!sum) perDeal.set(t.dealId, { total: t.sharePct, line: t.line });
    else sum.total += t.sharePct;
  }
  for (const [id, { total, line }] of perDeal)
    if (overHundred(total))
      log.error('mentors', line, problem('deal_shares_over', { id, total: roundPct(total) }));
  return [...tags.values()].filter(
    (t) => !overHundred(t.sharePct) && !overHundred(perDeal.get(t.dealId)!.total),
  );
}

/** Shares are decimals: 33.33 + 33.33 + 33.34 is 100, whatever binary floating point says. */
const roundPct = (pct: number) => Math.round(pct * 1e6) / 1e6;
const overHundred = (pct: number) => roundPct(pct) > 100;

export interface QuotaRow {
  quarter: string;
  team: string;
  owner: string;
  amountCents: number;
  line: number;
}

/** quotas.csv → quota rows; empty owner = the team's quota, both empty = the organisation's. */
export function readQuotas(rows: CanonicalRow[], log: IssueLog): QuotaRow[] {
  const seen = new Map<string, number>();
  const out: QuotaRow[] = [];
  for (const row of rows) {
    const problems: Problem[] = [];
    const quarter = row.get('quarter').trim();
    if (!QUARTER.test(quarter)) problems.push(problem('quarter_invalid', { value: quarter }));
    const team = row.get('team');
    const owner = row.get('owner');
    const amount = parseAmount(row.get('amount'));
    if (!amount) problems.push(problem('amount_invalid', { value: row.get('amount') }));
    const key = `${quarter}\u0000${team}\u0000${owner}`;
    if (seen.has(key))
      problems.push(problem('quota_duplicate', { quarter, team, owner, line: seen.get(key)! }));
    if (problems.length) {
      for (const p of problems) log.error('quotas', row.line, p);
      continue;
    }
    seen.set(key, row.line);
    out.push({ quarter, team, owner, amountCents: amount!.cents, line: row.line });
  }
  return out;
}
