import type { EChartsOption } from 'echarts';
import {
  CONTACT_ROLES,
  STANCES,
  type BuyingCentre,
  type Contact,
  type ContactRole,
  type Stance,
} from '@shared/contract/plans';
import { base, NEGATIVE, PALETTE } from './common';
import type { ChartLanguage } from './text';

/**
 * The buying centre as a power map (权力地图): every contact a point, stance across
 * (opponent on the left, champion on the right), influence up. The role is told by
 * colour AND shape, coverage by a filled (met) or hollow (not met) symbol AND by the
 * label's words, a coverage gap by a thick red ring AND a "gap" mark in the label, so
 * nothing is said by colour alone — on a washed-out projector or printed in grey.
 */

const WORDS = {
  en: {
    stance: 'Stance',
    influence: 'Influence',
    notMet: 'not met',
    met: 'met',
    gap: 'gap',
    roles: {
      decision_maker: 'Decision maker',
      economic_buyer: 'Economic buyer',
      technical_evaluator: 'Technical evaluator',
      user: 'User',
      coach: 'Coach',
      gatekeeper: 'Gatekeeper',
    } satisfies Record<ContactRole, string>,
    stances: {
      champion: 'Champion',
      supporter: 'Supporter',
      neutral: 'Neutral',
      skeptic: 'Skeptic',
      opponent: 'Opponent',
    } satisfies Record<Stance, string>,
    describe: (n: number, met: number, gaps: number) =>
      `Power map of ${n} contacts: ${met} met, ${n - met} not met, ${gaps} coverage gaps. Stance across, influence (1–5) up.`,
    contact: (c: Contact, role: string, stance: string, met: string) =>
      `${c.name}${c.title ? `, ${c.title}` : ''}: ${role}, influence ${c.influence}, ${stance}, ${met}`,
    empty: 'No contacts yet.',
  },
  'zh-CN': {
    stance: '态度',
    influence: '影响力',
    notMet: '未接触',
    met: '已接触',
    gap: '缺口',
    roles: {
      decision_maker: '决策者',
      economic_buyer: '经济决策者',
      technical_evaluator: '技术评估者',
      user: '使用者',
      coach: '教练',
      gatekeeper: '把关者',
    },
    stances: {
      champion: '倡导者',
      supporter: '支持者',
      neutral: '中立',
      skeptic: '怀疑者',
      opponent: '反对者',
    },
    describe: (n: number, met: number, gaps: number) =>
      `${n} 位联系人的权力地图：已接触 ${met} 位，未接触 ${n - met} 位，覆盖缺口 ${gaps} 处。横向为态度，纵向为影响力（1–5）。`,
    contact: (c: Contact, role: string, stance: string, met: string) =>
      `${c.name}${c.title ? `（${c.title}）` : ''}：${role}，影响力 ${c.influence}，${stance}，${met}`,
    empty: '尚无联系人。',
  },
} as const;

export const powerMapWords = (lang: ChartLanguage) => WORDS[lang];

/** Left to right: from the coldest to the warmest (the contract lists them warm → cold). */
export const STANCE_AXIS: readonly Stance[] = [...STANCES].reverse();

/** A shape per role, so the legend reads without colour. */
const SYMBOLS: Record<ContactRole, string> = {
  decision_maker: 'diamond',
  economic_buyer: 'rect',
  technical_evaluator: 'triangle',
  user: 'circle',
  coach: 'pin',
  gatekeeper: 'roundRect',
};

/** How far apart contacts sharing a cell (same stance and influence) are spread. */
const SPREAD = 0.22;

export interface PowerMapPoint {
  contact: Contact;
  x: number;
  y: number;
  gap: boolean;
  /** Where the name goes: spread neighbours write theirs away from each other. */
  labelAt: 'left' | 'right' | 'top' | 'bottom';
}

const labelAt = (i: number, n: number): PowerMapPoint['labelAt'] =>
  n === 1 || i === n - 1 ? 'right' : i === 0 ? 'left' : i % 2 ? 'top' : 'bottom';

/**
 * Where each contact sits: contacts on the same stance and influence are spread
 * sideways around the cell's centre (in a stable order, by id) instead of drawn on top
 * of each other, and never past half-way to the next stance.
 */
