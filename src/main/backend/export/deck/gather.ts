import type {
  AttentionDealRow,
  ChangesReport,
  DeckScope,
  ForecastRange,
  ForecastReport,
  FunnelReport,
  ReportScope,
  VelocityReport,
  Workback,
} from '@shared/contract';
import { openStages, type Stage } from '@shared/domain/stages';
import { dayOf, dayOfNumber, dayStart, DAY_MS, QUARTER, quarterRange } from '@shared/time';
import { attentionReport } from '../../analytics/attention';
import { changesReport } from '../../analytics/changes';
import { valueAt, visitAt } from '../../analytics/deal-state';
import { forecastReport, quarterInputs, type QuotaRow } from '../../analytics/forecast';
import { funnelReport } from '../../analytics/funnel';
import { toMoney } from '../../analytics/money';
import type { Snapshot } from '../../analytics/snapshot';
import { WON } from '../../analytics/stage-view';
import { velocityReport } from '../../analytics/velocity';
import { simulateQuarter } from '../../forecast/simulate';
import { workback } from '../../forecast/workback/workback';

/** How many reps and deals a table slide holds and still reads from the back of the room. */
export const MAX_REPS = 10;
export const MAX_DEALS = 10;
export const MAX_RISKS = 9;

export interface QuarterWindow {
  quarter: string;
  from: number;
  to: number;
}

export interface TopDeal {
  id: string;
  name: string;
  account: string;
  owner: string;
  stage: string;
  category: string;
  closeDate: string;
  amount: number;
}

export interface RepForecast {
  owner: string;
  forecast: ForecastReport;
}

/** Everything the deck shows, each figure straight from a report for the deck's scope. */
export interface DeckData {
  quarter: string;
  asOf: number;
  team: string | null;
  owner: string | null;
  currency: string;
  /** Open stages by ascending order. */
  stages: Stage[];
  forecast: ForecastReport;
  range: ForecastRange;
  /** `report.changes` from the quarter's first day to the day after as-of; null before the quarter began. */
  changes: ChangesReport | null;
  changesFrom: string;
  changesTo: string;
  funnel: { current: FunnelReport; previous: FunnelReport };
  velocity: { current: VelocityReport; previous: VelocityReport };
  windows: { current: QuarterWindow; previous: QuarterWindow };
  reps: RepForecast[];
  moreReps: number;
  topDeals: TopDeal[];
  /**
   * Working back from the quota (forecast.workback for the quarter, without rows): per stage
   * gapPlan's need against what it holds due this quarter, new deals a week, the diagnosis.
   */
  workback: Workback;
  risks: { stalled: number; pushed: number; shrunk: number; deals: AttentionDealRow[] };
  next: { forecast: ForecastReport; range: ForecastRange };
}

