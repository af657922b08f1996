import { describe, expect, it } from 'vitest';
import type { AgendaProposal, DealCard, Meeting, PreCallPlan } from '@shared/contract';
import { weekOf } from '@backend/plans/review-hooks';
import type { Registry } from '@backend/registry';
import { AS_OF, planWorkspace, savedPlan } from './support';

const DAY = 86_400_000;

async function approved(
  registry: Registry,
  call: <T>(c: string, i?: unknown) => Promise<T>,
  dealId: string,
  visitDate: string,
) {
  const plan = await savedPlan(registry, dealId, { visitDate });
  await call('plans.submit', { planId: plan.id, by: 'Ann' });
  return call<PreCallPlan>('plans.review', { planId: plan.id, decision: 'approve', reviewer: 'Mgr' });
}

const decisionMaker = (met: boolean) => ({
  name: '李总',
  title: 'CEO',
  role: 'decision_maker',
  influence: 5,
  stance: 'neutral',
  met,
});

describe('the week of a visit', () => {
  it('runs Monday to Sunday in UTC', () => {
    // AS_OF is Monday 2026-03-02, 00:00 UTC.
    expect(weekOf(AS_OF)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(weekOf(AS_OF - 1)).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(weekOf(AS_OF + 6 * DAY + DAY - 1)).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(weekOf(AS_OF + 7 * DAY)).toEqual({ from: '2026-03-09', to: '2026-03-15' });
  });
});

describe('the unplanned agenda', () => {
  it('takes the deals with a visit this week and no approved plan for it, the soonest visit first', async () => {
    const { registry, call } = await planWorkspace();
    await savedPlan(registry, 'E1', { visitDate: '2026-03-04' }); // a draft this week
    await approved(registry, call, 'E2', '2026-03-05'); // approved: planned
    await approved(registry, call, 'E3', '2026-03-03');
    await savedPlan(registry, 'E3', { visitDate: '2026-03-08' }); // a second visit, Sunday, not approved
    await savedPlan(registry, 'E4', { visitDate: '2026-03-09' }); // next week
    await savedPlan(registry, 'W1', { visitDate: '2026-03-01' }); // last week
    const proposal = await call<AgendaProposal>('review.propose', {
      scope: { team: null, reps: [] },
      style: 'unplanned',
      budgetMinutes: 30,
    });
    expect(proposal.agenda.map((i) => [i.dealId, i.reason.why, i.reason.visitDate])).toEqual([
      ['E1', 'unplanned', '2026-03-04'],
      ['E3', 'unplanned', '2026-03-08'],
    ]);
    const saved = await call<Meeting>('review.save', {
      title: 'Visits this week',
      scope: { team: null, reps: [] },
      style: 'unplanned',
      budgetMinutes: 30,
      agenda: proposal.agenda.map(({ kind, dealId, owner, reason }) => ({ kind, dealId, owner, reason })),
    });
    expect(saved.style).toBe('unplanned');
    expect(saved.agenda[0]!.reason).toMatchObject({ why: 'unplanned', visitDate: '2026-03-04' });
  });
});

describe('plans and coverage in the meeting', () => {
  it('flags a deal whose mapped buying centre has a decision maker nobody met, and the card shows the gaps and the plan', async () => {
    const { registry, call } = await planWorkspace();
    const flagged = async () =>
      (
        await call<AgendaProposal>('review.propose', {
          scope: { team: 'East', reps: [] },
          style: 'flagged',
          budgetMinutes: 30,
        })
      ).agenda;
    // E4 (商务谈判) has no attention flag, and an unmapped centre does not flag it.
    expect((await flagged()).map((i) => i.dealId)).not.toContain('E4');
    await call('contacts.save', { dealId: 'E4', contact: decisionMaker(false) });
    const item = (await flagged()).find((i) => i.dealId === 'E4')!;
    expect(item.reason).toMatchObject({ why: 'flagged', flags: [], coverage: ['decision_maker_not_met'] });
    const card = item.card as DealCard;
    expect(card.coverageGaps!.map((g) => [g.kind, g.contactName])).toEqual([
      ['decision_maker_not_met', '李总'],
      ['no_coach', null],
    ]);
    expect(card.plan).toBeNull();

    // Only the soft gap left: no longer flagged.
    const centre = await call<{ contacts: { id: number }[] }>('contacts.list', { dealId: 'E4' });
    await call('contacts.save', {
      dealId: 'E4',
      contact: { ...decisionMaker(true), id: centre.contacts[0]!.id },
    });
    expect((await flagged()).map((i) => i.dealId)).not.toContain('E4');

    const plan = await approved(registry, call, 'E1', '2026-03-04');
    const e1 = (await flagged()).find((i) => i.dealId === 'E1')!.card as DealCard;
    expect(e1.plan).toEqual({
      dealId: 'E1',
      planId: plan.id,
      status: 'approved',
      visitDate: '2026-03-04',
      lastOutcome: null,
    });
  });
});
