import { dayOf, dayStart, DAY_MS } from '@shared/time';
import { barChart, bullets, doughnutChart, note, tiles, type Series } from '../parts';
import { addSlide, BODY, CATEGORY_COLORS, COLOR, langTag } from '../theme';
import { plainFormat } from '../format';
import { largest, type SlideContext } from './context';
import { fitLogo, TITLE_LOGO, type DeckLogo } from '../logo';

/** The quarter's last day, for "2026-10-01 – 2026-12-31". */
const lastDay = (endExclusive: string): string => dayOf(dayStart(endExclusive) - DAY_MS);

/**
 * The title slide: the quarter, the company (or workspace), the scope and the as-of day;
 * the company's logo to the right of them when there is one, the lines then wrapping
 * before it. The name takes the largest size it fits at, so a long one never spills.
 */
export function titleSlide(c: SlideContext, company: string, scopeLine: string, logo: DeckLogo | null): void {
  const { L, data, lang } = c;
  const slide = addSlide(c.pptx, L.title(data.quarter), lang);
  const w = logo ? TITLE_LOGO.x - 0.3 - BODY.x : BODY.w;
  slide.addText(company, {
    x: BODY.x,
    y: 2.2,
    w,
    h: 1.2,
    fontSize: fittingSize(company, w, 1.2),
    bold: true,
    color: COLOR.navy,
    margin: 0,
    valign: 'middle',
    lang: langTag(lang),
  });
  const f = data.forecast;
  slide.addText(
    [scopeLine, L.quarterDays(f.quarterStart, lastDay(f.quarterEnd)), L.asOf(dayOf(data.asOf - 1))].map(
      (text) => ({
        text,
        options: { breakLine: true },
      }),
    ),
    {
      x: BODY.x,
      y: 3.6,
      w,
      h: 1.6,
      fontSize: 22,
      color: COLOR.muted,
      margin: 0,
      valign: 'top',
      lang: langTag(lang),
    },
  );
  if (logo) slide.addImage({ ...fitLogo(logo.aspect, TITLE_LOGO), data: logo.data, altText: logo.fileName });
}

/**
 * The largest of the title's sizes (40 pt as before, then smaller) at which `text` fits a
 * box `w` × `h` inches, by the width of its characters: a Chinese character (or any
 * full-width one) an em, another 0.6 em in bold Arial on average, lines 1.2 em apart.
 */
export function fittingSize(text: string, w: number, h: number): number {
  const ems = [...text].reduce((sum, ch) => sum + (FULL_WIDTH.test(ch) ? 1 : 0.6), 0);
  const sizes = [40, 32, 26, 22, 18, 14];
  for (const pt of sizes) {
    const em = pt / 72;
    const lines = Math.ceil((ems * em) / w);
    if (lines * 1.2 * em <= h) return pt;
  }
  return sizes.at(-1)!;
}

