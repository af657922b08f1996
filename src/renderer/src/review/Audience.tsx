import { Center, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorText } from '../api/errors';
import css from './Projector.module.css';
import { Slide, slidesOf } from './slides/Slide';
import { useMeeting, useMeetingEvents } from './useReview';

/**
 * The clean view for the projector: the current slide and nothing else to operate. It
 * follows the presenter through the backend's events, so it can be a second window on
 * the second display or a browser tab dragged onto the projector, and closing it loses
 * nothing.
 */
export function AudienceScreen({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const query = useMeeting(id);
  useMeetingEvents(id);
  const meeting = query.data;
  if (!meeting)
    return (
      <main className={css.projector}>
        <Center h="100dvh">
          {query.error ? (
            <Text role="alert" fz={28}>
              {errorText(query.error, i18n.language)}
            </Text>
          ) : (
            <Loader aria-label={t('app.loading')} />
          )}
        </Center>
      </main>
    );
  const slides = slidesOf(meeting);
  const position = Math.min(meeting.live.position, Math.max(0, slides.length - 1));
  return (
    <div className={`${css.projector} ${css.audience}`} data-testid="audience" data-position={position}>
      <main aria-label={meeting.title}>
        <Slide meeting={meeting} slide={slides[position]} />
      </main>
      <footer className={css.audienceFooter}>
        <span>{meeting.title}</span>
        <span aria-live="polite" data-testid="audience-slide-number">
          {t('review.presenter.slide', { current: position + 1, total: slides.length })}
        </span>
      </footer>
    </div>
  );
}
