import { barChart, cut, note, table } from '../parts';
import { addSlide, BODY, COLOR } from '../theme';
import { largest, type SlideContext } from './context';

/** Each rep's forecast for the quarter (the forecast report with `--owner`), largest pipeline first. */
export function repsSlide(c: SlideContext): void {
  const { L, data } = c;
  const slide = addSlide(c.pptx, L.reps, c.lang);
  if (data.reps.length === 0) {
    note(slide, L.noReps, { x: BODY.x, y: BODY.y + 0.2, w: BODY.w, h: 0.6 }, c.lang, 18);
    return;
  }
  const rows = data.reps.map(({ owner, forecast: f }) => [
    cut(owner, 16),
    c.moneyOrNone(f.quota),
    c.money(f.wonAmount),
    f.quota ? c.percent(f.wonAmount / f.quota) : L.none,
    c.money(f.commit),
    c.money(f.weighted),
    c.money(f.openAmount),
    c.times(f.coverage),
  ]);
  const height = Math.min(BODY.h - 0.5, 0.45 * (rows.length + 1));
  table(
    slide,
    [L.owner, L.quota, L.won, L.attained, L.commit, L.weighted, L.openPipeline, L.coverageRatio],
    rows,
    {
      x: BODY.x,
      y: BODY.y,
      w: BODY.w,
      h: height,
      colW: [2.3, 1.45, 1.45, 1.25, 1.45, 1.45, 1.6, 1.383],
      align: ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'],
    },
    c.lang,
    13,
  );
  if (data.moreReps > 0)
    note(
      slide,
      L.moreReps(data.moreReps),
      { x: BODY.x, y: BODY.y + BODY.h - 0.4, w: BODY.w, h: 0.4 },
      c.lang,
    );
}

/** The reps' won and commit against their quotas, as a chart. */
export function repsChartSlide(c: SlideContext): void {
  const { L, data } = c;
  const slide = addSlide(c.pptx, L.repsChart, c.lang);
  if (data.reps.length === 0) {
    note(slide, L.noReps, { x: BODY.x, y: BODY.y + 0.2, w: BODY.w, h: 0.6 }, c.lang, 18);
    return;
  }
  const labels = data.reps.map((r) => cut(r.owner, 14));
  const won = data.reps.map((r) => r.forecast.wonAmount);
  const commit = data.reps.map((r) => r.forecast.commit);
  const quota = data.reps.map((r) => r.forecast.quota ?? 0);
  barChart(
    c.pptx,
    slide,
    [
      { name: L.won, labels, values: won },
      { name: L.commit, labels, values: commit },
      { name: L.quota, labels, values: quota },
    ],
    { x: BODY.x, y: BODY.y, w: BODY.w, h: BODY.h },
    {
      colors: [COLOR.green, COLOR.blue, COLOR.grey],
      format: c.moneyFormat(largest([...won, ...commit, ...quota])),
      labels: false,
      altText: L.repsChart,
    },
    c.lang,
  );
}

/** The largest open deals due this quarter: where the quarter is won or lost. */
export function topDealsSlide(c: SlideContext): void {
  const { L, data } = c;
  const slide = addSlide(c.pptx, L.topDeals, c.lang);
  if (data.topDeals.length === 0) {
    note(slide, L.noDeals, { x: BODY.x, y: BODY.y + 0.2, w: BODY.w, h: 0.6 }, c.lang, 18);
    return;
  }
  table(
    slide,
    [L.deal, L.account, L.owner, L.stage, L.category, L.close, L.amount],
    data.topDeals.map((d) => [
      cut(d.name, 20),
      cut(d.account, 15),
      cut(d.owner, 10),
      cut(c.stageName(d.stage), 14),
      L.forecastCategory(d.category),
      d.closeDate,
      c.money(d.amount),
    ]),
    {
      x: BODY.x,
      y: BODY.y,
      w: BODY.w,
      h: Math.min(BODY.h, 0.45 * (data.topDeals.length + 1)),
      colW: [2.8, 2.3, 1.2, 1.9, 1.2, 1.4, 1.533],
      align: ['left', 'left', 'left', 'left', 'left', 'left', 'right'],
    },
    c.lang,
    12,
  );
}

/** The attention report's stalled, pushed and shrunk deals, those due this quarter first. */
export function risksSlide(c: SlideContext): void {
  const { L, data } = c;
  const { risks } = data;
  const slide = addSlide(c.pptx, L.risks, c.lang);
  note(
    slide,
    L.riskCounts(risks.stalled, risks.pushed, risks.shrunk),
    { x: BODY.x, y: BODY.y, w: BODY.w, h: 0.4 },
    c.lang,
    16,
  );
  if (risks.deals.length === 0) {
    note(slide, L.noRisks, { x: BODY.x, y: BODY.y + 0.6, w: BODY.w, h: 0.6 }, c.lang, 18);
    return;
  }
  const flagName = { stalled: L.stalled, pushed: L.pushed, shrunk: L.shrunk } as Record<string, string>;
  table(
    slide,
    [L.deal, L.owner, L.stage, L.daysInStage, L.pushes, L.close, L.amount, L.flags],
    risks.deals.map((d) => [
      cut(d.name, 18),
      cut(d.owner, 10),
      cut(c.stageName(d.stage), 14),
      c.quantity(d.daysInStage),
      String(d.pushCount),
      d.closeDate ?? L.none,
      c.money(d.amount),
      d.flags
        .map((f) => flagName[f])
        .filter(Boolean)
        .join(c.lang === 'zh-CN' ? '、' : ', '),
    ]),
    {
      x: BODY.x,
      y: BODY.y + 0.5,
      w: BODY.w,
      h: Math.min(BODY.h - 0.5, 0.45 * (risks.deals.length + 1)),
      colW: [2.5, 1.2, 1.9, 1.2, 0.9, 1.35, 1.35, 1.933],
      align: ['left', 'left', 'left', 'right', 'right', 'left', 'right', 'left'],
    },
    c.lang,
    12,
  );
}
