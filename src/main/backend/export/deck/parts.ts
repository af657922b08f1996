import type PptxGenJS from 'pptxgenjs';
import type { ChartFormat } from './format';
import { COLOR, langTag } from './theme';
import type { DeckLang } from './labels';

/**
 * The pieces slides are made of: figure tiles, bullet lists, notes, tables and native
 * charts. Sizes are fixed in inches so every box stays on the slide, and text sizes are
 * chosen for the box (long names are cut) so nothing overflows in PowerPoint or LibreOffice.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Tile {
  label: string;
  value: string;
  color?: string;
}

/** A row of figure tiles: the label small above, the figure large below. */
export function tiles(slide: PptxGenJS.Slide, items: readonly Tile[], box: Box, lang: DeckLang): void {
  const gap = 0.2;
  const w = (box.w - gap * (items.length - 1)) / items.length;
  items.forEach((item, i) => {
    const x = box.x + i * (w + gap);
    slide.addShape('rect', {
      x,
      y: box.y,
      w,
      h: box.h,
      fill: { color: COLOR.panel },
      line: { color: COLOR.panel },
    });
    slide.addText(item.label, {
      x: x + 0.15,
      y: box.y + 0.1,
      w: w - 0.3,
      h: 0.4,
      fontSize: 14,
      color: COLOR.muted,
      margin: 0,
      lang: langTag(lang),
    });
    slide.addText(item.value, {
      x: x + 0.15,
      y: box.y + 0.5,
      w: w - 0.3,
      h: box.h - 0.6,
      // A range ("¥61.18M – ¥89.51M") gets a smaller size so it stays on one line.
      fontSize: [...item.value].length > 12 || w < 2.2 ? 18 : 24,
      bold: true,
      color: item.color ?? COLOR.ink,
      margin: 0,
      valign: 'middle',
      lang: langTag(lang),
    });
  });
}

/** A bullet list. */
export function bullets(
  slide: PptxGenJS.Slide,
  lines: readonly string[],
  box: Box,
  lang: DeckLang,
  fontSize = 18,
): void {
  slide.addText(
    lines.map((text) => ({ text, options: { bullet: { indent: 18 }, breakLine: true } })),
    {
      ...box,
      fontSize,
      color: COLOR.ink,
      valign: 'top',
      paraSpaceAfter: 8,
      margin: 0.05,
      lang: langTag(lang),
    },
  );
}

/** A line of quieter text: a caption, a definition, an empty state. */
export function note(slide: PptxGenJS.Slide, text: string, box: Box, lang: DeckLang, fontSize = 14): void {
  slide.addText(text, {
    ...box,
    fontSize,
    color: COLOR.muted,
    valign: 'top',
    margin: 0,
    lang: langTag(lang),
  });
}

/** Cuts a name to what a table cell holds on one line. */
export function cut(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export type Align = 'left' | 'right' | 'center';

/** A table: a header row and body rows of one line each; numbers right-aligned. */
export function table(
  slide: PptxGenJS.Slide,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  box: Box & { colW: readonly number[]; align: readonly Align[] },
  lang: DeckLang,
  fontSize = 13,
): void {
  const cell = (text: string, i: number, head: boolean): PptxGenJS.TableCell => ({
    text,
    options: {
      align: box.align[i] ?? 'left',
      bold: head,
      color: head ? COLOR.white : COLOR.ink,
      fill: { color: head ? COLOR.navy : COLOR.white },
      lang: langTag(lang),
    },
  });
  const data = [
    header.map((h, i) => cell(h, i, true)),
    ...rows.map((r) => r.map((c, i) => cell(c, i, false))),
  ];
  const rowH = Math.min(0.45, box.h / data.length);
  slide.addTable(data, {
    x: box.x,
    y: box.y,
    w: box.w,
    colW: [...box.colW],
    rowH,
    fontSize,
    valign: 'middle',
    margin: [0, 0.08, 0, 0.08],
    border: { type: 'solid', pt: 0.75, color: COLOR.line },
    autoPage: false,
  });
}

export interface Series {
  name: string;
  labels: string[];
  values: number[];
}

export interface ChartOptions {
  colors: readonly string[];
  /** Excel number formats of the value axis and the labels. */
  format: ChartFormat;
  horizontal?: boolean;
  stacked?: boolean;
  labels?: boolean;
  legend?: boolean;
  /** Hides the gridlines (a waterfall's invisible base must not show them through). */
  noGrid?: boolean;
  /** Slanted category labels, for many long ones (a histogram's bins). */
  slanted?: boolean;
  altText: string;
}

/** A native bar or column chart, its data embedded so PowerPoint can edit it. */
export function barChart(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  series: readonly Series[],
  box: Box,
  o: ChartOptions,
  lang: DeckLang,
): void {
  slide.addChart(
    pptx.ChartType.bar,
    series.map((s) => ({ ...s })),
    {
      ...box,
      barDir: o.horizontal ? 'bar' : 'col',
      barGrouping: o.stacked ? 'stacked' : 'clustered',
      barGapWidthPct: 60,
      // Top to bottom in reading order (pptxgenjs writes the orientation; its types know only minMax).
      ...(o.horizontal
        ? { catAxisOrientation: 'maxMin' as 'minMax', valAxisOrientation: 'minMax' as const }
        : {}),
      chartColors: [...o.colors],
      catAxisLabelFontSize: o.slanted ? 11 : 13,
      ...(o.slanted ? { catAxisLabelRotate: -45 } : {}),
      catAxisLabelColor: COLOR.ink,
      valAxisLabelFontSize: 12,
      valAxisLabelColor: COLOR.muted,
      valAxisLabelFormatCode: o.format.axis,
      valGridLine: o.noGrid ? { style: 'none' } : { color: 'E3E7EE', size: 0.75 },
      catGridLine: { style: 'none' },
      showValue: o.labels ?? true,
      dataLabelFormatCode: o.format.label,
      dataLabelFontSize: 12,
      dataLabelColor: COLOR.ink,
      dataLabelPosition: o.stacked ? 'ctr' : 'outEnd',
      showLegend: o.legend ?? series.length > 1,
      legendPos: 'b',
      legendFontSize: 13,
      altText: o.altText,
      lang: langTag(lang),
    },
  );
}

/** A native doughnut chart with its shares. */
export function doughnutChart(
  pptx: PptxGenJS,
  slide: PptxGenJS.Slide,
  series: Series,
  box: Box,
  o: Pick<ChartOptions, 'colors' | 'altText'>,
  lang: DeckLang,
): void {
  slide.addChart(pptx.ChartType.doughnut, [{ ...series }], {
    ...box,
    holeSize: 55,
    chartColors: [...o.colors],
    showPercent: true,
    showValue: false,
    showLegend: true,
    legendPos: 'r',
    legendFontSize: 14,
    dataLabelFontSize: 13,
    dataLabelColor: COLOR.white,
    altText: o.altText,
    lang: langTag(lang),
  });
}
