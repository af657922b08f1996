import type { DefaultLabelFormatterCallbackParams, EChartsOption } from 'echarts';
import { stageLabel, type Stage } from '@shared/domain/stages';
import type { ChartLanguage } from './text';

/** What every builder needs besides its report. */
export interface ChartContext {
  lang: ChartLanguage;
  /** The workspace's stage model, to name stages in the chart's language. */
  stages: readonly Stage[];
}

/**
 * A palette that stays apart for the common colour-vision deficiencies (Okabe–Ito) and on
 * a washed-out projector; decal patterns (aria.decal) repeat the distinction without colour.
 */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];
export const POSITIVE = '#009E73';
export const NEGATIVE = '#D55E00';
export const NEUTRAL = '#7f8c8d';

/** Text large enough for the back of a meeting room at 1920×1080. */
export const FONT_SIZE = 15;

export const stageName = (ctx: ChartContext, key: string): string => {
  const stage = ctx.stages.find((s) => s.key === key);
  return stage ? stageLabel(stage, ctx.lang) : key;
};

/**
 * The parts every option shares: the palette, legible text, and ECharts' aria support,
 * which writes `description` for screen readers and draws decal patterns on every series
 * so colour is never the only carrier of meaning.
 */
export function base(description: string): EChartsOption {
  return {
    color: PALETTE,
    textStyle: { fontSize: FONT_SIZE },
    aria: { enabled: true, label: { enabled: true, description }, decal: { show: true } },
    animation: false,
    tooltip: { trigger: 'item', confine: true, textStyle: { fontSize: FONT_SIZE } },
  };
}

/** A data item that knows which deals are behind it (the report's drill cell). */
export interface DrillItem {
  value: number | (number | string)[];
  drill: string;
  name?: string;
  itemStyle?: Record<string, unknown>;
}

/** What ECharts passes a label or tooltip formatter. */
export type Params = DefaultLabelFormatterCallbackParams;
