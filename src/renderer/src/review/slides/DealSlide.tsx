import { useTranslation } from 'react-i18next';
import type { AgendaItem, DealCard, ReviewDecision, ValueChange } from '@shared/contract';
import { useFlagReasons } from '../../analytics/FlagBadges';
import { useFormat } from '../../format/useFormat';
import { useFacets, useLabels } from '../../pipeline/useFacets';
import css from '../Projector.module.css';
import { ModelSection } from './ModelSection';
import { PlanSection } from './PlanSection';

/** One deal on the projector: what it is, where it stands against its limits, what changed, why it is here. */
export function DealSlide({
  card,
  item,
  decisions,
}: {
  card: DealCard;
  item: AgendaItem;
  decisions: readonly ReviewDecision[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels(useFacets().data);
  const reasons = useFlagReasons()(card);
  const days = Math.floor(card.daysInStage);
  const limit = card.dwellLimitDays;
  const over = limit !== null && card.daysInStage > limit ? Math.floor(card.daysInStage - limit) : 0;
  const fill = limit ? Math.min(1, card.daysInStage / limit) : 0;
  const value = (c: ValueChange, v: string | number | null) => {
    if (v === null) return '—';
    if (c.field === 'amount') return format.money(Number(v));
    if (c.field === 'stage') return labels.stage(String(v));
    if (c.field === 'closeDate') return format.day(String(v));
    if (c.field === 'forecastCategory') return labels.forecast(String(v));
    return String(v);
  };
  const pushes = card.closeDateHistory.filter((h) => h.pushed);
  return (
    <article className={css.slide} aria-labelledby={`slide-title-${card.id}`} data-testid="deal-slide">
      <header>
        <h2 className={css.title} id={`slide-title-${card.id}`}>
          {card.name}
        </h2>
        <p className={css.subtitle}>
          {card.account} · {card.owner} · {card.team} · {card.id}
        </p>
      </header>
      <dl className={css.facts}>
        <div className={css.fact}>
          <dt>{t('review.slide.amount')}</dt>
          <dd data-testid="slide-amount">{format.money(card.amount)}</dd>
        </div>
        <div className={css.fact}>
          <dt>{t('review.slide.stage')}</dt>
          <dd>
            {labels.stage(card.stage)}
            <span className={css.detail}>
              {t('review.slide.daysInStage', { days })} ·{' '}
              {limit === null ? t('review.slide.noLimit') : t('review.slide.limit', { limit })}
            </span>
            {limit !== null && (
              <div
                className={css.meter}
                role="img"
                aria-label={`${t('review.slide.daysInStage', { days })}, ${t('review.slide.limit', { limit })}`}
              >
                <div
                  className={`${css.meterFill} ${over ? css.meterOver : ''}`}
                  style={{ width: `${fill * 100}%` }}
                />
              </div>
            )}
            {over > 0 && (
              <span className={`${css.detail} ${css.warn}`}>
                {t('review.slide.overLimit', { days: over })}
              </span>
            )}
          </dd>
        </div>
        <div className={css.fact}>
          <dt>{t('review.slide.closeDate')}</dt>
          <dd>
            {card.closeDate ? format.day(card.closeDate) : t('review.slide.noCloseDate')}
            {pushes.length > 0 && (
              <span className={css.detail}>
                {t('review.slide.pushes', { count: pushes.length })}:{' '}
                {card.closeDateHistory.map((h) => (h.closeDate ? format.day(h.closeDate) : '—')).join(' → ')}
              </span>
            )}
          </dd>
        </div>
        <div className={css.fact}>
          <dt>{t('review.slide.category')}</dt>
          <dd>{labels.forecast(card.forecastCategory)}</dd>
        </div>
      </dl>

      <div className={css.columns}>
        <section className={css.section} aria-labelledby={`flags-${card.id}`}>
          <h2 id={`flags-${card.id}`}>{t('review.slide.flags')}</h2>
          {card.flags.length ? (
            <ul className={css.flags}>
              {card.flags.map((f) => (
                <li key={f} className={css.flag} data-flag={f}>
                  {t(`flags.${f}`)}: {reasons[f]}
                </li>
              ))}
            </ul>
          ) : (
            <p className={css.muted}>{t('review.slide.noFlags')}</p>
          )}
        </section>
        <section className={css.section} aria-labelledby={`changes-${card.id}`}>
          <h2 id={`changes-${card.id}`}>
            {card.since
              ? t('review.slide.changesSince', { date: format.day(card.since.slice(0, 10)) })
              : t('review.slide.changes')}
          </h2>
          {card.isNew ? (
            <p>{t('review.slide.isNew')}</p>
          ) : card.changes.length ? (
            <ul data-testid="slide-changes">
              {card.changes.map((c) => (
                <li key={c.field}>
                  {t(`review.slide.field.${c.field}`)}: {value(c, c.from)} → {value(c, c.to)}
                </li>
              ))}
            </ul>
          ) : (
            <p className={css.muted}>{t('review.slide.noChanges')}</p>
          )}
        </section>
        <section className={css.section} aria-labelledby={`next-${card.id}`}>
          <h2 id={`next-${card.id}`}>{t('review.slide.nextStep')}</h2>
          <p className={card.nextStep.trim() ? undefined : css.muted}>
            {card.nextStep.trim() || t('review.slide.noNextStep')}
          </p>
          {card.notes.length > 0 && (
            <>
              <h2>{t('review.slide.notes')}</h2>
              <ul>
                {card.notes.slice(0, 3).map((n) => (
                  <li key={n.createdAt + n.body}>{n.body}</li>
                ))}
              </ul>
            </>
          )}
        </section>
        <PlanSection card={card} />
        <ModelSection card={card} />
        <Agreed item={item} decisions={decisions} />
      </div>
    </article>
  );
}

/** What the meeting agreed and recorded on this item, so the room sees it written down. */
export function Agreed({ item, decisions }: { item: AgendaItem; decisions: readonly ReviewDecision[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels(useFacets().data);
  const mine = decisions.filter((d) => d.itemId === item.id);
  if (!item.agreedCategory && !item.agreedCloseDate && !item.followUp && !mine.length) return null;
  return (
    <section
      className={`${css.section} ${css.agreed}`}
      aria-labelledby={`agreed-${item.id}`}
      data-testid="slide-agreed"
    >
      <h2 id={`agreed-${item.id}`}>{t('review.slide.agreed')}</h2>
      <ul>
        {item.agreedCategory && (
          <li>{t('review.slide.agreedCategory', { category: labels.forecast(item.agreedCategory) })}</li>
        )}
        {item.agreedCloseDate && (
          <li>{t('review.slide.agreedClose', { date: format.day(item.agreedCloseDate) })}</li>
        )}
        {item.followUp && <li>{t('review.slide.flaggedFollowUp')}</li>}
        {mine.map((d) => (
          <li key={d.id}>
            {t(`review.kind.${d.kind}`)}: {d.text}
            {d.assignee ? ` — ${d.assignee}` : ''}
            {d.dueDate ? `, ${t('review.slide.dueOn', { date: format.day(d.dueDate) })}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
