import { dayOf, DAY_MS } from '@shared/time';
import { barChart, bullets, note, table, tiles } from '../parts';
import { addSlide, BODY, COLOR } from '../theme';
import { largest, type SlideContext } from './context';

/** How many of the diagnosis's sentences the slide holds below the chart and the table. */
const MAX_FINDINGS = 3;

/**
 * Working back from the target (倒推, forecast.workback for the quarter): per open stage the
 * pipeline and the deals needed now to close the gap (the forecast's gapPlan) against what
 * each stage holds due this quarter and the shortfall, what those deals are expected to win,
 * and the diagnosis in words (new deals a week against the recent rate, the stage to coach).
 */
export function gapPlanSlide(c: SlideContext): void {
  const { L, data } = c;
  const w = data.workback;
  const slide = addSlide(c.pptx, L.gapPlan, c.lang);
  const sentences = w.findings
    .filter((x) => x.code !== 'needs_target')
    .slice(0, MAX_FINDINGS)
    .map((x) => (c.lang === 'zh-CN' ? x.words.zh : x.words.en));
  if (w.gap === null || w.gap <= 0) {
    note(slide, L.noGapPlan, { x: BODY.x, y: BODY.y + 0.2, w: BODY.w, h: 0.6 }, c.lang, 18);
    if (sentences.length > 0)
      bullets(slide, sentences, { x: BODY.x, y: BODY.y + 1.0, w: BODY.w, h: 2.4 }, c.lang, 16);
    return;
  }
  note(
    slide,
    `${L.gapPlanLine(c.money(w.gap), c.moneyOrNone(w.newDeals.meanWon))} ${L.gapPlanCover(
      c.money(w.expected),
      c.moneyOrNone(w.newDeals.uncovered),
    )}`,
    { x: BODY.x, y: BODY.y, w: BODY.w, h: 0.62 },
    c.lang,
    15,
  );
  const top = BODY.y + 0.72;
  const height = 3.3;
  const labels = w.stages.map((st) => c.stageName(st.stage));
  const needed = w.stages.map((st) => st.needAmount ?? 0);
  const held = w.stages.map((st) => st.haveAmount);
  barChart(
    c.pptx,
    slide,
    [
      { name: L.needAmount, labels, values: needed },
      { name: L.haveAmount, labels, values: held },
    ],
    { x: BODY.x, y: top, w: 5.9, h: height },
    {
      colors: [COLOR.red, COLOR.blue],
      format: c.moneyFormat(largest([...needed, ...held])),
      labels: false,
      altText: L.gapPlan,
    },
    c.lang,
  );
  table(
    slide,
    [L.stage, L.winRate, L.needDeals, L.haveDeals, L.needAmount, L.held, L.short],
    w.stages.map((st) => [
      c.stageName(st.stage),
      c.percent(st.h),
      c.quantity(st.needDeals),
      String(st.haveDeals),
      c.moneyOrNone(st.needAmount),
      c.money(st.haveAmount),
      c.moneyOrNone(st.shortAmount),
    ]),
    {
      x: 6.6,
      y: top,
      w: 6.233,
      h: Math.min(height, 0.45 * (w.stages.length + 1)),
      // English stage names are longer, Chinese amounts (¥262.9万) wider.
      colW:
        c.lang === 'zh-CN'
          ? [1.0, 0.8, 0.78, 0.78, 0.96, 0.96, 0.953]
          : [1.18, 0.78, 0.8, 0.66, 0.93, 0.92, 0.943],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
    },
    c.lang,
    12,
  );
  if (sentences.length > 0)
    bullets(slide, sentences, { x: BODY.x, y: top + height + 0.1, w: BODY.w, h: 1.43 }, c.lang, 14);
}

/** Next quarter as it stands: the same forecast for Q+1 at the same as-of. */
export function nextQuarterSlide(c: SlideContext): void {
  const { L, data } = c;
  const { forecast: f, range: r } = data.next;
  const slide = addSlide(c.pptx, L.next(f.quarter), c.lang);
  tiles(
    slide,
    [
      { label: L.openPipeline, value: c.money(f.openAmount) },
      { label: L.quota, value: c.moneyOrNone(f.quota) },
      { label: L.coverageRatio, value: c.times(f.coverage), color: COLOR.blue },
      { label: 'P10–P90', value: `${c.money(r.p10)} – ${c.money(r.p90)}` },
    ],
    { x: BODY.x, y: BODY.y + 0.1, w: BODY.w, h: 1.3 },
    c.lang,
  );
  if (f.openDeals === 0 && f.wonAmount === 0) {
    note(slide, L.nextEmpty, { x: BODY.x, y: BODY.y + 1.7, w: BODY.w, h: 0.5 }, c.lang, 18);
    return;
  }
  const labels = [L.weighted, L.commit, L.bestCase, L.pipeline, L.historical, 'P50'];
  const values = [f.weighted, f.commit, f.bestCase, f.pipeline, f.historical, r.p50];
  if (f.quota !== null) {
    labels.push(L.quota);
    values.push(f.quota);
  }
  barChart(
    c.pptx,
    slide,
    [{ name: L.amount, labels, values }],
    { x: BODY.x, y: BODY.y + 1.6, w: BODY.w, h: BODY.h - 1.6 },
    { colors: [COLOR.navy], format: c.moneyFormat(largest(values)), altText: L.next(f.quarter) },
    c.lang,
  );
}

/** How to reproduce every number on the command line, and how the charts stay editable. */
export function methodSlide(c: SlideContext): void {
  const { L, data } = c;
  const options = [
    // A whole day is written as the day (--as-of D is the end of D); any other instant as itself.
    ` --as-of ${data.asOf % DAY_MS === 0 ? dayOf(data.asOf - 1) : new Date(data.asOf).toISOString()}`,
    data.team !== null ? ` --team "${data.team}"` : '',
    data.owner !== null ? ` --owner "${data.owner}"` : '',
  ].join('');
  const slide = addSlide(c.pptx, L.method, c.lang);
  bullets(
    slide,
    L.methodLines(data.quarter, data.changesFrom, data.changesTo, options),
    { x: BODY.x, y: BODY.y + 0.1, w: BODY.w, h: BODY.h - 0.2 },
    c.lang,
    16,
  );
}
