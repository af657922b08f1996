import type { Messages } from './en';

/** 胜率模型（智能评分）的中文文案：zh-CN.ts 的 `model` 部分。因素的描述由后端以两种语言给出。 */
export const modelZhCN: Messages['model'] = {
  title: '赢单概率（模型）',
  hint: '根据本工作区自己的历史学习：与此商机相似、处于同一时点的商机，在 {{days}} 天内赢单的比例。',
  probabilityLabel: '模型预测的赢单概率',
  stage: '阶段赢率 {{value}}%',
  factorsLabel: '影响最大的因素',
  raises: '提高赢率',
  lowers: '降低赢率',
  effect: '（{{effect}}）',
  notOpen: '只对进行中的商机评分。',
  notEnough: '历史数据尚不足以训练模型。',
  loadError: '无法计算赢单概率：{{message}}',
  slideValue: '模型 {{model}}% · 阶段 {{stage}}%',
};
