import { useTranslation } from 'react-i18next';
import type { DealCard } from '@shared/contract';
import { useFormat } from '../../format/useFormat';
import { useGapText } from '../../plans/CoverageGaps';
import { useOutcomeText } from '../../plans/PlanStatusBadge';
import css from '../Projector.module.css';

/**
 * The deal's pre-call plan on the projector: the next visit's plan status, the last
 * outcome, and the buying centre's coverage gaps as attention labels (in words, bordered
 * like the attention flags), so the room asks "who has met the decision maker?".
 * Cards shown before plans existed carry neither field and show nothing.
 */
export function PlanSection({ card }: { card: DealCard }) {
  const { t } = useTranslation();
  const format = useFormat();
  const outcomeText = useOutcomeText();
  const gapText = useGapText();
  if (card.plan === undefined && card.coverageGaps === undefined) return null;
  const plan = card.plan ?? null;
  const gaps = card.coverageGaps ?? [];
  return (
    <section className={css.section} aria-labelledby={`plan-${card.id}`} data-testid="slide-plan">
      <h2 id={`plan-${card.id}`}>{t('plans.slide.title')}</h2>
      {plan ? (
        <>
          <p data-testid="slide-plan-status" data-status={plan.status}>
            {t('plans.slide.visit', {
              date: format.day(plan.visitDate),
              status: t(`plans.status.${plan.status}`),
            })}
          </p>
          {plan.lastOutcome && (
            <p className={css.detail}>
              {t('plans.slide.lastOutcome', { outcome: outcomeText(plan.lastOutcome) })}
              {plan.lastOutcome.nextStep ? ` · ${plan.lastOutcome.nextStep}` : ''}
            </p>
          )}
        </>
      ) : (
        <p className={css.muted}>{t('plans.slide.none')}</p>
      )}
      {gaps.length > 0 && (
        <>
          <h2>{t('plans.slide.gaps')}</h2>
          <ul className={css.flags} data-testid="slide-gaps">
            {gaps.map((g) => (
              <li
                key={`${g.kind}:${g.contactId ?? ''}`}
                className={`${css.flag} ${css.warn}`}
                data-flag="coverage"
              >
                ⚠ {gapText(g)}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
