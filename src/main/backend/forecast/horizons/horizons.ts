import {
  HORIZONS,
  type AssumptionValues,
  type Horizon,
  type HorizonFigures,
  type HorizonForecast,
  type HorizonsInput,
  type HorizonsResult,
} from '@shared/contract';
import { sortedQuantile } from '@shared/domain/intervals';
import { msg } from '@shared/messages';
import { DAY_MS } from '@shared/time';
import type { Snapshot } from '../../analytics/snapshot';
import { checkStageKeys, resolveAssumptions, USES } from './assumptions';
import { figure } from './derived';
import { planOpen } from './open-pipeline';
import {
  days,
  monthOfInstant,
  monthsBefore,
  monthsFrom,
  quartersBefore,
  quartersFrom,
  type Span,
} from './periods';
import { LEVEL_DAYS } from './levels';
import { runRatePlan, yearNewPipeline } from './new-pipeline';
import { runHorizons } from './runs';
import { rangeOf, type ScopeHistory } from './scope-history';
import { readScope } from './scope-reading';
import { MIN_TREND_QUARTERS } from './trends';

export const DEFAULT_HORIZON_RUNS = 4000;
export const DEFAULT_HORIZON_SEED = 20_261_207;
const MONTHS = { quarter: 3, year: 12 } as const;
const QUARTERS = 12;

/**
 * The three horizons of one scope at as-of (the contract, forecast-horizons.ts, says what each
 * model is). `saved` are the assumptions saved for exactly this scope; the call's overrides
 * win over them. Deterministic for a seed.
 */
export function forecastHorizons(
  s: Snapshot,
  input: HorizonsInput,
  now: number,
  saved: AssumptionValues,
): HorizonsResult {
  const asked: Horizon[] = input.horizon ? [input.horizon] : [...HORIZONS];
  const runs = input.runs ?? DEFAULT_HORIZON_RUNS;
  const seed = input.seed ?? DEFAULT_HORIZON_SEED;
  const reading = readScope(s, input, now);
  const { history: h, levels, completeQuarters: complete } = reading;
  const { asOf } = h;
  const open = h.inputs.view.open;
  checkStageKeys(Object.keys(input.overrides?.stageWinRate ?? {}), open);

  const wantsRunRate = asked.includes('threeYears');
  const trends = wantsRunRate ? reading.trends() : null;
  const resolved = resolveAssumptions({
    open,
    winRates: h.inputs.winRates,
    slip: reading.slip,
    levels,
    trends,
    saved,
    input: input.overrides ?? {},
    horizons: asked,
  });
  const v = resolved.values;

  // The grid of months the open pipeline is drawn on reaches the end of the twelfth quarter,
  // whatever is asked, so every horizon's figures are the same asked alone or together.
  const quarters = quartersFrom(asOf, QUARTERS);
  const months = monthsFrom(asOf, monthOfInstant(quarters.at(-1)!.end - 1) - monthOfInstant(asOf) + 1);
  const year = months.slice(0, MONTHS.year);
  const openPlan = planOpen(h.open, v.stageWinRate, v.slipRate, asOf, months.length);
  const newPlan = yearNewPipeline(h, levels, v, year);
  const runRate = wantsRunRate ? runRatePlan(h, levels, trends!, v, quarters) : null;
  // Each part draws from its own stream, so leaving one out changes nothing in the others.
  const byMonth = asked.some((x) => x !== 'threeYears');
  const outcome = runHorizons({
    runs,
    seed,
    open: openPlan,
    months: months.length,
    year: byMonth ? newPlan : null,
    runRate,
  });

  const wonSoFar = (span: Span) => wonIn(h, span.start, Math.min(span.end, asOf));
  const horizons = asked.map((horizon): HorizonForecast => {
    if (horizon === 'threeYears') {
      const monthsOf = quarters.map((q) =>
        months.flatMap((m, i) => (m.start >= q.start && m.end <= q.end ? [i] : [])),
      );
      return forecast(horizon, 'quarter', quarters, quartersBefore(asOf, QUARTERS), h, runs, (j) => ({
        wonSoFar: wonSoFar(quarters[j]!),
        fromOpen: monthsOf[j]!.reduce((a, m) => a + openPlan.expected[m]!, 0),
        fromNew: runRate!.parts.reduce(
          (a, p, i) => a + p.created * p.winRate * p.sizeCents * runRate!.placement[i]![j]!,
          0,
        ),
        run: (r) =>
          monthsOf[j]!.reduce((a, m) => a + outcome.open[r * months.length + m]!, 0) +
          outcome.runRate![r * QUARTERS + j]!,
      }));
    }
    const n = MONTHS[horizon];
    return forecast(horizon, 'month', year.slice(0, n), monthsBefore(asOf, n), h, runs, (j) => ({
      wonSoFar: wonSoFar(year[j]!),
      fromOpen: openPlan.expected[j]!,
      fromNew: newPlan.wins[j]! * newPlan.meanCents,
      run: (r) => outcome.open[r * months.length + j]! + outcome.year![r * MONTHS.year + j]!,
    }));
  });

  const notes = [...resolved.notes];
  if (h.firstCreated !== null && levels.windowStart > asOf - LEVEL_DAYS * DAY_MS) {
    notes.push(msg('horizons_note_short_window', { months: figure(levels.months) }));
  }
  if (wantsRunRate && complete < MIN_TREND_QUARTERS) {
    notes.push(msg('horizons_note_short_history', { quarters: complete, needed: MIN_TREND_QUARTERS }));
  }
  const w = h.inputs.w;
  return {
    asOf: new Date(asOf).toISOString(),
    team: w.team,
    owner: w.owner,
    snapshotVersion: s.version,
    runs,
    seed,
    band: { low: 0.1, high: 0.9 },
    horizons,
    assumptions: resolved.assumptions,
    history: {
      firstCreated: h.firstCreated === null ? null : new Date(h.firstCreated).toISOString(),
      levelMonths: Number(levels.months.toFixed(2)),
      completeQuarters: complete,
      enoughForTrends: complete >= MIN_TREND_QUARTERS,
    },
    notes,
  };
}

