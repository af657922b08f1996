import { DAY_MS } from '@shared/time';
import type { DemoCalendar } from './calendar';
import { DEMO_REPS, DEMO_TEAMS, type DemoRep } from './people';
import type { Rng } from './random';

/** A new rep gets a third of a full share of new deals, growing to a full share over half a year. */
const RAMP_DAYS = 180;
const RAMP_FLOOR = 0.35;

/**
 * Who is on which team on a given instant: reps join and leave during the three years, and a
 * deal can only go to someone who is there. Precomputed instants keep the per-deal pick cheap.
 */
export class TeamRoster {
  readonly reps: readonly DemoRep[] = DEMO_REPS;
  readonly joinedAt: Float64Array;
  readonly leftAt: Float64Array;
  private readonly members: number[][];
  private readonly weights: Float64Array;

  constructor(calendar: DemoCalendar) {
    const n = this.reps.length;
    this.joinedAt = new Float64Array(n);
    this.leftAt = new Float64Array(n);
    this.weights = new Float64Array(n);
    this.members = DEMO_TEAMS.map(() => []);
    this.reps.forEach((r, i) => {
      this.joinedAt[i] = (calendar.todayDay - r.joinedDaysAgo) * DAY_MS;
      // The last working day ends at 19:00 Beijing time (11:00 UTC).
      this.leftAt[i] =
        r.leftDaysAgo === null ? Infinity : (calendar.todayDay - r.leftDaysAgo) * DAY_MS + 11 * 3_600_000;
      this.members[r.team]!.push(i);
    });
  }

  isActive(rep: number, t: number): boolean {
    return this.joinedAt[rep]! <= t && t < this.leftAt[rep]!;
  }

  /**
   * A rep of `team` who is there at `t`, in proportion to their capacity (ramping up after
   * joining); `except` is skipped (a handover goes to someone else). −1 when nobody is.
   */
  pick(team: number, t: number, rng: Rng, except = -1, seniorOnly = false): number {
    const members = this.members[team]!;
    let total = 0;
    for (const i of members) {
      const rep = this.reps[i]!;
      let w = 0;
      if (i !== except && this.isActive(i, t) && (!seniorOnly || rep.seniority === 'senior')) {
        w = rep.capacity * Math.min(1, RAMP_FLOOR + (t - this.joinedAt[i]!) / (RAMP_DAYS * DAY_MS));
      }
      this.weights[i] = w;
      total += w;
    }
    if (total <= 0) return -1;
    let u = rng.next() * total;
    for (const i of members) {
      u -= this.weights[i]!;
      if (u < 0) return i;
    }
    return members.findLast((i) => this.weights[i]! > 0)!;
  }
}
