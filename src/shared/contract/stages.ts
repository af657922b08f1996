import { z } from 'zod';
import { noInput } from '@shared/contract/common';
import type { ChannelSpec } from '@shared/contract/define';
import { STAGE_KINDS, STAGE_LIMITS, type StageIssue, type StageUsage } from '@shared/domain/stage-model';
import type { Stage } from '@shared/domain/stages';

/** A stage of the model with who uses it (what may still change about it depends on that). */
export interface StageEntry extends Stage {
  usage: StageUsage;
}

/** What `stages.save` refuses a model with: every broken rule (`invalid_input`, details). */
export interface StageModelRefusal {
  issues: StageIssue[];
}

const optionalText = (max: number) => z.string().trim().max(max).nullable();

/**
 * One stage as the screen sends it. The schema checks the shape (types, finite numbers,
 * lengths); the model's rules (unique keys and orders, ranges, kinds, stages in use) are
 * checked by `checkStageModel` in the backend so each refusal names the stage and field
 * in the person's language.
 */
export const stageDraftSchema = z.object({
  key: z.string().trim().max(STAGE_LIMITS.key),
  nameZh: z.string().trim().max(STAGE_LIMITS.name),
  nameEn: z.string().trim().max(STAGE_LIMITS.name),
  order: z.number(),
  kind: z.enum(STAGE_KINDS),
  probability: z.number(),
  dwellLimitDays: z.number().nullable(),
  followupDays: z.number().nullable(),
  buyingPhase: optionalText(STAGE_LIMITS.buyingPhase),
  exitCriteria: optionalText(STAGE_LIMITS.exitCriteria),
});

/** One stage as `stages.save` takes it. */
export type StageDraftInput = z.input<typeof stageDraftSchema>;

/** The workspace's stage model (PRODUCT.md, "Default stage model"), shown and edited as a whole. */
export const stageChannels = {
  /** The model by ascending order, each stage with who uses it. */
  'stages.list': { input: noInput, result: {} as StageEntry[] },
  /**
   * Replaces the whole model (validated, one transaction; deals keep their funnel
   * position) and returns it as stored. Every view re-reads it on `workspace.changed`.
   */
  'stages.save': {
    input: z.object({ stages: z.array(stageDraftSchema).min(1).max(STAGE_LIMITS.stages) }),
    result: {} as StageEntry[],
    writes: 'stages',
  },
} as const satisfies Record<string, ChannelSpec>;
