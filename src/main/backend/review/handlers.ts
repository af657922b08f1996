import type { reviewChannels } from '@shared/contract';
import type { Stage } from '@shared/domain/stages';
import type { BackendContext } from '../context';
import type { Handlers } from '../registry';
import { loadStages } from '../stages/model';
import { workspaceNow } from '../workspace/settings';
import { agree, deleteDecision, followUp, record, saveNotes, updateDecision } from './capture';
import { compareMeetings } from './compare';
import { deleteMeeting, endMeeting, present, saveDraft, startMeeting } from './lifecycle';
import { decisionRow, itemRow, openNextSteps, previousMeeting, summaries } from './meetings';
import { minutesDocument } from './minutes/document';
import { minutesDocx } from './minutes/docx';
import type { Lang } from './minutes/labels';
import { minutesMarkdown } from './minutes/markdown';
import { itemsFor, proposeAgenda, sinceFor } from './propose';
import { meetingView } from './view';
import { decisions } from './meetings';
import { formatTimestamp } from '@shared/time';

/**
 * The review channels. The pipeline is looked at as of the workspace's clock (`asOf`);
 * timers and stamps follow the wall clock. After a change the screens showing the meeting
 * hear `review.changed` (the presenter's moves: `review.live`).
 */
export const reviewHandlers = ({ ws, emit, analytics }: BackendContext): Handlers<typeof reviewChannels> => {
  const changed = <T>(meetingId: number, value: T): T => {
    emit('review.changed', { meetingId });
    return value;
  };
  const view = (id: number) => meetingView(ws, analytics.current(), id, workspaceNow(ws));
  return {
    'review.list': () => summaries(ws),
    'review.propose': (input) => {
      const asOf = workspaceNow(ws);
      const previous = previousMeeting(ws, input.scope, null);
      const { entries, leftOut, ctx } = proposeAgenda(ws, analytics.current(), {
        ...input,
        asOf,
        since: sinceFor(asOf, previous?.as_of ?? null),
      });
      const followUps = decisions(ws, { ids: openNextSteps(ws, input.scope, null) });
      return {
        agenda: itemsFor(ws, ctx, entries, followUps.length, input.budgetMinutes),
        followUps,
        previous: previous
          ? { id: previous.id, title: previous.title, asOf: formatTimestamp(previous.as_of) }
          : null,
        leftOut,
        asOf: formatTimestamp(asOf),
      };
    },
    'review.save': (input) => {
      const id = saveDraft(ws, input, workspaceNow(ws), Date.now());
      return changed(id, view(id));
    },
    'review.get': ({ id }) => view(id),
    'review.start': ({ id }) => {
      startMeeting(ws, analytics.current(), id, workspaceNow(ws), Date.now());
      return changed(id, view(id));
    },
    'review.present': ({ id, position, timer }) => {
      const live = present(ws, id, { position, timer }, Date.now());
      emit('review.live', live);
      return live;
    },
    'review.record': (input) => changed(input.meetingId, record(ws, input, Date.now())),
    'review.updateDecision': (input) => {
      const result = updateDecision(ws, input, Date.now());
      return changed(result.meetingId, result);
    },
    'review.deleteDecision': ({ id }) => {
      const result = deleteDecision(ws, id);
      return changed(result.meetingId, result);
    },
    'review.agree': (input) => {
      const meetingId = itemRow(ws, input.itemId).meeting_id;
      return changed(meetingId, agree(ws, input, Date.now()));
    },
    'review.followUp': (input) => {
      decisionRow(ws, input.decisionId);
      followUp(ws, input, Date.now());
      return changed(input.meetingId, view(input.meetingId));
    },
    'review.notes': ({ id, notes }) => changed(id, saveNotes(ws, id, notes, Date.now())),
    'review.end': ({ id }) => {
      endMeeting(ws, id, Date.now());
      return changed(id, view(id));
    },
    'review.delete': ({ id }) => changed(id, deleteMeeting(ws, id)),
    'review.compare': ({ a, b }) => compareMeetings(ws, a, b),
    'review.minutesDocument': ({ id, lang }) =>
      minutesDocument(view(id), lang, stageNamer(loadStages(ws), lang)),
    'review.minutes': async ({ id, format, lang }) => {
      const meeting = view(id);
      const doc = minutesDocument(meeting, lang, stageNamer(loadStages(ws), lang));
      const base = `review-${id}-${meeting.asOf.slice(0, 10)}`;
      if (format === 'md')
        return { fileName: `${base}.md`, mime: 'text/markdown', text: minutesMarkdown(doc), base64: null };
      const bytes = await minutesDocx(doc, lang);
      return {
        fileName: `${base}.docx`,
        mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        text: null,
        base64: bytes.toString('base64'),
      };
    },
  };
};

/** A stage's name in the language, by key (the key itself for a stage the model no longer has). */
export function stageNamer(stages: readonly Stage[], lang: Lang): (key: string) => string {
  const byKey = new Map(stages.map((s) => [s.key, s]));
  return (key) => {
    const s = byKey.get(key);
    if (!s) return key;
    return (lang === 'zh-CN' ? s.nameZh : s.nameEn) ?? s.name;
  };
}
