import { afterEach, describe, expect, it, vi } from 'vitest';
import type {
  AgendaProposal,
  AttentionReport,
  DealCard,
  LiveState,
  Meeting,
  MeetingComparison,
  MeetingSummary,
  ReviewDecision,
} from '@shared/contract';
import type { Registry } from '@backend/registry';
import { AS_OF, call, dealsCsv, reviewWorkspace, startedReview } from './support';

const fail = async (registry: Registry, channel: string, input: unknown) => {
  const r = await registry.dispatch(channel, input, 'cli');
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
};

afterEach(() => {
  vi.useRealTimers();
});

const east = { team: 'East', reps: [] };

describe('preparing a review', () => {
  it('proposes the team’s flagged deals with the attention report’s flags, and saves a reordered, trimmed draft', async () => {
    const { registry } = await reviewWorkspace();
    const proposal = await call<AgendaProposal>(registry, 'review.propose', {
      scope: east,
      style: 'flagged',
      budgetMinutes: 30,
    });
    const attention = await call<AttentionReport>(registry, 'report.attention', {
      asOf: AS_OF,
      team: 'East',
    });
    expect(proposal.agenda.map((i) => i.dealId)).toEqual(['E1', 'E2', 'E3']);
    // One definition of the flags: the cards say what `funnel report attention` says.
    for (const item of proposal.agenda) {
      const row = attention.deals.find((d) => d.id === item.dealId)!;
      expect((item.card as DealCard).flags).toEqual(row.flags);
      expect(item.reason.flags).toEqual(row.flags);
    }
    const e1 = proposal.agenda[0]!.card as DealCard;
    expect(e1).toMatchObject({
      stage: 'proposal',
      dwellLimitDays: 7,
      pushCount: 2,
      owner: 'Ann',
      amount: 480_000,
    });
    expect(e1.daysInStage).toBeCloseTo(12, 9);
    expect(e1.closeDateHistory.map((h) => [h.closeDate, h.pushed])).toEqual([
      ['2026-02-15', false],
      ['2026-03-15', true],
      ['2026-04-30', true],
    ]);
    expect(proposal.agenda.reduce((sum, i) => sum + i.minutes, 0)).toBeCloseTo(30, 9);
    expect(proposal.previous).toBeNull();

    // The manager puts E3 first, drops E2 and adds the large E4 by hand.
    const [e1Item, , e3Item] = proposal.agenda;
    const draft = await call<Meeting>(registry, 'review.save', {
      title: 'East weekly',
      scope: east,
      style: 'flagged',
      budgetMinutes: 30,
      agenda: [
        ...[e3Item!, e1Item!].map(({ kind, dealId, owner, reason }) => ({ kind, dealId, owner, reason })),
        { kind: 'deal', dealId: 'E4', owner: 'Bob' },
      ],
    });
    expect(draft.status).toBe('planned');
    expect(draft.agenda.map((i) => [i.dealId, i.reason.why])).toEqual([
      ['E3', 'flagged'],
      ['E1', 'flagged'],
      ['E4', 'added'],
    ]);
    expect(draft.agenda.map((i) => i.minutes)).toEqual([10, 10, 10]);
    const unknown = await fail(registry, 'review.save', {
      id: draft.id,
      title: 'x',
      scope: east,
      style: 'top',
      budgetMinutes: 30,
      agenda: [{ kind: 'deal', dealId: 'NOPE' }],
    });
    expect(unknown.message).toBe('There is no deal with id "NOPE" in this workspace to put on the agenda.');
  });

  it('builds a rep-by-rep agenda with each rep’s 4S summary and funnel', async () => {
    const { registry } = await reviewWorkspace();
    const proposal = await call<AgendaProposal>(registry, 'review.propose', {
      scope: { team: 'East', reps: ['Bob', 'Ann'] },
      style: 'rep',
      budgetMinutes: 40,
    });
    expect(proposal.agenda.map((i) => (i.kind === 'rep' ? `rep:${i.owner}` : i.dealId))).toEqual([
      'rep:Ann',
      'E1',
      'E2',
      'rep:Bob',
      'E3',
      'E4',
    ]);
    const bob = proposal.agenda[3]!.card!;
    expect(bob).toMatchObject({ kind: 'rep', owner: 'Bob', size: { open: 2, amount: 960_000 }, flagged: 1 });
    expect(bob.kind === 'rep' && bob.success).toEqual({ winRate: 1, won: 1, lost: 0 });
  });
});

