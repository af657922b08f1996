import type {
  Attendee,
  Objection,
  PlanEvent,
  PlanItem,
  PlanOutcome,
  PlanSummary,
  PreCallPlan,
  SalesAction,
  StageFitWarning,
} from '@shared/contract';
import { stageFit } from '@shared/domain/stage-fit';
import type { Stage } from '@shared/domain/stages';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { formatTimestamp } from '@shared/time';
import { all, first, type Db } from '../db/query';
import { loadStages } from '../stages/model';
import { buyingCentre } from './contacts';
import { actionsByStage } from './playbook';
import type { PlanItemRow, PlanRow } from './tables';

/**
 * Plans as the screens read them. The deal's name, account, owner, team and amount are
 * read live while the deal is in the workspace, else as the plan kept them at its last
 * write (a deal deleted upstream). Stage fit and coverage are judged at the deal's stage
 * NOW (a plan is for a visit to come), or at the plan's stage once the deal is deleted.
 */
export interface PlanWithDeal extends PlanRow {
  live_name: string | null;
  live_account: string | null;
  live_owner: string | null;
  live_team: string | null;
  live_amount_cents: number | null;
  live_stage: string | null;
  live_deleted_at: number | null;
}

/** The plans with their deal as it is now (columns null when the deal is gone). */
export function planQuery(ws: Db) {
  return ws.db
    .selectFrom('precall_plans')
    .leftJoin('deals', 'deals.id', 'precall_plans.deal_id')
    .selectAll('precall_plans')
    .select([
      'deals.name as live_name',
      'deals.account as live_account',
      'deals.owner as live_owner',
      'deals.team as live_team',
      'deals.amount_cents as live_amount_cents',
      'deals.stage as live_stage',
      'deals.deleted_at as live_deleted_at',
    ]);
}

export function planRow(ws: Db, planId: number): PlanWithDeal {
  const row = first(ws, planQuery(ws).where('precall_plans.id', '=', planId));
  if (!row) throw new WorkbenchError('not_found', msg('plan_missing', { plan: planId }));
  return row as PlanWithDeal;
}

/** The deal's stage now: null when it is deleted or gone. */
const dealStageOf = (r: PlanWithDeal): string | null =>
  r.live_stage !== null && r.live_deleted_at === null ? r.live_stage : null;

/** The stage a plan is judged against: the deal's now, else the one it was written in. */
export const judgedStage = (r: PlanWithDeal): string => dealStageOf(r) ?? r.stage_key;

export function outcomeOf(r: PlanRow): PlanOutcome | null {
  if (r.outcome_at === null || r.outcome_by === null) return null;
  return {
    objectiveMet: r.outcome_objective_met === 1,
    commitmentObtained: r.outcome_commitment_obtained === 1,
    nextStep: r.outcome_next_step ?? '',
    exitCriteriaMet: r.outcome_exit_criteria_met === 1,
    notes: r.outcome_notes ?? '',
    recordedBy: r.outcome_by,
    recordedAt: formatTimestamp(r.outcome_at),
  };
}

const toItem = (r: PlanItemRow): PlanItem => ({
  id: r.id,
  position: r.position,
  actionId: r.action_id,
  stageKey: r.stage_key,
  text: r.text,
  source: r.source,
  done: r.done === 1,
});

function itemsOf(ws: Db, planIds: readonly number[]): Map<number, PlanItem[]> {
  const out = new Map<number, PlanItem[]>();
  for (let i = 0; i < planIds.length; i += 500) {
    const rows = all(
      ws,
      ws.db
        .selectFrom('precall_plan_items')
        .selectAll()
        .where('plan_id', 'in', planIds.slice(i, i + 500))
        .orderBy('plan_id')
        .orderBy('position'),
    );
    for (const r of rows) {
      const list = out.get(r.plan_id) ?? [];
      list.push(toItem(r));
      out.set(r.plan_id, list);
    }
  }
  return out;
}

/** Stage-fit warnings of a plan's items, at the stage it is judged against. */
function fitOf(
  r: PlanWithDeal,
  items: readonly PlanItem[],
  stages: readonly Stage[],
  actions: (stage: string) => SalesAction[],
): StageFitWarning[] {
  const stage = judgedStage(r);
  return stageFit(items, stage, stages, actions(stage));
}

function summaryOf(r: PlanWithDeal, warnings: number): PlanSummary {
  const gone = r.live_name === null;
  return {
    id: r.id,
    uid: r.uid,
    dealId: r.deal_id,
    dealName: gone ? r.deal_name : r.live_name!,
    account: gone ? r.account : r.live_account!,
    owner: gone ? r.owner : r.live_owner!,
    team: gone ? r.team : r.live_team!,
    amount: (gone ? r.amount_cents : r.live_amount_cents!) / 100,
    planStage: r.stage_key,
    dealStage: dealStageOf(r),
    visitDate: r.visit_date,
    objective: r.objective,
    status: r.status,
    preparedBy: r.prepared_by,
    reviewer: r.reviewer,
    reviewComment: r.review_comment,
    warnings,
    outcome: outcomeOf(r),
    updatedAt: formatTimestamp(r.updated_at),
  };
}

/** Summaries of these plans (one read of their items and of the playbooks). */
export function summaries(ws: Db, rows: readonly PlanWithDeal[]): PlanSummary[] {
  if (rows.length === 0) return [];
  const stages = loadStages(ws);
  const actions = actionsByStage(ws);
  const items = itemsOf(
    ws,
    rows.map((r) => r.id),
  );
  return rows.map((r) =>
    summaryOf(r, fitOf(r, items.get(r.id) ?? [], stages, (s) => actions.get(s) ?? []).length),
  );
}

function eventsOf(ws: Db, planId: number): PlanEvent[] {
  return all(
    ws,
    ws.db
      .selectFrom('precall_plan_events')
      .selectAll()
      .where('plan_id', '=', planId)
      .orderBy('at')
      .orderBy('id'),
  ).map((e) => ({ at: formatTimestamp(e.at), by: e.by, action: e.action, comment: e.comment }));
}

const parse = <T>(json: string): T => JSON.parse(json) as T;

/** The whole plan: checklist, stage-fit warnings, coverage gaps at the judged stage, history. */
export function readPlan(ws: Db, planId: number): PreCallPlan {
  const r = planRow(ws, planId);
  const stages = loadStages(ws);
  const stage = judgedStage(r);
  const calledFor = actionsByStage(ws, [stage]).get(stage) ?? [];
  const items = itemsOf(ws, [planId]).get(planId) ?? [];
  const stageFitWarnings = stageFit(items, stage, stages, calledFor);
  return {
    ...summaryOf(r, stageFitWarnings.length),
    attendees: parse<Attendee[]>(r.attendees),
    commitment: r.commitment,
    situation: r.situation,
    questions: parse<string[]>(r.questions),
    objections: parse<Objection[]>(r.objections),
    materials: r.materials,
    risks: r.risks,
    items,
    stageFit: stageFitWarnings,
    coverageGaps: buyingCentre(ws, r.deal_id, stage).gaps,
    events: eventsOf(ws, planId),
    createdAt: formatTimestamp(r.created_at),
  };
}
