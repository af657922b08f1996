import { describe, expect, it } from 'vitest';
import type { BuyingCentre, Contact } from '@shared/contract';
import { powerMapChart, powerMapPoints, STANCE_AXIS } from '@shared/charts/power-map';
import { renderSvg } from '@shared/charts/svg';

/** The power map: where each contact sits, and that role, coverage and gaps never rest on colour alone. */
const contact = (id: number, patch: Partial<Contact>): Contact => ({
  id,
  dealId: 'D1',
  name: `Person ${id}`,
  title: '',
  role: 'user',
  influence: 3,
  stance: 'neutral',
  met: true,
  note: '',
  updatedAt: '2026-03-01T00:00:00.000Z',
  ...patch,
});

const centre: BuyingCentre = {
  dealId: 'D1',
  stageKey: 'negotiation',
  contacts: [
    contact(1, {
      name: '王总',
      title: 'CEO',
      role: 'decision_maker',
      influence: 5,
      stance: 'skeptic',
      met: false,
    }),
    contact(2, { name: 'Li Na', role: 'coach', influence: 2, stance: 'champion' }),
    contact(3, { name: 'Zhang', role: 'technical_evaluator', influence: 4, stance: 'supporter' }),
    contact(4, { name: 'Chen', role: 'user', influence: 4, stance: 'supporter' }),
    contact(5, { name: 'Zhou', role: 'user', influence: 4, stance: 'supporter', met: false }),
  ],
  gaps: [{ kind: 'decision_maker_not_met', contactId: 1, contactName: '王总' }],
};

type Item = {
  value: [number, number];
  name: string;
  label: { formatter: string };
  itemStyle: { color: string; borderColor: string; borderWidth: number; borderType?: string };
};
type Series = { name: string; symbol: string; data: Item[] };
const seriesOf = (lang: 'en' | 'zh-CN') => powerMapChart(centre, lang).series as Series[];
const item = (lang: 'en' | 'zh-CN', name: string) =>
  seriesOf(lang)
    .flatMap((s) => s.data)
    .find((d) => d.name === name)!;

describe('power map', () => {
  it('puts stance across from opponent to champion and influence up', () => {
    expect(STANCE_AXIS).toEqual(['opponent', 'skeptic', 'neutral', 'supporter', 'champion']);
    const points = powerMapPoints(centre);
    const ceo = points.find((p) => p.contact.id === 1)!;
    expect([ceo.x, ceo.y]).toEqual([1, 5]);
    const coach = points.find((p) => p.contact.id === 2)!;
    expect([coach.x, coach.y]).toEqual([4, 2]);
  });

  it('spreads contacts sharing a stance and influence around the cell, in id order, within the cell', () => {
    const shared = powerMapPoints(centre)
      .filter((p) => p.contact.stance === 'supporter' && p.contact.influence === 4)
      .sort((a, b) => a.contact.id - b.contact.id);
    expect(shared.map((p) => p.x)).toEqual([3 - 0.22, 3, 3 + 0.22]);
    expect(new Set(shared.map((p) => p.y))).toEqual(new Set([4]));
    // Their names are written away from each other, so they do not overlap.
    expect(shared.map((p) => p.labelAt)).toEqual(['left', 'top', 'right']);
    expect(powerMapPoints(centre).find((p) => p.contact.id === 1)!.labelAt).toBe('right');
    // Many in one cell stay inside it (never past half-way to the next stance).
    const crowd: BuyingCentre = {
      ...centre,
      contacts: Array.from({ length: 12 }, (_, i) => contact(i + 1, {})),
      gaps: [],
    };
    const xs = powerMapPoints(crowd).map((p) => p.x);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(2 - 0.45);
    expect(Math.max(...xs)).toBeLessThanOrEqual(2 + 0.45);
    expect(new Set(xs).size).toBe(12);
  });

  it('draws one series per role present, each with its own shape, named in the language', () => {
    expect(seriesOf('en').map((s) => s.name)).toEqual([
      'Decision maker',
      'Technical evaluator',
      'User',
      'Coach',
    ]);
    expect(seriesOf('zh-CN').map((s) => s.name)).toEqual(['决策者', '技术评估者', '使用者', '教练']);
    const shapes = seriesOf('en').map((s) => s.symbol);
    expect(new Set(shapes).size).toBe(shapes.length);
  });

  it('says coverage and gaps in the label and by the symbol, not by colour alone', () => {
    const ceo = item('en', '王总');
    expect(ceo.label.formatter).toBe('王总 (not met) ⚠ gap');
    expect(ceo.itemStyle.color).toBe('rgba(0,0,0,0)');
    expect(ceo.itemStyle.borderType).toBe('dashed');
    expect(ceo.itemStyle.borderWidth).toBe(4);
    expect(item('zh-CN', '王总').label.formatter).toBe('王总 (未接触) ⚠ 缺口');
    const zhou = item('en', 'Zhou');
    expect(zhou.label.formatter).toBe('Zhou (not met)');
    expect(zhou.itemStyle.borderWidth).toBe(3);
    const chen = item('en', 'Chen');
    expect(chen.label.formatter).toBe('Chen');
    expect(chen.itemStyle.color).not.toBe('rgba(0,0,0,0)');
    expect(chen.itemStyle.borderType).toBeUndefined();
  });

  it('describes every contact for screen readers and renders to SVG in Node', () => {
    const option = powerMapChart(centre, 'en');
    const aria = option.aria as { enabled: boolean; label: { description: string } };
    expect(aria.enabled).toBe(true);
    expect(aria.label.description).toContain('5 contacts: 3 met, 2 not met, 1 coverage gaps');
    expect(aria.label.description).toContain('王总, CEO: Decision maker, influence 5, Skeptic, not met');
    const svg = renderSvg(option, 800, 420);
    expect(svg).toMatch(/^<svg[^>]*width="800"/);
    expect(svg).toContain('Opponent');
    expect(svg).toContain('Champion');
    expect(svg).toContain('Li Na');
    expect(svg).toMatch(/>5<\/text>/);
    const zh = renderSvg(powerMapChart(centre, 'zh-CN'), 800, 420);
    expect(zh).toContain('倡导者');
    expect(zh).toContain('影响力');
  });

  it('an empty centre says so', () => {
    const option = powerMapChart({ ...centre, contacts: [], gaps: [] }, 'zh-CN');
    expect((option.aria as { label: { description: string } }).label.description).toBe('尚无联系人。');
    expect(option.series).toEqual([]);
    expect(renderSvg(option, 400, 300)).toContain('<svg');
  });
});
