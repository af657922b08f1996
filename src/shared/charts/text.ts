/**
 * The words charts draw (axis names, series names, aria descriptions), in both languages.
 * The builders run in the renderer and, for the quarterly deck, in plain Node, so they
 * carry their own words instead of the renderer's i18n instance.
 */
export type ChartLanguage = 'zh-CN' | 'en';

const en = {
  reached: 'Reached',
  amount: 'Amount',
  conversion: 'Conversion to next',
  benchmark: 'Benchmark',
  deals: 'Deals',
  days: 'Days',
  daysInStage: 'Days in stage',
  open: 'Open',
  stalled: 'Stalled',
  dwellLimit: 'Dwell limit',
  medianCycle: 'Median sales cycle (days)',
  wonDeals: 'Deals won',
  start: 'Start',
  end: 'End',
  monthsSinceCreation: 'Months since creation',
  creationMonth: 'Creation month',
  wonShare: 'Won share',
  openPipeline: 'Open pipeline',
  large: 'Large',
  medium: 'Medium',
  standard: 'Standard',
  noProduct: '(no product)',
  againstAll: 'Against everyone in scope',
  healthy: 'Healthy funnel',
  actual: 'Actual',
  share: 'Share of open deals',
  categories: {
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
  },
  describe: {
    funnel: (stages: string) => `Funnel by stage. ${stages}`,
    waterfall: (start: string, end: string) => `Pipeline change from ${start} to ${end}.`,
    cohorts: (n: number) => `Cumulative won share of ${n} creation-month cohorts by months since creation.`,
    box: (stages: string) => `Days in stage per stage (box plot). ${stages}`,
    stalled: (stages: string) => `Open and stalled deals per stage. ${stages}`,
    cycle: (n: number) => `Median sales cycle of the deals won in each of ${n} months.`,
    trend: (n: number) => `Open pipeline at the end of each of ${n} months.`,
    stageShape: 'Share of open deals per stage against a healthy funnel.',
    bands: 'Open pipeline by deal size.',
    products: 'Open pipeline by product.',
    reps: (n: number) => `Conversion per stage of ${n} reps against everyone in scope.`,
  },
};

const zh: typeof en = {
  reached: '到达',
  amount: '金额',
  conversion: '下一阶段转化率',
  benchmark: '基准',
  deals: '商机数',
  days: '天数',
  daysInStage: '阶段停留天数',
  open: '进行中',
  stalled: '停滞',
  dwellLimit: '停留上限',
  medianCycle: '销售周期中位数（天）',
  wonDeals: '赢单数',
  start: '期初',
  end: '期末',
  monthsSinceCreation: '创建后月数',
  creationMonth: '创建月份',
  wonShare: '累计赢单占比',
  openPipeline: '在途商机',
  large: '大单',
  medium: '中单',
  standard: '标准单',
  noProduct: '（无产品）',
  againstAll: '与范围内全体对比',
  healthy: '健康漏斗',
  actual: '实际',
  share: '在途商机占比',
  categories: {
    new: '新增',
    pulledIn: '提前',
    reopened: '重新打开',
    increased: '金额增加',
    decreased: '金额减少',
    unchanged: '未变',
    slipped: '延期',
    won: '赢单',
    lost: '输单',
    removed: '删除',
  },
  describe: {
    funnel: (stages: string) => `各阶段漏斗。${stages}`,
    waterfall: (start: string, end: string) => `商机变化，从 ${start} 到 ${end}。`,
    cohorts: (n: number) => `${n} 个创建月份队列按创建后月数的累计赢单占比。`,
    box: (stages: string) => `各阶段停留天数（箱线图）。${stages}`,
    stalled: (stages: string) => `各阶段进行中与停滞的商机。${stages}`,
    cycle: (n: number) => `${n} 个月中每月赢单的销售周期中位数。`,
    trend: (n: number) => `${n} 个月每月末的在途商机。`,
    stageShape: '各阶段在途商机占比与健康漏斗对比。',
    bands: '按商机规模的在途商机。',
    products: '按产品的在途商机。',
    reps: (n: number) => `${n} 名销售各阶段转化率与范围内全体对比。`,
  },
};

export const chartText = (lang: ChartLanguage): typeof en => (lang === 'zh-CN' ? zh : en);

/** Compact money for labels: 万/亿 in Chinese, K/M/B in English; never a currency conversion. */
export function compactMoney(value: number, lang: ChartLanguage): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '-' : '';
  const round = (n: number) =>
    Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
  if (lang === 'zh-CN') {
    if (abs >= 1e8) return `${sign}${round(abs / 1e8)}亿`;
    if (abs >= 1e4) return `${sign}${round(abs / 1e4)}万`;
    return `${sign}${round(abs)}`;
  }
  if (abs >= 1e9) return `${sign}${round(abs / 1e9)}B`;
  if (abs >= 1e6) return `${sign}${round(abs / 1e6)}M`;
  if (abs >= 1e3) return `${sign}${round(abs / 1e3)}K`;
  return `${sign}${round(abs)}`;
}

export const percent = (value: number | null): string =>
  value === null ? '—' : `${(value * 100).toFixed(1)}%`;
export const days = (value: number | null): string => (value === null ? '—' : value.toFixed(1));
