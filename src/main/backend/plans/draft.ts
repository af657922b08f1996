import type { CoverageGap, PlanDraft } from '@shared/contract';
import { actionText } from '@shared/domain/sales-actions';
import { formatMessage, msg, type MessageRef } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Db } from '../db/query';
import { loadStages } from '../stages/model';
import { buyingCentre } from './contacts';
import { dealFacts } from './deal-facts';
import { playbookOf } from './playbook';

/** A coverage gap as a checklist line: what to do about it. */
export function gapMessage(gap: CoverageGap): MessageRef {
  const name = gap.contactName ?? '';
  switch (gap.kind) {
    case 'no_decision_maker':
      return msg('coverage_no_decision_maker');
    case 'decision_maker_not_met':
      return msg('coverage_decision_maker_not_met', { name });
    case 'economic_buyer_not_met':
      return msg('coverage_economic_buyer_not_met', { name });
    case 'no_coach':
      return msg('coverage_no_coach');
  }
}

/**
 * A new plan as the form opens it: the checklist is the standard actions of the deal's
 * stage now, in the language asked for, then one line per coverage gap of its buying
 * centre; prepared by the deal's owner (the rep) unless the form says otherwise. Nothing
 * is stored.
 */
export function draftPlan(ws: Db, dealId: string, lang: 'zh-CN' | 'en'): PlanDraft {
  const deal = dealFacts(ws, dealId);
  if (!deal || deal.deleted) throw new WorkbenchError('not_found', msg('plan_deal_missing', { id: dealId }));
  const playbook = playbookOf(ws, deal.stage, loadStages(ws));
  const centre = buyingCentre(ws, dealId);
  return {
    dealId,
    dealStage: deal.stage,
    playbook,
    items: [
      ...playbook.actions.map((a) => ({
        actionId: a.id,
        stageKey: a.stageKey,
        text: actionText(a, lang),
        source: 'stage' as const,
      })),
      ...centre.gaps.map((g) => ({
        actionId: null,
        stageKey: null,
        text: formatMessage(gapMessage(g), lang),
        source: 'coverage' as const,
      })),
    ],
    coverageGaps: centre.gaps,
    preparedBy: deal.owner,
  };
}