/** One period's parts in cents, and its outcome in run r (without what was won before as-of). */
interface PeriodParts {
  wonSoFar: number;
  fromOpen: number;
  fromNew: number;
  run: (r: number) => number;
}

function forecast(
  horizon: Horizon,
  granularity: 'month' | 'quarter',
  periods: Span[],
  past: Span[],
  h: ScopeHistory,
  runs: number,
  partsOf: (j: number) => PeriodParts,
): HorizonForecast {
  const parts = periods.map((_, j) => partsOf(j));
  const totals = new Float64Array(runs);
  const outcomes = parts.map((p) => {
    const values = new Float64Array(runs);
    for (let r = 0; r < runs; r++) {
      values[r] = p.wonSoFar + p.run(r);
      totals[r]! += values[r]!;
    }
    return values;
  });
  const sum = (pick: (p: PeriodParts) => number) => parts.reduce((a, p) => a + pick(p), 0);
  return {
    horizon,
    granularity,
    periods: periods.map((span, j) => ({
      period: span.label,
      ...days(span),
      ...figures(parts[j]!.wonSoFar, parts[j]!.fromOpen, parts[j]!.fromNew, outcomes[j]!),
    })),
    total: figures(
      sum((p) => p.wonSoFar),
      sum((p) => p.fromOpen),
      sum((p) => p.fromNew),
      totals,
    ),
    past: past.map((span) => ({
      period: span.label,
      ...days(span),
      won: money(wonIn(h, span.start, span.end)),
    })),
    uses: [...USES[horizon]],
    band: msg(horizon === 'threeYears' ? 'horizons_band_run_rate' : 'horizons_band_months', { runs }),
  };
}

/** Cents to the workspace currency, to the cent (the parts are expectations, not sums of amounts). */
const money = (cents: number): number => Math.round(cents) / 100;

function figures(wonSoFar: number, fromOpen: number, fromNew: number, runs: Float64Array): HorizonFigures {
  const sorted = runs.sort();
  return {
    wonSoFar: money(wonSoFar),
    fromOpen: money(fromOpen),
    fromNew: money(fromNew),
    expected: money(wonSoFar + fromOpen + fromNew),
    p10: money(sortedQuantile(sorted, 0.1)),
    p50: money(sortedQuantile(sorted, 0.5)),
    p90: money(sortedQuantile(sorted, 0.9)),
  };
}

/**
 * The forecast report's won amount over [start, end): the deals won at as-of whose first won
 * time is in it, at their amount at as-of.
 */
function wonIn(h: ScopeHistory, start: number, end: number): number {
  if (!(end > start)) return 0;
  const [a, b] = rangeOf(h.wins.at, start, end);
  let cents = 0;
  for (let i = a; i < b; i++) if (h.wins.wonNow[i]) cents += h.wins.cents[i]!;
  return cents;
}
