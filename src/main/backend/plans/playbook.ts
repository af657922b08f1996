import type { SalesAction, StagePlaybook } from '@shared/contract';
import { openStages, type Stage } from '@shared/domain/stages';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { all, first, run, type Db } from '../db/query';
import { loadStages } from '../stages/model';
import type { SalesActionRow } from './tables';

/**
 * The playbook of each open stage (标准化销售动作): the buying phase and exit criteria the
 * stage model holds, the goal of a visit and the standard actions, in order. Actions are
 * kept by stage key; a stage removed from the model takes its actions and goal with it
 * (replaceStages), while plans keep the text and stage of the items they took.
 */
export const toAction = (r: SalesActionRow): SalesAction => ({
  id: r.id,
  stageKey: r.stage_key,
  position: r.position,
  textZh: r.text_zh,
  textEn: r.text_en,
});

/** The actions of these stages (all stages when none are named), in stage then list order. */
export function actionsByStage(ws: Db, stageKeys?: readonly string[]): Map<string, SalesAction[]> {
  let query = ws.db
    .selectFrom('sales_actions')
    .selectAll()
    .orderBy('stage_key')
    .orderBy('position')
    .orderBy('id');
  if (stageKeys) {
    if (stageKeys.length === 0) return new Map();
    query = query.where('stage_key', 'in', [...stageKeys]);
  }
  const out = new Map<string, SalesAction[]>();
  for (const row of all(ws, query)) {
    const list = out.get(row.stage_key) ?? [];
    list.push(toAction(row));
    out.set(row.stage_key, list);
  }
  return out;
}

export function actionById(ws: Db, id: number): SalesAction | null {
  const row = first(ws, ws.db.selectFrom('sales_actions').selectAll().where('id', '=', id));
  return row ? toAction(row) : null;
}

function visitGoals(ws: Db): Map<string, string | null> {
  const rows = all(ws, ws.db.selectFrom('stage_playbooks').selectAll());
  return new Map(rows.map((r) => [r.stage_key, r.visit_goal]));
}

/** The playbook of one stage (any kind; a closed or unknown stage has no actions of its own). */
export function playbookOf(
  ws: Db,
  stageKey: string,
  stages: readonly Stage[] = loadStages(ws),
): StagePlaybook {
  const stage = stages.find((s) => s.key === stageKey);
  return {
    stageKey,
    buyingPhase: stage?.buyingPhase ?? null,
    exitCriteria: stage?.exitCriteria ?? null,
    visitGoal: visitGoals(ws).get(stageKey) ?? null,
    actions: actionsByStage(ws, [stageKey]).get(stageKey) ?? [],
  };
}

/** The open stages' playbooks, in funnel order. */
export function listPlaybooks(ws: Db): StagePlaybook[] {
  const open = openStages(loadStages(ws));
  const goals = visitGoals(ws);
  const actions = actionsByStage(
    ws,
    open.map((s) => s.key),
  );
  return open.map((s) => ({
    stageKey: s.key,
    buyingPhase: s.buyingPhase,
    exitCriteria: s.exitCriteria,
    visitGoal: goals.get(s.key) ?? null,
    actions: actions.get(s.key) ?? [],
  }));
}

export interface PlaybookDraft {
  stageKey: string;
  visitGoal: string | null;
  actions: { id?: number | undefined; textZh: string; textEn: string }[];
}

/**
 * Replaces the visit goal and the actions of each stage named, in one transaction: an
 * action sent with its id keeps it (plans refer to it), one without is added, and the
 * stage's actions not sent are removed (plans that took one keep its text and stage).
 * Refused, naming the field, when a stage is not an open stage of the model, is named
 * twice, or an id is not one of that stage's actions; then nothing changes.
 */
export function savePlaybooks(ws: Db, drafts: readonly PlaybookDraft[]): StagePlaybook[] {
  ws.sqlite
    .transaction(() => {
      const open = new Set(openStages(loadStages(ws)).map((s) => s.key));
      const seen = new Set<string>();
      drafts.forEach((d, index) => {
        if (!open.has(d.stageKey))
          throw new WorkbenchError(
            'invalid_input',
            msg('playbook_stage_unknown', { index, stage: d.stageKey }),
          );
        if (seen.has(d.stageKey))
          throw new WorkbenchError(
            'invalid_input',
            msg('playbook_stage_twice', { index, stage: d.stageKey }),
          );
        seen.add(d.stageKey);
      });
      drafts.forEach((d, index) => saveOne(ws, d, index));
    })
    .immediate();
  return listPlaybooks(ws);
}

function saveOne(ws: Db, d: PlaybookDraft, index: number): void {
  const own = new Set((actionsByStage(ws, [d.stageKey]).get(d.stageKey) ?? []).map((a) => a.id));
  d.actions.forEach((a, position) => {
    if (a.id === undefined || own.has(a.id)) return;
    const owner = actionById(ws, a.id)?.stageKey ?? '—';
    throw new WorkbenchError(
      'invalid_input',
      msg('playbook_action_foreign', { index, position, action: a.id, stage: d.stageKey, owner }),
    );
  });
  const kept = d.actions.flatMap((a) => (a.id === undefined ? [] : [a.id]));
  let removal = ws.db.deleteFrom('sales_actions').where('stage_key', '=', d.stageKey);
  if (kept.length) removal = removal.where('id', 'not in', kept);
  run(ws, removal);
  d.actions.forEach((a, position) => {
    if (a.id !== undefined)
      run(
        ws,
        ws.db
          .updateTable('sales_actions')
          .set({ position, text_zh: a.textZh, text_en: a.textEn })
          .where('id', '=', a.id),
      );
    else
      run(
        ws,
        ws.db
          .insertInto('sales_actions')
          .values({ stage_key: d.stageKey, position, text_zh: a.textZh, text_en: a.textEn }),
      );
  });
  const goal = d.visitGoal?.trim() ? d.visitGoal.trim() : null;
  run(
    ws,
    ws.db
      .insertInto('stage_playbooks')
      .values({ stage_key: d.stageKey, visit_goal: goal })
      .onConflict((oc) => oc.column('stage_key').doUpdateSet({ visit_goal: goal })),
  );
}
