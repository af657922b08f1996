/**
 * The work-back's diagnosis in words (从目标倒推): what the numbers say a manager should
 * work on. Stage names, amounts and rates arrive already written in the sentence's language.
 */
export const WORKBACK_MESSAGES = {
  workback_needs_target: {
    en: 'No quota is set for {period} in this scope: enter a target to work back from.',
    zh: '本范围 {period} 未设置配额：请输入目标后再倒推。',
  },
  workback_covered_won: {
    en: 'Target reached: {won} won against a target of {target}; nothing more is needed.',
    zh: '目标已达成：已赢单 {won}，目标 {target}，无需更多商机。',
  },
  workback_covered_pipeline: {
    en: 'Enough pipeline: the open deals due by {end} are expected to win {expected}, which covers the gap of {gap}.',
    zh: '商机充足：{end} 前到期的在途商机预计赢单 {expected}，可覆盖差额 {gap}。',
  },
  workback_too_few_new_deals: {
    en: 'Too few new deals: need {need} a week until {until}, creating {have} a week (last {weeks} weeks) → work on lead generation (finding and qualifying customers).',
    zh: '新商机不足：到 {until} 前每周需新建 {need} 个，近 {weeks} 周每周仅新建 {have} 个 → 加强客户识别/线索开发。',
  },
  workback_new_deals_on_pace: {
    en: 'New deals on pace: need {need} a week until {until}, creating {have} a week (last {weeks} weeks).',
    zh: '新商机节奏达标：到 {until} 前每周需新建 {need} 个，近 {weeks} 周每周新建 {have} 个。',
  },
  workback_too_late: {
    en: 'Too late for new deals: a deal takes {cycle} days from creation to won (median) and {left} days are left, so the {uncovered} the open pipeline does not cover must come from deals already open → advance them or pull them in.',
    zh: '新商机已来不及：从创建到赢单的周期中位数为 {cycle} 天，仅剩 {left} 天，在途商机未覆盖的 {uncovered} 只能来自现有商机 → 推进或提前成交。',
  },
  workback_low_conversion: {
    en: 'Conversion from {stage} to {next} is {rate}% against {benchmark} {bench}% ({reached} deals reached {stage}) → coach at {stage}.',
    zh: '{stage}→{next}转化率 {rate}%，低于{benchmark}的 {bench}%（{reached} 个商机到达{stage}）→ 在{stage}阶段开展辅导。',
  },
  workback_no_won_history: {
    en: 'No deal was won in the last 365 days: the deals needed cannot be counted, only the amounts.',
    zh: '近 365 天没有赢单：无法推算所需商机数，只能给出金额。',
  },
  workback_benchmark_settings: { en: 'the benchmark', zh: '基准' },
  workback_benchmark_organisation: { en: "the organisation's", zh: '全公司' },
  workback_benchmark_team: { en: "the team's", zh: '团队' },
} as const;
