import { beforeAll, describe, expect, it } from 'vitest';
import {
  CHANGE_CATEGORIES,
  type ChangesReport,
  type DeckFile,
  type Facets,
  type ForecastRange,
  type ForecastReport,
  type FunnelReport,
  type Workback,
} from '@shared/contract';
import { DAY_MS, dayStart, parseAsOf } from '@shared/time';
import type { Workspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { createBackend } from '@backend/index';
import type { Registry } from '@backend/registry';
import { openWorkspace } from '@backend/db/connection';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  appears,
  readPptx,
  writtenNumbers,
  type Box,
  type ChartPart,
  type Pptx,
  type SlidePart,
} from './pptx';

/**
 * The quarterly deck read back as PowerPoint would (PRODUCT.md, "The quarterly deck"): its
 * slide count, a title in every slide's title placeholder, native charts with their
 * workbooks, every chart's data equal to the reports for the same options, each forecast
 * and waterfall figure written to about four significant digits, nothing off the slide.
 */
const AS_OF = parseAsOf('2026-11-20')!;
const QUARTER = '2026Q4';

let ws: Workspace;
let registry: Registry;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await registry.dispatch(channel, input, 'app');
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

async function deck(input: Record<string, unknown>): Promise<{ file: DeckFile; pptx: Pptx }> {
  const file = await call<DeckFile>('deck.export', { quarter: QUARTER, asOf: AS_OF, ...input });
  return { file, pptx: readPptx(Buffer.from(file.base64, 'base64')) };
}

const series = (charts: readonly ChartPart[], values: readonly number[]) =>
  charts.some((c) =>
    c.series.some(
      (s) => s.values.length === values.length && s.values.every((v, i) => Math.abs(v - values[i]!) < 1e-6),
    ),
  );

beforeAll(async () => {
  ws = await openWorkspace(':memory:', { create: true });
  generateDemo(ws, { deals: 4000, seed: 3, today: '2026-11-20' });
  registry = createBackend(ws);
}, 60_000);

