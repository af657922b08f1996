import { Button, Center, Group, Loader, Text } from '@mantine/core';
import {
  IconArrowLeft,
  IconArrowRight,
  IconDeviceProjector,
  IconKeyboard,
  IconMaximize,
  IconPlayerPause,
  IconPlayerPlay,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LiveState, Meeting } from '@shared/contract';
import { errorText } from '../api/errors';
import { useNotify } from '../notices/NoticesProvider';
import { navigate, routeHref } from '../shell/route';
import { CaptureDialogs, type CaptureDialog } from './CaptureDialogs';
import css from './Projector.module.css';
import { PresenterPanel } from './PresenterPanel';
import { ShortcutOverlay } from './ShortcutOverlay';
import { Slide, slidesOf } from './slides/Slide';
import { meetingKey, useMeeting, useMeetingEvents, useReviewWrite } from './useReview';

/** Keys typed into a field are the field's, never a shortcut. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export const audienceHref = (id: number) => routeHref('review', { view: 'audience', id: String(id) });

/**
 * Presenter mode: one slide at a time on a projector-sized screen, the agenda, timers,
 * notes and what comes next beside it, everything reachable from the keyboard (`?` lists
 * the keys). Each move is written to the backend, which tells the audience view.
 */
export function PresenterScreen({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const query = useMeeting(id);
  useMeetingEvents(id);
  const queryClient = useQueryClient();
  const meeting = query.data;
  const present = useReviewWrite('review.present');
  const record = useReviewWrite('review.record');
  const agree = useReviewWrite('review.agree');
  const end = useReviewWrite('review.end');
  const [dialog, setDialog] = useState<CaptureDialog | null>(null);
  const [help, setHelp] = useState(false);
  const [readPosition, setReadPosition] = useState(0);
  const readOnly = meeting?.status === 'ended';
  const slides = meeting ? slidesOf(meeting) : [];
  const position = Math.min(
    readOnly ? readPosition : (meeting?.live.position ?? 0),
    Math.max(0, slides.length - 1),
  );
  const slide = slides[position];
  const item = slide?.kind === 'item' ? slide.item : null;

  const failed = useCallback(
    (e: unknown) => notify({ message: errorText(e, i18n.language), color: 'red' }),
    [notify, i18n.language],
  );
  const setLive = useCallback(
    (live: LiveState) => queryClient.setQueryData<Meeting>(meetingKey(id), (m) => (m ? { ...m, live } : m)),
    [queryClient, id],
  );

  const go = useCallback(
    (to: number) => {
      if (!meeting || !slides.length) return;
      const next = Math.max(0, Math.min(slides.length - 1, to));
      if (readOnly) return setReadPosition(next);
      if (next === meeting.live.position) return;
      // Move at once; the backend's answer (and its event) bring the timers.
      const was = meeting.live;
      setLive({ ...was, position: next });
      present.mutate(
        { id, position: next },
        {
          onSuccess: setLive,
          // Refused (an import holds the write lock): back to where the audience still is.
          onError: (e) => {
            setLive(was);
            failed(e);
          },
        },
      );
    },
    [meeting, slides.length, readOnly, setLive, present, id, failed],
  );
  const toggleTimer = useCallback(() => {
    if (!meeting || readOnly) return;
    present.mutate(
      { id, timer: meeting.live.runningSince ? 'pause' : 'start' },
      { onSuccess: setLive, onError: failed },
    );
  }, [meeting, readOnly, present, id, setLive, failed]);
  const openAudience = useCallback(() => {
    window.open(audienceHref(id), '_blank', 'noopener');
  }, [id]);
  const toggleFlag = useCallback(() => {
    if (!item?.id || readOnly) return;
    agree.mutate({ itemId: item.id, followUp: !item.followUp }, { onError: failed });
  }, [item, readOnly, agree, failed]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      if (dialog || help) return; // a dialog has the keys (Esc closes it)
      const key = e.key;
      const act = (f: () => void) => {
        e.preventDefault();
        f();
      };
      if (key === 'ArrowRight' || key === 'PageDown' || key === ' ' || key === 'j')
        return act(() => go(position + 1));
      if (key === 'ArrowLeft' || key === 'PageUp' || key === 'k') return act(() => go(position - 1));
      if (key === 'Home') return act(() => go(0));
      if (key === 'End') return act(() => go(slides.length - 1));
      if (key === '?') return act(() => setHelp(true));
      if (key === 'g') return act(() => setDialog({ kind: 'jump' }));
      if (key === 'o') return act(openAudience);
      if (key === 'F') return act(() => void toggleFullScreen());
      if (readOnly) return;
      if (key === 'd') return act(() => setDialog({ kind: 'record', decision: 'decision' }));
      if (key === 'n') return act(() => setDialog({ kind: 'record', decision: 'next_step' }));
      if (key === 'r') return act(() => setDialog({ kind: 'record', decision: 'risk' }));
      if (key === 'c' && item?.card?.kind === 'deal') return act(() => setDialog({ kind: 'agree' }));
      if (key === 'f') return act(toggleFlag);
      if (key === 't') return act(toggleTimer);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, help, go, position, slides.length, readOnly, item, openAudience, toggleFlag, toggleTimer]);

  if (query.isLoading || !meeting)
    return (
      <main className={css.projector}>
        <Center h="100dvh">
          {query.error ? (
            <Text role="alert">{errorText(query.error, i18n.language)}</Text>
          ) : (
            <Loader aria-label={t('app.loading')} />
          )}
        </Center>
      </main>
    );

  return (
    <div className={`${css.projector} ${css.presenter}`} data-testid="presenter">
      <header className={css.toolbar}>
        <h1>{meeting.title}</h1>
        <Text component="span" fz={24} aria-live="polite" data-testid="slide-number">
          {t('review.presenter.slide', { current: position + 1, total: slides.length })}
        </Text>
        <Group gap="xs" ml="auto" wrap="wrap">
          <Button
            size="md"
            variant="default"
            leftSection={<IconArrowLeft aria-hidden />}
            onClick={() => go(position - 1)}
            disabled={position === 0}
          >
            {t('review.presenter.previous')}
          </Button>
          <Button
            size="md"
            leftSection={<IconArrowRight aria-hidden />}
            onClick={() => go(position + 1)}
            disabled={position >= slides.length - 1}
            data-testid="next-slide"
          >
            {t('review.presenter.next')}
          </Button>
          {!readOnly && (
            <Button
              size="md"
              variant="default"
              leftSection={
                meeting.live.runningSince ? <IconPlayerPause aria-hidden /> : <IconPlayerPlay aria-hidden />
              }
              onClick={toggleTimer}
              data-testid="timer-toggle"
            >
              {meeting.live.runningSince
                ? t('review.presenter.timerPause')
                : t('review.presenter.timerStart')}
            </Button>
          )}
          <Button
            size="md"
            variant="default"
            leftSection={<IconDeviceProjector aria-hidden />}
            onClick={openAudience}
            title={t('review.presenter.audienceHint')}
            data-testid="open-audience"
          >
            {t('review.presenter.audience')}
          </Button>
          <Button
            size="md"
            variant="default"
            leftSection={<IconMaximize aria-hidden />}
            onClick={() => void toggleFullScreen()}
          >
            {t('review.presenter.fullScreen')}
          </Button>
          <Button
            size="md"
            variant="default"
            leftSection={<IconKeyboard aria-hidden />}
            onClick={() => setHelp(true)}
          >
            {t('review.presenter.shortcuts')}
          </Button>
          {!readOnly && (
            <Button
              size="md"
              color="red"
              variant="outline"
              onClick={() => setDialog({ kind: 'end' })}
              data-testid="end-review"
            >
              {t('review.presenter.end')}
            </Button>
          )}
          <Button size="md" variant="default" onClick={() => navigate(routeHref('review'))}>
            {t('review.presenter.exit')}
          </Button>
        </Group>
      </header>
      {/* Focusable: a deal's slide with its plan and win model can be taller than the
          projector, and the keyboard must be able to scroll it. */}
      <main className={css.stage} aria-label={t('review.presenter.label')} tabIndex={0}>
        {readOnly && (
          <Text fz={24} px={56} pt={16} fw={700} role="note">
            {t('review.presenter.readOnly')}
          </Text>
        )}
        <Slide
          meeting={meeting}
          slide={slide}
          followUpActions={
            readOnly ? undefined : (step) => <FollowUpButtons meetingId={id} stepId={step.id} />
          }
        />
      </main>
      <PresenterPanel
        meeting={meeting}
        slides={slides}
        position={position}
        item={item}
        readOnly={readOnly}
        onGo={go}
        onDialog={setDialog}
        onToggleFlag={toggleFlag}
      />
      <CaptureDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        meeting={meeting}
        item={item}
        slideCount={slides.length}
        onRecord={(input) =>
          record.mutate({ meetingId: id, itemId: item?.id ?? null, ...input }, { onError: failed })
        }
        onAgree={(input) => item?.id && agree.mutate({ itemId: item.id, ...input }, { onError: failed })}
        onJump={go}
        onEnd={() => end.mutate({ id }, { onError: failed })}
      />
      <ShortcutOverlay opened={help} onClose={() => setHelp(false)} />
    </div>
  );
}

/** Done or carried over, for an open next step of an earlier review; pressing the chosen one again reopens it. */
function FollowUpButtons({ meetingId, stepId }: { meetingId: number; stepId: number }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const followUp = useReviewWrite('review.followUp');
  const act = (action: 'done' | 'carry' | 'reopen') =>
    followUp.mutate(
      { meetingId, decisionId: stepId, action },
      { onError: (e) => notify({ message: errorText(e, i18n.language), color: 'red' }) },
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Button size="md" onClick={() => act('done')} data-testid="followup-done">
        {t('review.presenter.markDone')}
      </Button>
      <Button size="md" variant="default" onClick={() => act('carry')} data-testid="followup-carry">
        {t('review.slide.carry')}
      </Button>
      <Button size="md" variant="subtle" onClick={() => act('reopen')}>
        {t('review.slide.reopen')}
      </Button>
    </Group>
  );
}

async function toggleFullScreen(): Promise<void> {
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else await document.documentElement.requestFullscreen();
  } catch {
    // Refused (no user gesture, or a browser policy): the view works the same windowed.
  }
}
