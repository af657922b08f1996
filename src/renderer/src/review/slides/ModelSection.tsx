import { useTranslation } from 'react-i18next';
import type { DealCard } from '@shared/contract';
import { isChinese } from '@shared/messages';
import { percent, useWinProbability } from '../../deal/useWinProbability';
import css from '../Projector.module.css';

/**
 * The deal's win probability by the workspace's model on the projector, beside the stage's,
 * with the three factors that move it most in words: the room sees why the number differs.
 * Nothing while it loads, or for a deal the model does not score (closed, or too little history).
 */
export function ModelSection({ card }: { card: DealCard }) {
  const { t, i18n } = useTranslation();
  const { data } = useWinProbability(card.id);
  if (!data || data.status !== 'scored') return null;
  const zh = isChinese(i18n.language);
  return (
    <section className={css.section} aria-labelledby={`model-${card.id}`} data-testid="slide-model">
      <h2 id={`model-${card.id}`}>{t('model.title')}</h2>
      <p>
        {t('model.slideValue', { model: percent(data.probability!), stage: percent(data.stageProbability!) })}
      </p>
      <ul className={css.detail}>
        {data.factors.slice(0, 3).map((f) => (
          <li key={f.factor}>
            {f.effect >= 0 ? '▲' : '▼'} {zh ? f.words.zh : f.words.en}
            {t('model.effect', { effect: t(f.effect >= 0 ? 'model.raises' : 'model.lowers') })}
          </li>
        ))}
      </ul>
    </section>
  );
}
