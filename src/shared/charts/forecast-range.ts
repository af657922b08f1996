import type { CustomSeriesRenderItemAPI, CustomSeriesRenderItemReturn, EChartsOption } from 'echarts';
import type { ForecastRange } from '@shared/contract/forecast';
import { base, NEUTRAL, PALETTE } from './common';
import { compactMoney, type ChartLanguage } from './text';

/**
 * The quarter's range by simulation as a histogram: how many simulated quarters ended at
 * each amount, the bins between P10 and P90 filled (80% of the runs), P10, P50 and P90
 * marked and labelled with their amounts, and the quota beside them when it is set, so
 * "a range, never a bare number" reads at a glance: where the quarter will probably land,
 * and how far the quota is from it. Drawn on a value axis (each bin exactly from its lower
 * to its upper amount), so a marker stands at its amount, not at the middle of a bin.
 */

const WORDS = {
  en: {
    runs: 'Simulated quarters',
    amount: 'Won in the quarter',
    inside: 'Between P10 and P90 (80% of runs)',
    outside: 'Below P10 or above P90',
    quota: 'Quota',
    bin: (from: string, to: string, runs: number) => `${from} – ${to}: ${runs} runs`,
    describe: (runs: number, seed: number, p10: string, p50: string, p90: string) =>
      `${runs} simulated quarters (seed ${seed}): 80% ended between ${p10} (P10) and ${p90} (P90), half above ${p50} (P50).`,
    quotaAt: (quota: string, share: string) => ` The quota of ${quota} was reached in ${share} of the runs.`,
    quotaOff: (quota: string) => ` The quota of ${quota} lies outside the chart.`,
    nothingOpen: (won: string) => `Nothing open is due in the quarter: every run ends at the ${won} won.`,
  },
  'zh-CN': {
    runs: '模拟季度数',
    amount: '季度赢单金额',
    inside: 'P10 至 P90 之间（80% 的模拟）',
    outside: '低于 P10 或高于 P90',
    quota: '业绩目标',
    bin: (from: string, to: string, runs: number) => `${from} – ${to}：${runs} 次`,
    describe: (runs: number, seed: number, p10: string, p50: string, p90: string) =>
      `${runs} 次模拟季度（随机种子 ${seed}）：80% 落在 ${p10}（P10）到 ${p90}（P90）之间，一半高于 ${p50}（P50）。`,
    quotaAt: (quota: string, share: string) => `业绩目标 ${quota} 在 ${share} 的模拟中达成。`,
    quotaOff: (quota: string) => `业绩目标 ${quota} 在图表范围之外。`,
    nothingOpen: (won: string) => `本季度没有到期的在途商机：每次模拟都等于已赢单的 ${won}。`,
  },
} as const;

type Mark = { key: 'p10' | 'p50' | 'p90' | 'quota'; at: number; text: string };

/** Share of the runs at or above an amount, read off the histogram (a bin counts by the part of it above). */
export function shareAtLeast(range: Pick<ForecastRange, 'histogram'>, amount: number): number {
  const total = range.histogram.reduce((n, b) => n + b.runs, 0);
  if (total === 0) return 0;
  let above = 0;
  for (const b of range.histogram) {
    if (b.from >= amount) above += b.runs;
    else if (b.to > amount) above += (b.runs * (b.to - amount)) / (b.to - b.from);
  }
  return above / total;
}

