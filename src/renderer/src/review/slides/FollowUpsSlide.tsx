import { useTranslation } from 'react-i18next';
import type { Meeting, ReviewDecision } from '@shared/contract';
import { useFormat } from '../../format/useFormat';
import css from '../Projector.module.css';

/**
 * "上次约定…：完成了吗？": the open next steps of earlier reviews of the scope, first on
 * the agenda; in the presenter each is marked done or carried over (buttons passed in).
 */
export function FollowUpsSlide({
  meeting,
  actions,
}: {
  meeting: Meeting;
  actions?: (step: ReviewDecision) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = (d: ReviewDecision) =>
    d.doneMeetingId === meeting.id || d.doneAt
      ? t('review.presenter.done')
      : d.carriedToMeetingId !== null
        ? t('review.slide.carried')
        : null;
  return (
    <article className={css.slide} aria-labelledby="followups-title" data-testid="followups-slide">
      <h2 className={css.title} id="followups-title">
        {t('review.slide.followUpsTitle')}
      </h2>
      {meeting.followUps.length === 0 ? (
        <p className={css.muted}>{t('review.slide.followUpsEmpty')}</p>
      ) : (
        <ol className={css.section}>
          {meeting.followUps.map((d) => (
            <li key={d.id} className={css.followUp} data-testid="followup">
              <div>
                <strong>{d.text}</strong>
                <span className={css.detail}>
                  {[
                    d.dealName ?? d.dealId,
                    d.assignee,
                    d.dueDate && t('review.slide.dueOn', { date: format.day(d.dueDate) }),
                    t('review.slide.fromReview', { title: d.meetingTitle }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </div>
              <div>
                {status(d) && (
                  <span className={css.status} data-testid="followup-status">
                    {status(d)}
                  </span>
                )}
                {actions?.(d)}
              </div>
            </li>
          ))}
        </ol>
      )}
    </article>
  );
}
