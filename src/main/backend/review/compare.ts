import type { DealCard, MeetingComparison, ReviewCard, ValueChange } from '@shared/contract';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Db } from '../db/query';
import { decisions, itemRows, meetingRow, summaries } from './meetings';

/** The card fields "moved" compares, with their names in the contract. */
const FIELDS: [ValueChange['field'], (c: DealCard) => string | number | null][] = [
  ['stage', (c) => c.stage],
  ['amount', (c) => c.amount],
  ['closeDate', (c) => c.closeDate],
  ['owner', (c) => c.owner],
  ['forecastCategory', (c) => c.forecastCategory],
];

/**
 * Two reviews of the same scope, the earlier first: the deals the later agenda added and
 * dropped, those on both whose card moved (as each meeting showed it), and what became of
 * the earlier review's next steps.
 */
export function compareMeetings(ws: Db, aId: number, bId: number): MeetingComparison {
  let [a, b] = [meetingRow(ws, aId), meetingRow(ws, bId)];
  if (a.scope_team !== b.scope_team || a.scope_reps !== b.scope_reps)
    throw new WorkbenchError('invalid_input', msg('review_compare_scope', { a: aId, b: bId }));
  // The earlier first: by the pipeline's as-of, then by when each was held.
  const order = (m: typeof a) => [m.as_of, m.started_at ?? Number.POSITIVE_INFINITY, m.id] as const;
  const [x, y] = [order(a), order(b)];
  if (y[0] < x[0] || (y[0] === x[0] && (y[1] < x[1] || (y[1] === x[1] && y[2] < x[2])))) [a, b] = [b, a];
  const cardsOf = (id: number) => {
    const map = new Map<string, DealCard | null>();
    for (const item of itemRows(ws, id))
      if (item.kind === 'deal' && item.deal_id !== null) {
        const card = item.card === null ? null : (JSON.parse(item.card) as ReviewCard);
        map.set(item.deal_id, card?.kind === 'deal' ? card : null);
      }
    return map;
  };
  const before = cardsOf(a.id);
  const after = cardsOf(b.id);
  const named = (id: string, card: DealCard | null | undefined) => ({ id, name: card?.name ?? id });
  const moved: MeetingComparison['moved'] = [];
  for (const [id, card] of after) {
    const old = before.get(id);
    if (!card || !old) continue;
    const changes = FIELDS.filter(([, get]) => get(old) !== get(card)).map(([field, get]) => ({
      field,
      from: get(old),
      to: get(card),
    }));
    if (changes.length) moved.push({ ...named(id, card), changes });
  }
  const steps = decisions(ws, { meetingId: a.id }).filter((d) => d.kind === 'next_step');
  return {
    a: summaries(ws, a.id)[0]!,
    b: summaries(ws, b.id)[0]!,
    added: [...after].filter(([id]) => !before.has(id)).map(([id, card]) => named(id, card)),
    removed: [...before].filter(([id]) => !after.has(id)).map(([id, card]) => named(id, card)),
    moved,
    nextSteps: {
      done: steps.filter((d) => d.doneAt !== null),
      carried: steps.filter((d) => d.doneAt === null && d.carriedToMeetingId !== null),
      open: steps.filter((d) => d.doneAt === null && d.carriedToMeetingId === null),
    },
  };
}
