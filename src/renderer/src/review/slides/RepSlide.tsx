import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { funnelChart } from '@shared/charts/funnel';
import type { AgendaItem, FunnelReport, RepCard, ReviewDecision } from '@shared/contract';
import { useChartContext } from '../../analytics/chart-context';
import { EChart } from '../../charts/EChart';
import { useFormat } from '../../format/useFormat';
import { useFacets, useLabels } from '../../pipeline/useFacets';
import css from '../Projector.module.css';
import { Agreed } from './DealSlide';

const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`);

/** A rep's section: the 4S summary of their deals and their funnel, from the analytics engine. */
export function RepSlide({
  card,
  item,
  decisions,
}: {
  card: RepCard;
  item: AgendaItem;
  decisions: readonly ReviewDecision[];
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels(useFacets().data);
  const ctx = useChartContext();
  const days = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} d`);
  const option = useMemo(() => {
    if (!ctx) return null;
    const report: FunnelReport = {
      asOf: card.to,
      from: card.from,
      to: card.to,
      team: null,
      owner: card.owner,
      snapshotVersion: 0,
      stages: card.funnel,
      deals: card.funnel[0]?.reached ?? 0,
      open: card.size.open,
      won: card.success.won,
      lost: card.success.lost,
      winRate: card.success.winRate,
    };
    return funnelChart(report, ctx);
  }, [card, ctx]);
  return (
    <article className={css.slide} aria-labelledby={`rep-${card.owner}`} data-testid="rep-slide">
      <header>
        <h2 className={css.title} id={`rep-${card.owner}`}>
          {t('review.slide.rep')}: {card.owner}
        </h2>
        <p className={css.subtitle}>
          {t('review.slide.repWindow', {
            from: format.day(card.from.slice(0, 10)),
            to: format.day(card.to.slice(0, 10)),
          })}
        </p>
      </header>
      <dl className={css.facts}>
        <div className={css.fact}>
          <dt>{t('review.slide.size')}</dt>
          <dd>
            {format.money(card.size.amount)}
            <span className={css.detail}>
              {t('review.slide.openDeals', { count: card.size.open })} ·{' '}
              {t('review.slide.flagged', { count: card.flagged })}
            </span>
          </dd>
        </div>
        <div className={css.fact}>
          <dt>{t('review.slide.shape')}</dt>
          <dd>
            <span className={css.detail}>
              {card.shape
                .filter((s) => s.count > 0)
                .map((s) => `${labels.stage(s.key)} ${s.count}`)
                .join(' · ') || '—'}
            </span>
          </dd>
        </div>
        <div className={css.fact}>
          <dt>{t('review.slide.speed')}</dt>
          <dd>{t('review.slide.salesCycle', { days: days(card.speed.salesCycleMedianDays) })}</dd>
        </div>
        <div className={css.fact}>
          <dt>{t('review.slide.success')}</dt>
          <dd>
            {t('review.slide.winRate', { rate: percent(card.success.winRate) })}
            <span className={css.detail}>{t('review.slide.wonLost', card.success)}</span>
          </dd>
        </div>
      </dl>
      <div className={css.columns}>
        <section className={css.section} aria-labelledby={`speed-${card.owner}`}>
          <h2 id={`speed-${card.owner}`}>{t('review.slide.medianDays')}</h2>
          <table className={css.table}>
            <tbody>
              {card.speed.stages.map((s) => (
                <tr key={s.key}>
                  <th scope="row">{labels.stage(s.key)}</th>
                  <td className={css.num}>{days(s.medianDays)}</td>
                  <td className={css.num}>
                    {s.stalled ? `${t('flags.stalled')} ${s.stalled}/${s.openCount}` : `${s.openCount}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className={css.section}>
          {option && (
            <EChart
              option={option}
              title={t('review.slide.funnel', { owner: card.owner })}
              height={360}
              testId="rep-funnel"
            />
          )}
        </section>
        <Agreed item={item} decisions={decisions} />
      </div>
    </article>
  );
}
