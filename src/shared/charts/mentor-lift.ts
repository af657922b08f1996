import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts';
import type { Interval, MentorLift } from '@shared/contract/mentors';
import { base, NEUTRAL, PALETTE } from './common';
import type { ChartLanguage } from './text';

/**
 * The mentor lift as intervals (a forest plot): mentored and comparable unmentored deals,
 * each a point estimate with its 95% interval drawn as a whisker, and below them the
 * difference with its interval against a zero line. A whisker crossing zero is read at a
 * glance as "could be chance". Below the minimum sample nothing is drawn and the
 * description says so: the view shows its "not enough data" message instead.
 */

export type LiftMetric = 'winRate' | 'cycle';

const WORDS = {
  en: {
    mentored: 'Mentored',
    comparable: 'Comparable',
    lift: 'Difference',
    winRate: 'Win rate',
    cycle: 'Median sales cycle (days)',
    winRateLift: 'Difference (points)',
    cycleLift: 'Difference (days; negative = faster)',
    points: 'pts',
    days: 'd',
    n: (closed: number, won: number) => `${closed} closed, ${won} won`,
    describe: (what: string, parts: string) => `${what} with 95% intervals. ${parts}`,
    notEnough: 'Not enough data to compare.',
    item: (name: string, value: string, range: string) => `${name}: ${value} (${range}).`,
  },
  'zh-CN': {
    mentored: '有师父带教',
    comparable: '可比商机',
    lift: '差异',
    winRate: '赢率',
    cycle: '销售周期中位数（天）',
    winRateLift: '差异（百分点）',
    cycleLift: '差异（天；负数 = 更快）',
    points: '个百分点',
    days: '天',
    n: (closed: number, won: number) => `已关闭 ${closed}，赢单 ${won}`,
    describe: (what: string, parts: string) => `${what}及其 95% 区间。${parts}`,
    notEnough: '数据不足，无法比较。',
    item: (name: string, value: string, range: string) => `${name}：${value}（${range}）。`,
  },
} as const;

/** An interval with all three numbers, or null: the chart never draws half an interval. */
function complete(i: Interval): { estimate: number; low: number; high: number } | null {
  return i.estimate === null || i.low === null || i.high === null
    ? null
    : { estimate: i.estimate, low: i.low, high: i.high };
}

/** How a value of the metric is written on the chart. */
export function liftValueText(
  value: number,
  metric: LiftMetric,
  kind: 'level' | 'difference',
  lang: ChartLanguage,
): string {
  const w = WORDS[lang];
  const sign = kind === 'difference' && value > 0 ? '+' : '';
  if (metric === 'winRate')
    return kind === 'level'
      ? `${(value * 100).toFixed(1)}%`
      : `${sign}${(value * 100).toFixed(1)} ${w.points}`;
  return `${sign}${value.toFixed(1)}${lang === 'en' ? ' ' : ''}${w.days}`;
}

/** A row's whisker: a line from low to high with a cap at each end. */
function whisker(_params: unknown, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const row = api.value(2);
  const from = api.coord([api.value(0), row]);
  const to = api.coord([api.value(1), row]);
  const cap = 9;
  const style = { stroke: api.visual('color') as string, lineWidth: 3 };
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line' as const,
    shape: { x1, y1, x2, y2 },
    style,
  });
  return {
    type: 'group',
    children: [
      line(from[0]!, from[1]!, to[0]!, to[1]!),
      line(from[0]!, from[1]! - cap, from[0]!, from[1]! + cap),
      line(to[0]!, to[1]! - cap, to[0]!, to[1]! + cap),
    ],
  };
}

/**
 * The lift of one metric: the two groups on the top axis, their difference on the bottom
 * one (zero marked by the category axis crossing it).
 */
