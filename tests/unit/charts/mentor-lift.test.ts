import { describe, expect, it } from 'vitest';
import type { MentorLift } from '@shared/contract';
import { liftValueText, mentorLiftChart } from '@shared/charts/mentor-lift';
import { renderSvg } from '@shared/charts/svg';

/** The lift chart: every interval drawn as it came, and nothing at all below the minimum sample. */
const lift = (patch: Partial<MentorLift> = {}): MentorLift => ({
  mentored: {
    closed: 60,
    won: 33,
    winRate: { estimate: 0.55, low: 0.42, high: 0.67 },
    medianCycleDays: { estimate: 48, low: 40, high: 57 },
  },
  comparable: {
    closed: 400,
    won: 172,
    winRate: { estimate: 0.43, low: 0.38, high: 0.48 },
    medianCycleDays: { estimate: 61, low: 57, high: 66 },
  },
  winRateLift: { estimate: 0.12, low: 0.03, high: 0.21 },
  cycleLift: { estimate: -13, low: -22, high: -4 },
  enough: { winRate: true, cycle: true },
  minimum: { closed: 30, won: 15 },
  seed: 42,
  resamples: 2000,
  ...patch,
});

type Series = { type: string; xAxisIndex: number; data: { value: number[] }[] };
const series = (l: MentorLift, metric: 'winRate' | 'cycle') =>
  mentorLiftChart(l, metric, 'en').series as Series[];
const description = (l: MentorLift, metric: 'winRate' | 'cycle', lang: 'en' | 'zh-CN' = 'en') =>
  (mentorLiftChart(l, metric, lang).aria as { label: { description: string } }).label.description;

describe('mentor lift chart', () => {
  it('draws each group and the difference as a whisker from low to high with the estimate on it', () => {
    const [groups, points, diffWhisker, diffPoint] = series(lift(), 'winRate');
    expect(groups!.type).toBe('custom');
    expect(groups!.data.map((d) => d.value)).toEqual([
      [0.42, 0.67, 0],
      [0.38, 0.48, 1],
    ]);
    expect(points!.data.map((d) => d.value)).toEqual([
      [0.55, 0, 0.42, 0.67],
      [0.43, 1, 0.38, 0.48],
    ]);
    expect(diffWhisker!.xAxisIndex).toBe(1);
    expect(diffWhisker!.data[0]!.value).toEqual([0.03, 0.21, 0]);
    expect(diffPoint!.data[0]!.value).toEqual([0.12, 0, 0.03, 0.21]);
  });

  it('uses the median cycle for the cycle metric, on an axis symmetric around zero', () => {
    const option = mentorLiftChart(lift(), 'cycle', 'en');
    const [groups, , diffWhisker] = option.series as Series[];
    expect(groups!.data.map((d) => d.value.slice(0, 2))).toEqual([
      [40, 57],
      [57, 66],
    ]);
    expect(diffWhisker!.data[0]!.value).toEqual([-22, -4, 0]);
    const axes = option.xAxis as { min: number; max: number }[];
    expect(axes[1]!.min).toBeCloseTo(-axes[1]!.max);
    expect(axes[1]!.max).toBeGreaterThan(22);
  });

  it('says the numbers in its description, in both languages', () => {
    expect(description(lift(), 'winRate')).toBe(
      'Win rate with 95% intervals. Mentored: 55.0% (42.0% – 67.0%). Comparable: 43.0% (38.0% – 48.0%). Difference: +12.0 pts (+3.0 pts – +21.0 pts).',
    );
    expect(description(lift(), 'cycle', 'zh-CN')).toContain('差异：-13.0天（-22.0天 – -4.0天）');
  });

  it('draws nothing and says "not enough data" below the minimum sample', () => {
    const thin = lift({ enough: { winRate: false, cycle: true } });
    expect(series(thin, 'winRate').every((s) => s.data.length === 0)).toBe(true);
    expect(description(thin, 'winRate')).toContain('Not enough data');
    // The other metric is judged on its own.
    expect(series(thin, 'cycle')[0]!.data).toHaveLength(2);
  });

  it('never draws half an interval', () => {
    const partial = lift({
      comparable: { ...lift().comparable, winRate: { estimate: 0.4, low: null, high: null } },
    });
    expect(series(partial, 'winRate')[0]!.data).toHaveLength(1);
  });

  it('writes values as points, percent and days', () => {
    expect(liftValueText(0.125, 'winRate', 'difference', 'en')).toBe('+12.5 pts');
    expect(liftValueText(-0.05, 'winRate', 'difference', 'zh-CN')).toBe('-5.0 个百分点');
    expect(liftValueText(0.5, 'winRate', 'level', 'en')).toBe('50.0%');
    expect(liftValueText(-3, 'cycle', 'difference', 'en')).toBe('-3.0 d');
  });

  it('renders as SVG without a DOM (the deck path), whiskers and labels included', () => {
    const svg = renderSvg(mentorLiftChart(lift(), 'winRate', 'en'), 900, 320);
    expect(svg).toContain('<svg');
    expect(svg).toContain('+12.0 pts');
    expect(svg).toContain('Mentored');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(10);
  });
});
