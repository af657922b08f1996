import type { Interval, MentorLift } from '@shared/contract';

/**
 * The lift in plain words ("Mentored deals won 12 points more often (95% interval 3 to 21
 * points)"). Only an interval that stays on one side of zero is said as a direction; one
 * that spans zero is said as "may be chance", so a manager never reads noise as proof.
 */
export type LiftSentence =
  | {
      key: 'mentors.view.winMore' | 'mentors.view.winLess';
      params: { points: string; low: string; high: string };
    }
  | {
      key: 'mentors.view.winUnclear';
      params: { points: string; low: string; high: string; direction: 'more' | 'less' };
    }
  | {
      key: 'mentors.view.faster' | 'mentors.view.slower';
      params: { days: string; low: string; high: string };
    }
  | { key: 'mentors.view.cycleUnclear'; params: { days: string; low: string; high: string } }
  /** An estimate of no difference at all: the interval, in the metric's own unit, is all there is to say. */
  | { key: 'mentors.view.same'; interval: { low: number; high: number } };

const one = (v: number) => Math.abs(v).toFixed(1);
const signed = (v: number) => (v > 0 ? `+${v.toFixed(1)}` : v < 0 ? `−${Math.abs(v).toFixed(1)}` : '0.0');

function complete(i: Interval): { estimate: number; low: number; high: number } | null {
  return i.estimate === null || i.low === null || i.high === null
    ? null
    : { estimate: i.estimate, low: i.low, high: i.high };
}

/** The win-rate difference in words; null when there is not enough data to say anything. */
export function winRateSentence(lift: MentorLift): LiftSentence | null {
  const d = lift.enough.winRate ? complete(lift.winRateLift) : null;
  if (!d) return null;
  const pts = (v: number) => v * 100;
  if (one(pts(d.estimate)) === '0.0' && d.low <= 0 && d.high >= 0)
    return { key: 'mentors.view.same', interval: { low: d.low, high: d.high } };
  if (d.low > 0)
    return {
      key: 'mentors.view.winMore',
      params: { points: one(pts(d.estimate)), low: one(pts(d.low)), high: one(pts(d.high)) },
    };
  if (d.high < 0)
    // "3 to 21 points less": the smaller shortfall first.
    return {
      key: 'mentors.view.winLess',
      params: { points: one(pts(d.estimate)), low: one(pts(d.high)), high: one(pts(d.low)) },
    };
  return {
    key: 'mentors.view.winUnclear',
    params: {
      points: one(pts(d.estimate)),
      low: signed(pts(d.low)),
      high: signed(pts(d.high)),
      direction: d.estimate < 0 ? 'less' : 'more',
    },
  };
}

/** The median-cycle difference in words (negative days = mentored deals close faster). */
export function cycleSentence(lift: MentorLift): LiftSentence | null {
  const d = lift.enough.cycle ? complete(lift.cycleLift) : null;
  if (!d) return null;
  if (one(d.estimate) === '0.0' && d.low <= 0 && d.high >= 0)
    return { key: 'mentors.view.same', interval: { low: d.low, high: d.high } };
  if (d.high < 0)
    return {
      key: 'mentors.view.faster',
      params: { days: one(d.estimate), low: one(d.high), high: one(d.low) },
    };
  if (d.low > 0)
    return {
      key: 'mentors.view.slower',
      params: { days: one(d.estimate), low: one(d.low), high: one(d.high) },
    };
  return {
    key: 'mentors.view.cycleUnclear',
    params: { days: one(d.estimate), low: signed(d.low), high: signed(d.high) },
  };
}
