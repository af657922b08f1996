import { describe, expect, it } from 'vitest';
import type { WorkbackStage } from '@shared/contract/forecast-workback';
import { workbackChart } from '@shared/charts/workback';
import { renderSvg } from '@shared/charts/svg';
import { DEFAULT_STAGES } from '@shared/domain/stages';

/** Needed against held per stage, the shortfall stacked on what is held, in both languages. */
const stage = (key: string, need: [number | null, number | null], have: [number, number]): WorkbackStage => ({
  stage: key,
  h: 0.5,
  hSource: 'history',
  needDeals: need[0],
  needAmount: need[1],
  haveDeals: have[0],
  haveAmount: have[1],
  shortDeals: need[0] === null ? null : Math.max(0, need[0] - have[0]),
  shortAmount: need[1] === null ? null : Math.max(0, need[1] - have[1]),
  conversion: null,
  reached: 0,
  benchmark: null,
});
const ROW = {
  stages: [
    stage('need', [40.5, 4_000_000], [10, 900_000]),
    stage('solution', [null, 2_500_000], [12, 2_600_000]),
    stage('proposal', [12, 1_200_000], [3, 250_000]),
  ],
};
const ctx = (lang: 'en' | 'zh-CN') => ({ lang, stages: DEFAULT_STAGES });

type Bar = { type: string; name: string; stack: string; data: (number | null)[] };

describe('work-back chart', () => {
  it('puts the need beside what is held, with the shortfall stacked on the held bar up to the need', () => {
    const option = workbackChart(ROW, ctx('en'));
    expect((option.xAxis as { data: string[] }).data).toEqual([
      'Need confirmed',
      'Solution exchange',
      'Proposal & comparison',
    ]);
    const [needed, held, short] = option.series as Bar[];
    expect(needed).toMatchObject({
      name: 'Needed now',
      stack: 'needed',
      data: [4_000_000, 2_500_000, 1_200_000],
    });
    expect(held).toMatchObject({
      name: 'Held (due in the period)',
      stack: 'held',
      data: [900_000, 2_600_000, 250_000],
    });
    expect(short).toMatchObject({ name: 'Short', stack: 'held', data: [3_100_000, 0, 950_000] });
    // Held + short reaches the need wherever the stage is short.
    for (const i of [0, 2]) expect(held!.data[i]! + short!.data[i]!).toBe(needed!.data[i]);
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      'Need confirmed: needed 4.00M, held 900K, short 3.10M.',
    );
  });

  it('counts deals on request and says an unknown need as such', () => {
    const option = workbackChart(ROW, ctx('zh-CN'), 'deals');
    const [needed, , short] = option.series as Bar[];
    expect(needed!.data).toEqual([40.5, null, 12]);
    expect(short!.data).toEqual([30.5, null, 9]);
    expect((option.yAxis as { name: string }).name).toBe('商机数');
    expect((option.aria as { label: { description: string } }).label.description).toContain(
      '方案交流：所需 未知，已有 12，缺口 未知。',
    );
  });

  it('renders as SVG without a DOM in both languages', () => {
    const en = renderSvg(workbackChart(ROW, ctx('en')), 1200, 600);
    expect(en).toContain('<svg');
    expect(en).toContain('Needed now');
    expect(en).toContain('−3.10M');
    const zh = renderSvg(workbackChart(ROW, ctx('zh-CN')), 1200, 600);
    expect(zh).toContain('当前所需');
    expect(zh).toContain('需求确认');
    expect(zh).toContain('−310万');
  });

  it('labels the shortfall in an orange that reads on either theme’s background', () => {
    const labelColour = (dark: boolean) =>
      ((workbackChart(ROW, ctx('en'), 'amount', { dark }).series as { label: { color?: string } }[])[2]!.label
        .color ?? '') as string;
    // Contrast against the light (#ffffff) and dark (#1a1b1e) backgrounds, WCAG's formula.
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => {
        const c = parseInt(hex.slice(i, i + 2), 16) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    expect(contrast(labelColour(false), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(labelColour(true), '#1a1b1e')).toBeGreaterThanOrEqual(4.5);
    const svg = renderSvg(workbackChart(ROW, ctx('en'), 'amount', { dark: true }), 1200, 600, true);
    expect(svg).toContain('−3.10M');
    expect(svg).toContain(labelColour(true));
  });
});
