import type { PlanFieldsInput, PlanItemSource, PreCallPlan } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { first, run, type Db } from '../db/query';
import { dealFacts } from './deal-facts';
import { appendEvent } from './events';
import { actionById } from './playbook';
import { planRow, readPlan } from './read';

/** `plans.save` as the registry hands it over (defaults filled in by the contract's schema). */
export type PlanInput = Required<Omit<PlanFieldsInput, 'items'>> & {
  planId?: number | undefined;
  dealId: string;
  items: {
    actionId: number | null;
    stageKey: string | null;
    text: string;
    source: PlanItemSource;
    done: boolean;
  }[];
};

/**
 * Creates a plan (no `planId`: status draft) or rewrites one, in one transaction, with
 * its checklist as sent and an event.
 *
 * Editing a submitted or approved plan reopens it: it goes back to draft, its sign-off
 * is cleared (the events keep who signed off when) and it needs a new one — a plan the
 * manager approved is never changed under the approval. Once the visit's outcome is
 * recorded the plan is the record of that visit and editing is refused (`conflict`).
 *
 * Each checklist item taken from a standard action gets that action's stage (the client's
 * is not trusted); one whose action was removed since keeps the stage it had. Its source
 * says whether the stage is the deal's (`stage`) or another (`other_stage`).
 */
export function savePlan(ws: Db, input: PlanInput, now: number): PreCallPlan {
  const id = ws.sqlite
    .transaction(() => {
      const existing = input.planId === undefined ? null : planRow(ws, input.planId);
      if (existing && existing.deal_id !== input.dealId)
        throw new WorkbenchError(
          'invalid_input',
          msg('plan_deal_changed', { plan: existing.id, was: existing.deal_id, id: input.dealId }),
        );
      if (existing && existing.outcome_at !== null)
        throw new WorkbenchError('conflict', msg('plan_closed', { plan: existing.id }));
      const deal = dealFacts(ws, input.dealId);
      if (!existing && (!deal || deal.deleted))
        throw new WorkbenchError('not_found', msg('plan_deal_missing', { id: input.dealId }));
      const stage = deal && !deal.deleted ? deal.stage : existing!.stage_key;
      const items = checkedItems(ws, input.items, stage);

      const values = {
        stage_key: stage,
        visit_date: input.visitDate,
        attendees: JSON.stringify(input.attendees),
        objective: input.objective,
        commitment: input.commitment,
        situation: input.situation,
        questions: JSON.stringify(input.questions),
        objections: JSON.stringify(input.objections),
        materials: input.materials,
        risks: input.risks,
        prepared_by: input.preparedBy,
        updated_at: now,
        // Kept for the day the deal is deleted upstream: the plan still says whose it was.
        ...(deal
          ? {
              deal_name: deal.name,
              account: deal.account,
              owner: deal.owner,
              team: deal.team,
              amount_cents: deal.amountCents,
            }
          : {}),
      };
      let planId: number;
      if (!existing) {
        planId = first(
          ws,
          ws.db
            .insertInto('precall_plans')
            .values({
              ...values,
              deal_id: input.dealId,
              deal_name: deal!.name,
              uid: crypto.randomUUID(),
              status: 'draft',
              created_at: now,
            })
            .returning('id'),
        )!.id;
        appendEvent(ws, planId, 'created', input.preparedBy, now);
      } else {
        planId = existing.id;
        const reopen = existing.status === 'submitted' || existing.status === 'approved';
        run(
          ws,
          ws.db
            .updateTable('precall_plans')
            .set({
              ...values,
              ...(reopen ? { status: 'draft', reviewer: null, reviewed_at: null, review_comment: null } : {}),
            })
            .where('id', '=', planId),
        );
        run(ws, ws.db.deleteFrom('precall_plan_items').where('plan_id', '=', planId));
        // The comment keeps the status it was reopened from (submitted or approved).
        if (reopen) appendEvent(ws, planId, 'reopened', input.preparedBy, now, existing.status);
        appendEvent(ws, planId, 'edited', input.preparedBy, now);
      }
      items.forEach((item, position) =>
        run(
          ws,
          ws.db.insertInto('precall_plan_items').values({
            plan_id: planId,
            position,
            action_id: item.actionId,
            stage_key: item.stageKey,
            text: item.text,
            source: item.source,
            done: item.done ? 1 : 0,
          }),
        ),
      );
      return planId;
    })
    .immediate();
  return readPlan(ws, id);
}

/** The checklist as stored: stages from the actions, sources from the deal's stage; refused naming the item. */
function checkedItems(ws: Db, items: PlanInput['items'], dealStage: string): PlanInput['items'] {
  return items.map((item, index) => {
    let stageKey: string | null = null;
    if (item.actionId !== null) {
      const action = actionById(ws, item.actionId);
      if (!action)
        throw new WorkbenchError(
          'invalid_input',
          msg('plan_item_action_missing', { index, action: item.actionId }),
        );
      stageKey = action.stageKey;
    } else if (item.source === 'stage' || item.source === 'other_stage') {
      if (!item.stageKey)
        throw new WorkbenchError('invalid_input', msg('plan_item_stage_missing', { index }));
      stageKey = item.stageKey;
    }
    const source: PlanItemSource =
      stageKey === null
        ? item.source === 'coverage'
          ? 'coverage'
          : 'custom'
        : stageKey === dealStage
          ? 'stage'
          : 'other_stage';
    return { ...item, stageKey, source };
  });
}
