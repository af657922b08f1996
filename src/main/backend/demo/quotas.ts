import { DAY_MS, dayStart, quarterRange } from '@shared/time';
import type { DemoCalendar } from './calendar';
import { DEMO_TEAMS } from './people';
import type { Rng } from './random';
import type { TeamRoster } from './team-roster';
import type { CreationSchedule } from './volume';
import type { Db } from '../db/query';
import { upsertQuotas, type QuotaValues } from '../forecast/quotas';

/** The organisation's number is set a bit above its run rate: attainment lands near 87 %. */
const STRETCH = 1.15;
/**
 * Over-assignment, as sales organisations do it: the teams' quotas add up to more than the
 * organisation's, the reps' to more than their team's, so a few misses don't sink the total.
 */
const TEAM_OVER = 1.05;
const REP_OVER = 1.08;
/** A new rep's quota ramps by a quarter of a full share per quarter on the job. */
const RAMP_STEP = 0.25;
/** Wins lag creation by about two months; quotas follow the growth of the business with that lag. */
const WIN_LAG_DAYS = 60;
/** Only for a demo too small to have settled wins: a nominal 100,000 yuan per rep and quarter. */
const NOMINAL_CENTS_PER_DAY = (40 * 10_000_000) / 91;

/**
 * Won amounts per rep and quarter, collected while the deals are generated; the quotas are
 * then derived from them so they fit the demo at any deal count (2,000 or 200,000 deals).
 */
export class WonLedger {
  readonly cents: Float64Array;

  constructor(
    private readonly roster: TeamRoster,
    private readonly calendar: DemoCalendar,
  ) {
    this.cents = new Float64Array(roster.reps.length * calendar.quarters.length);
  }

  add(rep: number, wonAt: number, cents: number): void {
    const q = this.calendar.quarterIndex(Math.floor(wonAt / DAY_MS));
    const i = rep * this.calendar.quarters.length + q;
    this.cents[i] = this.cents[i]! + cents;
  }
}

interface QuarterSpan {
  label: string;
  startDay: number;
  endDay: number;
}

const roundQuota = (cents: number): number => {
  const step = cents >= 10_000_000 ? 1_000_000 : 100_000; // 10,000 yuan, or 1,000 below 100,000 yuan
  return Math.max(step, Math.round(cents / step) * step);
};

/**
 * Writes `quotas` top-down, for every quarter from the first one of the demo to the one
 * after today: the organisation's number from its growth-adjusted run rate, split to teams
 * by their share of the wins, and to the reps on the team in that quarter (prorated in the
 * joining and leaving quarters, ramped for new hires, tilted by their track record).
 * Headcount therefore doesn't inflate the numbers: the demo's deal volume doesn't grow with it.
 */
