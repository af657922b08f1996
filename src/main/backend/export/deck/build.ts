import type { DeckData } from './gather';
import { declareEastAsianFont } from './east-asian';
import { deckLabels, type DeckLang } from './labels';
import type { DeckLogo } from './logo';
import { slideContext } from './slides/context';
import {
  attainmentSlide,
  categoriesSlide,
  coverageSlide,
  rangeSlide,
  summarySlide,
  titleSlide,
} from './slides/forecast';
import { repsChartSlide, repsSlide, risksSlide, topDealsSlide } from './slides/people';
import { funnelSlide, velocitySlide, waterfallSlide } from './slides/pipeline';
import { gapPlanSlide, methodSlide, nextQuarterSlide } from './slides/plan';
import { createPresentation } from './theme';

export interface DeckTitle {
  /** The company's name, else the workspace's. */
  company: string;
  isDemo: boolean;
  /** The company's logo, on the title slide and in every slide's corner; null for none. */
  logo: DeckLogo | null;
}

/** The footer names the company in at most this many characters, so the line stays one line. */
const FOOTER_COMPANY = 40;

/** `text` in at most `max` characters, the last of them an ellipsis when cut. */
function shortened(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const kept = chars.slice(0, max - 1).join('');
  return `${kept.trimEnd()}…`;
}

/**
 * The quarterly deck from its numbers: 16 slides in the order a forecast call runs —
 * where we stand, how sure we are, how the quarter moved, who and what carries it, what
 * could go wrong, what it takes, what comes next, and where every number comes from.
 */
export async function buildDeck(
  data: DeckData,
  lang: DeckLang,
  title: DeckTitle,
): Promise<{ bytes: Buffer; slides: number }> {
  const L = deckLabels(lang);
  const scopeLine =
    [data.team !== null ? L.team(data.team) : null, data.owner !== null ? L.rep(data.owner) : null]
      .filter((x): x is string => x !== null)
      .join(' · ') || L.organisation;
  // Chinese brackets are full-width and carry their own spacing.
  const demo = (name: string) =>
    !title.isDemo ? name : lang === 'zh-CN' ? `${name}（${L.demo}）` : `${name} (${L.demo})`;
  const company = demo(title.company);
  const footer = `${demo(shortened(title.company, FOOTER_COMPANY))} · ${L.title(data.quarter)} · ${scopeLine}`;
  const pptx = createPresentation(lang, footer, title.logo);
  pptx.title = L.title(data.quarter);
  pptx.company = title.company;
  const c = slideContext(pptx, data, lang, L);
  const slides: ((c: ReturnType<typeof slideContext>) => void)[] = [
    (c) => titleSlide(c, company, scopeLine, title.logo),
    summarySlide,
    attainmentSlide,
    categoriesSlide,
    rangeSlide,
    coverageSlide,
    waterfallSlide,
    funnelSlide,
    velocitySlide,
    repsSlide,
    repsChartSlide,
    topDealsSlide,
    risksSlide,
    gapPlanSlide,
    nextQuarterSlide,
    methodSlide,
  ];
  for (const slide of slides) slide(c);
  const raw = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  return { bytes: declareEastAsianFont(raw), slides: slides.length };
}
