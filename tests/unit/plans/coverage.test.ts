import { describe, expect, it } from 'vitest';
import { CONTACT_ROLES, type ContactRole } from '@shared/contract';
import { coverageGaps, isSoftGap, vendorSelectionFrom, type CoverageContact } from '@shared/domain/coverage';
import { DEFAULT_STAGES, type Stage } from '@shared/domain/stages';

const contact = (id: number, role: ContactRole, met: boolean): CoverageContact => ({
  id,
  name: `${role}-${id}`,
  role,
  met,
});
const kinds = (contacts: CoverageContact[], stage: string, stages: readonly Stage[] = DEFAULT_STAGES) =>
  coverageGaps(contacts, stage, stages).map((g) => g.kind);

/** Reading of the rule on the default model, stage by stage. */
const LATE = new Set(['proposal', 'negotiation', 'contract']);
const COACHED = new Set(['solution', 'proposal', 'negotiation', 'contract']);
const STAGES = ['need', 'solution', 'proposal', 'negotiation', 'contract', 'won', 'lost'];

describe('coverage gaps, every role × every stage of the default model', () => {
  for (const stage of STAGES) {
    for (const role of CONTACT_ROLES) {
      for (const met of [true, false]) {
        it(`one ${role} ${met ? 'met' : 'not met'}, deal in ${stage}`, () => {
          const c = contact(7, role, met);
          const expected: string[] = [];
          if (LATE.has(stage)) {
            if (role !== 'decision_maker') expected.push('no_decision_maker');
            else if (!met) expected.push('decision_maker_not_met');
            if (role === 'economic_buyer' && !met) expected.push('economic_buyer_not_met');
          }
          if (COACHED.has(stage) && role !== 'coach') expected.push('no_coach');
          const gaps = coverageGaps([c], stage, DEFAULT_STAGES);
          expect(gaps.map((g) => g.kind)).toEqual(expected);
          for (const g of gaps)
            expect(g).toEqual(
              g.kind.endsWith('_not_met')
                ? { kind: g.kind, contactId: 7, contactName: c.name }
                : { kind: g.kind, contactId: null, contactName: null },
            );
        });
      }
    }
  }

  it('names every decision maker and economic buyer nobody met, and is quiet once each is met and a coach is known', () => {
    const centre = [
      contact(1, 'decision_maker', false),
      contact(2, 'decision_maker', true),
      contact(3, 'economic_buyer', false),
      contact(4, 'economic_buyer', false),
    ];
    expect(coverageGaps(centre, 'negotiation', DEFAULT_STAGES)).toEqual([
      { kind: 'decision_maker_not_met', contactId: 1, contactName: 'decision_maker-1' },
      { kind: 'economic_buyer_not_met', contactId: 3, contactName: 'economic_buyer-3' },
      { kind: 'economic_buyer_not_met', contactId: 4, contactName: 'economic_buyer-4' },
      { kind: 'no_coach', contactId: null, contactName: null },
    ]);
    const covered = [
      contact(1, 'decision_maker', true),
      contact(3, 'economic_buyer', true),
      contact(5, 'coach', false),
    ];
    expect(kinds(covered, 'contract')).toEqual([]);
  });

  it('has no gaps for an empty centre in the first stage, and all the hard ones from vendor selection on', () => {
    expect(kinds([], 'need')).toEqual([]);
    expect(kinds([], 'solution')).toEqual(['no_coach']);
    expect(kinds([], 'proposal')).toEqual(['no_decision_maker', 'no_coach']);
  });

  it('calls a missing coach the softer gap', () => {
    expect(isSoftGap({ kind: 'no_coach' })).toBe(true);
    for (const kind of ['no_decision_maker', 'decision_maker_not_met', 'economic_buyer_not_met'] as const)
      expect(isSoftGap({ kind })).toBe(false);
  });
});

describe('coverage over any stage model', () => {
  const model = (n: number): Stage[] => [
    ...Array.from({ length: n }, (_, i) => ({ ...DEFAULT_STAGES[0]!, key: `s${i}`, order: i + 1 })),
    { ...DEFAULT_STAGES[5]!, order: n + 1 },
    { ...DEFAULT_STAGES[6]!, order: n + 2 },
  ];

  it('starts vendor selection in the middle of the open stages (⌊n/2⌋)', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(vendorSelectionFrom)).toEqual([0, 1, 1, 2, 2, 3, 3]);
  });

  for (const n of [1, 2, 3, 4, 6]) {
    it(`reads a model of ${n} open stage(s) stage by stage`, () => {
      const stages = model(n);
      for (let i = 0; i < n; i++) {
        const expected = [
          ...(i >= Math.floor(n / 2) ? ['no_decision_maker'] : []),
          ...(i >= 1 ? ['no_coach'] : []),
        ];
        expect(kinds([], `s${i}`, stages), `s${i} of ${n}`).toEqual(expected);
      }
    });
  }

  it('follows the funnel order, not the listed order', () => {
    const shuffled = [...DEFAULT_STAGES].reverse();
    expect(kinds([], 'proposal', shuffled)).toEqual(['no_decision_maker', 'no_coach']);
    expect(kinds([], 'solution', shuffled)).toEqual(['no_coach']);
  });
});
