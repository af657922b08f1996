import type { Assumption, AssumptionKey, HorizonForecast, HorizonsResult } from '@shared/contract';
import type { Stage } from '@shared/domain/stages';
import { DAY_MS } from '@shared/time';
import type { RefDeal } from '../analytics/reference';
import { call, workspaceOf } from '../analytics/support';

/**
 * Hand-made workspaces for the horizons: two open stages, won and lost, and deals built from
 * a creation instant, an outcome after so many days, an amount and a close date. As-of is
 * 2027-01-01T00:00Z: the as-of month is January 2027, the as-of quarter 2027Q1, and 2026
 * (365 days) is the window the levels are read over.
 */
export const NOW = Date.parse('2027-01-01T00:00:00Z');

const stage = (key: string, order: number, kind: Stage['kind'], probability: number): Stage => ({
  key,
  name: key,
  nameZh: null,
  nameEn: null,
  order,
  kind,
  probability,
  dwellLimitDays: kind === 'open' ? 10 : null,
  followupDays: null,
  buyingPhase: null,
  exitCriteria: null,
});
export const STAGES = [
  stage('early', 1, 'open', 0.2),
  stage('half', 2, 'open', 0.5),
  stage('won', 3, 'won', 1),
  stage('lost', 4, 'lost', 0),
];

export interface DealSpec {
  id: string;
  created: number;
  amount: number;
  /** Won or lost that many days after creation; open when absent. */
  outcome?: { result: 'won' | 'lost'; afterDays: number };
  /** The open stage (default `early`). */
  stage?: 'early' | 'half';
  closeDate?: string | null;
  owner?: string;
  team?: string;
}

export function deal(spec: DealSpec): RefDeal {
  const open = spec.stage ?? 'early';
  const history: { field: string; value: string; changedAt: number }[] = [
    { field: 'stage', value: open, changedAt: spec.created },
  ];
  if (spec.outcome) {
    history.push({
      field: 'stage',
      value: spec.outcome.result,
      changedAt: spec.created + spec.outcome.afterDays * DAY_MS,
    });
  }
  return {
    id: spec.id,
    createdAt: spec.created,
    stage: history.at(-1)!.value,
    amountCents: Math.round(spec.amount * 100),
    closeDate: spec.closeDate === undefined ? null : spec.closeDate,
    forecastCategory: 'pipeline',
    owner: spec.owner ?? 'Ann',
    team: spec.team ?? 'East',
    nextStep: 'Call',
    lastActivityAt: null,
    deletedAt: null,
    history,
  };
}

const day = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/**
 * `perMonth(y, m)` deals created in each month from `from` to `to` (inclusive, `[year, month]`),
 * spread evenly over the month's first 28 days at midnight; each won (every other one, the
 * first lost) or lost `cycleDays` after creation, at `amount`.
 */
export function steadyHistory(options: {
  from: [number, number];
  to: [number, number];
  perMonth: (year: number, month: number) => number;
  cycleDays: number;
  amount: number;
  prefix?: string;
}): RefDeal[] {
  const deals: RefDeal[] = [];
  let [y, m] = options.from;
  while (y < options.to[0] || (y === options.to[0] && m <= options.to[1])) {
    const n = options.perMonth(y, m);
    for (let k = 0; k < n; k++) {
      const created = day(y, m, 1) + Math.floor((k * 28) / n) * DAY_MS;
      deals.push(
        deal({
          id: `${options.prefix ?? 'S'}${y}-${m}-${k}`,
          created,
          amount: options.amount,
          outcome: { result: k % 2 === 1 ? 'won' : 'lost', afterDays: options.cycleDays },
        }),
      );
    }
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return deals;
}

export async function horizonsOf(deals: RefDeal[], input: object = {}) {
  const { registry, ws } = await workspaceOf(STAGES, deals);
  const result = await call<HorizonsResult>(registry, 'forecast.horizons', { asOf: NOW, ...input });
  return { result, registry, ws };
}

export const horizon = (r: HorizonsResult, h: HorizonForecast['horizon']): HorizonForecast =>
  r.horizons.find((x) => x.horizon === h)!;

export const assumption = (r: HorizonsResult, key: AssumptionKey, stage: string | null = null): Assumption =>
  r.assumptions.find((a) => a.key === key && a.stage === stage)!;

/** Days in a `YYYY-MM-DD` … `YYYY-MM-DD` period. */
export const daysIn = (p: { start: string; end: string }): number =>
  (Date.parse(`${p.end}T00:00:00Z`) - Date.parse(`${p.start}T00:00:00Z`)) / DAY_MS;