describe('running a review', () => {
  it('fixes the cards at the start: a re-import of newer CRM data changes the pipeline, not the meeting', async () => {
    const { registry } = await reviewWorkspace();
    const meeting = await startedReview(registry);
    expect(meeting.status).toBe('running');
    const item = meeting.agenda.find((i) => i.dealId === 'E1')!;
    await call(registry, 'review.record', {
      meetingId: meeting.id,
      itemId: item.id,
      kind: 'next_step',
      text: 'Send the revised quote',
      dueDate: '2026-03-06',
    });
    const outcome = await call<{ imported: { deals: number } }>(registry, 'import.apply', {
      files: {
        deals: {
          name: 'deals.csv',
          text: dealsCsv([
            {
              id: 'E1',
              name: 'Deal E1',
              account: 'Account E1',
              owner: 'Ann',
              team: 'East',
              amount: '250000',
              currency: 'CNY',
              stage: 'negotiation',
              created_at: '2026-01-01',
              close_date: '2026-06-30',
              forecast_category: 'commit',
              updated_at: '2026-03-01T12:00Z',
            },
          ]),
        },
      },
    });
    expect(outcome.imported.deals).toBe(1);
    const again = await call<Meeting>(registry, 'review.get', { id: meeting.id });
    expect(again.agenda.find((i) => i.dealId === 'E1')!.card).toEqual(item.card);
    expect(again.decisions.map((d) => [d.dealId, d.text, d.assignee, d.dueDate])).toEqual([
      ['E1', 'Send the revised quote', 'Ann', '2026-03-06'],
    ]);
  });

  it('moves by slide and times the meeting and each item while the timer runs', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2026-03-02T09:00:00Z'));
    const { registry } = await reviewWorkspace();
    const meeting = await startedReview(registry);
    expect(meeting.live).toMatchObject({
      position: 0,
      elapsedMs: 0,
      runningSince: '2026-03-02T09:00:00.000Z',
    });
    vi.setSystemTime(Date.parse('2026-03-02T09:02:00Z'));
    let live = await call<LiveState>(registry, 'review.present', { id: meeting.id, position: 1 });
    expect(live).toMatchObject({ position: 1, elapsedMs: 120_000, itemElapsedMs: 0 });
    vi.setSystemTime(Date.parse('2026-03-02T09:03:00Z'));
    live = await call<LiveState>(registry, 'review.present', { id: meeting.id, timer: 'pause' });
    expect(live).toMatchObject({
      position: 1,
      elapsedMs: 180_000,
      itemElapsedMs: 60_000,
      runningSince: null,
    });
    vi.setSystemTime(Date.parse('2026-03-02T09:30:00Z'));
    live = await call<LiveState>(registry, 'review.present', { id: meeting.id, position: 0 });
    expect(live).toMatchObject({ elapsedMs: 180_000, runningSince: null });
    const view = await call<Meeting>(registry, 'review.get', { id: meeting.id });
    expect(view.agenda.map((i) => i.elapsedMs)).toEqual([120_000, 60_000, 0]);
    expect(view.agenda.map((i) => i.reviewedAt !== null)).toEqual([true, true, false]);
    const beyond = await fail(registry, 'review.present', { id: meeting.id, position: 3 });
    expect(beyond.message).toBe('Review "East weekly" has 3 slides; there is no slide 4.');
  });

  it('agrees a category and close date, flags for follow-up, and is read-only once ended', async () => {
    const { registry } = await reviewWorkspace();
    const meeting = await startedReview(registry);
    const item = meeting.agenda[0]!;
    const agreed = await call<Meeting['agenda'][number]>(registry, 'review.agree', {
      itemId: item.id,
      category: 'commit',
      closeDate: '2026-03-31',
      followUp: true,
    });
    expect(agreed).toMatchObject({ agreedCategory: 'commit', agreedCloseDate: '2026-03-31', followUp: true });
    await call(registry, 'review.notes', { id: meeting.id, notes: 'Pipeline is thin for April.' });
    const ended = await call<Meeting>(registry, 'review.end', { id: meeting.id });
    expect(ended.status).toBe('ended');
    expect(ended.notes).toBe('Pipeline is thin for April.');
    const refused = await fail(registry, 'review.record', {
      meetingId: meeting.id,
      kind: 'decision',
      text: 'x',
    });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('Review "East weekly" has ended and is read-only.');
  });
});

