import { describe, expect, it } from 'vitest';
import type { PlanDraft, PreCallPlan, StageEntry, StagePlaybook } from '@shared/contract';
import { planWorkspace, refusal, savedPlan } from './support';

const editable = (p: StagePlaybook) => ({
  stageKey: p.stageKey,
  visitGoal: p.visitGoal,
  actions: p.actions.map(({ id, textZh, textEn }) => ({ id, textZh, textEn })),
});

describe('playbook.list', () => {
  it('gives the open stages in funnel order, each with buying phase and exit criteria from the model, a visit goal and its actions', async () => {
    const { call } = await planWorkspace();
    const list = await call<StagePlaybook[]>('playbook.list');
    expect(list.map((p) => [p.stageKey, p.actions.length])).toEqual([
      ['need', 3],
      ['solution', 4],
      ['proposal', 3],
      ['negotiation', 2],
      ['contract', 2],
    ]);
    const negotiation = list[3]!;
    expect(negotiation.buyingPhase).toBe('供应商选择 Vendor selection');
    expect(negotiation.exitCriteria).toMatch(/口头选定/);
    expect(negotiation.visitGoal).toMatch(/商务条款/);
    expect(negotiation.actions.map((a) => [a.textZh, a.textEn, a.position])).toEqual([
      ['条款', 'Terms', 0],
      ['高层拜访', 'Executive visit', 1],
    ]);
  });
});

describe('playbook.save', () => {
  it('keeps the ids of the actions it keeps, adds, reorders and removes; a plan keeps the text of an action removed since', async () => {
    const { registry, call } = await planWorkspace();
    const before = await call<StagePlaybook[]>('playbook.list');
    const need = before[0]!;
    const plan = await savedPlan(registry, 'E2', {
      items: [{ actionId: need.actions[2]!.id, text: need.actions[2]!.textZh, source: 'stage' }],
    });
    expect(plan.items[0]).toMatchObject({ stageKey: 'need', source: 'other_stage' });
    const [first, second] = need.actions;
    const saved = await call<StagePlaybook[]>('playbook.save', {
      playbooks: [
        {
          stageKey: 'need',
          visitGoal: '  确认痛点  ',
          actions: [
            { id: second!.id, textZh: second!.textZh, textEn: second!.textEn },
            { textZh: '', textEn: 'Budget check' },
            { id: first!.id, textZh: '需求深挖', textEn: 'Deep discovery' },
          ],
        },
      ],
    });
    const after = saved[0]!;
    expect(after.visitGoal).toBe('确认痛点');
    expect(after.actions.map((a) => [a.id === second!.id, a.textEn, a.position])).toEqual([
      [true, second!.textEn, 0],
      [false, 'Budget check', 1],
      [false, 'Deep discovery', 2],
    ]);
    expect(after.actions[2]!.id).toBe(first!.id);
    expect(saved.slice(1)).toEqual(before.slice(1));

    const kept = await call<PreCallPlan>('plans.get', { planId: plan.id, lang: 'zh-CN' });
    expect(kept.items[0]).toMatchObject({ actionId: null, stageKey: 'need', text: '行业趋势分享' });
    expect(kept.stageFit).toHaveLength(1);
    const draft = await call<PlanDraft>('plans.draft', { dealId: 'E2', lang: 'en' });
    expect(draft.items.filter((i) => i.source === 'stage').map((i) => i.text)).toEqual([
      'Tailored solution',
      'Customer success stories',
      'Technical exchange (within 7 days of the opportunity)',
      'Product demo',
    ]);
  });

  it('refuses, naming the field, a stage that is not open, a stage listed twice and an action of another stage; nothing changes', async () => {
    const { registry, call } = await planWorkspace();
    const before = await call<StagePlaybook[]>('playbook.list');
    const won = await refusal(registry, 'playbook.save', {
      playbooks: [{ stageKey: 'won', visitGoal: null, actions: [] }],
    });
    expect(won).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^playbooks\.0\.stageKey: “won”/),
    });
    const twice = await refusal(registry, 'playbook.save', {
      playbooks: [editable(before[0]!), { ...editable(before[0]!), actions: [] }],
    });
    expect(twice.message).toMatch(/^playbooks\.1\.stageKey: stage need is listed twice/);
    const foreign = await refusal(registry, 'playbook.save', {
      playbooks: [
        { stageKey: 'need', visitGoal: null, actions: [] },
        {
          ...editable(before[1]!),
          actions: [{ id: before[4]!.actions[0]!.id, textZh: '合同', textEn: 'Contract' }],
        },
      ],
    });
    expect(foreign.message).toMatch(
      /^playbooks\.1\.actions\.0\.id: action \d+ is not one of stage solution’s actions \(it belongs to contract/,
    );
    const empty = await refusal(registry, 'playbook.save', {
      playbooks: [{ stageKey: 'need', visitGoal: null, actions: [{ textZh: ' ', textEn: '' }] }],
    });
    expect(empty.message).toMatch(/playbooks\.0\.actions\.0\.textZh: an action needs a text/);
    expect(await call('playbook.list')).toEqual(before);
  });

  it('drops a stage’s actions when the stage leaves the model', async () => {
    const { ws, call } = await planWorkspace();
    const stages = await call<StageEntry[]>('stages.list');
    // A new open stage nobody uses, given actions, then removed from the model.
    const pilot = {
      ...stages[0]!,
      key: 'pilot',
      nameZh: '试点',
      nameEn: 'Pilot',
      order: 99,
      usage: undefined,
    };
    const drafts = [...stages, pilot].map(({ name: _n, usage: _u, ...s }) => s);
    await call('stages.save', { stages: drafts });
    await call('playbook.save', {
      playbooks: [
        { stageKey: 'pilot', visitGoal: 'Run the pilot', actions: [{ textZh: '试点', textEn: 'Pilot' }] },
      ],
    });
    expect((await call<StagePlaybook[]>('playbook.list')).at(-1)!.stageKey).toBe('pilot');
    await call('stages.save', { stages: drafts.filter((s) => s.key !== 'pilot') });
    const left = ws.sqlite
      .prepare(
        `select (select count(*) from sales_actions where stage_key = 'pilot') as actions,
                (select count(*) from stage_playbooks where stage_key = 'pilot') as goals`,
      )
      .get();
    expect(left).toEqual({ actions: 0, goals: 0 });
  });
});
