import { DEFAULT_STAGES, type Stage } from '@shared/domain/stages';
import type { ExpressionBuilder } from 'kysely';
import { all, run, type Db } from '../db/query';
import type { Database } from '../db/schema';
import type { StageRow } from './tables';

const fromRow = (r: StageRow): Stage => ({
  key: r.key,
  name: r.name,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  order: r.sort_order,
  kind: r.kind,
  probability: r.probability,
  dwellLimitDays: r.dwell_limit_days,
  followupDays: r.followup_days,
  buyingPhase: r.buying_phase,
  exitCriteria: r.exit_criteria,
});

/** The workspace's stage model by ascending order; the default model when none is stored yet. */
export function loadStages(ws: Db): Stage[] {
  const rows = all(ws, ws.db.selectFrom('stages').selectAll().orderBy('sort_order').orderBy('key'));
  return rows.length ? rows.map(fromRow) : DEFAULT_STAGES.map((s) => ({ ...s }));
}

/** Whether the workspace has stored a stage model (a new one uses the default until then). */
export function hasStoredStages(ws: Db): boolean {
  return all(ws, ws.db.selectFrom('stages').select('key').limit(1)).length > 0;
}

/** The stage's position in the funnel, for the deal being updated. */
const rankOf = (eb: ExpressionBuilder<Database, 'deals'>) =>
  eb.selectFrom('stages').select('sort_order').whereRef('stages.key', '=', 'deals.stage');

/** Replaces the stage model (inside the caller's transaction). */
export function replaceStages(ws: Db, stages: readonly Stage[]): void {
  run(ws, ws.db.deleteFrom('stages'));
  for (const s of stages) {
    run(
      ws,
      ws.db.insertInto('stages').values({
        key: s.key,
        name: s.name,
        name_zh: s.nameZh,
        name_en: s.nameEn,
        sort_order: s.order,
        kind: s.kind,
        probability: s.probability,
        dwell_limit_days: s.dwellLimitDays,
        followup_days: s.followupDays,
        buying_phase: s.buyingPhase,
        exit_criteria: s.exitCriteria,
      }),
    );
  }
  // A stage removed from the model takes its standard actions and visit goal with it (plans
  // that took one of its actions keep the item's text and stage: the item's action_id is set null).
  const keys = stages.map((s) => s.key);
  if (keys.length) {
    run(ws, ws.db.deleteFrom('sales_actions').where('stage_key', 'not in', keys));
    run(ws, ws.db.deleteFrom('stage_playbooks').where('stage_key', 'not in', keys));
  }
  // Keep each deal's funnel position (used to sort by stage) in step with the new model.
  // Only the deals whose position moves are written: an edit that keeps the order (a dwell
  // limit, a name) rewrites no deal and none of the indexes over stage_rank.
  run(
    ws,
    ws.db
      .updateTable('deals')
      .set((eb) => ({ stage_rank: rankOf(eb) }))
      .where((eb) => eb('stage_rank', 'is not', rankOf(eb))),
  );
}
