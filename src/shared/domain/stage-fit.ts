import type { SalesAction, StageFitWarning } from '@shared/contract/plans';
import type { Stage } from './stages';

/**
 * Stage fit (销售动作与商机阶段一致): a planned action that belongs to another open stage
 * than the one the deal is in now warns, saying which stage it belongs to, whether that
 * stage is later or earlier in the funnel, and what the deal's stage calls for instead.
 * A product demo (solution) planned while the customer is still confirming needs (need)
 * is the seeds' example.
 *
 * Judged against the deal's stage NOW, not the stage it was in when the plan was written:
 * a plan is for a visit still to come, and a deal that moved on since makes yesterday's
 * actions misfit today. No warning when there is nothing sound to judge against:
 * - an item without a stage (written for this plan, or a coverage gap);
 * - the item's stage is no longer an open stage of the model (removed or renamed since:
 *   neither later nor earlier can be said);
 * - the deal is closed (won or lost) or its stage is unknown to the model.
 */
export interface FitItem {
  id: number;
  stageKey: string | null;
  text: string;
}

export function stageFit(
  items: readonly FitItem[],
  dealStage: string,
  stages: readonly Pick<Stage, 'key' | 'order' | 'kind'>[],
  calledFor: readonly SalesAction[],
): StageFitWarning[] {
  const open = new Map(stages.filter((s) => s.kind === 'open').map((s) => [s.key, s.order]));
  const dealOrder = open.get(dealStage);
  if (dealOrder === undefined) return [];
  const warnings: StageFitWarning[] = [];
  for (const item of items) {
    if (item.stageKey === null || item.stageKey === dealStage) continue;
    const order = open.get(item.stageKey);
    if (order === undefined) continue;
    warnings.push({
      itemId: item.id,
      text: item.text,
      actionStage: item.stageKey,
      dealStage,
      direction: order > dealOrder ? 'later' : 'earlier',
      calledFor: [...calledFor],
    });
  }
  return warnings;
}
