import { describe, expect, it } from 'vitest';
import { checkStageModel, type CheckedStage, type StageUsage } from '@shared/domain/stage-model';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { formatMessage } from '@shared/messages';

const drafts = (): CheckedStage[] => DEFAULT_STAGES.map(({ name: _name, ...s }) => ({ ...s }));
const unused = (): StageUsage | undefined => undefined;
const usedBy =
  (map: Record<string, StageUsage>) =>
  (key: string): StageUsage | undefined =>
    map[key];

/** Each issue as [index, stage, field, English text]. */
const check = (
  stages: CheckedStage[],
  usage: (key: string) => StageUsage | undefined = unused,
  stored = DEFAULT_STAGES,
) => checkStageModel(stages, stored, usage).map((i) => [i.index, i.stage, i.field, formatMessage(i.say)]);

describe('the stage model rules', () => {
  it('accept the default model, and a new stage added to it', () => {
    expect(check(drafts())).toEqual([]);
    const added = drafts();
    added.splice(5, 0, { ...added[4]!, key: 'signed', nameZh: '已签约', nameEn: 'Signed', order: 5.5 });
    expect(check(added)).toEqual([]);
  });

  it('want non-empty, unique keys', () => {
    const s = drafts();
    s[1]!.key = '  ';
    s[3]!.key = 'need';
    expect(check(s)).toEqual([
      [0, 'need', 'key', 'Stage "need": another stage has the same key.'],
      [1, null, 'key', 'Stage 2: the key is empty.'],
      [3, 'need', 'key', 'Stage "need": another stage has the same key.'],
    ]);
  });

  it('want both names', () => {
    const s = drafts();
    s[2]!.nameZh = ' ';
    s[2]!.nameEn = null;
    expect(check(s)).toEqual([
      [2, 'proposal', 'nameZh', 'Stage "proposal": the Chinese name is empty.'],
      [2, 'proposal', 'nameEn', 'Stage "proposal": the English name is empty.'],
    ]);
  });

  it('want a probability from 0 to 1 and days of 0 or more, or none', () => {
    const s = drafts();
    s[0]!.probability = 1.5;
    s[1]!.probability = -0.01;
    s[2]!.probability = null;
    s[3]!.dwellLimitDays = -1;
    s[4]!.followupDays = -2;
    s[4]!.dwellLimitDays = 0;
    s[0]!.followupDays = null;
    expect(check(s)).toEqual([
      [0, 'need', 'probability', 'Stage "need": the probability must be from 0% to 100%, not 150%.'],
      [1, 'solution', 'probability', 'Stage "solution": the probability must be from 0% to 100%, not -1%.'],
      [2, 'proposal', 'probability', 'Stage "proposal": the probability is empty.'],
      [
        3,
        'negotiation',
        'dwellLimitDays',
        'Stage "negotiation": the dwell limit must be 0 days or more (or empty for none), not -1.',
      ],
      [
        4,
        'contract',
        'followupDays',
        'Stage "contract": the follow-up cadence must be 0 days or more (or empty for none), not -2.',
      ],
    ]);
  });

  it('want unique orders', () => {
    const s = drafts();
    s[4]!.order = 2;
    expect(check(s)).toEqual([
      [4, 'contract', 'order', 'Stage "contract": its order 2 is also the order of stage "solution".'],
    ]);
  });

  it('want at least one open, one won and one lost stage', () => {
    const s = drafts().filter((d) => d.kind === 'open');
    expect(check(s).map((i) => i[3])).toEqual([
      'The stage model needs at least one won stage: otherwise no deal can be counted as won.',
      'The stage model needs at least one lost stage: otherwise no deal can be counted as lost.',
    ]);
    const closedOnly = drafts().filter((d) => d.kind !== 'open');
    expect(check(closedOnly, unused).map((i) => i[3])).toEqual([
      'The stage model needs at least one open stage: a funnel needs one.',
    ]);
  });

  it('let an unused stage go, and keep a stage that deals or their history use', () => {
    const s = drafts().filter((d) => d.key !== 'proposal' && d.key !== 'negotiation');
    const usage = usedBy({ proposal: { deals: 0, history: 0 }, negotiation: { deals: 3, history: 7 } });
    expect(check(s, usage)).toEqual([
      [
        null,
        'negotiation',
        'key',
        'Stage "negotiation" cannot be removed or have its key changed: 3 deal(s) are in it (deleted ones included) and the stage history of 7 deal(s) passes through it.',
      ],
    ]);
    // Renaming a key is removing the old one.
    const renamed = drafts();
    renamed[3]!.key = 'negotiating';
    expect(check(renamed, usage).map((i) => i[1])).toEqual(['negotiation']);
    // History alone is enough.
    expect(check(s, usedBy({ negotiation: { deals: 0, history: 1 } })).map((i) => i[1])).toEqual([
      'negotiation',
    ]);
  });

  it('keep the kind of a stage in use, in the person’s language', () => {
    const s = drafts();
    s[4]!.kind = 'won';
    expect(check(s)).toEqual([]);
    const [issue] = checkStageModel(s, DEFAULT_STAGES, usedBy({ contract: { deals: 2, history: 5 } }));
    expect(issue).toMatchObject({ index: 4, stage: 'contract', field: 'kind' });
    expect(formatMessage(issue!.say)).toBe(
      'Stage "contract": the kind cannot change from open to won: 2 deal(s) are in it and the stage history of 5 deal(s) passes through it, and they would be counted differently.',
    );
    expect(formatMessage(issue!.say, 'zh-CN')).toBe(
      '阶段“contract”：类型不能从进行中改为赢单：有 2 个商机处于该阶段，5 个商机的阶段历史经过该阶段，改动会改变它们的统计方式。',
    );
  });

  it('ask who uses a stage only when a stage is removed or changes kind', () => {
    const asked: string[] = [];
    const s = drafts();
    s[0]!.dwellLimitDays = 3;
    checkStageModel(s, DEFAULT_STAGES, (key) => {
      asked.push(key);
      return undefined;
    });
    expect(asked).toEqual([]);
  });
});