/** Hangul, CJK, Yi, compatibility ideographs and full-width forms: one em wide. */
const FULL_WIDTH =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** The executive summary: the few sentences a director reads before anything else. */
export function summarySlide(c: SlideContext): void {
  const { L, data } = c;
  const f = data.forecast;
  const r = data.range;
  const slide = addSlide(c.pptx, L.summary, c.lang);
  tiles(
    slide,
    [
      { label: L.won, value: c.money(f.wonAmount) },
      { label: L.quota, value: c.moneyOrNone(f.quota) },
      { label: L.commit, value: c.money(f.commit) },
      { label: 'P50', value: c.money(r.p50), color: COLOR.blue },
    ],
    { x: BODY.x, y: BODY.y + 0.1, w: BODY.w, h: 1.3 },
    c.lang,
  );
  const lines = [
    f.quota !== null && f.quota > 0
      ? L.summaryWon(c.money(f.wonAmount), c.money(f.quota), c.percent(f.wonAmount / f.quota))
      : L.summaryWonNoQuota(c.money(f.wonAmount)),
  ];
  if (f.gap !== null) lines.push(f.gap > 0 ? L.summaryGap(c.money(f.gap)) : L.summaryGapClosed);
  lines.push(
    L.summaryForecast(c.money(f.commit), c.money(f.bestCase), c.money(f.weighted), c.money(f.historical)),
  );
  lines.push(L.summaryRange(c.money(r.p10), c.money(r.p50), c.money(r.p90)));
  lines.push(
    f.coverage !== null
      ? L.summaryCoverage(c.times(f.coverage), c.money(f.openAmount))
      : L.summaryNoCoverage(c.money(f.openAmount)),
  );
  if (data.changes) lines.push(L.summaryChanges(c.money(data.changes.start), c.money(data.changes.end)));
  lines.push(L.summaryRisks(data.risks.stalled, data.risks.pushed, data.risks.shrunk));
  const first = f.gapPlan[0];
  if (first && first.amount !== null)
    lines.push(L.summaryPlan(c.stageName(first.stage), c.money(first.amount), c.quantity(first.deals)));
  bullets(slide, lines, { x: BODY.x, y: BODY.y + 1.65, w: BODY.w, h: BODY.h - 1.7 }, c.lang, 17);
}

/** Won against quota, with commit and best case on the way there. */
export function attainmentSlide(c: SlideContext): void {
  const { L, data } = c;
  const f = data.forecast;
  const slide = addSlide(c.pptx, L.attainment, c.lang);
  tiles(
    slide,
    [
      { label: L.attained, value: f.quota ? c.percent(f.wonAmount / f.quota) : L.none, color: COLOR.green },
      { label: L.won, value: c.money(f.wonAmount) },
      { label: L.quota, value: c.moneyOrNone(f.quota) },
      {
        label: L.gap,
        value: c.moneyOrNone(f.gap),
        color: f.gap !== null && f.gap > 0 ? COLOR.red : COLOR.ink,
      },
    ],
    { x: BODY.x, y: BODY.y + 0.1, w: BODY.w, h: 1.3 },
    c.lang,
  );
  const labels = [L.won, L.commit, L.bestCase];
  const values = [f.wonAmount, f.commit, f.bestCase];
  if (f.quota !== null) {
    labels.push(L.quota);
    values.push(f.quota);
  }
  barChart(
    c.pptx,
    slide,
    [{ name: L.amount, labels, values }],
    { x: BODY.x, y: BODY.y + 1.6, w: BODY.w, h: BODY.h - 2.0 },
    {
      colors: [COLOR.green],
      format: c.moneyFormat(largest(values)),
      horizontal: true,
      altText: L.attainment,
    },
    c.lang,
  );
  if (f.quota === null)
    note(slide, L.noQuota, { x: BODY.x, y: BODY.y + BODY.h - 0.35, w: BODY.w, h: 0.35 }, c.lang);
}

/** Every forecast method side by side, with the simulated P10, P50 and P90. */
export function categoriesSlide(c: SlideContext): void {
  const { L, data } = c;
  const f = data.forecast;
  const r = data.range;
  const slide = addSlide(c.pptx, L.categories, c.lang);
  const labels = [L.weighted, L.commit, L.bestCase, L.pipeline, L.historical, 'P10', 'P50', 'P90'];
  const values = [f.weighted, f.commit, f.bestCase, f.pipeline, f.historical, r.p10, r.p50, r.p90];
  if (f.quota !== null) {
    labels.push(L.quota);
    values.push(f.quota);
  }
  barChart(
    c.pptx,
    slide,
    [{ name: L.amount, labels, values }],
    { x: BODY.x, y: BODY.y, w: 8.4, h: BODY.h },
    { colors: [COLOR.blue], format: c.moneyFormat(largest(values)), altText: L.categories },
    c.lang,
  );
  const side = { x: 9.2, w: 3.63 };
  slide.addText(L.rangeLine(c.money(r.p10), c.money(r.p90)), {
    ...side,
    y: BODY.y + 0.1,
    h: 0.9,
    fontSize: 20,
    bold: true,
    color: COLOR.blue,
    margin: 0,
    valign: 'top',
    lang: langTag(c.lang),
  });
  note(slide, `P50 ${c.money(r.p50)}`, { ...side, y: BODY.y + 1.0, h: 0.4 }, c.lang, 16);
  bullets(slide, L.categoryNotes, { ...side, y: BODY.y + 1.6, h: BODY.h - 1.6 }, c.lang, 13);
}