describe('the quarterly deck', () => {
  for (const lang of ['en', 'zh-CN'] as const)
    it(`has 15–20 slides, each titled in its title placeholder, and native charts with embedded workbooks (${lang})`, async () => {
      const { file, pptx } = await deck({ lang });
      expect(file.fileName).toBe(`forecast-${QUARTER}.pptx`);
      expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
      expect(pptx.slides.length).toBe(file.slides);
      expect(pptx.slides.length).toBeGreaterThanOrEqual(15);
      expect(pptx.slides.length).toBeLessThanOrEqual(20);
      for (const slide of pptx.slides) expect(slide.title?.trim(), slide.path).toBeTruthy();
      expect(new Set(pptx.slides.map((s) => s.title)).size).toBe(pptx.slides.length);
      expect(pptx.charts.length).toBeGreaterThanOrEqual(4);
      for (const chart of pptx.charts) {
        expect(chart.workbook?.length, chart.path).toBeGreaterThan(0);
        // An xlsx is a zip: "PK".
        expect([chart.workbook![0], chart.workbook![1]]).toEqual([0x50, 0x4b]);
        expect(chart.series.length).toBeGreaterThan(0);
      }
      // The East Asian face is declared for text that inherits the theme.
      expect(pptx.themeXml).toContain('<a:ea typeface="Noto Sans CJK SC"/>');
      if (lang === 'zh-CN') expect(pptx.slides[1]!.title).toBe('要点摘要');
    });

  it('keeps every shape inside the slide', async () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const { pptx } = await deck({ lang });
      for (const slide of pptx.slides)
        for (const b of [...slide.boxes, ...slide.layout.boxes]) {
          expect(b.x, slide.path).toBeGreaterThanOrEqual(0);
          expect(b.y, slide.path).toBeGreaterThanOrEqual(0);
          expect(b.x + b.cx, slide.path).toBeLessThanOrEqual(pptx.size.cx);
          expect(b.y + b.cy, slide.path).toBeLessThanOrEqual(pptx.size.cy);
        }
    }
  });

  it.each(['organisation', 'team', 'owner'] as const)(
    "charts and words carry the reports' numbers for the same options (%s)",
    async (kind) => {
      const facets = await call<Facets>('pipeline.facets', {});
      const owner = facets.owners[0]!;
      const scope =
        kind === 'team'
          ? { team: facets.teams[0]! }
          : kind === 'owner'
            ? { owner: owner.name, team: owner.team }
            : {};
      const options = { asOf: AS_OF, ...scope };
      const { pptx } = await deck({ ...scope, lang: 'en' });
      const f = await call<ForecastReport>('report.forecast', { ...options, quarter: QUARTER });
      const r = await call<ForecastRange>('forecast.range', { ...options, quarter: QUARTER });
      const from = dayStart('2026-10-01');
      const c = await call<ChangesReport>('report.changes', {
        ...options,
        from,
        to: dayStart('2026-11-20') + DAY_MS,
        quarter: QUARTER,
      });
      const funnel = await call<FunnelReport>('report.funnel', { ...options, from, to: AS_OF });
      const w = await call<Workback>('forecast.workback', { ...options, period: QUARTER });

      // The forecast methods with the range and the quota, in one chart.
      expect(
        series(pptx.charts, [
          f.weighted,
          f.commit,
          f.bestCase,
          f.pipeline,
          f.historical,
          r.p10,
          r.p50,
          r.p90,
          ...(f.quota !== null ? [f.quota] : []),
        ]),
      ).toBe(true);
      // The waterfall: start, each non-zero category, end.
      const steps = CHANGE_CATEGORIES.filter((k) => c.totals[k] !== 0).map((k) => c.totals[k]);
      expect(series(pptx.charts, [c.start, ...steps.map(() => 0), c.end])).toBe(true);
      expect(series(pptx.charts, [0, ...steps.map((v) => Math.max(v, 0)), 0])).toBe(true);
      expect(series(pptx.charts, [0, ...steps.map((v) => Math.max(-v, 0)), 0])).toBe(true);
      // The funnel of deals created this quarter.
      expect(
        series(
          pptx.charts,
          funnel.stages.map((s) => s.reached),
        ),
      ).toBe(true);
      // The work-back plan's amounts.
      if (f.gapPlan.length > 0)
        expect(
          series(
            pptx.charts,
            f.gapPlan.map((g) => g.amount ?? 0),
          ),
        ).toBe(true);

      // Each figure at least once to about four significant digits, in words or chart data.
      const numbers = [
        ...writtenNumbers(pptx.slides.flatMap((s) => s.texts)),
        ...pptx.charts.flatMap((ch) => ch.series.flatMap((s) => s.values)),
      ];
      const figures: [string, number | null][] = [
        ['weighted', f.weighted],
        ['commit', f.commit],
        ['bestCase', f.bestCase],
        ['pipeline', f.pipeline],
        ['historical', f.historical],
        ['quota', f.quota],
        ['coverage', f.coverage],
        ...f.gapPlan.flatMap((g): [string, number | null][] => [
          [`gapPlan ${g.stage} deals`, g.deals],
          [`gapPlan ${g.stage} amount`, g.amount],
        ]),
        // The work-back beside it: what each stage holds and lacks, what the pipeline brings.
        ...(f.gapPlan.length > 0
          ? [
              ['workback expected', w.expected] as [string, number],
              ['workback uncovered', w.newDeals.uncovered] as [string, number | null],
              ...w.stages.flatMap((st): [string, number | null][] => [
                [`workback ${st.stage} held`, st.haveAmount],
                [`workback ${st.stage} deals held`, st.haveDeals],
                [`workback ${st.stage} short`, st.shortAmount],
              ]),
            ]
          : []),
        ['p10', r.p10],
        ['p50', r.p50],
        ['p90', r.p90],
        ['changes start', c.start],
        ['changes end', c.end],
        ...CHANGE_CATEGORIES.filter((k) => c.totals[k] !== 0).map((k): [string, number] => [
          `changes ${k}`,
          c.totals[k],
        ]),
      ];
      for (const [name, value] of figures)
        if (value !== null) expect(appears(value, numbers), `${name} = ${value}`).toBe(true);
      // The work-back's diagnosis, in the deck's words, on the work-back slide.
      const said = w.findings.filter((x) => x.code !== 'needs_target').slice(0, 3);
      const texts = pptx.slides.flatMap((s) => s.texts).join('\n');
      for (const finding of said) expect(texts, finding.code).toContain(finding.words.en);
    },
  );

  describe("the company's name and logo from the workspace's settings", () => {
    const logo = (name: string) => readFileSync(join(__dirname, '../../fixtures/logos', name));
    const setCompany = (input: Record<string, unknown>) => call('company.set', input);
    const overlap = (a: Box, b: Box) =>
      a.x < b.x + b.cx && b.x < a.x + a.cx && a.y < b.y + b.cy && b.y < a.y + a.cy;
    const inside = (b: Box, size: Pptx['size']) =>
      b.x >= 0 && b.y >= 0 && b.x + b.cx <= size.cx && b.y + b.cy <= size.cy;
    const layoutShape = (slide: SlidePart, placeholder: string) =>
      slide.layout.shapes.find((s) => s.placeholder === placeholder)!;
    const footer = (slide: SlidePart) => slide.layout.shapes.find((s) => s.text.includes(' · '))!;
    const pngSize = (bytes: Uint8Array) => {
      const b = Buffer.from(bytes);
      return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
    };

    it('are absent when unset: the workspace stands for the company, no picture anywhere', async () => {
      for (const lang of ['en', 'zh-CN'] as const) {
        const { pptx } = await deck({ lang });
        const [title] = pptx.slides;
        // The demo workspace says so after the name.
        const demo = lang === 'en' ? ' (Demo workspace)' : '（演示工作区）';
        // As large as before the name could be set.
        expect(title!.shapes.find((s) => s.text === `Funnel Workbench${demo}`)!.fontSize).toBe(40);
        expect(footer(title!).text.startsWith(`Funnel Workbench${demo} · `)).toBe(true);
        for (const slide of pptx.slides) {
          expect(slide.pictures, slide.path).toEqual([]);
          expect(slide.layout.pictures, slide.layout.path).toEqual([]);
        }
        // The footer line runs to the slide number, as before there was a logo.
        expect(footer(title!).box!.cx).toBe(Math.round(10.5 * 914400));
      }
    });

    for (const [file, lang, aspect] of [
      ['acme.png', 'en', 3],
      ['acme.svg', 'zh-CN', 3],
      ['tall.jpg', 'en', 0.8],
    ] as const)
      it(`put the name and the ${file} logo on the title slide and every slide's corner, in proportion, clear of the title (${lang})`, async () => {
        const name = lang === 'zh-CN' ? '华东精密仪器股份有限公司' : 'Acme Precision Instruments';
        const bytes = logo(file);
        await setCompany({ name, logo: { fileName: file, base64: bytes.toString('base64') } });
        try {
          const { file: made, pptx } = await deck({ lang });
          const [title, ...rest] = pptx.slides;
          const shown = lang === 'en' ? `${name} (Demo workspace)` : `${name}（演示工作区）`;
          expect(title!.texts).toContain(shown);
          expect(pptx.slides.length).toBe(made.slides);

          // The title slide: one picture of the logo right of the name and scope lines, below the title.
          expect(title!.pictures).toHaveLength(1);
          const picture = title!.pictures[0]!;
          expect(picture.descr).toBe(file);
          if (file.endsWith('.svg')) {
            // Drawn to PNG in its proportions (LibreOffice and older PowerPoint show only bitmaps).
            expect(picture.media.path).toMatch(/\.png$/);
            const drawn = pngSize(picture.media.bytes);
            expect(drawn.width / drawn.height).toBeCloseTo(aspect, 2);
          } else expect(Buffer.from(picture.media.bytes).equals(bytes)).toBe(true);
          const titleBox = layoutShape(title!, 'title').box!;
          for (const p of [picture.box, ...title!.layout.pictures.map((x) => x.box)]) {
            expect(p.cx / p.cy).toBeCloseTo(aspect, 2);
            expect(inside(p, pptx.size)).toBe(true);
            expect(overlap(p, titleBox), 'the logo overlaps the title').toBe(false);
          }
          const texts = title!.shapes.filter((s) => s.placeholder === null && s.box);
          expect(texts.length).toBeGreaterThanOrEqual(2);
          for (const t of texts) expect(overlap(picture.box, t.box!), t.text).toBe(false);

          // The master: the logo in the corner, clear of the footer line and the slide number,
          // and on every slide (they all use the master's layout).
          expect(title!.layout.pictures).toHaveLength(1);
          const corner = title!.layout.pictures[0]!;
          expect(corner.box.y).toBeGreaterThan(titleBox.y + titleBox.cy);
          expect(overlap(corner.box, footer(title!).box!)).toBe(false);
          expect(overlap(corner.box, layoutShape(title!, 'sldNum').box!)).toBe(false);
          expect(footer(title!).text.startsWith(`${shown} · `)).toBe(true);
          for (const slide of rest) {
            expect(slide.layout.path).toBe(title!.layout.path);
            expect(slide.pictures, slide.path).toEqual([]);
          }
        } finally {
          await setCompany({ name: null, logo: null });
        }
      });

    it('fits a long name: smaller on the title slide, cut short with … in the footer', async () => {
      const name =
        'Shanghai Eastern Precision Instruments and Industrial Automation Equipment Holding Group Co., Ltd.';
      await setCompany({ name, logo: { fileName: 'acme.png', base64: logo('acme.png').toString('base64') } });
      try {
        const { pptx } = await deck({ lang: 'en' });
        const title = pptx.slides[0]!;
        const shape = title.shapes.find((s) => s.text === `${name} (Demo workspace)`)!;
        expect(shape.fontSize).toBeLessThan(40);
        expect(shape.fontSize).toBeGreaterThanOrEqual(18);
        expect(
          footer(title).text.startsWith('Shanghai Eastern Precision Instruments… (Demo workspace) · '),
        ).toBe(true);
      } finally {
        await setCompany({ name: null, logo: null });
      }
    });
  });

  it('falls back to the language last chosen in the app, else English', async () => {
    expect((await deck({})).pptx.slides[1]!.title).toBe('Executive summary');
    await call('preferences.set', { language: 'zh-CN' });
    expect((await deck({})).pptx.slides[1]!.title).toBe('要点摘要');
    expect((await deck({ lang: 'en' })).pptx.slides[1]!.title).toBe('Executive summary');
    await call('preferences.set', { language: 'en' });
  });
});
