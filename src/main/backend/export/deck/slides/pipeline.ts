import { CHANGE_CATEGORIES, type ChangeCategory, type ChangesReport } from '@shared/contract';
import { barChart, note, table, type Series } from '../parts';
import { addSlide, BODY, COLOR } from '../theme';
import { plainFormat } from '../format';
import { largest, type SlideContext } from './context';

/** The waterfall's steps: start, each category with a non-zero total, end (PRODUCT.md). */
export interface WaterfallStep {
  label: string;
  category: ChangeCategory | 'start' | 'end';
  value: number;
}

export function waterfallSteps(
  changes: ChangesReport,
  names: Record<ChangeCategory, string>,
  start: string,
  end: string,
): WaterfallStep[] {
  return [
    { label: start, category: 'start', value: changes.start },
    ...CHANGE_CATEGORIES.filter((k) => changes.totals[k] !== 0).map((k) => ({
      label: names[k],
      category: k,
      value: changes.totals[k],
    })),
    { label: end, category: 'end', value: changes.end },
  ];
}

/**
 * A waterfall as a native stacked column chart (PowerPoint's own waterfall type is not
 * in pptxgenjs): an invisible base lifts each step to where the last one ended; rises and
 * falls are their own series, start and end the totals. Increases come before decreases
 * in the category order, so the running total never drops below zero.
 */
export function waterfallSeries(
  steps: readonly WaterfallStep[],
  names: { base: string; rise: string; fall: string; total: string },
): Series[] {
  const labels = steps.map((s) => s.label);
  const base: number[] = [];
  const rise: number[] = [];
  const fall: number[] = [];
  const total: number[] = [];
  let running = 0;
  for (const step of steps) {
    if (step.category === 'start' || step.category === 'end') {
      base.push(0);
      rise.push(0);
      fall.push(0);
      total.push(step.value);
      running = step.value;
      continue;
    }
    const after = running + step.value;
    base.push(Math.min(running, after));
    rise.push(step.value > 0 ? step.value : 0);
    fall.push(step.value < 0 ? -step.value : 0);
    total.push(0);
    running = after;
  }
  return [
    { name: names.base, labels, values: base },
    { name: names.total, labels, values: total },
    { name: names.rise, labels, values: rise },
    { name: names.fall, labels, values: fall },
  ];
}

export function waterfallSlide(c: SlideContext): void {
  const { L, data } = c;
  const slide = addSlide(c.pptx, L.waterfall, c.lang);
  const changes = data.changes;
  if (!changes) {
    note(slide, L.notStarted, { x: BODY.x, y: BODY.y + 0.2, w: BODY.w, h: 0.6 }, c.lang, 18);
    return;
  }
  const steps = waterfallSteps(changes, L.changeCategory, L.start, L.end);
  const series = waterfallSeries(steps, L);
  note(
    slide,
    L.waterfallWindow(data.changesFrom, data.changesTo),
    { x: BODY.x, y: BODY.y, w: 7.9, h: 0.4 },
    c.lang,
  );
  barChart(
    c.pptx,
    slide,
    series,
    { x: BODY.x, y: BODY.y + 0.45, w: 7.9, h: BODY.h - 0.45 },
    {
      // The base is white on the white slide, and without gridlines nothing shows through it.
      colors: [COLOR.white, COLOR.navy, COLOR.green, COLOR.red],
      format: c.moneyFormat(largest(steps.map((s) => s.value))),
      stacked: true,
      labels: false,
      legend: false,
      noGrid: true,
      altText: L.waterfall,
    },
    c.lang,
  );
  const rows = steps.map((s) => [
    s.label,
    s.category === 'start' || s.category === 'end' ? '' : String(changes.counts[s.category]),
    s.category === 'start' || s.category === 'end'
      ? c.money(s.value)
      : `${s.value > 0 ? '+' : ''}${c.money(s.value)}`,
  ]);
  table(
    slide,
    [L.category, L.deals, L.change],
    rows,
    {
      x: 8.7,
      y: BODY.y + 0.45,
      w: 4.13,
      h: Math.min(BODY.h - 0.45, 0.45 * (rows.length + 1)),
      colW: [1.7, 0.9, 1.53],
      align: ['left', 'right', 'right'],
    },
    c.lang,
    13,
  );
}

