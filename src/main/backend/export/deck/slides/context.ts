import type PptxGenJS from 'pptxgenjs';
import type { DeckData } from '../gather';
import { chartMoneyFormat, money, type ChartFormat, moneyOrNone, percent, quantity, times } from '../format';
import type { DeckLabels, DeckLang } from '../labels';

/** What every slide builder reads: the presentation, the numbers and the words. */
export interface SlideContext {
  pptx: PptxGenJS;
  data: DeckData;
  lang: DeckLang;
  L: DeckLabels;
  /** Money to four significant digits in the workspace currency. */
  money: (value: number) => string;
  moneyOrNone: (value: number | null) => string;
  percent: (value: number | null) => string;
  times: (value: number | null) => string;
  quantity: (value: number | null) => string;
  /** A chart's number format for money up to this value. */
  moneyFormat: (max: number) => ChartFormat;
  /** An open stage's name in the deck's language. */
  stageName: (key: string) => string;
}

export function slideContext(pptx: PptxGenJS, data: DeckData, lang: DeckLang, L: DeckLabels): SlideContext {
  const names = new Map(data.stages.map((s) => [s.key, (lang === 'zh-CN' ? s.nameZh : s.nameEn) ?? s.name]));
  return {
    pptx,
    data,
    lang,
    L,
    money: (v) => money(v, lang, data.currency),
    moneyOrNone: (v) => moneyOrNone(v, lang, data.currency, L.none),
    percent: (v) => percent(v, L.none),
    times: (v) => times(v, L.none),
    quantity: (v) => quantity(v, L.none),
    moneyFormat: (max) => chartMoneyFormat(max, lang),
    stageName: (key) => names.get(key) ?? key,
  };
}

/** The largest absolute value of some numbers (0 for none), for a chart's number format. */
export const largest = (values: readonly number[]): number =>
  values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