export function powerMapPoints(centre: BuyingCentre): PowerMapPoint[] {
  const gapIds = new Set(centre.gaps.map((g) => g.contactId).filter((id): id is number => id !== null));
  const cells = new Map<string, Contact[]>();
  for (const c of [...centre.contacts].sort((a, b) => a.id - b.id)) {
    const key = `${c.stance}:${c.influence}`;
    cells.set(key, [...(cells.get(key) ?? []), c]);
  }
  const points: PowerMapPoint[] = [];
  for (const group of cells.values()) {
    const step = Math.min(SPREAD, 0.9 / Math.max(1, group.length - 1));
    group.forEach((contact, i) => {
      const offset = group.length === 1 ? 0 : (i - (group.length - 1) / 2) * step;
      points.push({
        contact,
        x: STANCE_AXIS.indexOf(contact.stance) + offset,
        y: contact.influence,
        gap: gapIds.has(contact.id),
        labelAt: labelAt(i, group.length),
      });
    });
  }
  return points;
}

export function powerMapChart(centre: BuyingCentre, lang: ChartLanguage): EChartsOption {
  const w = WORDS[lang];
  const points = powerMapPoints(centre);
  const met = centre.contacts.filter((c) => c.met).length;
  const description = [
    w.describe(centre.contacts.length, met, centre.gaps.length),
    ...points.map((p) =>
      w.contact(
        p.contact,
        w.roles[p.contact.role],
        w.stances[p.contact.stance],
        p.contact.met ? w.met : w.notMet,
      ),
    ),
  ].join(' ');
  const common = base(centre.contacts.length ? description : w.empty);
  const roles = CONTACT_ROLES.filter((r) => points.some((p) => p.contact.role === r));
  const label = (p: PowerMapPoint) =>
    [p.contact.name, p.contact.met ? null : `(${w.notMet})`, p.gap ? `⚠ ${w.gap}` : null]
      .filter(Boolean)
      .join(' ');

  return {
    ...common,
    // Symbols and labels carry role and coverage; decal hatching on small symbols only blurs them.
    aria: { ...(common.aria as object), decal: { show: false } },
    grid: { left: 64, right: 32, top: 48, bottom: 56, containLabel: false },
    legend: { top: 0, data: roles.map((r) => ({ name: w.roles[r], icon: SYMBOLS[r] })) },
    xAxis: {
      type: 'value',
      name: w.stance,
      nameLocation: 'middle',
      nameGap: 32,
      min: -0.5,
      max: STANCE_AXIS.length - 0.5,
      // The axis runs from -0.5 to 4.5 so that spread points stay inside; the labels and
      // ticks sit at the whole positions, one per stance.
      axisLabel: {
        customValues: STANCE_AXIS.map((_, i) => i),
        formatter: (v: number) => w.stances[STANCE_AXIS[Math.round(v)]!],
      },
      axisTick: { customValues: STANCE_AXIS.map((_, i) => i) },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: w.influence,
      min: 0.5,
      max: 5.5,
      axisLabel: { customValues: [1, 2, 3, 4, 5] },
      axisTick: { customValues: [1, 2, 3, 4, 5] },
      splitLine: { show: false },
    },
    tooltip: {
      ...(common.tooltip as object),
      formatter: (p: unknown) => {
        const data = (p as { data: { contact: Contact } }).data;
        const c = data.contact;
        return w.contact(c, w.roles[c.role], w.stances[c.stance], c.met ? w.met : w.notMet);
      },
    },
    series: roles.map((role) => {
      const colour = PALETTE[CONTACT_ROLES.indexOf(role) % PALETTE.length]!;
      return {
        type: 'scatter',
        name: w.roles[role],
        symbol: SYMBOLS[role],
        symbolSize: 22,
        itemStyle: { color: colour },
        data: points
          .filter((p) => p.contact.role === role)
          .map((p) => ({
            value: [p.x, p.y],
            name: p.contact.name,
            contact: p.contact,
            label: { show: true, position: p.labelAt, formatter: label(p), fontSize: 13 },
            itemStyle: {
              // Hollow when nobody of ours has met the person.
              color: p.contact.met ? colour : 'rgba(0,0,0,0)',
              borderColor: p.gap ? NEGATIVE : colour,
              borderWidth: p.gap ? 4 : p.contact.met ? 1 : 3,
              ...(p.contact.met ? {} : { borderType: 'dashed' as const }),
            },
          })),
      };
    }),
  };
}