/** The funnel of deals created this quarter against last quarter's, stage by stage. */
export function funnelSlide(c: SlideContext): void {
  const { L, data } = c;
  const { current, previous } = data.funnel;
  const slide = addSlide(c.pptx, L.funnel, c.lang);
  const labels = current.stages.map((s) => c.stageName(s.key));
  const names = {
    current: L.thisQuarter(data.windows.current.quarter),
    previous: L.lastQuarter(data.windows.previous.quarter),
  };
  barChart(
    c.pptx,
    slide,
    [
      { name: names.current, labels, values: current.stages.map((s) => s.reached) },
      { name: names.previous, labels, values: previous.stages.map((s) => s.reached) },
    ],
    { x: BODY.x, y: BODY.y, w: 7.4, h: BODY.h - 1.0 },
    { colors: [COLOR.blue, COLOR.grey], format: plainFormat('#,##0'), altText: L.funnel },
    c.lang,
  );
  table(
    slide,
    [L.stage, L.conversion, names.previous],
    current.stages.map((s, i) => [
      c.stageName(s.key),
      c.percent(s.conversionToNext),
      c.percent(previous.stages[i]?.conversionToNext ?? null),
    ]),
    {
      x: 8.2,
      y: BODY.y,
      w: 4.63,
      h: Math.min(BODY.h - 1.0, 0.45 * (current.stages.length + 1)),
      colW: [1.9, 1.2, 1.53],
      align: ['left', 'right', 'right'],
    },
    c.lang,
    12,
  );
  note(
    slide,
    [
      L.cohortLine(names.current, current.deals, current.won, current.lost, c.percent(current.winRate)),
      L.cohortLine(names.previous, previous.deals, previous.won, previous.lost, c.percent(previous.winRate)),
    ].join('\n'),
    { x: BODY.x, y: BODY.y + BODY.h - 0.85, w: BODY.w, h: 0.85 },
    c.lang,
    14,
  );
}

/** Days in each stage this quarter against last, with the sales cycle and velocity. */
export function velocitySlide(c: SlideContext): void {
  const { L, data } = c;
  const { current, previous } = data.velocity;
  const slide = addSlide(c.pptx, L.velocity, c.lang);
  const names = {
    current: L.thisQuarter(data.windows.current.quarter),
    previous: L.lastQuarter(data.windows.previous.quarter),
  };
  const labels = current.stages.map((s) => c.stageName(s.key));
  barChart(
    c.pptx,
    slide,
    [
      { name: names.current, labels, values: current.stages.map((s) => s.medianDays ?? 0) },
      { name: names.previous, labels, values: previous.stages.map((s) => s.medianDays ?? 0) },
    ],
    { x: BODY.x, y: BODY.y + 0.4, w: BODY.w, h: BODY.h - 1.35 },
    { colors: [COLOR.orange, COLOR.grey], format: plainFormat('0.0'), altText: L.velocity },
    c.lang,
  );
  note(slide, L.medianDays, { x: BODY.x, y: BODY.y, w: BODY.w, h: 0.4 }, c.lang);
  const line = (label: string, r: typeof current) =>
    L.velocityLine(
      label,
      c.quantity(r.salesCycle.meanDays),
      c.percent(r.winRate),
      r.velocityPerDay === null ? L.none : c.money(r.velocityPerDay),
    );
  note(
    slide,
    [line(names.current, current), line(names.previous, previous)].join('\n'),
    { x: BODY.x, y: BODY.y + BODY.h - 0.85, w: BODY.w, h: 0.85 },
    c.lang,
    14,
  );
}
