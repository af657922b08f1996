import type { AgendaStyle, Meeting, ReviewCard } from '@shared/contract';
import { FORECAST_CATEGORIES } from '@shared/domain/stages';
import { formatTimestamp } from '@shared/time';
import type { Snapshot } from '../analytics/snapshot';
import type { Db } from '../db/query';
import { cardContext } from './cards';
import {
  decisions,
  itemRows,
  liveState,
  meetingRow,
  openNextSteps,
  previousMeeting,
  scopeOf,
  summaries,
  toItem,
  type MeetingRow,
} from './meetings';
import { cardsFor, sinceFor } from './propose';

/** The follow-ups a meeting shows: fixed when it started; for a draft, those open now. */
export function followUpIds(ws: Db, row: MeetingRow): number[] {
  return row.status === 'planned'
    ? openNextSteps(ws, scopeOf(row), row)
    : (JSON.parse(row.follow_ups) as number[]);
}

/**
 * A meeting as the screens show it. A draft's cards are live (the workspace at its clock,
 * compared with the previous review); a started meeting's are the ones fixed at its start.
 */
export function meetingView(ws: Db, s: Snapshot, id: number, now: number): Meeting {
  const row = meetingRow(ws, id);
  const items = itemRows(ws, id);
  const follow = followUpIds(ws, row);
  const previous =
    row.status === 'planned'
      ? previousMeeting(ws, scopeOf(row), row)
      : row.previous_meeting_id === null
        ? undefined
        : meetingRow(ws, row.previous_meeting_id);
  let cards: (ReviewCard | null)[];
  if (row.status === 'planned') {
    const ctx = cardContext(s, now, sinceFor(now, previous?.as_of ?? null), scopeOf(row).team);
    cards = cardsFor(
      ws,
      ctx,
      items.map((i) => ({ kind: i.kind, dealId: i.deal_id, owner: i.owner })),
    );
  } else cards = items.map((i) => (i.card === null ? null : (JSON.parse(i.card) as ReviewCard)));
  const categories = [...new Set([...s.dictionaries.category.values, ...FORECAST_CATEGORIES])].filter(
    Boolean,
  );
  return {
    ...summaries(ws, id)[0]!,
    style: row.agenda_style as AgendaStyle,
    topN: row.top_n,
    budgetMinutes: row.budget_minutes,
    notes: row.notes,
    previous: previous
      ? { id: previous.id, title: previous.title, asOf: formatTimestamp(previous.as_of) }
      : null,
    live: liveState(row, items, follow.length),
    agenda: items.map((item, i) => toItem(item, cards[i] ?? null)),
    decisions: decisions(ws, { meetingId: id }),
    followUps: decisions(ws, { ids: follow }),
    categories,
  };
}
