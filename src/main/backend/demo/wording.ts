import type { Rng } from './random';

interface Choice {
  texts: readonly string[];
  weights: readonly number[];
}

const choice = (pairs: readonly (readonly [string, number])[]): Choice => ({
  texts: pairs.map((p) => p[0]),
  weights: pairs.map((p) => p[1]),
});

/**
 * Why deals are lost, by the open stage they were lost from (need … contract): early losses
 * are about the need, late ones about price, competitors and terms. A reason chart that
 * looked the same at every stage would teach a manager nothing.
 */
const LOST_BY_STAGE: readonly Choice[] = [
  choice([
    ['需求取消', 0.35],
    ['预算冻结', 0.3],
    ['决策延期', 0.2],
    ['关系不足', 0.15],
  ]),
  choice([
    ['需求取消', 0.2],
    ['竞品优势', 0.25],
    ['关系不足', 0.2],
    ['预算冻结', 0.15],
    ['决策延期', 0.2],
  ]),
  choice([
    ['价格过高', 0.35],
    ['竞品优势', 0.35],
    ['关系不足', 0.15],
    ['决策延期', 0.15],
  ]),
  choice([
    ['价格过高', 0.45],
    ['竞品优势', 0.25],
    ['商务条款分歧', 0.2],
    ['预算冻结', 0.1],
  ]),
  choice([
    ['法务条款分歧', 0.35],
    ['预算冻结', 0.25],
    ['决策延期', 0.25],
    ['价格过高', 0.15],
  ]),
];
/** A deal that went cold before it was lost usually dies of silence, not of a decision. */
const LOST_AFTER_STALL = choice([
  ['项目搁置', 0.45],
  ['决策延期', 0.35],
  ['需求取消', 0.2],
]);

export function lostReason(stage: number, afterStall: boolean, rng: Rng): string {
  const c = afterStall && rng.chance(0.6) ? LOST_AFTER_STALL : LOST_BY_STAGE[stage]!;
  return c.texts[rng.weighted(c.weights)]!;
}

/** The next step a rep would note at each open stage (标准化销售动作 in the rep's words). */
const NEXT_STEPS: readonly (readonly string[])[] = [
  ['安排需求调研会', '确认预算与立项时间', '约见业务负责人', '发送公司介绍与成功案例'],
  ['安排技术交流会', '准备方案演示', '搭建POC环境', '邀请客户参观标杆案例', '确认决策链与评估标准'],
  ['提交正式报价', '回应比选澄清问题', '准备述标材料', '跟进技术评分结果'],
  ['确认商务条款', '申请特价审批', '约见采购负责人', '推进付款条件谈判'],
  ['推进合同审批', '跟进用印流程', '确认法务修订意见', '安排签约仪式'],
];

export const nextStep = (stage: number, rng: Rng): string => rng.pick(NEXT_STEPS[stage]!);

/** Follow-on deals with an account are named like this in most CRMs. */
export const FOLLOW_ON_SUFFIXES = ['二期', '扩容', '续约'] as const;
