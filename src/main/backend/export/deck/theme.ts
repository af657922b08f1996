import PptxGenJS from 'pptxgenjs';
import type { DeckLang } from './labels';
import { CORNER_LOGO, fitLogo, type DeckLogo } from './logo';

/**
 * The deck's template: 16:9, a white slide with a dark title in the master's title
 * placeholder, large type and strong colours that survive a washed-out projector.
 */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
/** Where content goes: below the title, above the footer. */
export const BODY = { x: 0.5, y: 1.35, w: 12.333, h: 5.45 } as const;
export const MASTER = 'FUNNEL_DECK';

/**
 * Latin text in Arial (LibreOffice substitutes the metric-compatible Liberation Sans) and
 * East Asian text in Noto Sans CJK SC, which LibreOffice and fonts-noto-cjk provide; the
 * East Asian face is declared in the theme and the charts (see east-asian.ts).
 */
export const LATIN_FONT = 'Arial';
export const EAST_ASIAN_FONT = 'Noto Sans CJK SC';

export const COLOR = {
  ink: '1F2A44',
  muted: '5B6472',
  line: 'C9D1DD',
  panel: 'F1F4F9',
  blue: '2F6FD1',
  navy: '1F3A68',
  green: '23895A',
  red: 'C23B32',
  orange: 'D9822B',
  teal: '1A8C8C',
  purple: '7A4FB5',
  grey: '9AA3AF',
  white: 'FFFFFF',
} as const;

/** Colours of the forecast categories wherever they appear. */
export const CATEGORY_COLORS = [COLOR.green, COLOR.blue, COLOR.teal, COLOR.grey, COLOR.purple, COLOR.orange];

export const langTag = (lang: DeckLang): string => (lang === 'zh-CN' ? 'zh-CN' : 'en-US');

/**
 * The presentation with its slide master: a blue band, the title placeholder, a rule, the
 * footer line and the slide number, and the company's logo in the bottom right corner when
 * the workspace has one (the footer line then stops short of it).
 */
export function createPresentation(lang: DeckLang, footer: string, logo: DeckLogo | null = null): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.theme = { headFontFace: LATIN_FONT, bodyFontFace: LATIN_FONT };
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: COLOR.white },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.w, h: 0.12, fill: { color: COLOR.blue }, line: { color: COLOR.blue } } },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: 0.5,
            y: 0.3,
            w: 12.333,
            h: 0.85,
            fontSize: 28,
            bold: true,
            color: COLOR.ink,
            align: 'left',
            valign: 'middle',
            margin: 0,
          },
          text: '',
        },
      },
      { line: { x: 0.5, y: 1.2, w: 12.333, h: 0, line: { color: COLOR.line, width: 1 } } },
      {
        text: {
          text: footer,
          options: {
            x: 0.5,
            y: 6.98,
            w: logo ? CORNER_LOGO.x - 0.2 - 0.5 : 10.5,
            h: 0.35,
            fontSize: 11,
            color: COLOR.muted,
            margin: 0,
            lang: langTag(lang),
          },
        },
      },
      ...(logo
        ? [{ image: { ...fitLogo(logo.aspect, CORNER_LOGO), data: logo.data, altText: logo.fileName } }]
        : []),
    ],
    slideNumber: { x: 12.23, y: 6.98, w: 0.6, h: 0.35, fontSize: 11, color: COLOR.muted, align: 'right' },
  });
  return pptx;
}

/** A slide of the deck: its title in the master's title placeholder. */
export function addSlide(pptx: PptxGenJS, title: string, lang: DeckLang): PptxGenJS.Slide {
  const slide = pptx.addSlide({ masterName: MASTER });
  slide.addText(title, { placeholder: 'title', lang: langTag(lang) });
  return slide;
}
