import { msg, type MessageKey, type MessageRef } from '@shared/messages';
import type { Stage, StageKind } from './stages';

/**
 * The rules a stage model must keep to be saved from the stage-model screen. Pure, so the
 * screen checks as the manager types and the backend checks again (inside the saving
 * transaction, against the stored deals) with the same rules and the same messages.
 */

/** A stage as the screen edits it: everything but the imported name, which the workspace keeps. */
export type StageDraft = Omit<Stage, 'name'>;

/** A draft being typed: the probability may still be empty. */
export type CheckedStage = Omit<StageDraft, 'probability'> & { probability: number | null };

/**
 * Who uses a stage: the deals in it now (deleted ones included: they are kept with their
 * history) and the deals whose stage history passes through it.
 */
export interface StageUsage {
  deals: number;
  history: number;
}

export const STAGE_FIELDS = [
  'key',
  'nameZh',
  'nameEn',
  'kind',
  'order',
  'probability',
  'dwellLimitDays',
  'followupDays',
  'buyingPhase',
  'exitCriteria',
] as const;
export type StageField = (typeof STAGE_FIELDS)[number];

/** One broken rule, with the stage and field it concerns so the screen can show it beside the field. */
export interface StageIssue {
  /** Position in the submitted list; null for a rule about the whole model or a removed stage. */
  index: number | null;
  /** The stage's key (a removed stage's stored key); null for a rule about the whole model. */
  stage: string | null;
  field: StageField | null;
  say: MessageRef;
}

/** Lengths the contract accepts (the screen's inputs stop there too). */
export const STAGE_LIMITS = {
  stages: 100,
  key: 100,
  name: 200,
  buyingPhase: 200,
  exitCriteria: 2000,
} as const;

export const STAGE_KINDS = ['open', 'won', 'lost'] as const satisfies readonly StageKind[];

const KIND_NAME = {
  open: 'stage_kind_open',
  won: 'stage_kind_won',
  lost: 'stage_kind_lost',
} as const satisfies Record<StageKind, MessageKey>;

export const isInUse = (u: StageUsage | undefined): boolean => !!u && (u.deals > 0 || u.history > 0);

/** The stage as messages name it: its key, else its position. */
const nameOf = (s: CheckedStage, index: number): string => s.key.trim() || `#${index + 1}`;

/** A percentage as people read it: 0.455 → 45.5. */
export const percent = (p: number): number => Math.round(p * 10_000) / 100;

/**
 * Every rule `stages` breaks, in the order of the list then the model-wide ones (empty:
 * it may be saved). `stored` is the model in the workspace now and `usage` says who uses
 * a stored stage:
 * - keys are non-empty and unique; a stored key that deals or history use cannot be
 *   removed (renaming a key removes it), nor can such a stage change its kind (the deals
 *   in it would be re-counted as won, lost or open); new stages may be added;
 * - the Chinese and English names are non-empty;
 * - orders are unique (the funnel's order);
 * - the probability is from 0 to 1; dwell limit and follow-up days are ≥ 0 or null (none);
 * - at least one open, one won and one lost stage.
 */
export function checkStageModel(
  stages: readonly CheckedStage[],
  stored: readonly Pick<Stage, 'key' | 'kind'>[],
  usage: (key: string) => StageUsage | undefined,
): StageIssue[] {
  const issues: StageIssue[] = [];
  const storedKind = new Map(stored.map((s) => [s.key, s.kind]));
  const keyCount = new Map<string, number>();
  for (const s of stages) keyCount.set(s.key.trim(), (keyCount.get(s.key.trim()) ?? 0) + 1);
  const orderOwner = new Map<number, number>();

  stages.forEach((s, index) => {
    const key = s.key.trim();
    const stage = nameOf(s, index);
    const issue = (field: StageField, say: MessageRef) =>
      issues.push({ index, stage: key || null, field, say });
    if (!key) issue('key', msg('stage_key_empty', { position: index + 1 }));
    else if (keyCount.get(key)! > 1) issue('key', msg('stage_key_duplicate', { stage }));

    if (!s.nameZh?.trim())
      issue('nameZh', msg('stage_field_empty', { stage, field: msg('stage_field_name_zh') }));
    if (!s.nameEn?.trim())
      issue('nameEn', msg('stage_field_empty', { stage, field: msg('stage_field_name_en') }));

    const was = storedKind.get(key);
    if (was !== undefined && was !== s.kind) {
      const used = usage(key);
      if (isInUse(used))
        issue(
          'kind',
          msg('stage_kind_in_use', {
            stage,
            from: msg(KIND_NAME[was]),
            to: msg(KIND_NAME[s.kind]),
            deals: used!.deals,
            history: used!.history,
          }),
        );
    }

    const other = orderOwner.get(s.order);
    if (other !== undefined)
      issue(
        'order',
        msg('stage_order_duplicate', { stage, order: s.order, other: nameOf(stages[other]!, other) }),
      );
    else orderOwner.set(s.order, index);

    if (s.probability === null)
      issue('probability', msg('stage_field_empty', { stage, field: msg('stage_field_probability') }));
    else if (!(s.probability >= 0 && s.probability <= 1))
      issue('probability', msg('stage_probability_range', { stage, value: percent(s.probability) }));

    if (s.dwellLimitDays !== null && !(s.dwellLimitDays >= 0))
      issue(
        'dwellLimitDays',
        msg('stage_days_negative', { stage, field: msg('stage_field_dwell'), value: s.dwellLimitDays }),
      );
    if (s.followupDays !== null && !(s.followupDays >= 0))
      issue(
        'followupDays',
        msg('stage_days_negative', { stage, field: msg('stage_field_followup'), value: s.followupDays }),
      );
  });

  const kept = new Set(keyCount.keys());
  for (const { key } of stored) {
    if (kept.has(key)) continue;
    const used = usage(key);
    if (isInUse(used))
      issues.push({
        index: null,
        stage: key,
        field: 'key',
        say: msg('stage_in_use_removed', { stage: key, deals: used!.deals, history: used!.history }),
      });
  }

  const kinds = new Set(stages.map((s) => s.kind));
  if (!kinds.has('open')) issues.push({ index: null, stage: null, field: null, say: msg('stages_no_open') });
  if (!kinds.has('won')) issues.push({ index: null, stage: null, field: null, say: msg('stages_no_won') });
  if (!kinds.has('lost')) issues.push({ index: null, stage: null, field: null, say: msg('stages_no_lost') });
  return issues;
}
