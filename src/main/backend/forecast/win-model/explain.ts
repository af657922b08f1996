import type { ModelFactor } from '@shared/contract/win-model';
import { standardised } from '@shared/domain/logistic';
import { stageLabel } from '@shared/domain/stages';
import { formatMessage, msg, type MessageRef } from '@shared/messages';
import type { Snapshot } from '../../analytics/snapshot';
import type { StageView } from '../../analytics/stage-view';
import { NUMERIC_FEATURES, type DealFacts, type NumericFeature } from './features';
import type { WinModel } from './train';

/** How many factors a deal's explanation names. */
export const TOP_FACTORS = 5;

/**
 * A deal's probability explained: each factor's effect on the log-odds is its coefficient
 * times how far the deal's value lies from the training data's mean (in standard
 * deviations), so the effects add up to the deal's log-odds minus an average deal's. The
 * stage indicators count as one factor, the stage. The largest effects first, each in words
 * in both languages (the stage under its name in each).
 */
export function explain(
  s: Snapshot,
  view: StageView,
  model: WinModel,
  facts: DealFacts,
  row: ArrayLike<number>,
  top = TOP_FACTORS,
): ModelFactor[] {
  const { fit } = model;
  const stages = view.open.length - 1;
  const effect = (j: number) => fit.coef[j]! * standardised(row[j]!, fit.mean[j]!, fit.sd[j]!);
  let stageEffect = 0;
  for (let j = 0; j < stages; j++) stageEffect += effect(j);
  const factors: { factor: string; effect: number; say: (language: string) => string }[] = [
    { factor: 'stage', effect: stageEffect, say: (language) => stageWords(view, facts, language) },
  ];
  NUMERIC_FEATURES.forEach((name, i) => {
    const j = stages + i;
    if (fit.sd[j] === 0) return; // the model learnt nothing from it
    const ref = words(s, name, facts);
    factors.push({ factor: name, effect: effect(j), say: (language) => formatMessage(ref, language) });
  });
  return factors
    .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect) || a.factor.localeCompare(b.factor))
    .slice(0, top)
    .map((f) => ({ factor: f.factor, effect: f.effect, words: { en: f.say('en'), zh: f.say('zh-CN') } }));
}

const percent = (share: number) => Math.round(share * 100);
const wholeDays = (days: number) => Math.max(0, Math.round(days));
const grouped = (n: number) => Math.round(n).toLocaleString('en-US');

function stageWords(view: StageView, facts: DealFacts, language: string): string {
  const stage = view.stage[facts.stageCode]!;
  return formatMessage(
    msg('model_factor_stage', {
      stage: stageLabel(stage, language),
      probability: percent(stage.probability),
    }),
    language,
  );
}

/** The deal's value of one feature at the instant, in words. */
export function words(s: Snapshot, name: NumericFeature, f: DealFacts): MessageRef {
  switch (name) {
    case 'daysInStage':
      return msg('model_factor_days_in_stage', { days: wholeDays(f.daysInStage) });
    case 'pushes':
      return f.pushes === 0
        ? msg('model_factor_pushes_none')
        : msg('model_factor_pushes', { count: f.pushes });
    case 'amountChange': {
      const change = f.firstAmountCents > 0 ? f.amountCents / f.firstAmountCents - 1 : 0;
      const pct = Math.abs(percent(change));
      if (!(pct > 0)) return msg('model_factor_amount_same');
      return change > 0
        ? msg('model_factor_amount_up', { percent: pct })
        : msg('model_factor_amount_down', { percent: pct });
    }
    case 'amount':
      return msg('model_factor_amount', { amount: grouped(f.amountCents / 100) });
    case 'idleDays':
      return msg('model_factor_idle', { days: wholeDays(f.idleDays) });
    case 'ownerWinRate': {
      const owner = f.owner >= 0 ? (s.dictionaries.owner.values[f.owner] ?? '') : '';
      const overall = percent(f.orgRate);
      return f.ownerClosed === 0
        ? msg('model_factor_owner_new', { owner, overall })
        : msg('model_factor_owner', {
            owner,
            rate: percent(f.ownerWon / f.ownerClosed),
            closed: f.ownerClosed,
            overall,
          });
    }
    case 'mentored':
      return f.mentors.length > 0
        ? msg('model_factor_mentored', { mentors: f.mentors.join(', ') })
        : msg('model_factor_unmentored');
    case 'approvedPlan':
      return f.approvedPlans > 0
        ? msg('model_factor_plan', { count: f.approvedPlans })
        : msg('model_factor_no_plan');
    case 'contacts':
      return msg('model_factor_contacts', { count: f.contacts });
    case 'daysToClose':
      if (!(f.daysToClose === f.daysToClose)) return msg('model_factor_no_close');
      return f.daysToClose >= 0
        ? msg('model_factor_close_in', { days: wholeDays(f.daysToClose) })
        : msg('model_factor_close_passed', { days: wholeDays(-f.daysToClose) });
    case 'dealAge':
      return msg('model_factor_age', { days: wholeDays(f.ageDays) });
  }
}
