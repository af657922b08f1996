import { describe, expect, it } from 'vitest';
import type { BuyingCentre, Contact, DealPlanState, PlanSummary, PreCallPlan } from '@shared/contract';
import { dealsCsv } from '../review/support';
import { planWorkspace, refusal, savedPlan } from './support';

const person = (name: string, role: string, met: boolean, extra: Record<string, unknown> = {}) => ({
  name,
  role,
  influence: 4,
  stance: 'supporter',
  met,
  ...extra,
});

const reimport = (rows: Record<string, string>[]) => ({
  files: { deals: { name: 'deals.csv', text: dealsCsv(rows) } },
});
const e1 = (extra: Record<string, string>) => ({
  id: 'E1',
  name: 'Deal E1',
  account: 'Account E1',
  owner: 'Ann',
  team: 'East',
  amount: '480000',
  currency: 'CNY',
  stage: 'proposal',
  created_at: '2026-01-01',
  updated_at: '2026-03-01T12:00Z',
  ...extra,
});

describe('the buying centre', () => {
  it('adds, edits and deletes contacts, decision makers first, with the gaps at the deal’s stage now', async () => {
    const { registry, call } = await planWorkspace();
    let centre = await call<BuyingCentre>('contacts.save', {
      dealId: 'E1',
      contact: person('王工', 'technical_evaluator', true, { title: 'IT 经理', note: '关注集成' }),
    });
    centre = await call<BuyingCentre>('contacts.save', {
      dealId: 'E1',
      contact: person('李总', 'decision_maker', false),
    });
    expect(centre.stageKey).toBe('proposal');
    expect(centre.contacts.map((c) => [c.name, c.role, c.met])).toEqual([
      ['李总', 'decision_maker', false],
      ['王工', 'technical_evaluator', true],
    ]);
    expect(centre.contacts[1]).toMatchObject({
      title: 'IT 经理',
      note: '关注集成',
      influence: 4,
      stance: 'supporter',
    });
    expect(centre.gaps.map((g) => g.kind)).toEqual(['decision_maker_not_met', 'no_coach']);

    const boss = centre.contacts[0]!;
    centre = await call<BuyingCentre>('contacts.save', {
      dealId: 'E1',
      contact: person('李总', 'decision_maker', true, { id: boss.id, stance: 'champion' }),
    });
    expect(centre.contacts[0]).toMatchObject({ id: boss.id, met: true, stance: 'champion' });
    expect(centre.gaps.map((g) => g.kind)).toEqual(['no_coach']);

    const { deleted, centre: after } = await call<{ deleted: Contact; centre: BuyingCentre }>(
      'contacts.delete',
      {
        contactId: boss.id,
      },
    );
    expect(deleted.name).toBe('李总');
    expect(after.gaps.map((g) => g.kind)).toEqual(['no_decision_maker', 'no_coach']);

    expect(await refusal(registry, 'contacts.delete', { contactId: boss.id })).toMatchObject({
      code: 'not_found',
    });
    expect(
      await refusal(registry, 'contacts.save', {
        dealId: 'E2',
        contact: person('x', 'user', true, { id: centre.contacts[1]!.id }),
      }),
    ).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/^contact\.id: contact \d+ is not in the buying centre of deal E2/),
    });
    expect(
      await refusal(registry, 'contacts.save', { dealId: 'NOPE', contact: person('x', 'user', true) }),
    ).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('NOPE'),
    });
    const bad = await refusal(registry, 'contacts.save', {
      dealId: 'E1',
      contact: person('', 'boss', true, { influence: 9 }),
    });
    expect(bad.message).toMatch(/contact\.name/);
    expect(bad.message).toMatch(/contact\.role/);
    expect(bad.message).toMatch(/contact\.influence/);
  });

  it('survives a re-import that rewrites the deal, and is judged at the stage the import moved it to', async () => {
    const { call } = await planWorkspace();
    await call('contacts.save', { dealId: 'E1', contact: person('李总', 'decision_maker', false) });
    await call('import.apply', reimport([e1({ stage: 'need' })]));
    const centre = await call<BuyingCentre>('contacts.list', { dealId: 'E1' });
    expect(centre.stageKey).toBe('need');
    expect(centre.contacts.map((c) => c.name)).toEqual(['李总']);
    expect(centre.gaps).toEqual([]);
  });
});