/** The simulated outcomes as a histogram: how wide the range is, and where P10–P90 fall. */
export function rangeSlide(c: SlideContext): void {
  const { L, data } = c;
  const r = data.range;
  const slide = addSlide(c.pptx, L.range, c.lang);
  tiles(
    slide,
    [
      { label: 'P10', value: c.money(r.p10) },
      { label: 'P50', value: c.money(r.p50), color: COLOR.blue },
      { label: 'P90', value: c.money(r.p90) },
      { label: L.mean, value: c.money(r.mean) },
    ],
    { x: BODY.x, y: BODY.y + 0.1, w: BODY.w, h: 1.3 },
    c.lang,
  );
  const series: Series = {
    name: L.runs,
    labels: r.histogram.map((b) => c.money(b.from)),
    values: r.histogram.map((b) => b.runs),
  };
  barChart(
    c.pptx,
    slide,
    [series],
    { x: BODY.x, y: BODY.y + 1.55, w: BODY.w, h: BODY.h - 2.05 },
    { colors: [COLOR.teal], format: plainFormat('#,##0'), labels: false, slanted: true, altText: L.range },
    c.lang,
  );
  note(
    slide,
    L.rangeFacts(r.runs, r.seed, r.openDeals, c.percent(r.slipRate)),
    { x: BODY.x, y: BODY.y + BODY.h - 0.4, w: BODY.w, h: 0.4 },
    c.lang,
  );
}

/** Open pipeline against the gap, and what it is made of by forecast category. */
export function coverageSlide(c: SlideContext): void {
  const { L, data } = c;
  const f = data.forecast;
  const slide = addSlide(c.pptx, L.coverage, c.lang);
  const column = { x: BODY.x, w: 4.2 };
  tiles(
    slide,
    [{ label: L.coverageRatio, value: c.times(f.coverage), color: COLOR.blue }],
    { ...column, y: BODY.y + 0.1, h: 1.25 },
    c.lang,
  );
  tiles(
    slide,
    [{ label: L.openPipeline, value: c.money(f.openAmount) }],
    { ...column, y: BODY.y + 1.5, h: 1.25 },
    c.lang,
  );
  tiles(
    slide,
    [{ label: L.gap, value: c.moneyOrNone(f.gap) }],
    { ...column, y: BODY.y + 2.9, h: 1.25 },
    c.lang,
  );
  tiles(
    slide,
    [{ label: L.openDeals, value: String(f.openDeals) }],
    { ...column, y: BODY.y + 4.3, h: 1.15 },
    c.lang,
  );
  // A fixed order, so each category keeps its colour from deck to deck.
  const order = ['commit', 'best_case', 'pipeline', 'omitted'];
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const entries = Object.entries(f.openByCategory)
    .filter(([, v]) => v > 0)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  if (entries.length > 0)
    doughnutChart(
      c.pptx,
      slide,
      {
        name: L.openPipeline,
        labels: entries.map(([k]) => L.forecastCategory(k)),
        values: entries.map(([, v]) => v),
      },
      { x: 5.0, y: BODY.y, w: 7.8, h: BODY.h - 0.5 },
      { colors: CATEGORY_COLORS, altText: L.coverage },
      c.lang,
    );
  const detail = entries.map(([k, v]) => `${L.forecastCategory(k)} ${c.money(v)}`).join(' · ');
  note(
    slide,
    f.coverage === null ? `${L.noCoverage} ${detail}` : detail,
    { x: 5.0, y: BODY.y + BODY.h - 0.45, w: 7.8, h: 0.45 },
    c.lang,
  );
}
