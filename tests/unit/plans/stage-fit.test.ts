import { describe, expect, it } from 'vitest';
import type { SalesAction } from '@shared/contract';
import { DEFAULT_SALES_ACTIONS } from '@shared/domain/sales-actions';
import { stageFit } from '@shared/domain/stage-fit';
import { DEFAULT_STAGES, openStages, type Stage } from '@shared/domain/stages';

const OPEN = openStages(DEFAULT_STAGES).map((s) => s.key);

/** The default playbook as actions with ids, in stage order. */
let nextId = 1;
const ACTIONS: SalesAction[] = OPEN.flatMap((stageKey) =>
  DEFAULT_SALES_ACTIONS[stageKey]!.map((a, position) => ({
    id: nextId++,
    stageKey,
    position,
    textZh: a.zh,
    textEn: a.en,
  })),
);
const calledFor = (stage: string) => ACTIONS.filter((a) => a.stageKey === stage);
const item = (a: SalesAction) => ({ id: a.id * 10, stageKey: a.stageKey, text: a.textZh });

describe('the default playbook', () => {
  it('gives every open stage of the default model its standard actions, a product demo among the solution ones', () => {
    expect(Object.keys(DEFAULT_SALES_ACTIONS)).toEqual(OPEN);
    expect(DEFAULT_SALES_ACTIONS.solution!.map((a) => a.zh)).toContain('产品演示');
    for (const a of ACTIONS) {
      expect(a.textZh).toMatch(/[\u4e00-\u9fff]/);
      expect(a.textEn).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('stage fit, every action × every stage of the default model', () => {
  for (const dealStage of OPEN) {
    for (const action of ACTIONS) {
      const own = action.stageKey === dealStage;
      const later = OPEN.indexOf(action.stageKey) > OPEN.indexOf(dealStage);
      it(`${action.textEn} (${action.stageKey}) for a deal in ${dealStage}: ${own ? 'fits' : later ? 'later' : 'earlier'}`, () => {
        const warnings = stageFit([item(action)], dealStage, DEFAULT_STAGES, calledFor(dealStage));
        if (own) {
          expect(warnings).toEqual([]);
          return;
        }
        expect(warnings).toEqual([
          {
            itemId: action.id * 10,
            text: action.textZh,
            actionStage: action.stageKey,
            dealStage,
            direction: later ? 'later' : 'earlier',
            calledFor: calledFor(dealStage),
          },
        ]);
      });
    }
  }

  it('warns about the seeds’ example: a product demo while the customer is still confirming needs', () => {
    const demo = ACTIONS.find((a) => a.textZh === '产品演示')!;
    const [warning] = stageFit([item(demo)], 'need', DEFAULT_STAGES, calledFor('need'));
    expect(warning).toMatchObject({ actionStage: 'solution', dealStage: 'need', direction: 'later' });
    expect(warning!.calledFor.map((a) => a.textZh)).toEqual([
      '需求挖掘',
      '现状与要求的差距（Gap）分析',
      '行业趋势分享',
    ]);
  });
});

describe('stage fit has nothing to say', () => {
  const demo = ACTIONS.find((a) => a.textZh === '产品演示')!;
  it('about items written for the plan or from coverage gaps (no stage)', () => {
    expect(stageFit([{ id: 1, stageKey: null, text: '带上合同模板' }], 'need', DEFAULT_STAGES, [])).toEqual(
      [],
    );
  });
  it('for a won or lost deal, or a stage the model does not know', () => {
    expect(stageFit([item(demo)], 'won', DEFAULT_STAGES, [])).toEqual([]);
    expect(stageFit([item(demo)], 'lost', DEFAULT_STAGES, [])).toEqual([]);
    expect(stageFit([item(demo)], 'pilot', DEFAULT_STAGES, [])).toEqual([]);
  });
  it('about an action whose stage left the model (neither later nor earlier can be said)', () => {
    const model: Stage[] = DEFAULT_STAGES.filter((s) => s.key !== 'solution');
    expect(stageFit([item(demo)], 'need', model, [])).toEqual([]);
  });
  it('reads order from the model, not from the keys: a reordered model turns later into earlier', () => {
    const swapped = DEFAULT_STAGES.map((s) =>
      s.key === 'need' ? { ...s, order: 2 } : s.key === 'solution' ? { ...s, order: 1 } : s,
    );
    expect(stageFit([item(demo)], 'need', swapped, [])[0]!.direction).toBe('earlier');
  });
});
