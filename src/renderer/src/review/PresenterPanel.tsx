import { Button, Group, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Meeting, ReviewDecision } from '@shared/contract';
import { errorText } from '../api/errors';
import { useFormat } from '../format/useFormat';
import { useNotify } from '../notices/NoticesProvider';
import type { CaptureDialog } from './CaptureDialogs';
import css from './Projector.module.css';
import { useSlideName, type SlideRef } from './slides/Slide';
import { useReviewWrite } from './useReview';
import { clock, useTimers } from './useTimers';

/** The laptop's side of the meeting: timers, what comes next, the agenda, what was recorded, notes. */
export function PresenterPanel({
  meeting,
  slides,
  position,
  item,
  readOnly,
  onGo,
  onDialog,
  onToggleFlag,
}: {
  meeting: Meeting;
  slides: SlideRef[];
  position: number;
  item: AgendaItem | null;
  readOnly: boolean;
  onGo: (position: number) => void;
  onDialog: (dialog: CaptureDialog) => void;
  onToggleFlag: () => void;
}) {
  const { t } = useTranslation();
  const name = useSlideName();
  const timers = useTimers(readOnly ? undefined : meeting.live);
  const overallMs = readOnly ? meeting.elapsedMs : timers.overallMs;
  const itemMs = readOnly ? (item?.elapsedMs ?? 0) : timers.itemMs;
  const recorded = meeting.decisions.filter((d) => (item ? d.itemId === item.id : d.itemId === null));
  return (
    <aside className={css.panel} aria-label={t('review.presenter.label')} data-testid="presenter-panel">
      <section className={css.timers} aria-label={t('review.presenter.overall')}>
        <div>
          <h2>{t('review.presenter.overall')}</h2>
          <div className={css.timer} data-testid="timer-overall">
            {t('review.presenter.of', {
              spent: clock(overallMs),
              budget: clock(meeting.budgetMinutes * 60_000),
            })}
          </div>
        </div>
        {item && (
          <div>
            <h2>{t('review.presenter.item')}</h2>
            <div
              className={`${css.timer} ${itemMs > item.minutes * 60_000 ? css.warn : ''}`}
              data-testid="timer-item"
            >
              {t('review.presenter.of', { spent: clock(itemMs), budget: clock(item.minutes * 60_000) })}
            </div>
          </div>
        )}
      </section>
      <section>
        <h2>{t('review.presenter.upNext')}</h2>
        <p data-testid="up-next">
          {position < slides.length - 1 ? name(slides[position + 1]) : t('review.presenter.lastItem')}
        </p>
      </section>
      {!readOnly && (
        <Group gap="xs">
          <Button
            size="sm"
            variant="default"
            onClick={() => onDialog({ kind: 'record', decision: 'decision' })}
          >
            {t('review.presenter.decision')} (D)
          </Button>
          <Button
            size="sm"
            variant="default"
            onClick={() => onDialog({ kind: 'record', decision: 'next_step' })}
          >
            {t('review.presenter.nextStep')} (N)
          </Button>
          <Button size="sm" variant="default" onClick={() => onDialog({ kind: 'record', decision: 'risk' })}>
            {t('review.presenter.risk')} (R)
          </Button>
          {item?.card?.kind === 'deal' && (
            <Button size="sm" variant="default" onClick={() => onDialog({ kind: 'agree' })}>
              {t('review.presenter.agree')} (C)
            </Button>
          )}
          {item && (
            <Button size="sm" variant="default" onClick={onToggleFlag} aria-pressed={item.followUp}>
              {item.followUp ? t('review.presenter.unflag') : t('review.presenter.followUp')} (F)
            </Button>
          )}
        </Group>
      )}
      <section aria-labelledby="recorded-title">
        <h2 id="recorded-title">{t('review.presenter.recorded')}</h2>
        {recorded.length ? (
          <ul className={css.recordedList} data-testid="recorded">
            {recorded.map((d) => (
              <RecordedDecision key={d.id} decision={d} readOnly={readOnly} />
            ))}
          </ul>
        ) : (
          <p className={css.muted}>{t('review.presenter.nothingRecorded')}</p>
        )}
      </section>
      <nav aria-labelledby="agenda-title">
        <h2 id="agenda-title">{t('review.presenter.agenda')}</h2>
        <ol className={css.agendaList}>
          {slides.map((s, i) => (
            <li key={s.kind === 'item' ? (s.item.id ?? i) : 'followups'}>
              <button
                type="button"
                onClick={() => onGo(i)}
                aria-current={i === position ? 'true' : undefined}
              >
                {i + 1}. {name(s)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <MeetingNotes meeting={meeting} readOnly={readOnly} />
    </aside>
  );
}

function RecordedDecision({ decision, readOnly }: { decision: ReviewDecision; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const notify = useNotify();
  const update = useReviewWrite('review.updateDecision');
  const remove = useReviewWrite('review.deleteDecision');
  const record = useReviewWrite('review.record');
  const failed = (e: unknown) => notify({ message: errorText(e, i18n.language), color: 'red' });
  return (
    <li>
      <div>
        <strong>{t(`review.kind.${decision.kind}`)}</strong>: {decision.text}
        {decision.assignee ? ` — ${decision.assignee}` : ''}
        {decision.dueDate ? `, ${t('review.slide.dueOn', { date: format.day(decision.dueDate) })}` : ''}
        {decision.doneAt ? ` (${t('review.presenter.done')})` : ''}
      </div>
      {!readOnly && (
        <Group gap={4}>
          {decision.kind === 'next_step' && (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => update.mutate({ id: decision.id, done: !decision.doneAt }, { onError: failed })}
            >
              {decision.doneAt ? t('review.presenter.markOpen') : t('review.presenter.markDone')}
            </Button>
          )}
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={() =>
              remove.mutate(
                { id: decision.id },
                {
                  onError: failed,
                  onSuccess: (gone) =>
                    notify({
                      message: t('review.presenter.decisionDeleted', { text: gone.text }),
                      autoClose: 10_000,
                      action: {
                        label: t('review.presenter.undo'),
                        onClick: () =>
                          record.mutate(
                            {
                              meetingId: gone.meetingId,
                              itemId: gone.itemId,
                              kind: gone.kind,
                              text: gone.text,
                              assignee: gone.assignee,
                              dueDate: gone.dueDate,
                            },
                            { onError: failed },
                          ),
                      },
                    }),
                },
              )
            }
          >
            {t('review.presenter.deleteDecision')}
          </Button>
        </Group>
      )}
    </li>
  );
}

/** The meeting's notes, saved a moment after typing stops and when the field is left. */
function MeetingNotes({ meeting, readOnly }: { meeting: Meeting; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const notify = useNotify();
  const save = useReviewWrite('review.notes');
  const [text, setText] = useState(meeting.notes);
  const saved = useRef(meeting.notes);
  useEffect(() => {
    // Another window saved newer notes while this field was not being edited.
    if (meeting.notes !== saved.current && text === saved.current) {
      saved.current = meeting.notes;
      setText(meeting.notes);
    }
  }, [meeting.notes, text]);
  const flush = (value: string) => {
    if (value === saved.current || readOnly) return;
    saved.current = value;
    save.mutate(
      { id: meeting.id, notes: value },
      { onError: (e) => notify({ message: errorText(e, i18n.language), color: 'red' }) },
    );
  };
  useEffect(() => {
    const timer = setTimeout(() => flush(text), 1200);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- saving is keyed to the text alone
  }, [text]);
  return (
    <Textarea
      label={t('review.presenter.notes')}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => flush(text)}
      autosize
      minRows={4}
      readOnly={readOnly}
      data-testid="meeting-notes"
    />
  );
}
