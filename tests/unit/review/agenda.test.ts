import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAgenda, DEFAULT_TOP_N, divideBudget, type Candidate } from '@backend/review/agenda';

const deal = (dealId: string, extra: Partial<Candidate> = {}): Candidate => ({
  dealId,
  owner: 'Ann',
  stageRank: 0,
  amount: 100,
  flags: [],
  changes: [],
  isNew: false,
  closed: false,
  ...extra,
});

const ids = (r: ReturnType<typeof buildAgenda>) => r.entries.map((e) => e.dealId ?? `rep:${e.owner}`);

describe('agenda styles', () => {
  const deals = [
    deal('A', { amount: 500, flags: ['stalled'] }),
    deal('B', { amount: 900 }),
    deal('C', { amount: 300, flags: ['stalled', 'pushed'], stageRank: 3 }),
    deal('D', { amount: 900, stageRank: 2, changes: ['amount'], owner: 'Bob' }),
    deal('E', { amount: 50, isNew: true, owner: 'Bob', flags: ['noNextStep'] }),
    deal('F', { amount: 10_000, closed: true, stageRank: -1, changes: ['stage'] }),
  ];

  it('flagged: deals with flags only, most flags first, then by amount', () => {
    const r = buildAgenda(deals, 'flagged', null, []);
    expect(ids(r)).toEqual(['C', 'A', 'E']);
    expect(r.entries[0]!.reason).toEqual({ why: 'flagged', flags: ['stalled', 'pushed'], changes: [] });
  });

  it('top: the largest open deals (a closed one never), ties by id, cut at N with the rest counted', () => {
    const r = buildAgenda(deals, 'top', 2, []);
    expect(ids(r)).toEqual(['B', 'D']);
    expect(r.leftOut).toBe(3);
  });

  it('stage: from the stage nearest to closing down, by amount within a stage', () => {
    expect(ids(buildAgenda(deals, 'stage', null, []))).toEqual(['C', 'D', 'B', 'A', 'E']);
  });

  it('changed: closed since first, then new, then by how many fields changed; unchanged deals stay off', () => {
    const r = buildAgenda(deals, 'changed', null, []);
    expect(ids(r)).toEqual(['F', 'E', 'D']);
    expect(r.entries.map((e) => e.reason.changes)).toEqual([['stage'], [], ['amount']]);
  });

  it('rep: each rep’s section then their open deals, flagged first; the scope’s reps in its order', () => {
    expect(ids(buildAgenda(deals, 'rep', null, []))).toEqual(['rep:Ann', 'C', 'A', 'B', 'rep:Bob', 'E', 'D']);
    const cut = buildAgenda(deals, 'rep', 1, ['Bob', 'Ann']);
    expect(ids(cut)).toEqual(['rep:Bob', 'E', 'rep:Ann', 'C']);
    expect(cut.leftOut).toBe(3);
    // A rep in scope without open deals still gets a section.
    expect(ids(buildAgenda(deals, 'rep', null, ['Cy']))).toEqual(['rep:Cy']);
  });

  it('says why each item is there: its style, and a rep’s section is a rep item', () => {
    const why = (style: Parameters<typeof buildAgenda>[1]) =>
      buildAgenda(deals, style, null, []).entries.map((e) => [e.kind, e.reason.why]);
    expect(new Set(why('top').map(String))).toEqual(new Set(['deal,top']));
    expect(new Set(why('stage').map(String))).toEqual(new Set(['deal,stage']));
    expect(new Set(why('changed').map(String))).toEqual(new Set(['deal,changed']));
    expect(buildAgenda(deals, 'rep', null, ['Bob']).entries[0]).toEqual({
      kind: 'rep',
      dealId: null,
      owner: 'Bob',
      reason: { why: 'rep', flags: [], changes: [] },
    });
  });

  it('breaks ties of amount by deal id, and lists reps by name when the scope names none', () => {
    const tied = [deal('B2', { owner: 'Zed' }), deal('A1', { owner: 'Amy' }), deal('C3', { owner: 'Zed' })];
    expect(ids(buildAgenda(tied, 'top', null, []))).toEqual(['A1', 'B2', 'C3']);
    expect(ids(buildAgenda([...tied].reverse(), 'top', null, []))).toEqual(['A1', 'B2', 'C3']);
    expect(ids(buildAgenda(tied, 'rep', null, []))).toEqual(['rep:Amy', 'A1', 'rep:Zed', 'B2', 'C3']);
    expect(buildAgenda(tied, 'rep', null, []).entries.map((e) => e.reason.why)).toEqual([
      'rep',
      'rep',
      'rep',
      'rep',
      'rep',
    ]);
    // Among changed deals of one amount, the one with more changed fields first.
    const changed = [deal('X1', { changes: ['amount'] }), deal('X2', { changes: ['stage', 'closeDate'] })];
    expect(ids(buildAgenda(changed, 'changed', null, []))).toEqual(['X2', 'X1']);
    expect(ids(buildAgenda([deal('C3'), deal('B2'), deal('A1')], 'top', null, []))).toEqual([
      'A1',
      'B2',
      'C3',
    ]);
  });

  it('takes its default number of deals when none is named', () => {
    const many = Array.from({ length: 100 }, (_, i) =>
      deal(`D${String(i).padStart(3, '0')}`, { flags: ['stalled'] }),
    );
    for (const style of ['flagged', 'top', 'stage'] as const) {
      const r = buildAgenda(many, style, null, []);
      expect(r.entries).toHaveLength(DEFAULT_TOP_N[style]);
      expect(r.leftOut).toBe(100 - DEFAULT_TOP_N[style]);
    }
  });
});

describe('the time budget', () => {
  it('is divided by weight (a rep’s section twice a deal, a follow-up half) and adds up to the budget', () => {
    const split = divideBudget(['rep', 'deal', 'deal'], 2, 50);
    expect(split.items).toEqual([20, 10, 10]);
    expect(split.followUps).toBe(10);
    expect(divideBudget([], 0, 30)).toEqual({ followUps: 0, items: [] });
    expect(divideBudget([], 3, 30)).toEqual({ followUps: 30, items: [] });
  });

  it('always adds up to the budget', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('deal' as const, 'rep' as const), { maxLength: 200 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 600 }),
        (kinds, followUps, budget) => {
          const split = divideBudget(kinds, followUps, budget);
          const total = split.items.reduce((a, b) => a + b, split.followUps);
          if (kinds.length + followUps === 0) expect(total).toBe(0);
          else expect(total).toBeCloseTo(budget, 9);
        },
      ),
    );
  });
});