describe('plans of a deal that moves or goes', () => {
  it('judge stage fit at the deal’s stage now, and say the stage it was written in', async () => {
    const { registry, call } = await planWorkspace();
    const plan = await savedPlan(registry, 'E1'); // written in proposal: every item fits
    expect(plan.stageFit).toEqual([]);
    await call('import.apply', reimport([e1({ stage: 'negotiation' })]));
    const moved = await call<PreCallPlan>('plans.get', { planId: plan.id, lang: 'en' });
    expect(moved).toMatchObject({ planStage: 'proposal', dealStage: 'negotiation', warnings: 3 });
    expect(moved.stageFit.map((w) => [w.actionStage, w.dealStage, w.direction])).toEqual([
      ['proposal', 'negotiation', 'earlier'],
      ['proposal', 'negotiation', 'earlier'],
      ['proposal', 'negotiation', 'earlier'],
    ]);
    expect(moved.stageFit[0]!.calledFor.map((a) => a.textEn)).toEqual(['Terms', 'Executive visit']);
  });

  it('survive the deal’s deletion upstream with its name, and are still listed, queued and exported', async () => {
    const { registry, call } = await planWorkspace();
    const plan = await savedPlan(registry, 'E1');
    await call('plans.submit', { planId: plan.id, by: 'Ann' });
    await call('import.apply', reimport([e1({ name: 'Renamed upstream', deleted_at: '2026-03-01T12:00Z' })]));
    const gone = await call<PreCallPlan>('plans.get', { planId: plan.id, lang: 'en' });
    expect(gone).toMatchObject({
      dealName: 'Renamed upstream',
      dealStage: null,
      planStage: 'proposal',
      status: 'submitted',
    });
    expect((await call<PlanSummary[]>('plans.forDeal', { dealId: 'E1' })).map((p) => p.id)).toEqual([
      plan.id,
    ]);
    const queue = await call<{ waiting: PlanSummary[] }>('plans.queue', { team: 'East' });
    expect(queue.waiting.map((p) => p.dealName)).toEqual(['Renamed upstream']);
    await call('plans.review', { planId: plan.id, decision: 'approve', reviewer: 'Mgr' });
    expect(await refusal(registry, 'plans.draft', { dealId: 'E1', lang: 'en' })).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('plans.states', () => {
  it('gives per deal the plan of the next visit (else the latest) and the latest outcome of any plan', async () => {
    const { registry, call } = await planWorkspace();
    const past = await savedPlan(registry, 'E1', { visitDate: '2026-02-25' });
    await call('plans.submit', { planId: past.id, by: 'Ann' });
    await call('plans.review', { planId: past.id, decision: 'approve', reviewer: 'Mgr' });
    await call('plans.outcome', {
      planId: past.id,
      objectiveMet: true,
      commitmentObtained: true,
      nextStep: 'Quote',
      exitCriteriaMet: false,
      by: 'Ann',
    });
    const later = await savedPlan(registry, 'E1', { visitDate: '2026-03-10' });
    const today = await savedPlan(registry, 'E1', { visitDate: '2026-03-02' });
    const onlyPast = await savedPlan(registry, 'E2', { visitDate: '2026-02-01' });
    const older = await savedPlan(registry, 'E2', { visitDate: '2026-01-15' });
    const states = await call<DealPlanState[]>('plans.states', { dealIds: ['E1', 'E2', 'E3', 'E1'] });
    expect(states.map((s) => [s.dealId, s.planId, s.status, s.visitDate])).toEqual([
      ['E1', today.id, 'draft', '2026-03-02'],
      ['E2', onlyPast.id, 'draft', '2026-02-01'],
    ]);
    expect(states[0]!.lastOutcome).toMatchObject({
      objectiveMet: true,
      nextStep: 'Quote',
      recordedBy: 'Ann',
    });
    expect(states[1]!.lastOutcome).toBeNull();
    expect([later.id, older.id]).not.toContain(states[0]!.planId);
  });

  it('ticks checklist items in any status and deletes a plan with its history', async () => {
    const { registry, call, ws } = await planWorkspace();
    const plan = await savedPlan(registry, 'E1');
    const ticked = await call<PreCallPlan>('plans.check', {
      planId: plan.id,
      itemId: plan.items[1]!.id,
      done: true,
    });
    expect(ticked.items.map((i) => i.done)).toEqual(plan.items.map((_, i) => i === 1));
    expect(
      await refusal(registry, 'plans.check', { planId: plan.id, itemId: 99_999, done: true }),
    ).toMatchObject({
      code: 'not_found',
    });
    const deleted = await call<PlanSummary>('plans.delete', { planId: plan.id });
    expect(deleted).toMatchObject({ id: plan.id, dealName: 'Deal E1' });
    expect(ws.sqlite.prepare('select count(*) as n from precall_plan_events').get()).toEqual({ n: 0 });
    expect(await refusal(registry, 'plans.get', { planId: plan.id, lang: 'en' })).toMatchObject({
      code: 'not_found',
    });
  });
});
