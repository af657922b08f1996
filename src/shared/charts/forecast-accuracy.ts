import type { EChartsOption } from 'echarts';
import type { AccuracyMethod, ForecastAccuracy } from '@shared/contract/forecast-accuracy';
import { base, NEUTRAL, PALETTE } from './common';
import type { ChartLanguage } from './text';

/**
 * Forecast accuracy (issue 14, deliverable 5) as two charts: how far each method was from
 * the actual at each checkpoint (MAPE by weeks before the quarter's end: the lines should
 * fall towards the end), and, at one checkpoint, each method's forecast quarter by quarter
 * against what was won, with what the stored snapshots said at the time as hollow marks
 * beside the replay. Each method keeps its colour and symbol in both charts.
 */
const WORDS = {
  en: {
    methods: {
      weighted: 'Weighted',
      commit: 'Commit',
      historical: 'Historical',
      simulation: 'Simulation P50',
      model: 'Win model',
    } satisfies Record<AccuracyMethod, string>,
    actual: 'Won (actual)',
    recorded: (method: string) => `${method} (said then)`,
    weeks: (n: number) => (n === 1 ? '1 week before' : `${n} weeks before`),
    weeksAxis: 'Before the quarter ends',
    mape: 'MAPE',
    amount: 'Amount',
    withBias: (name: string, bias: string) => `${name} (bias ${bias})`,
    none: 'no data',
    describeMape: (parts: string) =>
      `Mean absolute percentage error of each forecast method by weeks before the quarter's end. ${parts}`,
    describeQuarters: (weeks: string, parts: string) =>
      `Each method's forecast ${weeks} the end of each quarter against the amount won. ${parts}`,
    item: (name: string, value: string) => `${name}: ${value}.`,
  },
  'zh-CN': {
    methods: {
      weighted: '加权',
      commit: '承诺',
      historical: '历史赢率',
      simulation: '模拟 P50',
      model: '赢单模型',
    } satisfies Record<AccuracyMethod, string>,
    actual: '实际赢单',
    recorded: (method: string) => `${method}（当时快照）`,
    weeks: (n: number) => `结束前 ${n} 周`,
    weeksAxis: '距季度结束',
    mape: '平均绝对百分比误差',
    amount: '金额',
    withBias: (name: string, bias: string) => `${name}（偏差 ${bias}）`,
    none: '无数据',
    describeMape: (parts: string) => `各预测方法在季度结束前不同周数的平均绝对百分比误差（MAPE）。${parts}`,
    describeQuarters: (weeks: string, parts: string) =>
      `各方法在每个季度${weeks}的预测与实际赢单金额。${parts}`,
    item: (name: string, value: string) => `${name}：${value}。`,
  },
} as const;

const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'arrow'] as const;

const percent = (x: number | null, lang: ChartLanguage) =>
  x === null ? WORDS[lang].none : `${(x * 100).toFixed(1)}%`;

function styleOf(acc: ForecastAccuracy, method: AccuracyMethod) {
  const i = acc.methods.indexOf(method);
  return { color: PALETTE[i % PALETTE.length]!, symbol: SYMBOLS[i % SYMBOLS.length]! };
}

/** MAPE per method (a line each) over the checkpoints, the farthest first; each method's bias in the legend. */
export function accuracyByWeeksChart(acc: ForecastAccuracy, lang: ChartLanguage): EChartsOption {
  const w = WORDS[lang];
  const categories = acc.weeksBefore.map((n) => w.weeks(n));
  const parts = acc.accuracy
    .map((m) =>
      w.item(
        w.withBias(w.methods[m.method], percent(m.bias, lang)),
        m.byWeeks.map((b) => percent(b.mape, lang)).join(' → '),
      ),
    )
    .join(' ');
  return {
    ...base(w.describeMape(parts)),
    grid: { left: 72, right: 24, top: 72, bottom: 56 },
    // Each method's bias beside its name: on which side it errs, over every checkpoint.
    legend: {
      top: 0,
      data: acc.accuracy.map((m) => w.methods[m.method]),
      formatter: (name: string) => {
        const m = acc.accuracy.find((a) => w.methods[a.method] === name);
        return m ? w.withBias(name, percent(m.bias, lang)) : name;
      },
    },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: categories, name: w.weeksAxis, nameLocation: 'middle', nameGap: 32 },
    yAxis: {
      type: 'value',
      name: w.mape,
      min: 0,
      axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` },
    },
    series: acc.accuracy.map((m) => {
      const { color, symbol } = styleOf(acc, m.method);
      return {
        type: 'line' as const,
        name: w.methods[m.method],
        symbol,
        symbolSize: 10,
        itemStyle: { color },
        lineStyle: { color, width: 3 },
        connectNulls: false,
        data: m.byWeeks.map((b) => b.mape),
        tooltip: {
          valueFormatter: (v: unknown) => percent(typeof v === 'number' ? v : null, lang),
        },
      };
    }),
  };
}

/**
 * At one checkpoint: the actual per quarter as bars, each method's replayed forecast as a
 * line, and the stored snapshots' figures (said at the time) as hollow marks.
 */
export function forecastVsActualChart(
  acc: ForecastAccuracy,
  weeksBefore: number,
  lang: ChartLanguage,
): EChartsOption {
  const w = WORDS[lang];
  const at = acc.quarters.map((q) =>
    acc.points.find((p) => p.quarter === q && p.weeksBefore === weeksBefore),
  );
  const actual = acc.quarters.map((q) => acc.actuals.find((a) => a.quarter === q)?.actual ?? null);
  const recordedMethods = acc.methods.filter((m) => at.some((p) => p?.recorded?.forecasts[m] !== undefined));
  const parts = acc.quarters
    .map((q, i) =>
      w.item(
        q,
        [
          `${w.actual} ${actual[i] ?? w.none}`,
          ...acc.methods.map((m) => `${w.methods[m]} ${at[i]?.forecasts[m] ?? w.none}`),
        ].join(', '),
      ),
    )
    .join(' ');
  return {
    ...base(w.describeQuarters(w.weeks(weeksBefore), parts)),
    grid: { left: 96, right: 24, top: 72, bottom: 40 },
    legend: {
      top: 0,
      data: [
        w.actual,
        ...acc.methods.map((m) => w.methods[m]),
        ...recordedMethods.map((m) => w.recorded(w.methods[m])),
      ],
    },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: acc.quarters },
    yAxis: { type: 'value', name: w.amount },
    series: [
      {
        type: 'bar',
        name: w.actual,
        data: actual,
        itemStyle: { color: NEUTRAL, opacity: 0.45 },
        barMaxWidth: 56,
      },
      ...acc.methods.map((m) => {
        const { color, symbol } = styleOf(acc, m);
        return {
          type: 'line' as const,
          name: w.methods[m],
          symbol,
          symbolSize: 10,
          itemStyle: { color },
          lineStyle: { color, width: 2 },
          data: at.map((p) => p?.forecasts[m] ?? null),
        };
      }),
      ...recordedMethods.map((m) => {
        const { color, symbol } = styleOf(acc, m);
        return {
          type: 'scatter' as const,
          name: w.recorded(w.methods[m]),
          symbol: `empty${symbol[0]!.toUpperCase()}${symbol.slice(1)}`,
          symbolSize: 16,
          itemStyle: { color, borderWidth: 2 },
          data: at.map((p) => p?.recorded?.forecasts[m] ?? null),
        };
      }),
    ],
  };
}
