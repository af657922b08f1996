import { describe, expect, it } from 'vitest';
import type { EventName, StageEntry, StageModelRefusal, VelocityReport } from '@shared/contract';
import type { StageDraft } from '@shared/domain/stage-model';
import { formatMessage } from '@shared/messages';
import type { Result } from '@shared/result';
import { createBackend } from '@backend/index';
import { generateDemo } from '@backend/demo/generate';
import type { Workspace } from '@backend/db/connection';
import { tempWorkspace } from '../../support/temp';

async function demoBackend(deals = 400) {
  const ws = await tempWorkspace();
  generateDemo(ws, { deals, seed: 7, today: '2026-11-20' });
  const events: { event: EventName; payload: unknown }[] = [];
  const api = createBackend(ws, (event, payload) => events.push({ event, payload }));
  const call = async <T>(channel: string, input: unknown = {}): Promise<T> => {
    const r = await api.dispatch(channel, input);
    if (!r.ok) throw new Error(r.error.message);
    return r.value as T;
  };
  return { ws, api, events, call };
}

const toDrafts = (entries: StageEntry[]): StageDraft[] =>
  entries.map(({ name: _name, usage: _usage, ...s }) => ({ ...s }));

const ranks = (ws: Workspace) =>
  ws.sqlite
    .prepare('select stage, stage_rank as rank, count(*) as n from deals group by 1, 2 order by 1')
    .all();

describe('stages.list', () => {
  it('is the model by order, each stage with the deals in it and the deals whose history passes through it', async () => {
    const { ws, call } = await demoBackend();
    const list = await call<StageEntry[]>('stages.list');
    expect(list.map((s) => s.key)).toEqual([
      'need',
      'solution',
      'proposal',
      'negotiation',
      'contract',
      'won',
      'lost',
    ]);
    const inStage = ws.sqlite.prepare("select count(*) from deals where stage = 'need'").pluck().get();
    const passed = ws.sqlite
      .prepare("select count(distinct deal_seq) from deal_history where field = 'stage' and value = 'need'")
      .pluck()
      .get();
    expect(list[0]!.usage).toEqual({ deals: inStage, history: passed });
    expect(list[0]!.usage.deals).toBeGreaterThan(0);
    expect(list.every((s) => s.usage.history > 0)).toBe(true);
  });
});

