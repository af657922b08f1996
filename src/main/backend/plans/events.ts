import type { PlanEvent } from '@shared/contract';
import { run, type Db } from '../db/query';

/**
 * Every change of a plan appends an event (who, when, what, comment): the plan's history
 * travels with it, so a team workspace can later replay who prepared, signed off and
 * recorded what. Stamped with the wall clock, as meeting stamps are.
 */
export function appendEvent(
  ws: Db,
  planId: number,
  action: PlanEvent['action'],
  by: string,
  at: number,
  comment = '',
): void {
  run(ws, ws.db.insertInto('precall_plan_events').values({ plan_id: planId, at, by, action, comment }));
}