export function mentorLiftChart(lift: MentorLift, metric: LiftMetric, lang: ChartLanguage): EChartsOption {
  const w = WORDS[lang];
  const enough = lift.enough[metric];
  const pick = (g: MentorLift['mentored']) => (metric === 'winRate' ? g.winRate : g.medianCycleDays);
  const groups = [
    {
      name: w.mentored,
      n: w.n(lift.mentored.closed, lift.mentored.won),
      color: PALETTE[0]!,
      i: pick(lift.mentored),
    },
    {
      name: w.comparable,
      n: w.n(lift.comparable.closed, lift.comparable.won),
      color: NEUTRAL,
      i: pick(lift.comparable),
    },
  ].map((g) => ({ ...g, i: enough ? complete(g.i) : null }));
  const difference = enough ? complete(metric === 'winRate' ? lift.winRateLift : lift.cycleLift) : null;

  const level = (v: number) => liftValueText(v, metric, 'level', lang);
  const diff = (v: number) => liftValueText(v, metric, 'difference', lang);
  const range = (i: { low: number; high: number }, text: (v: number) => string) =>
    `${text(i.low)} – ${text(i.high)}`;

  const parts = enough
    ? [
        ...groups.flatMap((g) => (g.i ? [w.item(g.name, level(g.i.estimate), range(g.i, level))] : [])),
        ...(difference ? [w.item(w.lift, diff(difference.estimate), range(difference, diff))] : []),
      ].join(lang === 'en' ? ' ' : '')
    : w.notEnough;
  const what = metric === 'winRate' ? w.winRate : w.cycle;

  // The difference axis is symmetric around zero, so "above" and "below" read alike.
  const reach = difference ? Math.max(Math.abs(difference.low), Math.abs(difference.high)) * 1.15 : 1;
  const levels = groups.flatMap((g) => (g.i ? [g.i.high] : []));
  const levelMax = metric === 'winRate' ? 1 : Math.max(1, ...levels) * 1.1;
  // Point labels: the estimate, then its interval (value = [estimate, row, low, high]).
  const label = (text: (v: number) => string) => ({
    show: true,
    position: 'top' as const,
    distance: 10,
    fontSize: 14,
    fontWeight: 600 as const,
    formatter: (p: unknown) => {
      const v = (p as { value: number[] }).value;
      return `${text(v[0]!)}  (${text(v[2]!)} – ${text(v[3]!)})`;
    },
  });
  // An axis end that is not a round tick (a reach of 11.5 days) would print its own label
  // on top of the neighbouring tick's ("10 11"): only the round ticks are labelled.
  // A label centred on a point near an axis end runs past the chart's edge (a long zh
  // interval): in the outer thirds it is aligned to end (or start) at the point instead.
  const align = (v: number, min: number, max: number) => {
    const at = (v - min) / (max - min);
    return { label: { align: at > 2 / 3 ? 'right' : at < 1 / 3 ? 'left' : 'center' } } as const;
  };
  const axisLabel = (text: (v: number) => string, ends: { min: boolean; max: boolean }) => ({
    fontSize: 13,
    showMinLabel: ends.min,
    showMaxLabel: ends.max,
    formatter: (v: number) =>
      metric === 'winRate' ? text(v).replace(/\.0(?=\D|$)/, '') : String(Math.round(v)),
  });

  const common = base(w.describe(what, parts));
  return {
    ...common,
    tooltip: { show: false },
    grid: [
      { left: 8, right: 32, top: 28, height: '42%', containLabel: true },
      { left: 8, right: 32, bottom: 28, height: '18%', containLabel: true },
    ],
    xAxis: [
      {
        type: 'value',
        gridIndex: 0,
        min: 0,
        max: levelMax,
        name: what,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: axisLabel(level, { min: true, max: metric === 'winRate' }),
      },
      {
        type: 'value',
        gridIndex: 1,
        min: -reach,
        max: reach,
        name: metric === 'winRate' ? w.winRateLift : w.cycleLift,
        nameLocation: 'middle',
        nameGap: 28,
        axisLabel: axisLabel(diff, { min: false, max: false }),
      },
    ],
    yAxis: [
      {
        type: 'category',
        gridIndex: 0,
        inverse: true,
        // The group and its sample size, so a wide interval explains itself.
        data: groups.map((g) => `${g.name}\n${g.n}`),
        axisTick: { show: false },
        axisLabel: { fontSize: 14, lineHeight: 20 },
      },
      {
        type: 'category',
        gridIndex: 1,
        data: [w.lift],
        axisTick: { show: false },
        // The category axis crosses the value axis at zero: the "no difference" line.
        axisLine: { onZero: true, lineStyle: { width: 2 } },
        axisLabel: { fontSize: 14, fontWeight: 600 },
      },
    ],
    series: [
      {
        type: 'custom',
        name: what,
        xAxisIndex: 0,
        yAxisIndex: 0,
        renderItem: whisker,
        encode: { x: [0, 1], y: 2 },
        data: groups.flatMap((g, row) =>
          g.i ? [{ value: [g.i.low, g.i.high, row], itemStyle: { color: g.color } }] : [],
        ),
        silent: true,
      },
      {
        type: 'scatter',
        name: what,
        xAxisIndex: 0,
        yAxisIndex: 0,
        symbol: 'diamond',
        symbolSize: 16,
        data: groups.flatMap((g, row) =>
          g.i
            ? [
                {
                  value: [g.i.estimate, row, g.i.low, g.i.high],
                  name: g.name,
                  itemStyle: { color: g.color },
                  ...align(g.i.estimate, 0, levelMax),
                },
              ]
            : [],
        ),
        encode: { x: 0, y: 1 },
        label: label(level),
        silent: true,
      },
      {
        type: 'custom',
        name: w.lift,
        xAxisIndex: 1,
        yAxisIndex: 1,
        renderItem: whisker,
        encode: { x: [0, 1], y: 2 },
        data: difference
          ? [{ value: [difference.low, difference.high, 0], itemStyle: { color: PALETTE[0]! } }]
          : [],
        silent: true,
      },
      {
        type: 'scatter',
        name: w.lift,
        xAxisIndex: 1,
        yAxisIndex: 1,
        symbol: 'diamond',
        symbolSize: 16,
        data: difference
          ? [
              {
                value: [difference.estimate, 0, difference.low, difference.high],
                name: w.lift,
                itemStyle: { color: PALETTE[0]! },
                ...align(difference.estimate, -reach, reach),
              },
            ]
          : [],
        encode: { x: 0, y: 1 },
        label: label(diff),
        silent: true,
      },
    ],
  };
}