describe('following up at the next review', () => {
  it('opens the next review of the same scope with the open next steps; each is marked done or carried over', async () => {
    const { registry } = await reviewWorkspace();
    const first = await startedReview(registry, 'Week 9');
    const e1 = first.agenda.find((i) => i.dealId === 'E1')!;
    const quote = await call<ReviewDecision>(registry, 'review.record', {
      meetingId: first.id,
      itemId: e1.id,
      kind: 'next_step',
      text: 'Send the revised quote',
    });
    const cfo = await call<ReviewDecision>(registry, 'review.record', {
      meetingId: first.id,
      itemId: e1.id,
      kind: 'next_step',
      text: 'Meet the CFO',
      assignee: 'Bob',
      dueDate: '2026-03-09',
    });
    await call(registry, 'review.record', {
      meetingId: first.id,
      kind: 'decision',
      text: 'Discount capped at 10%',
    });
    await call(registry, 'review.end', { id: first.id });

    // Another team's review does not inherit East's next steps.
    const west = await call<AgendaProposal>(registry, 'review.propose', {
      scope: { team: 'West', reps: [] },
      style: 'top',
      budgetMinutes: 10,
    });
    expect(west.followUps).toEqual([]);

    const second = await startedReview(registry, 'Week 10');
    expect(second.previous).toMatchObject({ id: first.id, title: 'Week 9' });
    expect(second.followUps.map((d) => d.text)).toEqual(['Send the revised quote', 'Meet the CFO']);
    expect(second.live.position).toBe(0); // the follow-ups come first

    await call(registry, 'review.followUp', { meetingId: second.id, decisionId: quote.id, action: 'done' });
    const after = await call<Meeting>(registry, 'review.followUp', {
      meetingId: second.id,
      decisionId: cfo.id,
      action: 'carry',
    });
    expect(after.followUps.map((d) => [d.text, d.doneMeetingId, d.carriedToMeetingId])).toEqual([
      ['Send the revised quote', second.id, null],
      ['Meet the CFO', null, second.id],
    ]);
    const carried = after.decisions.find((d) => d.carriedFrom === cfo.id)!;
    expect(carried).toMatchObject({
      text: 'Meet the CFO',
      assignee: 'Bob',
      dueDate: '2026-03-09',
      dealId: 'E1',
    });

    const comparison = await call<MeetingComparison>(registry, 'review.compare', {
      a: second.id,
      b: first.id,
    });
    expect(comparison.a.id).toBe(first.id);
    expect(comparison.nextSteps.done.map((d) => d.text)).toEqual(['Send the revised quote']);
    expect(comparison.nextSteps.carried.map((d) => d.text)).toEqual(['Meet the CFO']);
    expect(comparison.added).toEqual([]);

    // Switching an answer undoes the other: reopening the carried step removes its copy.
    const reopened = await call<Meeting>(registry, 'review.followUp', {
      meetingId: second.id,
      decisionId: cfo.id,
      action: 'reopen',
    });
    expect(reopened.decisions.some((d) => d.carriedFrom === cfo.id)).toBe(false);
    expect(reopened.followUps[1]).toMatchObject({ carriedToMeetingId: null, doneAt: null });

    // Deleting the second review leaves the first one's steps open again.
    await call(registry, 'review.end', { id: second.id });
    await call<MeetingSummary>(registry, 'review.delete', { id: second.id });
    const third = await call<AgendaProposal>(registry, 'review.propose', {
      scope: east,
      style: 'flagged',
      budgetMinutes: 30,
    });
    expect(third.followUps.map((d) => [d.text, d.doneAt])).toEqual([
      ['Send the revised quote', null],
      ['Meet the CFO', null],
    ]);
    const list = await call<MeetingSummary[]>(registry, 'review.list', {});
    expect(list.map((m) => [m.title, m.status, m.decisionCount, m.nextStepCount])).toEqual([
      ['Week 9', 'ended', 1, 2],
    ]);
  });

  it('keeps the decisions on a deal deleted upstream, with the name its card showed', async () => {
    const { registry } = await reviewWorkspace();
    const meeting = await startedReview(registry);
    const e3 = meeting.agenda.find((i) => i.dealId === 'E3')!;
    await call(registry, 'review.record', {
      meetingId: meeting.id,
      itemId: e3.id,
      kind: 'risk',
      text: 'Budget frozen',
    });
    await call(registry, 'import.apply', {
      files: {
        deals: {
          name: 'deals.csv',
          text: dealsCsv([
            {
              id: 'E3',
              name: 'Renamed upstream',
              owner: 'Bob',
              team: 'East',
              amount: '60000',
              currency: 'CNY',
              stage: 'need',
              created_at: '2026-01-01',
              updated_at: '2026-03-01T12:00Z',
              deleted_at: '2026-03-01T12:00Z',
            },
          ]),
        },
      },
    });
    const after = await call<Meeting>(registry, 'review.get', { id: meeting.id });
    expect(after.decisions.map((d) => [d.dealId, d.dealName, d.text])).toEqual([
      ['E3', 'Renamed upstream', 'Budget frozen'],
    ]);
    expect(after.agenda.find((i) => i.dealId === 'E3')!.card).toEqual(e3.card);
  });
});
