import type { EChartsOption } from 'echarts';
import type { Horizon, HorizonFigures, HorizonForecast } from '@shared/contract/forecast-horizons';
import { base, NEUTRAL, PALETTE } from './common';
import { compactMoney, type ChartLanguage } from './text';

/**
 * One forecast horizon (3 months, 1 year, 3 years) as bars and a band: the past periods' won
 * amount beside the forecast, each forecast period stacked from what is already won, what the
 * open pipeline is expected to bring and what pipeline still to be created is expected to bring,
 * with the P10–P90 range as a shaded band edged by dashed lines (so the range reads without
 * colour) and a rule between the past and the periods ahead. The band widening to the right is the point of the
 * three-year view: the further from the history, the less sure.
 */
const WORDS = {
  en: {
    horizon: {
      quarter: 'Next 3 months',
      year: 'Next 12 months',
      threeYears: 'Next 3 years',
    } satisfies Record<Horizon, string>,
    won: 'Won',
    open: 'From open pipeline',
    new: 'From new pipeline (to be created)',
    range: 'Range (P10–P90)',
    low: 'P10',
    high: 'P90',
    expected: 'Expected',
    amount: 'Amount',
    month: (label: string) => {
      const [y, m] = label.split('-');
      return `${MONTHS_EN[Number(m) - 1]} ${y}`;
    },
    quarter: (label: string) => `${label.slice(4)} ${label.slice(0, 4)}`,
    describe: (name: string, past: string, periods: string, total: string) =>
      `${name}: forecast of the won amount.${past} ${periods} Total: ${total}`,
    past: (from: string, to: string, won: string) => ` Won from ${from} to ${to}: ${won}.`,
    period: (label: string, f: string) => `${label}: ${f}.`,
    figures: (expected: string, low: string, high: string, won: string, open: string, fresh: string) =>
      `expected ${expected} (range ${low} to ${high}; won ${won}, open pipeline ${open}, new pipeline ${fresh})`,
  },
  'zh-CN': {
    horizon: { quarter: '未来 3 个月', year: '未来 12 个月', threeYears: '未来 3 年' } satisfies Record<
      Horizon,
      string
    >,
    won: '已赢单',
    open: '来自在途商机',
    new: '来自待新建商机',
    range: '区间（P10–P90）',
    low: 'P10',
    high: 'P90',
    expected: '预期',
    amount: '金额',
    month: (label: string) => {
      const [y, m] = label.split('-');
      return `${y}年${Number(m)}月`;
    },
    quarter: (label: string) => `${label.slice(0, 4)}年${label.slice(4)}`,
    describe: (name: string, past: string, periods: string, total: string) =>
      `${name}赢单金额预测。${past}${periods}合计：${total}`,
    past: (from: string, to: string, won: string) => `${from}至${to}已赢单 ${won}。`,
    period: (label: string, f: string) => `${label}：${f}。`,
    figures: (expected: string, low: string, high: string, won: string, open: string, fresh: string) =>
      `预期 ${expected}（区间 ${low} 至 ${high}；已赢单 ${won}，在途商机 ${open}，待新建商机 ${fresh}）`,
  },
} as const;

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A period's label in the chart's language: `2026-11` → Nov 2026 / 2026年11月, `2026Q4` → Q4 2026 / 2026年Q4. */
export function periodLabel(period: string, lang: ChartLanguage): string {
  const w = WORDS[lang];
  return period.includes('Q') ? w.quarter(period) : w.month(period);
}

export function horizonChart(forecast: HorizonForecast, lang: ChartLanguage): EChartsOption {
  const w = WORDS[lang];
  const money = (v: number) => compactMoney(v, lang);
  const past = forecast.past;
  const ahead = forecast.periods;
  const labels = [...past, ...ahead].map((p) => periodLabel(p.period, lang));
  const blank = past.map(() => null);
  const figures = (f: HorizonFigures) =>
    w.figures(
      money(f.expected),
      money(f.p10),
      money(f.p90),
      money(f.wonSoFar),
      money(f.fromOpen),
      money(f.fromNew),
    );
  const pastWon = past.reduce((a, p) => a + p.won, 0);
  const description = w.describe(
    w.horizon[forecast.horizon],
    past.length ? w.past(labels[0]!, labels[past.length - 1]!, money(pastWon)) : '',
    ahead.map((p, j) => w.period(labels[past.length + j]!, figures(p))).join(' '),
    figures(forecast.total),
  );
  const bar = (name: string, color: string, data: (number | null)[]) => ({
    type: 'bar' as const,
    name,
    stack: 'won',
    barMaxWidth: 48,
    z: 3,
    itemStyle: { color },
    data,
  });
  const edge = (name: string, data: (number | null)[]) => ({
    type: 'line' as const,
    name,
    z: 4,
    symbol: 'none',
    lineStyle: { color: PALETTE[2]!, width: 2, type: 'dashed' as const },
    itemStyle: { color: PALETTE[2]! },
    data,
  });
  const lows = ahead.map((p) => p.p10);
  return {
    ...base(description),
    grid: { left: 88, right: 24, top: 64, bottom: 48 },
    legend: { top: 0, data: [w.won, w.open, w.new, w.range] },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { dataIndex: number } | undefined;
        if (!first) return '';
        const i = first.dataIndex;
        if (i < past.length) return `${labels[i]}<br/>${w.won}: ${money(past[i]!.won)}`;
        const p = ahead[i - past.length]!;
        return [
          labels[i],
          `${w.expected}: ${money(p.expected)}`,
          `${w.range}: ${money(p.p10)} – ${money(p.p90)}`,
          `${w.won}: ${money(p.wonSoFar)}`,
          `${w.open}: ${money(p.fromOpen)}`,
          `${w.new}: ${money(p.fromNew)}`,
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'category',
      data: labels,
      // One rule between the past and the first period ahead (which holds as-of): a split
      // line sits on a category's edge, where a mark line would cut through its bar.
      splitLine: {
        show: past.length > 0,
        interval: (index: number) => index === past.length,
        lineStyle: { color: NEUTRAL, width: 2, type: 'solid' },
      },
    },
    yAxis: { type: 'value', name: w.amount, min: 0, axisLabel: { formatter: (v: number) => money(v) } },
    series: [
      bar(w.won, NEUTRAL, [...past.map((p) => p.won), ...ahead.map((p) => p.wonSoFar)]),
      bar(w.open, PALETTE[0]!, [...blank, ...ahead.map((p) => p.fromOpen)]),
      bar(w.new, PALETTE[1]!, [...blank, ...ahead.map((p) => p.fromNew)]),
      // The band: an invisible base at P10 and the P90 − P10 width stacked on it, shaded.
      {
        type: 'line',
        name: `${w.range} base`,
        stack: 'range',
        z: 1,
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        data: [...blank, ...lows],
      },
      {
        type: 'line',
        name: w.range,
        stack: 'range',
        z: 1,
        symbol: 'none',
        silent: true,
        lineStyle: { opacity: 0 },
        itemStyle: { color: PALETTE[2]! },
        areaStyle: { color: PALETTE[2]!, opacity: 0.18 },
        data: [...blank, ...ahead.map((p) => p.p90 - p.p10)],
      },
      edge(w.low, [...blank, ...lows]),
      edge(w.high, [...blank, ...ahead.map((p) => p.p90)]),
    ],
  };
}
