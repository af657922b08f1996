import type { CoverageGap, DealPlanState } from '@shared/contract';
import { coverageGaps, isSoftGap } from '@shared/domain/coverage';
import type { Stage } from '@shared/domain/stages';
import { DAY_MS, dayOf } from '@shared/time';
import { all, type Db } from '../db/query';
import { contactsOf } from './contacts';
import { planStates } from './lists';

/**
 * What the funnel review reads of the plans: per deal, its plan state and coverage gaps
 * for the presenter's card, the gaps that flag it, and whether a visit this week still
 * lacks an approved plan (the `unplanned` agenda).
 */

/** Monday and Sunday (UTC days) of the week holding `now`. */
export function weekOf(now: number): { from: string; to: string } {
  const weekday = (new Date(now).getUTCDay() + 6) % 7; // Monday = 0
  const monday = Math.floor(now / DAY_MS) * DAY_MS - weekday * DAY_MS;
  return { from: dayOf(monday), to: dayOf(monday + 6 * DAY_MS) };
}

/**
 * Per deal, the first day this week (Monday to Sunday at `now`) with a planned visit and
 * no approved plan for it: several plans may be for the same visit day, and one approved
 * is enough. An approved plan whose outcome is recorded is still approved.
 */
export function unplannedVisits(ws: Db, dealIds: readonly string[], now: number): Map<string, string> {
  const { from, to } = weekOf(now);
  const approved = new Set<string>();
  const visits = new Map<string, Set<string>>();
  for (let i = 0; i < dealIds.length; i += 500) {
    const rows = all(
      ws,
      ws.db
        .selectFrom('precall_plans')
        .select(['deal_id', 'visit_date', 'status'])
        .where('deal_id', 'in', dealIds.slice(i, i + 500))
        .where('visit_date', '>=', from)
        .where('visit_date', '<=', to),
    );
    for (const r of rows) {
      if (r.status === 'approved') approved.add(`${r.deal_id}\u0000${r.visit_date}`);
      visits.set(r.deal_id, (visits.get(r.deal_id) ?? new Set()).add(r.visit_date));
    }
  }
  const out = new Map<string, string>();
  for (const [deal, days] of visits) {
    const open = [...days].filter((day) => !approved.has(`${deal}\u0000${day}`)).sort();
    if (open.length) out.set(deal, open[0]!);
  }
  return out;
}

/**
 * The coverage gaps of each deal at its stage (`stageOf`), and the hard ones of a mapped
 * centre, which flag the deal in the meeting. A deal nobody has mapped yet (no contact)
 * is not flagged: every late-stage deal of a workspace that does not use the map would
 * otherwise crowd the flagged agenda; its card still shows the gaps.
 */
export function coverageOf(
  ws: Db,
  dealIds: readonly string[],
  stageOf: (dealId: string) => string,
  stages: readonly Stage[],
): Map<string, { gaps: CoverageGap[]; flags: CoverageGap['kind'][] }> {
  const contacts = contactsOf(ws, dealIds);
  const out = new Map<string, { gaps: CoverageGap[]; flags: CoverageGap['kind'][] }>();
  for (const id of dealIds) {
    const list = contacts.get(id) ?? [];
    const gaps = coverageGaps(list, stageOf(id), stages);
    out.set(id, {
      gaps,
      flags: list.length ? [...new Set(gaps.filter((g) => !isSoftGap(g)).map((g) => g.kind))] : [],
    });
  }
  return out;
}

/** The plan state of each deal that has plans (see planStates). */
export function planStateMap(ws: Db, dealIds: readonly string[], now: number): Map<string, DealPlanState> {
  return new Map(planStates(ws, dealIds, now).map((p) => [p.dealId, p]));
}
