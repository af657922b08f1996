/**
 * The win-probability model's factors in words (智能评分): what a deal's history said at
 * the as-of instant, one sentence per factor. Whether a factor raises or lowers the
 * probability is shown beside the sentence, not in it.
 */
export const MODEL_MESSAGES = {
  model_factor_stage: {
    en: 'In stage {stage} (stage probability {probability}%)',
    zh: '处于“{stage}”阶段（阶段赢率 {probability}%）',
  },
  model_factor_days_in_stage: {
    en: '{days} days in the current stage',
    zh: '在当前阶段已停留 {days} 天',
  },
  model_factor_pushes_none: {
    en: 'Close date never pushed out',
    zh: '预计成交日期从未推迟',
  },
  model_factor_pushes: {
    en: 'Close date pushed out {count} time(s)',
    zh: '预计成交日期已推迟 {count} 次',
  },
  model_factor_amount_up: {
    en: 'Amount up {percent}% since first entered',
    zh: '金额较最初录入上调 {percent}%',
  },
  model_factor_amount_down: {
    en: 'Amount down {percent}% since first entered',
    zh: '金额较最初录入下调 {percent}%',
  },
  model_factor_amount_same: {
    en: 'Amount unchanged since first entered',
    zh: '金额自最初录入以来未变',
  },
  model_factor_amount: {
    en: 'Deal size {amount}',
    zh: '商机金额 {amount}',
  },
  model_factor_idle: {
    en: 'Last change on record {days} days ago',
    zh: '最近一次记录变更在 {days} 天前',
  },
  model_factor_owner: {
    en: 'Owner {owner} won {rate}% of {closed} closed deals (everyone: {overall}%)',
    zh: '负责人{owner}已结束的 {closed} 个商机赢单率 {rate}%（整体 {overall}%）',
  },
  model_factor_owner_new: {
    en: 'Owner {owner} has no closed deals yet (everyone: {overall}%)',
    zh: '负责人{owner}尚无已结束的商机（整体赢单率 {overall}%）',
  },
  model_factor_mentored: {
    en: 'Mentored by {mentors}',
    zh: '有师父带单：{mentors}',
  },
  model_factor_unmentored: {
    en: 'No mentor on the deal',
    zh: '无师父带单',
  },
  model_factor_plan: {
    en: '{count} pre-call plan(s) approved',
    zh: '已有 {count} 份获批的访前计划',
  },
  model_factor_no_plan: {
    en: 'No approved pre-call plan',
    zh: '没有获批的访前计划',
  },
  model_factor_contacts: {
    en: '{count} contact(s) mapped in the buying centre',
    zh: '采购决策链中已记录 {count} 位联系人',
  },
  model_factor_close_in: {
    en: 'Expected to close in {days} days',
    zh: '预计 {days} 天后成交',
  },
  model_factor_close_passed: {
    en: 'Close date passed {days} days ago',
    zh: '预计成交日期已过 {days} 天',
  },
  model_factor_no_close: {
    en: 'No close date',
    zh: '没有预计成交日期',
  },
  model_factor_age: {
    en: 'Created {days} days ago',
    zh: '创建于 {days} 天前',
  },
} as const;
