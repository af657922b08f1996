import type { ChangeCategory } from '@shared/contract';
import type { Language } from '@shared/contract/workspace';

/**
 * The deck's words in both languages. The deck is built in plain Node (the CLI, the
 * backend process), so it carries its own words instead of the renderer's i18n catalog.
 */
export type DeckLang = Language;

const en = {
  title: (quarter: string) => `${quarter} forecast`,
  demo: 'Demo workspace',
  organisation: 'Whole organisation',
  team: (t: string) => `Team ${t}`,
  rep: (o: string) => `Rep ${o}`,
  asOf: (day: string) => `As of ${day}`,
  quarterDays: (start: string, endInclusive: string) => `Quarter ${start} – ${endInclusive}`,

  summary: 'Executive summary',
  summaryWon: (won: string, quota: string, attainment: string) =>
    `Won so far ${won} of a ${quota} quota (${attainment} attained).`,
  summaryWonNoQuota: (won: string) => `Won so far ${won}; no quota is set for this scope.`,
  summaryGap: (gap: string) => `Still to close: ${gap}.`,
  summaryGapClosed: 'The quota is already reached.',
  summaryForecast: (commit: string, best: string, weighted: string, historical: string) =>
    `Commit ${commit} · best case ${best} · weighted ${weighted} · historical ${historical}.`,
  summaryRange: (p10: string, p50: string, p90: string) =>
    `Simulated outcome: P50 ${p50}, between ${p10} (P10) and ${p90} (P90).`,
  summaryCoverage: (coverage: string, open: string) =>
    `Coverage ${coverage}: ${open} open pipeline due this quarter.`,
  summaryNoCoverage: (open: string) => `${open} open pipeline due this quarter.`,
  summaryChanges: (start: string, end: string) =>
    `Quarter pipeline moved from ${start} to ${end} since the quarter began.`,
  summaryRisks: (stalled: number, pushed: number, shrunk: number) =>
    `Risks: ${stalled} stalled, ${pushed} pushed twice or more, ${shrunk} shrunk in 30 days.`,
  summaryPlan: (stage: string, amount: string, deals: string) =>
    `To close the gap from ${stage}: ${amount} of pipeline, about ${deals} deals.`,

  attainment: 'Attainment against quota',
  won: 'Won',
  quota: 'Quota',
  gap: 'Gap',
  attained: 'Attained',
  noQuota: 'No quota set for this scope (quotas.csv or the quota editor).',

  categories: 'Forecast by category, with the P10–P90 range',
  weighted: 'Weighted',
  commit: 'Commit',
  bestCase: 'Best case',
  pipeline: 'Pipeline',
  historical: 'Historical',
  amount: 'Amount',
  rangeLine: (p10: string, p90: string) => `P10–P90: ${p10} – ${p90}`,
  categoryNotes: [
    'Weighted: open × stage probability',
    'Commit / best case: won + open by forecast category',
    'Pipeline: won + every open deal',
    'Historical: won + open × the stage’s win rate of the last 365 days',
  ],

  range: 'How sure: the simulated range',
  runs: 'Runs',
  rangeBin: 'Outcome (from)',
  rangeFacts: (runs: number, seed: number, open: number, slip: string) =>
    `${runs.toLocaleString('en')} runs (seed ${seed}) over ${open} open deals; slip rate ${slip}.`,
  mean: 'Mean',

  coverage: 'Pipeline coverage of the gap',
  coverageRatio: 'Coverage',
  openPipeline: 'Open pipeline',
  openDeals: 'Open deals',
  noCoverage: 'No coverage: no quota, or the gap is closed.',
  forecastCategory: (c: string) =>
    ({ commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline', omitted: 'Omitted' })[c] ?? c,

  waterfall: 'Pipeline change this quarter',
  waterfallWindow: (from: string, to: string) => `Deals due this quarter, ${from} → ${to}`,
  notStarted: 'The quarter had not begun at the as-of date: no change to show yet.',
  start: 'Start',
  end: 'End',
  category: 'Category',
  deals: 'Deals',
  change: 'Change',
  changeCategory: {
    new: 'New',
    pulledIn: 'Pulled in',
    reopened: 'Reopened',
    increased: 'Increased',
    decreased: 'Decreased',
    unchanged: 'Unchanged',
    slipped: 'Slipped',
    won: 'Won',
    lost: 'Lost',
    removed: 'Removed',
  } satisfies Record<ChangeCategory, string>,
  base: 'Base',
  rise: 'Increase',
  fall: 'Decrease',
  total: 'Total',

  funnel: 'Funnel: created this quarter against last',
  thisQuarter: (q: string) => `${q} (this)`,
  lastQuarter: (q: string) => `${q} (last)`,
  reached: 'Reached',
  conversion: 'Conversion',
  stage: 'Stage',
  cohortLine: (label: string, deals: number, won: number, lost: number, winRate: string) =>
    `${label}: ${deals} deals created, ${won} won, ${lost} lost, win rate ${winRate}`,

  velocity: 'Speed: this quarter against last',
  medianDays: 'Median days in stage',
  velocityLine: (label: string, cycle: string, winRate: string, perDay: string) =>
    `${label}: sales cycle ${cycle} days (mean), win rate ${winRate}, velocity ${perDay} a day`,

  reps: 'Reps: forecast and attainment',
  repsChart: 'Reps: won and commit against quota',
  owner: 'Rep',
  moreReps: (n: number) => `${n} more reps not shown (largest open pipeline first).`,
  noReps: 'No rep has a deal or a quota this quarter.',

  topDeals: 'Largest open deals due this quarter',
  deal: 'Deal',
  account: 'Account',
  close: 'Close',
  noDeals: 'No open deal is due this quarter.',

  risks: 'Risks: stalled, pushed, shrunk',
  stalled: 'Stalled',
  pushed: 'Pushed',
  shrunk: 'Shrunk',
  daysInStage: 'Days in stage',
  pushes: 'Pushes',
  riskCounts: (stalled: number, pushed: number, shrunk: number) =>
    `${stalled} stalled · ${pushed} pushed · ${shrunk} shrunk (all open deals in scope)`,
  noRisks: 'No open deal is stalled, pushed twice or shrunk.',
  flags: 'Flags',

  gapPlan: 'Work back from the target',
  gapPlanLine: (gap: string, mean: string) => `Gap ${gap}; a won deal averages ${mean} (last 365 days).`,
  gapPlanCover: (expected: string, uncovered: string) =>
    `The open deals due this quarter are expected to win ${expected}; ${uncovered} is left for new deals.`,
  needAmount: 'Pipeline needed',
  needDeals: 'Deals needed',
  haveAmount: 'Held, due this quarter',
  haveDeals: 'Deals held',
  held: 'Held',
  short: 'Short',
  winRate: 'Win rate',
  noGapPlan: 'Nothing to work back: no quota, or the gap is closed.',

  next: (q: string) => `Next quarter: ${q}`,
  nextEmpty: 'Nothing is due next quarter yet.',

  method: 'Where the numbers come from',
  methodLines: (q: string, from: string, to: string, options: string) => [
    `Forecast: funnel report forecast --quarter ${q}${options}`,
    `Waterfall: funnel report changes --from ${from} --to ${to} --quarter ${q}${options}`,
    `Risks: funnel report attention${options}`,
    'Range: 10,000 simulated quarters (win by h(stage), slip by the historical slip rate, amount change by its history).',
    'Every chart keeps its data: right-click → Edit Data in PowerPoint.',
  ],
  none: '—',
};

const zh: typeof en = {
  title: (quarter) => `${quarter} 季度预测`,
  demo: '演示工作区',
  organisation: '全公司',
  team: (t) => `团队 ${t}`,
  rep: (o) => `销售 ${o}`,
  asOf: (day) => `截至 ${day}`,
  quarterDays: (start, endInclusive) => `季度 ${start} 至 ${endInclusive}`,

  summary: '要点摘要',
  summaryWon: (won, quota, attainment) => `已赢单 ${won}，目标 ${quota}，达成 ${attainment}。`,
  summaryWonNoQuota: (won) => `已赢单 ${won}；本范围未设目标。`,
  summaryGap: (gap) => `距目标还差 ${gap}。`,
  summaryGapClosed: '目标已达成。',
  summaryForecast: (commit, best, weighted, historical) =>
    `承诺 ${commit} · 乐观 ${best} · 加权 ${weighted} · 历史法 ${historical}。`,
  summaryRange: (p10, p50, p90) => `模拟结果：P50 ${p50}，区间 ${p10}（P10）至 ${p90}（P90）。`,
  summaryCoverage: (coverage, open) => `覆盖率 ${coverage}：本季度到期的进行中商机 ${open}。`,
  summaryNoCoverage: (open) => `本季度到期的进行中商机 ${open}。`,
  summaryChanges: (start, end) => `季度初至今，本季度商机由 ${start} 变为 ${end}。`,
  summaryRisks: (stalled, pushed, shrunk) =>
    `风险：停滞 ${stalled} 个，推迟两次以上 ${pushed} 个，30 天内缩水 ${shrunk} 个。`,
  summaryPlan: (stage, amount, deals) => `从「${stage}」补足差额：需商机金额 ${amount}，约 ${deals} 个商机。`,

  attainment: '业绩达成与目标',
  won: '已赢单',
  quota: '目标',
  gap: '差额',
  attained: '达成率',
  noQuota: '本范围未设目标（quotas.csv 或目标编辑器）。',

  categories: '分类预测与 P10–P90 区间',
  weighted: '加权',
  commit: '承诺',
  bestCase: '乐观',
  pipeline: '全部商机',
  historical: '历史法',
  amount: '金额',
  rangeLine: (p10, p90) => `P10–P90：${p10} – ${p90}`,
  categoryNotes: [
    '加权：进行中金额 × 阶段概率',
    '承诺 / 乐观：已赢单 + 按预测类别的进行中金额',
    '全部商机：已赢单 + 全部进行中金额',
    '历史法：已赢单 + 进行中金额 × 近 365 天该阶段赢率',
  ],

  range: '把握有多大：模拟区间',
  runs: '次数',
  rangeBin: '结果（起）',
  rangeFacts: (runs, seed, open, slip) =>
    `模拟 ${runs.toLocaleString('zh-CN')} 次（种子 ${seed}），${open} 个进行中商机；延期率 ${slip}。`,
  mean: '均值',

  coverage: '商机覆盖率',
  coverageRatio: '覆盖率',
  openPipeline: '进行中商机',
  openDeals: '进行中商机数',
  noCoverage: '无覆盖率：未设目标或差额已补足。',
  forecastCategory: (c) => ({ commit: '承诺', best_case: '乐观', pipeline: '商机', omitted: '排除' })[c] ?? c,

  waterfall: '本季度商机变化',
  waterfallWindow: (from, to) => `本季度到期的商机，${from} → ${to}`,
  notStarted: '截至日期时本季度尚未开始，暂无变化。',
  start: '期初',
  end: '期末',
  category: '类别',
  deals: '商机数',
  change: '变化',
  changeCategory: {
    new: '新增',
    pulledIn: '提前',
    reopened: '重开',
    increased: '增额',
    decreased: '减额',
    unchanged: '不变',
    slipped: '延期',
    won: '赢单',
    lost: '输单',
    removed: '删除',
  },
  base: '基底',
  rise: '增加',
  fall: '减少',
  total: '合计',

  funnel: '漏斗：本季度与上季度新建商机对比',
  thisQuarter: (q) => `${q}（本季度）`,
  lastQuarter: (q) => `${q}（上季度）`,
  reached: '到达',
  conversion: '转化率',
  stage: '阶段',
  cohortLine: (label, deals, won, lost, winRate) =>
    `${label}：新建 ${deals} 个，赢单 ${won}，输单 ${lost}，赢率 ${winRate}`,

  velocity: '速度：本季度与上季度对比',
  medianDays: '阶段停留天数中位数',
  velocityLine: (label, cycle, winRate, perDay) =>
    `${label}：平均销售周期 ${cycle} 天，赢率 ${winRate}，每日流速 ${perDay}`,

  reps: '销售人员：预测与达成',
  repsChart: '销售人员：已赢单与承诺对比目标',
  owner: '销售',
  moreReps: (n) => `另有 ${n} 位销售未列出（按进行中商机金额排序）。`,
  noReps: '本季度没有销售有商机或目标。',

  topDeals: '本季度到期的最大商机',
  deal: '商机',
  account: '客户',
  close: '预计成交',
  noDeals: '本季度没有到期的进行中商机。',

  risks: '风险：停滞、推迟、缩水',
  stalled: '停滞',
  pushed: '推迟',
  shrunk: '缩水',
  daysInStage: '停留天数',
  pushes: '推迟次数',
  riskCounts: (stalled, pushed, shrunk) =>
    `停滞 ${stalled} · 推迟 ${pushed} · 缩水 ${shrunk}（范围内全部进行中商机）`,
  noRisks: '没有停滞、推迟两次以上或缩水的进行中商机。',
  flags: '标记',

  gapPlan: '从目标倒推',
  gapPlanLine: (gap, mean) => `差额 ${gap}；近 365 天平均每单 ${mean}。`,
  gapPlanCover: (expected, uncovered) =>
    `本季度到期的在途商机预计赢单 ${expected}，仍有 ${uncovered} 需靠新商机补足。`,
  needAmount: '所需商机金额',
  needDeals: '所需商机数',
  haveAmount: '已有（本季度到期）',
  haveDeals: '已有商机数',
  held: '已有金额',
  short: '缺口',
  winRate: '赢率',
  noGapPlan: '无需倒推：未设目标或差额已补足。',

  next: (q) => `下季度：${q}`,
  nextEmpty: '下季度暂无到期商机。',

  method: '数据来源与口径',
  methodLines: (q, from, to, options) => [
    `预测：funnel report forecast --quarter ${q}${options}`,
    `瀑布图：funnel report changes --from ${from} --to ${to} --quarter ${q}${options}`,
    `风险：funnel report attention${options}`,
    '区间：模拟 10,000 个季度（按阶段赢率成交、按历史延期率延期、按历史变化调整金额）。',
    '每张图表都带数据：在 PowerPoint 中右键 →「编辑数据」即可修改。',
  ],
  none: '—',
};

export type DeckLabels = typeof en;
export const deckLabels = (lang: DeckLang): DeckLabels => (lang === 'zh-CN' ? zh : en);
