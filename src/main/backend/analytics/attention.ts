import type { AttentionDealRow, AttentionReport, ReportScope } from '@shared/contract';
import {
  ATTENTION_FLAGS,
  isInactive,
  isOverdueDay,
  isStalled,
  PUSHES_TO_FLAG,
  SHRUNK_LOOKBACK_MS,
  type AttentionFlag,
} from '@shared/domain/attention';
import { DAY_MS, dayOfNumber } from '@shared/time';
import { toMoney } from './money';
import { frame, DealScope, Members, resolveWindow } from './scope';
import type { FieldTimeline, Snapshot } from './snapshot';
import { OPEN, stageView } from './stage-view';
import { valueAt, visitAt } from './deal-state';

/**
 * Close-date pushes before t (PRODUCT.md, "Attention" → `pushed`): rows in time order,
 * each compared with the row just before it; a push when both hold a date and the later
 * row's is later. NaN (a cleared date) compares false either way, so neither clearing nor
 * the date set after a cleared one is a push: the rule of `pushCount` in
 * src/shared/domain/attention.ts, over the snapshot's day numbers.
 */
export function pushesBefore(tl: FieldTimeline, d: number, t: number): number {
  let pushes = 0;
  for (let r = tl.start[d]! + 1, end = tl.start[d + 1]!; r < end && tl.at[r]! < t; r++)
    if (tl.value[r]! > tl.value[r - 1]!) pushes++;
  return pushes;
}

/** The flag lists of every combination, by bit mask (bit i = ATTENTION_FLAGS[i]). */
const FLAG_SETS: readonly (readonly AttentionFlag[])[] = Array.from(
  { length: 1 << ATTENTION_FLAGS.length },
  (_, mask) => ATTENTION_FLAGS.filter((_, i) => mask & (1 << i)),
);

/**
 * Attention (PRODUCT.md, "Attention"): the open deals at as-of with the flags that apply,
 * each decided by the rule functions in src/shared/domain/attention.ts (one definition
 * for the table, the views, the CLI and the meeting). A deal without a flag is not listed.
 *
 * Drill cells: a flag name (the deals with that flag), `all` (every listed deal).
 */
export function attentionReport(
  s: Snapshot,
  scope: ReportScope,
  now: number,
  members = new Members(null),
): AttentionReport {
  const w = resolveWindow(scope, now);
  const view = stageView(s);
  const keep = new DealScope(s, w);
  const { createdAt, deletedAt, lastActivityAt, noNextStep, count } = s.deals;
  const { stage: stageCodes, enteredAt } = s.visits;
  const owners = s.dictionaries.owner.values;
  const then = w.asOf - SHRUNK_LOOKBACK_MS;
  const rows: AttentionDealRow[] = [];
  const wanted = members.cell;

  const asOf = w.asOf;
  const days = new Map<number, string>();
  const dayText = (day: number): string => {
    let text = days.get(day);
    if (text === undefined) days.set(day, (text = dayOfNumber(day)));
    return text;
  };

  for (let d = 0; d < count; d++) {
    if (deletedAt[d]! < asOf || !keep.keeps(d)) continue;
    const v = visitAt(s, d, asOf);
    const code = stageCodes[v]!;
    if (view.kind[code] !== OPEN) continue;
    const st = view.stage[code]!;
    const daysInStage = (asOf - enteredAt[v]!) / DAY_MS;
    const activity = lastActivityAt[d]!;
    const closeDay = valueAt(s.closeDay, d, asOf);
    const amount = valueAt(s.amount, d, asOf);
    const pushCount = pushesBefore(s.closeDay, d, asOf);
    // A bit per flag in PRODUCT.md's order; FLAG_SETS turns it into the list.
    const mask =
      (isStalled(daysInStage, st) ? 1 : 0) |
      (isInactive(Number.isNaN(activity) ? null : activity, asOf, st.followupDays) ? 2 : 0) |
      (isOverdueDay(Number.isNaN(closeDay) ? null : closeDay, asOf) ? 4 : 0) |
      (pushCount >= PUSHES_TO_FLAG ? 8 : 0) |
      (createdAt[d]! < then && amount < valueAt(s.amount, d, then) ? 16 : 0) |
      (noNextStep[d] === 1 ? 32 : 0);
    if (mask === 0) continue;
    const flags = FLAG_SETS[mask]!;
    rows.push({
      id: s.deals.id[d]!,
      stage: st.key,
      daysInStage,
      pushCount,
      // Shared per combination (read-only): thousands of rows need no array each.
      flags: flags as AttentionFlag[],
      name: s.deals.name[d]!,
      account: s.deals.account[d]!,
      owner: owners[valueAt(s.owner, d, asOf)]!,
      amount: toMoney(amount),
      closeDate: Number.isNaN(closeDay) ? null : dayText(closeDay),
      daysSinceActivity: Number.isNaN(activity) || activity >= asOf ? null : (asOf - activity) / DAY_MS,
      dwellLimitDays: st.dwellLimitDays,
      followupDays: st.followupDays,
    });
    if (wanted !== null && (wanted === 'all' || flags.includes(wanted as AttentionFlag)))
      members.deals.push(d);
  }
  return { ...frame(w, s), deals: rows };
}
