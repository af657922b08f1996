import { parseAmount } from '../../../shared/money';
import { QUARTER } from '../../../shared/time';
import type { IssueLog } from './issues';
import type { CanonicalRow } from './table-reader';

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
    const problems: string[] = [];
    const dealId = row.get('deal_id');
    if (!dealId) problems.push('deal_id is empty');
    else if (!dealExists(dealId))
      problems.push(`deal "${dealId}" is neither in deals.csv nor in the workspace`);
    const mentor = row.get('mentor').trim();
    if (!mentor) problems.push('mentor is empty');
    const shareText = row.get('share_pct').trim();
    const share = Number(shareText);
    if (shareText === '' || !(share >= 0 && share <= 100))
      problems.push(`share_pct "${shareText}" is not a number from 0 to 100`);
    if (problems.length) {
      for (const p of problems) log.error('mentors', row.line, p);
      continue;
    }
    const key = `${dealId}\u0000${mentor}`;
    const tag = tags.get(key);
    if (!tag) tags.set(key, { dealId, mentor, sharePct: share, line: row.line });
    else {
      tag.sharePct += share;
      if (tag.sharePct > 100)
        log.error(
          'mentors',
          row.line,
          `mentor "${mentor}" on deal "${dealId}" adds up to ${tag.sharePct}% (more than 100)`,
        );
    }
  }
  return [...tags.values()].filter((t) => t.sharePct <= 100);
}

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
    const problems: string[] = [];
    const quarter = row.get('quarter').trim();
    if (!QUARTER.test(quarter)) problems.push(`quarter "${quarter}" is not like 2026Q4`);
    const team = row.get('team');
    const owner = row.get('owner');
    const amount = parseAmount(row.get('amount'));
    if (!amount) problems.push(`amount "${row.get('amount')}" is not a decimal number`);
    const key = `${quarter}\u0000${team}\u0000${owner}`;
    if (seen.has(key))
      problems.push(
        `the quota for ${quarter} / team "${team}" / owner "${owner}" already appears on line ${seen.get(key)}`,
      );
    if (problems.length) {
      for (const p of problems) log.error('quotas', row.line, p);
      continue;
    }
    seen.set(key, row.line);
    out.push({ quarter, team, owner, amountCents: amount!.cents, line: row.line });
  }
  return out;
}
