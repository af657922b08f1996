import { describe, expect, it } from 'vitest';
import type { MentorTag } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { writeSetting } from '@backend/workspace/settings';
import type { RefDeal } from '../analytics/reference';
import { workspaceOf } from '../analytics/support';

const T0 = Date.parse('2026-03-01T00:00:00Z');
const NOW = Date.parse('2026-06-01T09:00:00Z');

const deal = (id: string, owner: string): RefDeal => ({
  id,
  createdAt: T0,
  stage: 'need',
  amountCents: 100_000_00,
  closeDate: null,
  forecastCategory: 'pipeline',
  owner,
  team: 'East',
  nextStep: '',
  lastActivityAt: null,
  deletedAt: null,
  history: [],
});

async function setup() {
  const { ws, registry } = await workspaceOf(
    [...DEFAULT_STAGES],
    [deal('D1', '李娜'), deal('D2', '王磊'), deal('D3', '王磊')],
  );
  writeSetting(ws, 'workspace.clock', NOW);
  const call = async <T>(channel: string, input: unknown) =>
    registry.dispatch(channel, input, 'app') as Promise<
      { ok: true; value: T } | { ok: false; error: { code: string; message: string; details?: unknown } }
    >;
  const ok = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await call<T>(channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  return { ws, call, ok };
}

describe('mentor tagging', () => {
  it('tags deals in bulk from the app at the workspace clock, and changes a share keeping when the mentor joined', async () => {
    const { ok } = await setup();
    expect(await ok('mentors.tag', { mentor: '陈志强', sharePct: 20, dealIds: ['D1', 'D2', 'D2'] })).toEqual({
      tagged: 2,
    });
    const tags = await ok<MentorTag[]>('mentors.forDeal', { dealId: 'D1' });
    expect(tags).toEqual([
      { dealId: 'D1', mentor: '陈志强', sharePct: 20, source: 'app', taggedAt: '2026-06-01T09:00:00.000Z' },
    ]);
    await ok('mentors.tag', { mentor: '陈志强', sharePct: 35.5, dealIds: ['D1'] });
    expect(await ok<MentorTag[]>('mentors.forDeal', { dealId: 'D1' })).toEqual([
      { ...tags[0]!, sharePct: 35.5 },
    ]);
  });

  it('refuses the whole request when a deal’s shares would pass 100%, naming each deal and its total', async () => {
    const { ok, call } = await setup();
    await ok('mentors.tag', { mentor: '陈志强', sharePct: 60, dealIds: ['D1', 'D2'] });
    await ok('mentors.tag', { mentor: '马丽', sharePct: 40, dealIds: ['D1'] }); // exactly 100: fine
    const r = await call('mentors.tag', { mentor: '黄丽娟', sharePct: 45, dealIds: ['D3', 'D2', 'D1'] });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toContain('D2 (105%)');
    expect(r.error.message).toContain('D1 (145%)');
    expect(r.error.message).not.toContain('D3');
    expect(r.error.details).toEqual({
      deals: [
        { dealId: 'D2', totalPct: 105 },
        { dealId: 'D1', totalPct: 145 },
      ],
    });
    // Nothing written, not even on D3, which was fine on its own.
    expect(await ok<MentorTag[]>('mentors.forDeal', { dealId: 'D3' })).toEqual([]);
  });

  it('counts shares in hundredths of a percent: 33.33 + 33.33 + 33.34 is 100', async () => {
    const { ok } = await setup();
    await ok('mentors.tag', { mentor: 'A', sharePct: 33.33, dealIds: ['D1'] });
    await ok('mentors.tag', { mentor: 'B', sharePct: 33.33, dealIds: ['D1'] });
    await ok('mentors.tag', { mentor: 'C', sharePct: 33.34, dealIds: ['D1'] });
    expect(await ok<MentorTag[]>('mentors.forDeal', { dealId: 'D1' })).toHaveLength(3);
  });

  it('names unknown deals and writes nothing', async () => {
    const { ok, call } = await setup();
    const r = await call('mentors.tag', { mentor: 'A', sharePct: 10, dealIds: ['D1', 'nope'] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('nope');
    expect(await ok<MentorTag[]>('mentors.forDeal', { dealId: 'D1' })).toEqual([]);
  });

  it('untags, returning what it removed, and restores it exactly (undo)', async () => {
    const { ok, ws } = await setup();
    await ok('mentors.tag', { mentor: '陈志强', sharePct: 20, dealIds: ['D1', 'D2'] });
    writeSetting(ws, 'workspace.clock', NOW + 1000);
    const { removed } = await ok<{ removed: MentorTag[] }>('mentors.untag', {
      mentor: '陈志强',
      dealIds: ['D2', 'D1', 'D3'],
    });
    expect(removed.map((t) => t.dealId)).toEqual(['D1', 'D2']);
    expect(await ok<MentorTag[]>('mentors.forDeal', { dealId: 'D1' })).toEqual([]);
    expect(await ok('mentors.restore', { tags: removed })).toEqual({ tagged: 2 });
    expect(await ok<MentorTag[]>('mentors.forDeal', { dealId: 'D1' })).toEqual([removed[0]]);
  });

  it('refuses a restore that would pass 100% (the deal was tagged again meanwhile)', async () => {
    const { ok, call } = await setup();
    await ok('mentors.tag', { mentor: 'A', sharePct: 70, dealIds: ['D1'] });
    const { removed } = await ok<{ removed: MentorTag[] }>('mentors.untag', { mentor: 'A', dealIds: ['D1'] });
    await ok('mentors.tag', { mentor: 'B', sharePct: 50, dealIds: ['D1'] });
    const r = await call('mentors.restore', { tags: removed });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('D1 (120%)');
  });

  it('offers owners and mentors as people, once each', async () => {
    const { ok } = await setup();
    await ok('mentors.tag', { mentor: '陈志强', sharePct: 20, dealIds: ['D1'] });
    await ok('mentors.tag', { mentor: '王磊', sharePct: 20, dealIds: ['D1'] });
    const people = await ok<string[]>('mentors.people', {});
    expect([...people].sort()).toEqual(['李娜', '王磊', '陈志强'].sort());
  });

  it('refuses bad input: a share over 100, an empty mentor, no deals', async () => {
    const { call } = await setup();
    for (const input of [
      { mentor: 'A', sharePct: 101, dealIds: ['D1'] },
      { mentor: '  ', sharePct: 10, dealIds: ['D1'] },
      { mentor: 'A', sharePct: 10, dealIds: [] },
    ]) {
      const r = await call('mentors.tag', input);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('invalid_input');
    }
  });
});
