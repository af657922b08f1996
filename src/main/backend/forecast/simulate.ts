import type { ForecastRange, ForecastScope } from '@shared/contract';
import { gaussian, seededRandom, sortedQuantile } from '@shared/domain/intervals';
import { DAY_MS, quarterRange, shiftQuarter } from '@shared/time';
import { valueAt, visitAt } from '../analytics/deal-state';
import { closings } from '../analytics/closings';
import { quarterInputs } from '../analytics/forecast';
import { toMoney } from '../analytics/money';
import type { Snapshot } from '../analytics/snapshot';
import { firstAtOrAfter } from '../analytics/sorted';
import { OPEN } from '../analytics/stage-view';

/**
 * The quarter's range (P10/P50/P90) by Monte Carlo over the open deals the forecast report
 * counts. In each run an open deal slips out of the quarter with the scope's slip rate,
 * else is won with h(its stage) (the report's historical win rate), and a won deal's
 * amount moves by a ratio drawn from the scope's own history; the amount won so far is
 * in every run. Deterministic for a seed: one figure on every machine.
 *
 * The largest deals (EXACT_DEALS of them) are drawn one by one, since they make the
 * range's shape (a big deal won or not moves P90 on its own). The rest, often thousands of
 * small deals, are a sum of many independent small terms, and each run draws that sum
 * from the normal with its exact mean and variance: the same figure to well under a
 * percent of the tail, at a cost that does not grow with the pipeline (10,000 runs over
 * the 200k-deal workspace's quarter stay within the bench's 200 ms).
 */
export const EXACT_DEALS = 512;
export const DEFAULT_RUNS = 10_000;
export const DEFAULT_SEED = 20_261_201;
/** Past quarters the slip rate and the amount changes are read from. */
const LOOKBACK_QUARTERS = 4;
const BINS = 20;

export interface SimulationOptions {
  runs?: number;
  seed?: number;
}

export function simulateQuarter(
  s: Snapshot,
  scope: ForecastScope,
  now: number,
  options: SimulationOptions = {},
): ForecastRange {
  const runs = options.runs ?? DEFAULT_RUNS;
  const seed = options.seed ?? DEFAULT_SEED;
  const q = quarterInputs(s, scope, now);
  const slipRate = slipRateOf(s, q);
  const ratios = amountRatios(s, q);
  const h = q.winRates.map((r) => r.h);

  // Largest first: those are drawn deal by deal.
  const open = [...q.open].sort((a, b) => b.cents - a.cents);
  const exact = open.slice(0, EXACT_DEALS);
  const exactCents = Float64Array.from(exact, (o) => o.cents);
  const exactWin = Float64Array.from(exact, (o) => (1 - slipRate) * h[o.rank]!);
  const meanR = ratios.reduce((n, r) => n + r, 0) / ratios.length;
  const meanR2 = ratios.reduce((n, r) => n + r * r, 0) / ratios.length;
  let tailMean = 0;
  let tailVariance = 0;
  for (let i = EXACT_DEALS; i < open.length; i++) {
    const a = open[i]!.cents;
    const p = (1 - slipRate) * h[open[i]!.rank]!;
    tailMean += a * p * meanR;
    tailVariance += a * a * (p * meanR2 - p * p * meanR * meanR);
  }
  const tailSd = Math.sqrt(Math.max(0, tailVariance));

  const totals = new Float64Array(runs);
  const n = ratios.length;
  // A deal is won when a uniform 32-bit draw falls below p·2³²; the draw is then uniform
  // below that threshold, so draw ÷ threshold also picks its amount change (one draw per
  // deal). The generator is seededRandom's (mulberry32) written inline: the call and the
  // float conversion were two thirds of the loop's time.
  const threshold = Float64Array.from(exactWin, (p) => p * 4294967296);
  const tailRandom = seededRandom(seed ^ 0x5bd1e995);
  let state = seed >>> 0;
  for (let r = 0; r < runs; r++) {
    let cents = q.wonCents;
    for (let i = 0; i < exactCents.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = (t ^ (t >>> 14)) >>> 0;
      const below = threshold[i]!;
      if (u < below) cents += exactCents[i]! * ratios[Math.floor((u / below) * n)]!;
    }
    if (tailSd > 0 || tailMean > 0) cents += Math.max(0, tailMean + tailSd * gaussian(tailRandom));
    totals[r] = cents;
  }
  totals.sort();
  const mean = totals.reduce((a, b) => a + b, 0) / runs;
  return {
    quarter: q.quarter,
    runs,
    seed,
    p10: toMoney(Math.round(sortedQuantile(totals, 0.1))),
    p50: toMoney(Math.round(sortedQuantile(totals, 0.5))),
    p90: toMoney(Math.round(sortedQuantile(totals, 0.9))),
    mean: toMoney(Math.round(mean)),
    won: toMoney(q.wonCents),
    slipRate,
    openDeals: open.length,
    amountChanges: n,
    histogram: histogram(totals),
  };
}