export function writeQuotas(
  ws: Db,
  ledger: WonLedger,
  roster: TeamRoster,
  calendar: DemoCalendar,
  schedule: CreationSchedule,
  rng: Rng,
): number {
  const quarters: QuarterSpan[] = calendar.quarters.map((label) => {
    const r = quarterRange(label)!;
    return { label, startDay: dayStart(r.start) / DAY_MS, endDay: dayStart(r.end) / DAY_MS };
  });
  const Q = quarters.length;
  const teamCount = DEMO_TEAMS.length;
  const repCount = roster.reps.length;
  const joinDay = (r: number): number => Math.floor(roster.joinedAt[r]! / DAY_MS);
  const leaveDay = (r: number): number =>
    Number.isFinite(roster.leftAt[r]!) ? Math.floor(roster.leftAt[r]! / DAY_MS) : Number.POSITIVE_INFINITY;
  const activeDays = (r: number, q: QuarterSpan): number =>
    Math.max(0, Math.min(q.endDay, leaveDay(r)) - Math.max(q.startDay, joinDay(r)));
  const growthFactor = (q: QuarterSpan): number =>
    schedule.growth((q.startDay + q.endDay) / 2 - WIN_LAG_DAYS);

  // Run rates come from settled quarters: not the first two (the demo starts with an empty
  // pipeline, so early wins are thin) and not the current one (still in progress).
  const current = calendar.quarterIndex(calendar.todayDay);
  const repWon = new Float64Array(repCount); // growth-adjusted cents
  const repDays = new Float64Array(repCount);
  const teamWon = new Float64Array(teamCount);
  const teamDays = new Float64Array(teamCount);
  let orgWon = 0;
  let orgDays = 0;
  for (let q = 2; q < current; q++) {
    const span = quarters[q]!;
    orgDays += span.endDay - span.startDay;
    for (let r = 0; r < repCount; r++) {
      const won = ledger.cents[r * Q + q]! / growthFactor(span);
      const days = activeDays(r, span);
      const team = roster.reps[r]!.team;
      repWon[r] = repWon[r]! + won;
      repDays[r] = repDays[r]! + days;
      teamWon[team] = teamWon[team]! + won;
      teamDays[team] = teamDays[team]! + days;
      orgWon += won;
    }
  }
  const orgRate = orgWon > 0 ? orgWon / orgDays : NOMINAL_CENTS_PER_DAY;

  // A rep with a year of track record is weighted half by it, half as an average teammate.
  const perf = new Float64Array(repCount);
  for (let r = 0; r < repCount; r++) {
    const rep = roster.reps[r]!;
    const teamRate = teamDays[rep.team]! > 0 ? teamWon[rep.team]! / teamDays[rep.team]! : 0;
    const seniority = rep.seniority === 'junior' ? 0.8 : rep.seniority === 'senior' ? 1.15 : 1;
    perf[r] =
      repDays[r]! >= 365 && teamRate > 0
        ? 0.5 * (repWon[r]! / repDays[r]! / teamRate) + 0.5 * seniority
        : seniority;
  }

  const quotas: QuotaValues[] = [];
  const insert = (quarter: string, team: string, owner: string, amountCents: number) =>
    quotas.push({ quarter, team, owner, amountCents });
  const weights = new Float64Array(repCount);
  let rows = 0;
  for (let q = 0; q < Q; q++) {
    const span = quarters[q]!;
    const org = orgRate * growthFactor(span) * (span.endDay - span.startDay) * STRETCH;
    insert(span.label, '', '', roundQuota(org));
    rows++;
    for (let t = 0; t < teamCount; t++) {
      // Mostly by the team's share of the wins, a little evened out (and never zero: a tiny
      // demo may have a team without settled wins).
      const share = 0.1 / teamCount + (orgWon > 0 ? (0.9 * teamWon[t]!) / orgWon : 0.9 / teamCount);
      const team = org * share * TEAM_OVER * rng.logNormal(1, 0.04);
      let total = 0;
      for (let r = 0; r < repCount; r++) {
        weights[r] = 0;
        if (roster.reps[r]!.team !== t) continue;
        const days = activeDays(r, span);
        if (days <= 0) continue;
        const quartersOnJob = Math.floor((span.startDay - joinDay(r)) / 91);
        const ramp = Math.min(1, RAMP_STEP * (1 + Math.max(0, quartersOnJob)));
        weights[r] = (days / (span.endDay - span.startDay)) * ramp * perf[r]!;
        total += weights[r]!;
      }
      if (team <= 0 || total <= 0) continue;
      insert(span.label, DEMO_TEAMS[t]!.name, '', roundQuota(team));
      rows++;
      for (let r = 0; r < repCount; r++) {
        if (weights[r]! <= 0) continue;
        const rep = (team * weights[r]! * REP_OVER * rng.logNormal(1, 0.06)) / total;
        insert(span.label, DEMO_TEAMS[t]!.name, roster.reps[r]!.name, roundQuota(rep));
        rows++;
      }
    }
  }
  upsertQuotas(ws, quotas);
  return rows;
}
