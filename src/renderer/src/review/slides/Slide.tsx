import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting, ReviewDecision } from '@shared/contract';
import css from '../Projector.module.css';
import { DealSlide } from './DealSlide';
import { FollowUpsSlide } from './FollowUpsSlide';
import { RepSlide } from './RepSlide';

export type SlideRef = { kind: 'followUps' } | { kind: 'item'; item: AgendaItem; index: number };

/** The presenter's slides: the follow-ups of earlier reviews first when there are any, then each item. */
export function slidesOf(meeting: Meeting): SlideRef[] {
  return [
    ...(meeting.followUps.length ? [{ kind: 'followUps' as const }] : []),
    ...meeting.agenda.map((item, index) => ({ kind: 'item' as const, item, index })),
  ];
}

/** A slide's name in lists (the agenda, "up next"). */
export function useSlideName(): (slide: SlideRef | undefined) => string {
  const { t } = useTranslation();
  return (slide) => {
    if (!slide) return '';
    if (slide.kind === 'followUps') return t('review.slide.followUpsTitle');
    const { item } = slide;
    if (item.card?.kind === 'deal') return `${item.card.name} · ${item.card.owner}`;
    if (item.kind === 'rep') return `${t('review.slide.rep')}: ${item.owner ?? ''}`;
    return item.dealId ?? '';
  };
}

export function Slide({
  meeting,
  slide,
  followUpActions,
}: {
  meeting: Meeting;
  slide: SlideRef | undefined;
  followUpActions?: (step: ReviewDecision) => React.ReactNode;
}) {
  const { t } = useTranslation();
  if (!slide) return null;
  if (slide.kind === 'followUps') return <FollowUpsSlide meeting={meeting} actions={followUpActions} />;
  const { item } = slide;
  if (item.card?.kind === 'deal')
    return <DealSlide card={item.card} item={item} decisions={meeting.decisions} />;
  if (item.card?.kind === 'rep')
    return <RepSlide card={item.card} item={item} decisions={meeting.decisions} />;
  return (
    <article className={css.slide}>
      <h2 className={css.title}>{item.dealId ?? item.owner}</h2>
      <p className={css.muted}>{t('review.slide.gone')}</p>
    </article>
  );
}
