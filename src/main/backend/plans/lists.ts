import type { DealPlanState, PlanSummary } from '@shared/contract';
import { dayOf } from '@shared/time';
import { all, type Db } from '../db/query';
import { outcomeOf, planQuery, summaries, type PlanWithDeal } from './read';
import type { PlanRow } from './tables';

/** The deal's plans, the next visit first, then the past ones from the latest. */
export function plansForDeal(ws: Db, dealId: string, now: number): PlanSummary[] {
  const rows = all(ws, planQuery(ws).where('precall_plans.deal_id', '=', dealId)) as PlanWithDeal[];
  const today = dayOf(now);
  const upcoming = rows.filter((r) => r.visit_date >= today).sort(byVisit);
  const past = rows.filter((r) => r.visit_date < today).sort((a, b) => byVisit(b, a));
  return summaries(ws, [...upcoming, ...past]);
}

const byVisit = (a: PlanRow, b: PlanRow) =>
  a.visit_date < b.visit_date ? -1 : a.visit_date > b.visit_date ? 1 : a.id - b.id;

/**
 * The sign-off queue: plans waiting (submitted), the oldest visit first — the visit that
 * comes soonest needs the answer first — and those sent back, most recently first, for
 * the deals of a team and/or rep (as the deal is now, else as the plan kept it).
 */
export function planQueue(ws: Db, scope: { team?: string | undefined; owner?: string | undefined }) {
  const rows = all(
    ws,
    planQuery(ws)
      .where('precall_plans.status', 'in', ['submitted', 'returned'])
      .orderBy('precall_plans.visit_date')
      .orderBy('precall_plans.id'),
  ) as PlanWithDeal[];
  const inScope = summaries(ws, rows).filter(
    (p) => (!scope.team || p.team === scope.team) && (!scope.owner || p.owner === scope.owner),
  );
  return {
    waiting: inScope.filter((p) => p.status === 'submitted'),
    returned: inScope
      .filter((p) => p.status === 'returned')
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : b.id - a.id)),
  };
}

/**
 * Per deal that has plans: the plan of the next visit (today or later at the workspace's
 * now), else of the latest one, and the latest outcome recorded on any of its plans.
 * Deals without plans are left out.
 */
export function planStates(ws: Db, dealIds: readonly string[], now: number): DealPlanState[] {
  const today = dayOf(now);
  const byDeal = new Map<string, PlanRow[]>();
  for (let i = 0; i < dealIds.length; i += 500) {
    const chunk = dealIds.slice(i, i + 500);
    for (const r of all(ws, ws.db.selectFrom('precall_plans').selectAll().where('deal_id', 'in', chunk))) {
      const list = byDeal.get(r.deal_id) ?? [];
      list.push(r);
      byDeal.set(r.deal_id, list);
    }
  }
  const out: DealPlanState[] = [];
  for (const id of new Set(dealIds)) {
    const plans = byDeal.get(id);
    if (!plans) continue;
    const upcoming = plans.filter((p) => p.visit_date >= today).sort(byVisit);
    const shown = upcoming[0] ?? [...plans].sort(byVisit).at(-1)!;
    const withOutcome = plans
      .filter((p) => p.outcome_at !== null)
      .sort((a, b) => a.outcome_at! - b.outcome_at! || a.id - b.id);
    const last = withOutcome.at(-1);
    out.push({
      dealId: id,
      planId: shown.id,
      status: shown.status,
      visitDate: shown.visit_date,
      lastOutcome: last ? outcomeOf(last) : null,
    });
  }
  return out;
}