describe('stages.save', () => {
  it('stores the model, keeps imported names, and announces the change to every view', async () => {
    const { call, events } = await demoBackend(100);
    const drafts = toDrafts(await call<StageEntry[]>('stages.list'));
    drafts[0]!.nameEn = '  Need agreed ';
    drafts[0]!.dwellLimitDays = 10;
    drafts[0]!.followupDays = null;
    drafts[1]!.exitCriteria = '   ';
    drafts.splice(5, 0, {
      key: ' signed ',
      nameZh: '已签约',
      nameEn: 'Signed',
      order: 5.5,
      kind: 'open',
      probability: 0.95,
      dwellLimitDays: 3,
      followupDays: 1,
      buyingPhase: '合同签订 Contract',
      exitCriteria: 'PO received',
    });
    const saved = await call<StageEntry[]>('stages.save', { stages: drafts });
    expect(saved.map((s) => s.key)).toEqual([
      'need',
      'solution',
      'proposal',
      'negotiation',
      'contract',
      'signed',
      'won',
      'lost',
    ]);
    expect(saved[0]).toMatchObject({
      name: '需求确认',
      nameEn: 'Need agreed',
      dwellLimitDays: 10,
      followupDays: null,
    });
    expect(saved[1]!.exitCriteria).toBeNull();
    expect(saved[5]).toMatchObject({ name: '已签约', usage: { deals: 0, history: 0 } });
    expect(await call('stages.list')).toEqual(saved);
    expect(events).toContainEqual({ event: 'workspace.changed', payload: { reason: 'stages' } });
    // The pipeline sees it too: its facets carry the model.
    const facets = await call<{ stages: { key: string; dwellLimitDays: number | null }[] }>(
      'pipeline.facets',
    );
    expect(facets.stages.find((s) => s.key === 'need')!.dwellLimitDays).toBe(10);
  });

  it('keeps every deal’s funnel position in step when stages move', async () => {
    const { ws, call } = await demoBackend(200);
    const drafts = toDrafts(await call<StageEntry[]>('stages.list'));
    const revisions = ws.sqlite.prepare('select max(revision) from deals').pluck().get();
    // A dwell limit only: no deal is rewritten.
    drafts[2]!.dwellLimitDays = 30;
    const before = ranks(ws);
    await call('stages.save', { stages: drafts });
    expect(ranks(ws)).toEqual(before);
    // Swap proposal and negotiation.
    drafts[2]!.order = 4;
    drafts[3]!.order = 3;
    await call('stages.save', { stages: drafts });
    const after = ranks(ws) as { stage: string; rank: number }[];
    expect(after.find((r) => r.stage === 'proposal')!.rank).toBe(4);
    expect(after.find((r) => r.stage === 'negotiation')!.rank).toBe(3);
    expect(after.every((r) => r.rank !== null)).toBe(true);
    expect(ws.sqlite.prepare('select max(revision) from deals').pluck().get()).toBe(revisions);
    const list = await call<{ rows: { stage: string }[] }>('pipeline.list', {
      sort: { column: 'stage', direction: 'asc' },
      filter: { stages: ['proposal', 'negotiation'] },
      limit: 500,
    });
    const seen = [...new Set(list.rows.map((r) => r.stage))];
    expect(seen).toEqual(['negotiation', 'proposal']);
  });

  it('refuses a model that breaks a rule, naming every stage and field, and changes nothing', async () => {
    const { call, api, events } = await demoBackend(100);
    const before = await call<StageEntry[]>('stages.list');
    const drafts = toDrafts(before).filter((s) => s.key !== 'negotiation');
    drafts[0]!.probability = 2;
    drafts[1]!.dwellLimitDays = -3;
    const answer = (await api.dispatch('stages.save', { stages: drafts })) as Result<unknown>;
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.code).toBe('invalid_input');
    const { issues } = answer.error.details as StageModelRefusal;
    expect(issues.map((i) => [i.index, i.stage, i.field])).toEqual([
      [0, 'need', 'probability'],
      [1, 'solution', 'dwellLimitDays'],
      [null, 'negotiation', 'key'],
    ]);
    expect(answer.error.message).toBe(
      'The stage model was not saved: 3 problem(s). First: Stage "need": the probability must be from 0% to 100%, not 200%.',
    );
    expect(formatMessage(answer.error.say, 'zh-CN')).toBe(
      '阶段模型没有保存：有 3 个问题。第一个：阶段“need”：赢率必须在 0% 到 100% 之间，而不是 200%。',
    );
    expect(formatMessage(issues[2]!.say)).toMatch(
      /^Stage "negotiation" cannot be removed or have its key changed: \d+ deal\(s\) are in it/,
    );
    expect(await call('stages.list')).toEqual(before);
    expect(events.filter((e) => e.event === 'workspace.changed')).toEqual([]);
  });

  it('lets an unused stage go', async () => {
    const { call } = await demoBackend(100);
    const drafts = toDrafts(await call<StageEntry[]>('stages.list'));
    drafts.splice(5, 0, { ...drafts[4]!, key: 'extra', order: 5.5 });
    await call('stages.save', { stages: drafts });
    const without = drafts.filter((d) => d.key !== 'extra');
    expect((await call<StageEntry[]>('stages.save', { stages: without })).map((s) => s.key)).not.toContain(
      'extra',
    );
  });

  it('refuses input of the wrong shape at the boundary', async () => {
    const { api, call } = await demoBackend(10);
    const [need] = toDrafts(await call<StageEntry[]>('stages.list'));
    const tooLong = 'x'.repeat(2001);
    for (const stages of [
      [],
      [{ key: 'x' }],
      [{ ...need, order: 'first' }],
      [{ ...need, kind: 'closed' }],
      [{ ...need, probability: Number.POSITIVE_INFINITY }],
      [{ ...need, exitCriteria: tooLong }],
    ]) {
      const answer = await api.dispatch('stages.save', { stages });
      expect(!answer.ok && answer.error.code).toBe('invalid_input');
    }
  });

  it('is seen by the next report: a changed dwell limit changes the stalled count', async () => {
    const { call } = await demoBackend(400);
    const velocity = () => call<VelocityReport>('report.velocity', {});
    const first = await velocity();
    const need = first.stages.find((s) => s.key === 'need')!;
    expect(need.dwellLimitDays).toBe(14);
    expect(need.openCount).toBeGreaterThan(0);
    expect(need.stalled).toBeLessThan(need.openCount);

    const drafts = toDrafts(await call<StageEntry[]>('stages.list'));
    drafts[0]!.dwellLimitDays = 0;
    await call('stages.save', { stages: drafts });
    const second = (await velocity()).stages.find((s) => s.key === 'need')!;
    expect(second.dwellLimitDays).toBe(0);
    // Every open deal in the stage has been in it longer than 0 days.
    expect(second.stalled).toBe(second.openCount);
    expect(second.stalled).toBeGreaterThan(need.stalled!);
  });
});
