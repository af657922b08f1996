import { strFromU8, unzipSync } from 'fflate';

/**
 * A PPTX read the way a checker (or PowerPoint) reads it: its slides in order, each
 * slide's title placeholder text, every shape's box, and every chart's series with the
 * values cached in the chart and the workbook embedded beside it.
 */
export interface ChartSeries {
  name: string;
  values: number[];
}
export interface ChartPart {
  path: string;
  series: ChartSeries[];
  workbook: Uint8Array | undefined;
}
export interface Box {
  x: number;
  y: number;
  cx: number;
  cy: number;
}
/** A picture: its description (the logo's file name), where it sits, and the image it shows. */
export interface PicturePart {
  descr: string;
  box: Box;
  media: { path: string; bytes: Uint8Array };
}
/** A text shape: its placeholder type (title, sldNum…) if any, its box and its text. */
export interface ShapePart {
  placeholder: string | null;
  box: Box | null;
  text: string;
  /** The first run's size in points, if set. */
  fontSize: number | null;
}
/** A slide layout (what pptxgenjs writes for the slide master's objects). */
export interface LayoutPart {
  path: string;
  shapes: ShapePart[];
  boxes: Box[];
  pictures: PicturePart[];
}
export interface SlidePart {
  path: string;
  title: string | null;
  texts: string[];
  boxes: Box[];
  charts: ChartPart[];
  shapes: ShapePart[];
  pictures: PicturePart[];
  layout: LayoutPart;
}
export interface Pptx {
  size: { cx: number; cy: number };
  slides: SlidePart[];
  charts: ChartPart[];
  themeXml: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

function rels(files: Record<string, Uint8Array>, part: string): Map<string, string> {
  const dir = part.slice(0, part.lastIndexOf('/'));
  const name = part.slice(part.lastIndexOf('/') + 1);
  const xml = files[`${dir}/_rels/${name}.rels`];
  const map = new Map<string, string>();
  if (!xml) return map;
  for (const m of strFromU8(xml).matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)) {
    const target = m[2]!;
    const resolved = target.startsWith('/')
      ? target.slice(1)
      : new URL(target, `file:///${dir}/`).pathname.slice(1);
    map.set(m[1]!, resolved);
  }
  return map;
}

function readChart(files: Record<string, Uint8Array>, path: string): ChartPart {
  const xml = strFromU8(files[path]!);
  const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => {
    const body = m[1]!;
    const name = decode(/<c:tx>[\s\S]*?<c:v>([\s\S]*?)<\/c:v>/.exec(body)?.[1] ?? '');
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(body)?.[1] ?? '';
    const values = [...val.matchAll(/<c:pt idx="(\d+)">\s*<c:v>([^<]*)<\/c:v>/g)]
      .sort((a, b) => Number(a[1]) - Number(b[1]))
      .map((p) => Number(p[2]));
    return { name, values };
  });
  const workbook = [...rels(files, path).values()].find((t) => t.endsWith('.xlsx'));
  return { path, series, workbook: workbook ? files[workbook] : undefined };
}

const BOX = /<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/;
const box = (m: RegExpMatchArray): Box => ({
  x: Number(m[1]),
  y: Number(m[2]),
  cx: Number(m[3]),
  cy: Number(m[4]),
});
const textOf = (s: string) => [...s.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => decode(t[1]!)).join('');

/** The text shapes, every box and the pictures of a slide or layout part. */
function readShapes(files: Record<string, Uint8Array>, path: string) {
  const xml = strFromU8(files[path]!);
  const partRels = rels(files, path);
  const shapes = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].map((m): ShapePart => {
    const found = BOX.exec(m[1]!);
    return {
      placeholder: /<p:ph[^>]*type="(\w+)"/.exec(m[1]!)?.[1] ?? null,
      box: found ? box(found) : null,
      text: textOf(m[1]!),
      fontSize: /<a:rPr [^>]*sz="(\d+)"/.test(m[1]!)
        ? Number(/<a:rPr [^>]*sz="(\d+)"/.exec(m[1]!)![1]) / 100
        : null,
    };
  });
  const pictures = [...xml.matchAll(/<p:pic>([\s\S]*?)<\/p:pic>/g)].map((m): PicturePart => {
    const media = partRels.get(/<a:blip r:embed="([^"]+)"/.exec(m[1]!)![1]!)!;
    return {
      descr: decode(/<p:cNvPr [^>]*descr="([^"]*)"/.exec(m[1]!)?.[1] ?? ''),
      box: box(BOX.exec(m[1]!)!),
      media: { path: media, bytes: files[media]! },
    };
  });
  const boxes = [...xml.matchAll(new RegExp(BOX.source, 'g'))].map(box);
  return { xml, rels: partRels, shapes, pictures, boxes };
}

export function readPptx(bytes: Uint8Array): Pptx {
  const files = unzipSync(bytes);
  const presentation = strFromU8(files['ppt/presentation.xml']!);
  const size = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation)!;
  const presRels = rels(files, 'ppt/presentation.xml');
  const order = [...presentation.matchAll(/<p:sldId [^>]*r:id="([^"]+)"/g)].map((m) => presRels.get(m[1]!)!);
  const slides = order.map((path): SlidePart => {
    const { xml, rels: slideRels, shapes, pictures, boxes } = readShapes(files, path);
    const titleShape = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)]
      .map((m) => m[1]!)
      .find((s) => /<p:ph[^>]*type="(title|ctrTitle)"/.test(s));
    const charts = [...xml.matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) =>
      readChart(files, slideRels.get(m[1]!)!),
    );
    const layoutPath = [...slideRels.values()].find((t) => t.includes('slideLayouts/'))!;
    const layout = readShapes(files, layoutPath);
    return {
      path,
      title: titleShape ? textOf(titleShape) : null,
      texts: [...xml.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((t) => decode(t[1]!)),
      boxes,
      charts,
      shapes,
      pictures,
      layout: { path: layoutPath, shapes: layout.shapes, boxes: layout.boxes, pictures: layout.pictures },
    };
  });
  return {
    size: { cx: Number(size[1]), cy: Number(size[2]) },
    slides,
    charts: slides.flatMap((s) => s.charts),
    themeXml: strFromU8(files['ppt/theme/theme1.xml']!),
  };
}

const UNIT: Record<string, number> = { 亿: 1e8, 万: 1e4, B: 1e9, M: 1e6, K: 1e3 };

/** Every number written in the slides' text, read with its unit (¥1.234M, 1235万, 47.11%, 1.505×). */
export function writtenNumbers(texts: readonly string[]): number[] {
  const out: number[] = [];
  for (const text of texts)
    for (const m of text.matchAll(/(-?)[¥$€£]?(\d[\d,]*(?:\.\d+)?)\s?(亿|万|B|M|K|%|×)?/g)) {
      const n = Number(m[2]!.replace(/,/g, '')) * (m[1] ? -1 : 1);
      const unit = m[3];
      out.push(unit === '%' ? n / 100 : unit && UNIT[unit] ? n * UNIT[unit] : n);
    }
  return out;
}

/** Whether a figure appears to about four significant digits among some numbers. */
export const appears = (figure: number, numbers: readonly number[]): boolean =>
  numbers.some((n) => Math.abs(n - figure) <= Math.max(5e-4 * Math.abs(figure), 0.005));
