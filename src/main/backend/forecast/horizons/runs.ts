import { gaussian, seededRandom } from '@shared/domain/intervals';
import { poisson, sumOfWins } from './draws';
import type { OpenPlan } from './open-pipeline';

/**
 * The new pipeline of the year (and the three months): expected wins per month from deals
 * created from as-of on, their sizes, and how uncertain the levels behind them are.
 */
export interface NewPipelinePlan {
  /** Expected wins per month (creation rate × conversion × the cycle's placement). */
  wins: Float64Array;
  /** Past wins' sizes in cents, scaled to the assumed mean size (empty: every win is the mean). */
  sizes: Float64Array;
  meanCents: number;
  sdCents: number;
  conversion: number;
  /** Standard deviations of the levels: creation (log), conversion (share points), size (log). */
  sd: { creation: number; conversion: number; size: number };
}

/**
 * One factor of the run rate: its level's doubt, its trend's doubt, and the quarter-to-quarter
 * scatter, all relative (log scale: 0.1 is about ±10%).
 */
export interface FactorDoubt {
  level: number;
  /** The trend line's slope error and the centre of the history it was fitted on (quarters from as-of). */
  slope: { se: number; centre: number } | null;
  /** Per creation quarter: the history's scatter around its trend (or chance alone without one). */
  residual: number;
}

/** The run rate of the three years: per creation quarter the central creation, win rate and size. */
export interface RunRatePlan {
  parts: { created: number; winRate: number; sizeCents: number; t: number }[];
  /** placement[i][j]: the share of part i's wins won in quarter j. */
  placement: Float64Array[];
  doubt: { creation: FactorDoubt; conversion: FactorDoubt; size: FactorDoubt };
}

export interface RunsPlan {
  runs: number;
  seed: number;
  open: OpenPlan;
  /** Months in the open pipeline's grid. */
  months: number;
  year: NewPipelinePlan | null;
  runRate: RunRatePlan | null;
}

/** Each run's outcome in cents: per grid month (open), per month of the year (new), per quarter (run rate). */
export interface RunsOutcome {
  open: Float64Array;
  year: Float64Array | null;
  runRate: Float64Array | null;
}

/**
 * The Monte Carlo behind every band. Each part draws from its own stream of the seed, so a
 * horizon's figures are the same whether or not the others are asked for, and the open
 * pipeline is always drawn over the whole grid for the same reason.
 */
export function runHorizons(plan: RunsPlan): RunsOutcome {
  const { runs, seed } = plan;
  return {
    open: drawOpen(plan.open, plan.months, runs, seed),
    year: plan.year && drawYear(plan.year, runs, seededRandom(seed ^ 0x2545f491)),
    runRate: plan.runRate && drawRunRate(plan.runRate, runs, seededRandom(seed ^ 0x68e31da4)),
  };
}

function drawOpen(plan: OpenPlan, months: number, runs: number, seed: number): Float64Array {
  const out = new Float64Array(runs * months);
  const { cents, due, slipRate, exact, tailMean, tailVariance } = plan;
  const logSlip = Math.log(slipRate);
  const tailSd = Float64Array.from(tailVariance, (v) => Math.sqrt(Math.max(0, v)));
  // A deal is won when a uniform 32-bit draw falls below p·2³²; the draw is then uniform below
  // that threshold, so draw ÷ threshold also says how many months it slips (one draw per deal).
  // The generator is seededRandom's (mulberry32) written inline, as in the quarter's
  // simulation: the call and the float conversion were most of the loop's time.
  const threshold = Float64Array.from(plan.win.subarray(0, exact), (p) => p * 4294967296);
  const tailRandom = seededRandom(seed ^ 0x5bd1e995);
  let state = seed >>> 0;
  for (let r = 0, row = 0; r < runs; r++, row += months) {
    for (let i = 0; i < exact; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      const u = (t ^ (t >>> 14)) >>> 0;
      const below = threshold[i]!;
      if (!(u < below)) continue;
      // Months slipped: P(at least k) = σᵏ, drawn by inversion of the uniform u ÷ threshold.
      const slipped = slipRate > 0 ? Math.floor(Math.log(1 - u / below) / logSlip) : 0;
      const m = due[i]! + slipped;
      if (m < months) out[row + m]! += cents[i]!;
    }
    for (let m = 0; m < months; m++) {
      if (tailMean[m]! > 0) out[row + m]! += Math.max(0, tailMean[m]! + tailSd[m]! * gaussian(tailRandom));
    }
  }
  return out;
}

/** exp(σz − σ²/2): a log-normal factor whose mean is 1, so the runs' mean stays the expected figure. */
const logFactor = (sd: number, z: number): number => Math.exp(sd * z - (sd * sd) / 2);

function drawYear(plan: NewPipelinePlan, runs: number, random: () => number): Float64Array {
  const months = plan.wins.length;
  const out = new Float64Array(runs * months);
  const { sd, conversion } = plan;
  for (let r = 0, row = 0; r < runs; r++, row += months) {
    const creation = logFactor(sd.creation, gaussian(random));
    // Relative to the rate, so a low rate's doubt cannot take it below 0 (a clamp would lift the mean).
    const converted =
      conversion > 0 ? Math.min(1 / conversion, logFactor(sd.conversion / conversion, gaussian(random))) : 0;
    const size = logFactor(sd.size, gaussian(random));
    for (let m = 0; m < months; m++) {
      const k = poisson(plan.wins[m]! * creation * converted, random);
      out[row + m] = size * sumOfWins(k, plan.sizes, plan.meanCents, plan.sdCents, random);
    }
  }
  return out;
}

function drawRunRate(plan: RunRatePlan, runs: number, random: () => number): Float64Array {
  const quarters = plan.placement[0]?.length ?? 0;
  const out = new Float64Array(runs * quarters);
  const { creation, conversion, size } = plan.doubt;
  // A factor's multiplier in one run at time t: the run's level and slope errors and the
  // quarter's own scatter, on a log scale, its mean kept at 1.
  const factor = (d: FactorDoubt, level: number, slope: number, t: number) => {
    const away = d.slope ? t - d.slope.centre : 0;
    const z = level + slope * away + d.residual * gaussian(random);
    const variance = d.level ** 2 + (d.slope ? (d.slope.se * away) ** 2 : 0) + d.residual ** 2;
    return Math.exp(z - variance / 2);
  };
  for (let r = 0, row = 0; r < runs; r++, row += quarters) {
    // Shared by every quarter of the run: the levels and the trends are off together.
    const level = [creation, conversion, size].map((d) => d.level * gaussian(random));
    const slope = [creation, conversion, size].map((d) => (d.slope ? d.slope.se * gaussian(random) : 0));
    for (let i = 0; i < plan.parts.length; i++) {
      const part = plan.parts[i]!;
      const c = part.created * factor(creation, level[0]!, slope[0]!, part.t);
      const w = Math.min(1, part.winRate * factor(conversion, level[1]!, slope[1]!, part.t));
      const m = part.sizeCents * factor(size, level[2]!, slope[2]!, part.t);
      const value = c * w * m;
      const place = plan.placement[i]!;
      for (let j = 0; j < quarters; j++) out[row + j]! += value * place[j]!;
    }
  }
  return out;
}