/** The quarter `by` quarters after `quarter` (before, when negative). */
export function quarterAfter(quarter: string, by: number): string {
  const m = QUARTER.exec(quarter)!;
  const index = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(index / 4)}Q${(index % 4) + 1}`;
}

const RISK_FLAGS = ['stalled', 'pushed', 'shrunk'] as const;

/**
 * Runs the reports behind the deck over one snapshot: forecast and range for Q and Q+1,
 * the quarter's waterfall exactly as PRODUCT.md names it, funnel and velocity for Q
 * against Q−1, a forecast per rep, the largest open deals and the attention report's risks.
 */
export function gatherDeck(
  s: Snapshot,
  scope: DeckScope,
  now: number,
  quotas: readonly QuotaRow[],
  currency: string,
  /** The funnel's benchmark rates (analytics settings), the work-back's yardstick for the organisation. */
  benchmarks: Readonly<Record<string, number>>,
): DeckData {
  const asOf = scope.asOf ?? now;
  const base: ReportScope = {
    asOf,
    ...(scope.team !== undefined ? { team: scope.team } : {}),
    ...(scope.owner !== undefined ? { owner: scope.owner } : {}),
  };
  const quarter = scope.quarter;
  const range = quarterRange(quarter)!;
  const qStart = dayStart(range.start);
  const qEnd = dayStart(range.end);
  const previousQuarter = quarterAfter(quarter, -1);
  const previousStart = dayStart(quarterRange(previousQuarter)!.start);

  const forecast = forecastReport(s, { ...base, quarter }, now, quotas);
  const simulated = simulateQuarter(s, { ...base, quarter }, now);

  // PRODUCT.md: --from <first day of Q> --to <the day after as-of> --quarter Q.
  const changesToMs = dayStart(dayOf(asOf - 1)) + DAY_MS;
  const changes =
    changesToMs > qStart ? changesReport(s, { ...base, from: qStart, to: changesToMs, quarter }, now) : null;

  const windows = {
    current: { quarter, from: qStart, to: Math.max(qStart, Math.min(qEnd, asOf)) },
    previous: {
      quarter: previousQuarter,
      from: previousStart,
      to: Math.min(qStart, Math.max(previousStart, asOf)),
    },
  };
  const windowScope = (w: QuarterWindow): ReportScope => ({ ...base, from: w.from, to: w.to });

  const q = quarterInputs(s, { ...base, quarter }, now);
  const stageKeys = q.view.open.map((st) => st.key);
  const owners = s.dictionaries.owner.values;
  const ownerAt = (d: number) => owners[valueAt(s.owner, d, asOf)] ?? '';
  const byOwner = new Map<string, number>();
  for (const o of q.open) {
    const owner = ownerAt(o.deal);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + o.cents);
  }

  const topDeals = [...q.open]
    .sort((a, b) => b.cents - a.cents)
    .slice(0, MAX_DEALS)
    .map((o): TopDeal => ({
      id: s.deals.id[o.deal]!,
      name: s.deals.name[o.deal]!,
      account: s.deals.account[o.deal]!,
      owner: ownerAt(o.deal),
      stage: stageKeys[o.rank]!,
      category: o.category,
      closeDate: dayOfNumber(valueAt(s.closeDay, o.deal, asOf)),
      amount: toMoney(o.cents),
    }));

  // The reps of the table: whoever has open deals due in Q, a win in Q or a quota of Q in scope.
  for (let d = 0; d < s.deals.count; d++) {
    if (!q.kept(d)) continue;
    const wonAt = q.summary.wonAt[d]!;
    if (wonAt >= q.qStart && wonAt < q.qEnd && q.view.kind[s.visits.stage[visitAt(s, d, asOf)]!] === WON) {
      const owner = ownerAt(d);
      if (!byOwner.has(owner)) byOwner.set(owner, 0);
    }
  }
  for (const row of quotas)
    if (row.quarter === quarter && row.owner !== '' && (scope.team === undefined || row.team === scope.team))
      if (!byOwner.has(row.owner)) byOwner.set(row.owner, 0);
  const repNames = scope.owner !== undefined ? [scope.owner] : [...byOwner.keys()];
  repNames.sort((a, b) => (byOwner.get(b) ?? 0) - (byOwner.get(a) ?? 0) || a.localeCompare(b));
  const reps = repNames
    .slice(0, MAX_REPS)
    .map((owner) => ({ owner, forecast: forecastReport(s, { ...base, owner, quarter }, now, quotas) }));

  const attention = attentionReport(s, base, now);
  const flagged = attention.deals.filter((d) =>
    d.flags.some((f) => (RISK_FLAGS as readonly string[]).includes(f)),
  );
  const count = (flag: (typeof RISK_FLAGS)[number]) => flagged.filter((d) => d.flags.includes(flag)).length;
  const inQuarter = (d: AttentionDealRow) =>
    d.closeDate !== null && d.closeDate >= range.start && d.closeDate < range.end;
  // Deals due this quarter first (they move this quarter's number), then the largest.
  const riskDeals = [...flagged]
    .sort((a, b) => Number(inQuarter(b)) - Number(inQuarter(a)) || b.amount - a.amount)
    .slice(0, MAX_RISKS);

  const nextQuarter = quarterAfter(quarter, 1);
  return {
    quarter,
    asOf,
    team: scope.team ?? null,
    owner: scope.owner ?? null,
    currency,
    stages: openStages(s.stages),
    forecast,
    range: simulated,
    changes,
    changesFrom: range.start,
    changesTo: dayOf(changesToMs),
    funnel: {
      current: funnelReport(s, windowScope(windows.current), now),
      previous: funnelReport(s, windowScope(windows.previous), now),
    },
    velocity: {
      current: velocityReport(s, windowScope(windows.current), now),
      previous: velocityReport(s, windowScope(windows.previous), now),
    },
    windows,
    reps,
    moreReps: Math.max(0, repNames.length - reps.length),
    topDeals,
    workback: workback(s, { ...base, period: quarter }, now, quotas, benchmarks, { breakdown: false }),
    risks: { stalled: count('stalled'), pushed: count('pushed'), shrunk: count('shrunk'), deals: riskDeals },
    next: {
      forecast: forecastReport(s, { ...base, quarter: nextQuarter }, now, quotas),
      range: simulateQuarter(s, { ...base, quarter: nextQuarter }, now),
    },
  };
}
