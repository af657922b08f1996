import type { Meeting, MinutesDocument, MinutesSection, ReviewDecision } from '@shared/contract';
import { LABELS, type Lang } from './labels';

/**
 * The minutes of a review as a plain document (headings, key facts, tables, lists),
 * built once from the meeting and written out as Markdown or DOCX by the renderers beside
 * this file, so both formats always say the same.
 */
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');
const minutesOf = (ms: number) => Math.round(ms / 60_000);

export function minutesDocument(
  meeting: Meeting,
  lang: Lang,
  stageName: (key: string) => string,
): MinutesDocument {
  const L = LABELS[lang];
  const subject = (d: ReviewDecision) => {
    if (d.dealId) return d.dealName ? `${d.dealName} (${d.dealId})` : d.dealId;
    const item = meeting.agenda.find((i) => i.id === d.itemId);
    return item?.owner ? `${L.rep}: ${item.owner}` : L.meeting;
  };
  const status = (d: ReviewDecision) =>
    d.doneAt ? L.done : d.carriedToMeetingId !== null ? L.carried : L.open;
  const reviewed = meeting.agenda.filter((i) => i.reviewedAt !== null).length;
  const recorded = meeting.decisions;
  const nextSteps = recorded.filter((d) => d.kind === 'next_step');
  const agreed = meeting.agenda.filter((i) => i.agreedCategory || i.agreedCloseDate || i.followUp);

  const sections: MinutesSection[] = [
    {
      heading: L.followUps,
      table: {
        headers: [L.nextStep, L.subject, L.owner, L.due, L.status],
        rows: meeting.followUps.map((d) => [
          d.text,
          subject(d),
          d.assignee ?? '',
          d.dueDate ?? '',
          d.doneMeetingId === meeting.id
            ? L.doneHere
            : d.carriedToMeetingId === meeting.id
              ? L.carriedHere
              : status(d),
        ]),
      },
      empty: L.noFollowUps,
    },
    {
      heading: L.decisions,
      table: {
        headers: ['#', L.kind, L.subject, L.text, L.owner, L.due, L.status],
        rows: recorded.map((d, i) => [
          String(i + 1),
          L.kinds[d.kind] ?? d.kind,
          subject(d),
          d.text,
          d.assignee ?? '',
          d.dueDate ?? '',
          d.kind === 'next_step' ? status(d) : '',
        ]),
      },
      empty: L.noDecisions,
    },
    {
      heading: L.agreed,
      table: {
        headers: [L.deal, L.stage, L.category, L.closeDate, L.followUp],
        rows: agreed.map((i) => {
          const card = i.card?.kind === 'deal' ? i.card : null;
          return [
            card ? `${card.name} (${card.id})` : (i.dealId ?? i.owner ?? ''),
            card ? stageName(card.stage) : '',
            i.agreedCategory ? (L.categories[i.agreedCategory] ?? i.agreedCategory) : '',
            i.agreedCloseDate ?? '',
            i.followUp ? L.yes : '',
          ];
        }),
      },
      empty: L.noAgreed,
    },
    {
      heading: L.openItems,
      list: [
        ...nextSteps
          .filter((d) => d.doneAt === null)
          .map(
            (d) =>
              `${d.text} — ${subject(d)}${d.assignee ? `, ${d.assignee}` : ''}${d.dueDate ? `, ${L.due} ${d.dueDate}` : ''}`,
          ),
        ...agreed
          .filter((i) => i.followUp)
          .map((i) => `${L.flagged}: ${i.card?.kind === 'deal' ? i.card.name : (i.dealId ?? i.owner ?? '')}`),
      ],
      empty: L.noOpenItems,
    },
    {
      heading: L.agenda,
      list: meeting.agenda.map((i) => {
        const card = i.card;
        const what =
          card?.kind === 'deal'
            ? `${card.name} (${card.id}) — ${card.owner}, ${stageName(card.stage)}`
            : card?.kind === 'rep'
              ? `${L.rep}: ${card.owner}`
              : (i.dealId ?? i.owner ?? '');
        return `${what}${i.reviewedAt ? '' : ` (${L.notReached})`}`;
      }),
      empty: L.noAgenda,
    },
    {
      heading: L.notes,
      paragraphs: meeting.notes.trim() ? meeting.notes.trim().split(/\n{2,}/) : [],
      empty: L.noNotes,
    },
  ];

  return {
    title: `${L.minutesOf} ${meeting.title}`,
    facts: [
      [
        L.scope,
        [
          meeting.scope.team ?? L.allTeams,
          meeting.scope.reps.length ? meeting.scope.reps.join(', ') : L.allReps,
        ].join(' · '),
      ],
      [L.asOf, day(meeting.asOf)],
      [
        L.held,
        meeting.startedAt
          ? `${day(meeting.startedAt)} · ${minutesOf(meeting.live.elapsedMs)} ${L.min}`
          : L.notHeld,
      ],
      [L.previous, meeting.previous ? `${meeting.previous.title} (${day(meeting.previous.asOf)})` : L.none],
      [L.covered, `${reviewed} / ${meeting.agenda.length}`],
      [
        L.counts,
        `${recorded.filter((d) => d.kind === 'decision').length} ${L.decisionsShort} · ${nextSteps.length} ${L.nextStepsShort}`,
      ],
    ],
    sections,
  };
}
