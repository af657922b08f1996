import { describe, expect, it } from 'vitest';
import type { PlanDraft, PlanSummary, PreCallPlan, StagePlaybook } from '@shared/contract';
import { planWorkspace, refusal, savedPlan, VISIT } from './support';

describe('plans.draft', () => {
  it('prefills the checklist with the deal’s stage actions in the language asked, then its coverage gaps', async () => {
    const { call } = await planWorkspace();
    const draft = await call<PlanDraft>('plans.draft', { dealId: 'E1', lang: 'zh-CN' });
    expect(draft.dealStage).toBe('proposal');
    expect(draft.preparedBy).toBe('Ann');
    expect(draft.playbook.visitGoal).toMatch(/正式报价/);
    expect(draft.playbook.exitCriteria).toMatch(/正式报价/);
    expect(draft.items.map((i) => [i.text, i.source])).toEqual([
      ['报价', 'stage'],
      ['竞品对比', 'stage'],
      ['决策链确认', 'stage'],
      ['识别决策人并完成拜访', 'coverage'],
      ['在客户内部发展教练（内线）', 'coverage'],
    ]);
    expect(draft.coverageGaps.map((g) => g.kind)).toEqual(['no_decision_maker', 'no_coach']);
    const en = await call<PlanDraft>('plans.draft', { dealId: 'E1', lang: 'en' });
    expect(en.items[0]!.text).toBe('Quotation');
  });

  it('refuses a deal that is not in the workspace, naming it', async () => {
    const { registry } = await planWorkspace();
    expect(await refusal(registry, 'plans.draft', { dealId: 'NOPE', lang: 'en' })).toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('NOPE'),
    });
  });
});