/** One bin: a bar from its lower to its upper amount (value = [from, to, runs, inside]). */
function binBar(_params: unknown, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn {
  const low = api.coord([api.value(0), 0]);
  const high = api.coord([api.value(1), api.value(2)]);
  // One pixel apart, so neighbouring bars read as bars and not as one area.
  const width = Math.max(1, high[0]! - low[0]! - 1);
  return {
    type: 'rect',
    shape: { x: low[0]!, y: high[1]!, width, height: low[1]! - high[1]! },
    style: { fill: api.visual('color') as string },
  };
}

interface PlacedMark extends Mark {
  /** 0 nearest the grid; each row 22 px higher. */
  row: number;
  align: 'left' | 'center' | 'right';
  color: string;
}

/** The markers: each a vertical line over the whole grid with its label above it. */
const markers =
  (placed: readonly PlacedMark[]) =>
  (params: unknown, api: CustomSeriesRenderItemAPI): CustomSeriesRenderItemReturn => {
    const { dataIndex, coordSys } = params as {
      dataIndex: number;
      coordSys: { y: number; height: number };
    };
    const m = placed[dataIndex]!;
    const x = api.coord([m.at, 0])[0]!;
    const top = coordSys.y - 8 - m.row * 22;
    return {
      type: 'group',
      children: [
        {
          type: 'line',
          shape: { x1: x, y1: coordSys.y + coordSys.height, x2: x, y2: top },
          style: { stroke: m.color, lineWidth: 2.5, lineDash: m.key === 'p50' ? undefined : [6, 4] },
        },
        {
          type: 'text',
          x: m.align === 'left' ? x + 6 : m.align === 'right' ? x - 6 : x,
          y: top,
          style: {
            text: m.text,
            fill: m.color,
            font: 'bold 15px sans-serif',
            align: m.align,
            verticalAlign: 'bottom',
          },
        },
      ],
    };
  };

/**
 * The histogram of the quarter's simulated outcomes with P10/P50/P90 (and the quota when
 * one is set and not far off the runs) marked. `dark` picks a marker colour that reads on
 * a dark background.
 */
export function rangeHistogramChart(
  range: ForecastRange,
  lang: ChartLanguage,
  options: { quota?: number | null; dark?: boolean } = {},
): EChartsOption {
  const w = WORDS[lang];
  const money = (v: number) => compactMoney(v, lang);
  const bins = range.histogram;
  const low = bins[0]?.from ?? range.p10;
  const high = bins.at(-1)?.to ?? range.p90;
  const width = Math.max(high - low, Math.abs(high) * 0.01, 1);
  const quota = options.quota ?? null;
  // A quota far beyond the runs would squash them into a sliver: it is drawn only within
  // two widths of the runs, and otherwise said in words.
  const quotaShown = quota !== null && quota >= low - 2 * width && quota <= high + 2 * width;
  const min = Math.min(low, quotaShown ? quota : low) - width * 0.04;
  const max = Math.max(high, quotaShown ? quota : high) + width * 0.04;

  const ink = options.dark ? '#e9ecef' : '#212529';
  const marks: Mark[] = [
    { key: 'p10', at: range.p10, text: `P10 ${money(range.p10)}` },
    { key: 'p50', at: range.p50, text: `P50 ${money(range.p50)}` },
    { key: 'p90', at: range.p90, text: `P90 ${money(range.p90)}` },
    ...(quotaShown ? [{ key: 'quota' as const, at: quota, text: `${w.quota} ${money(quota)}` }] : []),
  ];
  // P10 and P90 (and the quota) on the upper row, P50 on the lower, each label leaning
  // away from its neighbours so close values do not write over each other.
  // A label leans away from its neighbours (P10 to the left, P90 and the quota to the
  // right, P50 centred on a row of its own) unless that would run past the chart's edge.
  const at = (v: number) => (v - min) / (max - min);
  const placed: PlacedMark[] = marks.map((m) => {
    const lean = m.key === 'p10' || (m.key === 'quota' && m.at < range.p50) ? 'right' : 'left';
    const align =
      m.key === 'p50'
        ? 'center'
        : lean === 'right' && at(m.at) < 0.2
          ? 'left'
          : lean === 'left' && at(m.at) > 0.8
            ? 'right'
            : lean;
    return {
      ...m,
      row: m.key === 'quota' ? 2 : m.key === 'p50' ? 1 : 0,
      align,
      color: m.key === 'quota' ? PALETTE[5]! : ink,
    };
  });

  const nothingOpen = range.openDeals === 0;
  let description = nothingOpen
    ? w.nothingOpen(money(range.won))
    : w.describe(range.runs, range.seed, money(range.p10), money(range.p50), money(range.p90));
  if (quota !== null && !nothingOpen)
    description += quotaShown
      ? w.quotaAt(money(quota), `${(shareAtLeast(range, quota) * 100).toFixed(0)}%`)
      : w.quotaOff(money(quota));

  const inside = (b: { from: number; to: number }) => b.to > range.p10 && b.from < range.p90;
  return {
    ...base(description),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const v = (p as { value: number[] }).value;
        return w.bin(money(v[0]!), money(v[1]!), v[2]!);
      },
    },
    legend: { top: 0, left: 0, data: [w.inside, w.outside] },
    grid: { left: 16, right: 32, top: 112, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'all' },
    xAxis: {
      type: 'value',
      min,
      max,
      name: w.amount,
      nameLocation: 'middle',
      nameGap: 32,
      axisLabel: { formatter: (v: number) => money(v), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: w.runs,
      nameLocation: 'middle',
      nameGap: 56,
      minInterval: 1,
    },
    series: [
      {
        type: 'custom',
        name: w.inside,
        renderItem: binBar,
        encode: { x: [0, 1], y: 2 },
        itemStyle: { color: PALETTE[0] },
        data: bins.filter(inside).map((b) => [b.from, b.to, b.runs]),
      },
      {
        type: 'custom',
        name: w.outside,
        renderItem: binBar,
        encode: { x: [0, 1], y: 2 },
        itemStyle: { color: NEUTRAL },
        data: bins.filter((b) => !inside(b)).map((b) => [b.from, b.to, b.runs]),
      },
      {
        type: 'custom',
        name: 'marks',
        renderItem: markers(placed),
        encode: { x: 0 },
        silent: true,
        tooltip: { show: false },
        data: placed.map((m) => [m.at]),
      },
    ],
  };
}