type Inputs = ReturnType<typeof quarterInputs>;

/**
 * The scope's slip rate, read at the same point of the last four quarters as as-of is of
 * Q: of the kept deals open then with a close date in that quarter, the share still open
 * at its end. No such deal: 0 (nothing says deals slip).
 */
export function slipRateOf(s: Snapshot, q: Inputs): number {
  const offset = q.w.asOf - q.qStart;
  let due = 0;
  let slipped = 0;
  for (let k = 1; k <= LOOKBACK_QUARTERS; k++) {
    const range = quarterRange(shiftQuarter(q.quarter, -k))!;
    const start = Date.parse(`${range.start}T00:00:00Z`);
    const end = Date.parse(`${range.end}T00:00:00Z`);
    const at = Math.min(start + offset, end - 1);
    const [firstDay, endDay] = [start / DAY_MS, end / DAY_MS];
    for (let d = 0; d < s.deals.count; d++) {
      if (!(s.deals.createdAt[d]! < at) || !q.kept(d) || s.deals.deletedAt[d]! < end) continue;
      if (q.view.kind[s.visits.stage[visitAt(s, d, at)]!] !== OPEN) continue;
      const closeDay = valueAt(s.closeDay, d, at);
      if (!(closeDay >= firstDay && closeDay < endDay)) continue;
      due++;
      if (q.view.kind[s.visits.stage[visitAt(s, d, end)]!] === OPEN) slipped++;
    }
  }
  return due === 0 ? 0 : slipped / due;
}

/**
 * How won amounts moved over as much time as is left in Q: for the kept deals won in the
 * last four quarters' span, amount when won ÷ amount that long before (or at creation).
 * None: no change (a ratio of 1).
 */
export function amountRatios(s: Snapshot, q: Inputs): Float64Array {
  const left = Math.max(0, q.qEnd - q.w.asOf);
  const { won } = closings(s);
  const out: number[] = [];
  const from = q.w.asOf - LOOKBACK_QUARTERS * 91 * DAY_MS;
  for (let i = firstAtOrAfter(won.at, from), end = firstAtOrAfter(won.at, q.w.asOf); i < end; i++) {
    const d = won.deal[i]!;
    if (!q.kept(d)) continue;
    const at = won.at[i]!;
    const before = valueAt(s.amount, d, Math.max(s.deals.createdAt[d]!, at - left));
    if (before > 0) out.push(valueAt(s.amount, d, at) / before);
  }
  return out.length ? Float64Array.from(out) : Float64Array.of(1);
}

function histogram(sorted: Float64Array): ForecastRange['histogram'] {
  const lo = sorted[0]!;
  const hi = sorted[sorted.length - 1]!;
  const width = (hi - lo) / BINS || 1;
  const bins = Array.from({ length: BINS }, (_, i) => ({
    from: toMoney(Math.round(lo + i * width)),
    to: toMoney(Math.round(lo + (i + 1) * width)),
    runs: 0,
  }));
  for (const v of sorted) bins[Math.min(BINS - 1, Math.floor((v - lo) / width))]!.runs++;
  return bins;
}
