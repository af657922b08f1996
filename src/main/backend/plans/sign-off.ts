import type { PlanStatus, PlanSummary, PreCallPlan } from '@shared/contract';
import { msg, type MessageRef } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { first, run, type Db } from '../db/query';
import { appendEvent } from './events';
import { planRow, readPlan, summaries } from './read';

/**
 * The plan's way to the visit: draft → submitted → approved | returned; a returned plan is
 * edited and submitted again; an approved one gets the visit's outcome (执行记录) beside
 * it. Each step appends an event; a step the status does not allow is refused with
 * `conflict`, naming the plan and its status.
 */
const STATUS: Record<PlanStatus, MessageRef> = {
  draft: msg('plan_status_draft'),
  submitted: msg('plan_status_submitted'),
  approved: msg('plan_status_approved'),
  returned: msg('plan_status_returned'),
};

function transition(
  ws: Db,
  planId: number,
  allowed: readonly PlanStatus[],
  refusal: 'plan_submit_refused' | 'plan_review_refused' | 'plan_outcome_refused',
  apply: () => void,
): PreCallPlan {
  ws.sqlite
    .transaction(() => {
      const row = planRow(ws, planId);
      if (!allowed.includes(row.status))
        throw new WorkbenchError('conflict', msg(refusal, { plan: planId, status: STATUS[row.status] }));
      apply();
    })
    .immediate();
  return readPlan(ws, planId);
}

export function submitPlan(ws: Db, planId: number, by: string, now: number): PreCallPlan {
  return transition(ws, planId, ['draft', 'returned'], 'plan_submit_refused', () => {
    run(
      ws,
      ws.db
        .updateTable('precall_plans')
        .set({ status: 'submitted', updated_at: now })
        .where('id', '=', planId),
    );
    appendEvent(ws, planId, 'submitted', by, now);
  });
}

/** Approves, or returns with a comment saying what to change (required: a bare "no" teaches nothing). */
export function reviewPlan(
  ws: Db,
  input: { planId: number; decision: 'approve' | 'return'; reviewer: string; comment: string },
  now: number,
): PreCallPlan {
  if (input.decision === 'return' && input.comment === '')
    throw new WorkbenchError('invalid_input', msg('plan_return_comment', { plan: input.planId }));
  const status = input.decision === 'approve' ? 'approved' : 'returned';
  return transition(ws, input.planId, ['submitted'], 'plan_review_refused', () => {
    run(
      ws,
      ws.db
        .updateTable('precall_plans')
        .set({
          status,
          reviewer: input.reviewer,
          reviewed_at: now,
          review_comment: input.comment || null,
          updated_at: now,
        })
        .where('id', '=', input.planId),
    );
    appendEvent(ws, input.planId, status, input.reviewer, now, input.comment);
  });
}

export interface OutcomeInput {
  planId: number;
  objectiveMet: boolean;
  commitmentObtained: boolean;
  nextStep: string;
  exitCriteriaMet: boolean;
  notes: string;
  by: string;
}

/** Records (or corrects) what came of the visit, beside the approved plan. */
export function recordOutcome(ws: Db, input: OutcomeInput, now: number): PreCallPlan {
  return transition(ws, input.planId, ['approved'], 'plan_outcome_refused', () => {
    run(
      ws,
      ws.db
        .updateTable('precall_plans')
        .set({
          outcome_objective_met: input.objectiveMet ? 1 : 0,
          outcome_commitment_obtained: input.commitmentObtained ? 1 : 0,
          outcome_next_step: input.nextStep,
          outcome_exit_criteria_met: input.exitCriteriaMet ? 1 : 0,
          outcome_notes: input.notes,
          outcome_by: input.by,
          outcome_at: now,
          updated_at: now,
        })
        .where('id', '=', input.planId),
    );
    appendEvent(ws, input.planId, 'outcome', input.by, now, input.notes);
  });
}

/** Ticks or unticks a checklist item, whatever the plan's status (ticking is preparing, not changing the plan). */
export function checkItem(ws: Db, planId: number, itemId: number, done: boolean, now: number): PreCallPlan {
  ws.sqlite
    .transaction(() => {
      planRow(ws, planId);
      const changed = run(
        ws,
        ws.db
          .updateTable('precall_plan_items')
          .set({ done: done ? 1 : 0 })
          .where('id', '=', itemId)
          .where('plan_id', '=', planId),
      );
      if (changed === 0)
        throw new WorkbenchError('not_found', msg('plan_item_missing', { item: itemId, plan: planId }));
      run(ws, ws.db.updateTable('precall_plans').set({ updated_at: now }).where('id', '=', planId));
    })
    .immediate();
  return readPlan(ws, planId);
}

/** Deletes a plan with its checklist and history; returns what it was. */
export function deletePlan(ws: Db, planId: number): PlanSummary {
  const summary = summaries(ws, [planRow(ws, planId)])[0]!;
  first(ws, ws.db.deleteFrom('precall_plans').where('id', '=', planId).returning('id'));
  return summary;
}
