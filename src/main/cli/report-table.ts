import type {
  AttentionReport,
  ChangesReport,
  CohortsReport,
  ForecastReport,
  FunnelReport,
  MentorsReport,
  ReportKind,
  VelocityReport,
} from '@shared/contract';
import { CHANGE_CATEGORIES } from '@shared/contract';

/** A report as a table for people reading a terminal (`--json` is for programs). */
export function reportTable(kind: ReportKind, report: unknown): string {
  switch (kind) {
    case 'funnel':
      return funnel(report as FunnelReport);
    case 'velocity':
      return velocity(report as VelocityReport);
    case 'changes':
      return changes(report as ChangesReport);
    case 'cohorts':
      return cohorts(report as CohortsReport);
    case 'forecast':
      return forecast(report as ForecastReport);
    case 'attention':
      return attention(report as AttentionReport);
    case 'mentors':
      return mentors(report as MentorsReport);
  }
}

const money = (n: number | null): string =>
  n === null ? '—' : n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pct = (n: number | null): string => (n === null ? '—' : `${(n * 100).toFixed(1)}%`);
const days = (n: number | null): string => (n === null ? '—' : n.toFixed(1));
const count = (n: number | null): string => (n === null ? '—' : String(n));

/** Left-aligned first column, right-aligned numbers. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

const heading = (
  title: string,
  r: { asOf: string; from: string | null; to: string; team: string | null; owner: string | null },
) =>
  `${title} as of ${r.asOf} (window ${r.from ?? '…'} to ${r.to}${r.team !== null ? `, team ${r.team}` : ''}${r.owner !== null ? `, owner ${r.owner}` : ''})\n\n`;

function funnel(r: FunnelReport): string {
  return (
    heading('Funnel', r) +
    table(
      ['stage', 'reached', 'amount', 'to next'],
      r.stages.map((s) => [s.key, count(s.reached), money(s.reachedAmount), pct(s.conversionToNext)]),
    ) +
    `\n${r.deals} deals: ${r.open} open, ${r.won} won, ${r.lost} lost; win rate ${pct(r.winRate)}\n`
  );
}

function velocity(r: VelocityReport): string {
  return (
    heading('Velocity', r) +
    table(
      ['stage', 'visits', 'mean d', 'median d', 'p75 d', 'open', 'stalled', 'limit d'],
      r.stages.map((s) => [
        s.key,
        count(s.count),
        days(s.meanDays),
        days(s.medianDays),
        days(s.p75Days),
        count(s.openCount),
        count(s.stalled),
        days(s.dwellLimitDays),
      ]),
    ) +
    `\nSales cycle: ${r.salesCycle.count} won, mean ${days(r.salesCycle.meanDays)} d, median ${days(r.salesCycle.medianDays)} d` +
    `\nWin rate ${pct(r.winRate)}; velocity ${money(r.velocityPerDay)} per day\n`
  );
}

function changes(r: ChangesReport): string {
  return (
    heading('Pipeline change', r) +
    `Close dates in [${r.periodStart}, ${r.periodEnd})\n\n` +
    table(
      ['category', 'deals', 'amount'],
      [
        ['start', '', money(r.start)],
        ...CHANGE_CATEGORIES.map((c) => [c, count(r.counts[c]), money(r.totals[c])]),
        ['end', '', money(r.end)],
      ],
    )
  );
}

function cohorts(r: CohortsReport): string {
  const span = Math.max(0, ...r.cohorts.map((c) => c.wonShare.length));
  const shown = Math.min(span, 12);
  return (
    heading('Cohorts (cumulative won share by months since creation)', r) +
    table(
      ['month', 'deals', ...Array.from({ length: shown }, (_, k) => `+${k}`)],
      r.cohorts.map((c) => [
        c.month,
        count(c.size),
        ...Array.from({ length: shown }, (_, k) => (k < c.wonShare.length ? pct(c.wonShare[k]!) : '')),
      ]),
    )
  );
}

function attention(r: AttentionReport): string {
  return (
    heading('Needs attention', r) +
    table(
      ['deal', 'stage', 'days', 'pushes', 'flags'],
      r.deals.map((d) => [d.id, d.stage, days(d.daysInStage), count(d.pushCount), d.flags.join(', ')]),
    ) +
    `\n${r.deals.length} deals\n`
  );
}

function mentors(r: MentorsReport): string {
  const groups = table(
    ['deals closed', 'closed', 'won', 'win rate', 'mean cycle (days)'],
    (['mentored', 'unmentored'] as const).map((side) => [
      side,
      count(r[side].closed),
      count(r[side].won),
      pct(r[side].winRate),
      days(r[side].meanCycleDays),
    ]),
  );
  const people = table(
    ['mentor', 'deals', 'won', 'won amount', 'share'],
    r.mentors.map((m) => [m.mentor, count(m.deals), count(m.won), money(m.wonAmount), money(m.shareAmount)]),
  );
  return `${groups}\n${r.mentors.length ? people : 'No mentor has a deal closed in the window.\n'}`;
}

function forecast(r: ForecastReport): string {
  const figures = table(
    [`Forecast ${r.quarter}`, 'Amount'],
    [
      ['Won so far', money(r.wonAmount)],
      ['Weighted (open × stage probability)', money(r.weighted)],
      ['Commit', money(r.commit)],
      ['Best case', money(r.bestCase)],
      ['Pipeline', money(r.pipeline)],
      ['Historical (open × h(stage))', money(r.historical)],
      ['Quota', money(r.quota)],
      ['Coverage', r.coverage === null ? '—' : `${r.coverage.toFixed(2)}×`],
    ],
  );
  if (!r.gapPlan.length)
    return `${figures}\n${r.quota === null ? 'No quota for this scope.' : 'No gap to close.'}\n`;
  const plan = table(
    ['Stage', 'Deals needed', 'Amount needed'],
    r.gapPlan.map((g) => [g.stage, g.deals === null ? '—' : g.deals.toFixed(1), money(g.amount)]),
  );
  return `${figures}\n${plan}`;
}