describe('a plan from draft to outcome', () => {
  it('goes draft → submitted → returned → (edit) → submitted → approved → outcome, an event at every step', async () => {
    const { registry, call } = await planWorkspace();
    const plan = await savedPlan(registry, 'E2', {
      attendees: [
        { side: 'ours', name: 'Ann', role: 'AE' },
        { side: 'theirs', name: '张总', role: 'CIO' },
      ],
      questions: ['预算何时批？'],
      objections: [{ objection: '太贵', answer: '按价值算' }],
    });
    expect(plan.status).toBe('draft');
    expect(plan.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(plan.attendees).toHaveLength(2);
    expect(plan.questions).toEqual(['预算何时批？']);

    await call('plans.submit', { planId: plan.id, by: 'Ann' });
    expect(await refusal(registry, 'plans.submit', { planId: plan.id, by: 'Ann' })).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('waiting for sign-off'),
    });
    const noComment = await refusal(registry, 'plans.review', {
      planId: plan.id,
      decision: 'return',
      reviewer: 'Mgr',
    });
    expect(noComment.message).toMatch(/^comment:/);
    const returned = await call<PreCallPlan>('plans.review', {
      planId: plan.id,
      decision: 'return',
      reviewer: 'Mgr',
      comment: 'Ask for the trial',
    });
    expect(returned).toMatchObject({
      status: 'returned',
      reviewer: 'Mgr',
      reviewComment: 'Ask for the trial',
    });
    const edited = await call<PreCallPlan>('plans.save', {
      planId: plan.id,
      dealId: 'E2',
      visitDate: VISIT,
      objective: plan.objective,
      commitment: 'A two-week trial',
      preparedBy: 'Ann',
      items: plan.items,
    });
    expect(edited.status).toBe('returned');
    await call('plans.submit', { planId: plan.id, by: 'Ann' });
    const approved = await call<PreCallPlan>('plans.review', {
      planId: plan.id,
      decision: 'approve',
      reviewer: 'Mgr',
    });
    expect(approved.status).toBe('approved');
    const done = await call<PreCallPlan>('plans.outcome', {
      planId: plan.id,
      objectiveMet: true,
      commitmentObtained: false,
      nextStep: 'Send the trial agreement',
      exitCriteriaMet: false,
      by: 'Ann',
    });
    expect(done.outcome).toMatchObject({
      objectiveMet: true,
      commitmentObtained: false,
      nextStep: 'Send the trial agreement',
      exitCriteriaMet: false,
      recordedBy: 'Ann',
    });
    expect(done.events.map((e) => [e.action, e.by])).toEqual([
      ['created', 'Ann'],
      ['submitted', 'Ann'],
      ['returned', 'Mgr'],
      ['edited', 'Ann'],
      ['submitted', 'Ann'],
      ['approved', 'Mgr'],
      ['outcome', 'Ann'],
    ]);
    expect(done.events[2]!.comment).toBe('Ask for the trial');
    expect(
      await refusal(registry, 'plans.save', {
        planId: plan.id,
        dealId: 'E2',
        visitDate: VISIT,
        objective: 'x',
        preparedBy: 'Ann',
        items: [],
      }),
    ).toMatchObject({ code: 'conflict', message: expect.stringContaining('outcome recorded') });
  });

  it('reopens an approved plan to draft when it is edited, so it is signed off again', async () => {
    const { registry, call } = await planWorkspace();
    const plan = await savedPlan(registry, 'E2');
    await call('plans.submit', { planId: plan.id, by: 'Ann' });
    await call('plans.review', { planId: plan.id, decision: 'approve', reviewer: 'Mgr' });
    const edited = await call<PreCallPlan>('plans.save', {
      planId: plan.id,
      dealId: 'E2',
      visitDate: VISIT,
      objective: 'A sharper objective',
      preparedBy: 'Ann',
      items: plan.items,
    });
    expect(edited).toMatchObject({ status: 'draft', reviewer: null, reviewComment: null });
    expect(edited.events.slice(-2).map((e) => [e.action, e.comment])).toEqual([
      ['reopened', 'approved'],
      ['edited', ''],
    ]);
    expect(
      await refusal(registry, 'plans.outcome', {
        planId: plan.id,
        objectiveMet: true,
        commitmentObtained: true,
        exitCriteriaMet: true,
        by: 'Ann',
      }),
    ).toMatchObject({ code: 'conflict', message: expect.stringContaining('a draft') });
  });

  it('warns about a contract-stage action planned for a deal in 方案交流, saying where it belongs and what the stage calls for', async () => {
    const { registry, call } = await planWorkspace();
    const playbooks = await call<StagePlaybook[]>('playbook.list');
    const contract = playbooks.find((p) => p.stageKey === 'contract')!.actions[0]!;
    const draft = await call<PlanDraft>('plans.draft', { dealId: 'E2', lang: 'zh-CN' });
    const plan = await savedPlan(registry, 'E2', {
      items: [
        ...draft.items,
        { actionId: contract.id, stageKey: 'need', text: contract.textZh, source: 'stage' },
      ],
    });
    expect(plan.items.at(-1)).toMatchObject({ stageKey: 'contract', source: 'other_stage' });
    expect(plan.warnings).toBe(1);
    expect(plan.stageFit).toEqual([
      expect.objectContaining({
        itemId: plan.items.at(-1)!.id,
        text: '合同',
        actionStage: 'contract',
        dealStage: 'solution',
        direction: 'later',
      }),
    ]);
    expect(plan.stageFit[0]!.calledFor.map((a) => a.textZh)).toEqual([
      '定制方案',
      '成功案例',
      '技术交流（商机建立后 7 天内）',
      '产品演示',
    ]);
  });

  it('names the field of an item whose action does not exist', async () => {
    const { registry } = await planWorkspace();
    const r = await refusal(registry, 'plans.save', {
      dealId: 'E2',
      visitDate: VISIT,
      objective: 'x',
      preparedBy: 'Ann',
      items: [
        { text: 'own', source: 'custom' },
        { actionId: 9999, text: 'ghost', source: 'stage' },
      ],
    });
    expect(r).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^items\.1\.actionId/) });
    const bad = await refusal(registry, 'plans.save', {
      dealId: 'E2',
      visitDate: '4 March',
      objective: '',
      preparedBy: 'Ann',
      items: [],
    });
    expect(bad.message).toMatch(/visitDate/);
    expect(bad.message).toMatch(/objective/);
  });

  it('lists a deal’s plans next visit first and queues the submitted ones for sign-off', async () => {
    const { registry, call } = await planWorkspace();
    const past = await savedPlan(registry, 'E1', { visitDate: '2026-02-20' });
    const later = await savedPlan(registry, 'E1', { visitDate: '2026-03-20' });
    const next = await savedPlan(registry, 'E1', { visitDate: '2026-03-02' });
    const list = await call<PlanSummary[]>('plans.forDeal', { dealId: 'E1' });
    expect(list.map((p) => p.id)).toEqual([next.id, later.id, past.id]);
    await call('plans.submit', { planId: later.id, by: 'Ann' });
    await call('plans.submit', { planId: next.id, by: 'Ann' });
    const w1 = await savedPlan(registry, 'W1');
    await call('plans.submit', { planId: w1.id, by: 'Cy' });
    const queue = await call<{ waiting: PlanSummary[] }>('plans.queue', {});
    expect(queue.waiting.map((p) => p.id)).toEqual([next.id, w1.id, later.id]);
    const east = await call<{ waiting: PlanSummary[] }>('plans.queue', { team: 'East' });
    expect(east.waiting.map((p) => p.id)).toEqual([next.id, later.id]);
  });
});
