import type { EChartsOption } from 'echarts';
import type { WorkbackRow } from '@shared/contract/forecast-workback';
import { base, NEGATIVE, PALETTE, stageName, type ChartContext, type Params } from './common';
import { compactMoney } from './text';

/**
 * Working back from the target (倒推) per open stage: what the stage must hold now beside
 * what it holds, the held bar topped by the shortfall up to the need (hatched, in the
 * warning colour, labelled), so where the pipeline is thin reads at a glance and without
 * colour. In amounts (always defined when h(s) > 0) or in deals. `dark` picks a label colour
 * that reads on the dark theme's background.
 */
export type WorkbackMeasure = 'amount' | 'deals';

const WORDS = {
  en: {
    needed: 'Needed now',
    held: 'Held (due in the period)',
    short: 'Short',
    amount: 'Amount',
    deals: 'Deals',
    none: 'not known',
    describe: (measure: string, parts: string) =>
      `Working back from the target, ${measure} per stage: needed now against held. ${parts}`,
    item: (stage: string, needed: string, held: string, short: string) =>
      `${stage}: needed ${needed}, held ${held}, short ${short}.`,
  },
  'zh-CN': {
    needed: '当前所需',
    held: '已有（期内到期）',
    short: '缺口',
    amount: '金额',
    deals: '商机数',
    none: '未知',
    describe: (measure: string, parts: string) => `从目标倒推各阶段${measure}：当前所需与已有对比。${parts}`,
    item: (stage: string, needed: string, held: string, short: string) =>
      `${stage}：所需 ${needed}，已有 ${held}，缺口 ${short}。`,
  },
} as const;

/**
 * The shortfall's label: the warning colour darkened to 4.5:1 on the light background, and
 * lightened to over 7:1 on the dark one (#1a1b1e), where the darkened orange all but vanishes.
 */
const SHORT_TEXT = { light: '#a84a00', dark: '#ffa94d' } as const;

/** Deals are fractional in the work-back (gap / m / h(s)); a chart says them to one decimal. */
const dealsText = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

export function workbackChart(
  row: Pick<WorkbackRow, 'stages'>,
  ctx: ChartContext,
  measure: WorkbackMeasure = 'amount',
  options: { dark?: boolean } = {},
): EChartsOption {
  const w = WORDS[ctx.lang];
  const names = row.stages.map((s) => stageName(ctx, s.stage));
  const pick = (s: WorkbackRow['stages'][number]) =>
    measure === 'amount'
      ? { need: s.needAmount, have: s.haveAmount, short: s.shortAmount }
      : { need: s.needDeals, have: s.haveDeals, short: s.shortDeals };
  const values = row.stages.map(pick);
  const say = (x: number | null) =>
    x === null ? w.none : measure === 'amount' ? compactMoney(x, ctx.lang) : dealsText(x);
  const parts = values.map((v, i) => w.item(names[i]!, say(v.need), say(v.have), say(v.short))).join(' ');
  const label = (p: Params) => {
    const v = p.value as number | null;
    return v === null || v === 0 ? '' : say(v);
  };
  return {
    ...base(w.describe(measure === 'amount' ? w.amount : w.deals, parts)),
    legend: { top: 0, data: [w.needed, w.held, w.short] },
    grid: { left: 80, right: 24, top: 56, bottom: 40 },
    tooltip: { trigger: 'axis', confine: true, valueFormatter: (v: unknown) => say(v as number | null) },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0 } },
    yAxis: {
      type: 'value',
      name: measure === 'amount' ? w.amount : w.deals,
      min: 0,
      axisLabel: { formatter: (v: number) => (measure === 'amount' ? compactMoney(v, ctx.lang) : String(v)) },
    },
    series: [
      {
        type: 'bar',
        name: w.needed,
        stack: 'needed',
        data: values.map((v) => v.need),
        itemStyle: { color: PALETTE[0] },
        barMaxWidth: 64,
        label: { show: true, position: 'top', formatter: label },
      },
      {
        type: 'bar',
        name: w.held,
        stack: 'held',
        data: values.map((v) => v.have),
        itemStyle: { color: PALETTE[2] },
        barMaxWidth: 64,
        label: { show: true, position: 'insideBottom', formatter: label },
      },
      {
        // Stacked on what is held, up to what is needed: the shortfall, marked by pattern and
        // outline as well as colour, labelled with its size above the bar.
        type: 'bar',
        name: w.short,
        stack: 'held',
        data: values.map((v) => v.short),
        itemStyle: {
          // Translucent fill, not `opacity`, which would fade the label with the bar.
          color: 'rgba(213, 94, 0, 0.5)',
          borderColor: NEGATIVE,
          borderWidth: 2,
          borderType: 'dashed',
          decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [4, 3], rotation: -Math.PI / 4 },
        },
        barMaxWidth: 64,
        label: {
          show: true,
          position: 'top',
          color: SHORT_TEXT[options.dark ? 'dark' : 'light'],
          fontWeight: 'bold',
          formatter: (p: Params) => {
            const v = p.value as number | null;
            return v === null || v === 0 ? '' : `−${say(v)}`;
          },
        },
      },
    ],
  };
}
