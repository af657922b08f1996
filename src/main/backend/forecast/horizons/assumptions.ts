import type {
  Assumption,
  AssumptionKey,
  AssumptionUnit,
  AssumptionValues,
  Horizon,
  StageWinRate,
} from '@shared/contract';
import type { Stage } from '@shared/domain/stages';
import { msg, type MessageRef } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { MIN_CLOSED_FOR_HISTORY } from '../../analytics/forecast';
import type { CycleDistribution } from './cycle';
import { count, percentFigure, type Derived } from './derived';
import type { Levels } from './levels';
import type { MonthlySlip } from './slip';
import type { Trends } from './trends';

/** Which assumptions each horizon reads (the new pipeline counts in the first months too). */
const LEVEL_KEYS = [
  'stageWinRate',
  'slipRate',
  'creationRate',
  'conversion',
  'meanWonSize',
  'cycleDays',
] as const;
export const USES: Record<Horizon, readonly AssumptionKey[]> = {
  quarter: LEVEL_KEYS,
  year: LEVEL_KEYS,
  threeYears: [...LEVEL_KEYS, 'creationGrowth', 'winRateTrend', 'dealSizeTrend'],
};

const UNITS: Record<AssumptionKey, AssumptionUnit> = {
  stageWinRate: 'share',
  slipRate: 'share',
  creationRate: 'dealsPerMonth',
  conversion: 'share',
  meanWonSize: 'money',
  cycleDays: 'days',
  creationGrowth: 'growthPerQuarter',
  winRateTrend: 'pointsPerQuarter',
  dealSizeTrend: 'growthPerQuarter',
};

/** The highest slip rate the forecast runs on (the contract's bound for an edit). */
export const MAX_SLIP_RATE = 0.95;

type ScalarKey = Exclude<AssumptionKey, 'stageWinRate'>;

/** The values the forecast runs on, after the edits. */
export interface ResolvedValues {
  /** h(s) per open rank. */
  stageWinRate: number[];
  slipRate: number;
  creationRate: number;
  conversion: number;
  /** Workspace currency. */
  meanWonSize: number;
  cycleDays: number;
  /** The cycle's distribution, stretched to an edited median. */
  cycle: CycleDistribution;
  creationGrowth: number;
  winRateTrend: number;
  dealSizeTrend: number;
}

/** Refuses stage keys that are not open stages of the model, naming the key and the open ones. */
export function checkStageKeys(keys: readonly string[], open: readonly Stage[]): void {
  for (const stage of keys) {
    if (!open.some((s) => s.key === stage)) {
      throw new WorkbenchError(
        'invalid_input',
        msg('horizons_stage_not_open', { stage, keys: open.map((s) => s.key).join(', ') }),
      );
    }
  }
}

/**
 * Each assumption the asked horizons read: the derived value, what is saved for the scope,
 * what this call passes; the call's edit wins over the saved one, which wins over the history.
 */
export function resolveAssumptions(args: {
  open: readonly Stage[];
  winRates: readonly StageWinRate[];
  slip: MonthlySlip;
  levels: Levels;
  trends: Trends | null;
  saved: AssumptionValues;
  input: AssumptionValues;
  horizons: readonly Horizon[];
}): { assumptions: Assumption[]; values: ResolvedValues; notes: MessageRef[] } {
  const { open, winRates, slip, levels, trends, saved, input, horizons } = args;
  const notes: MessageRef[] = [];
  for (const stage of Object.keys(saved.stageWinRate ?? {})) {
    if (!open.some((s) => s.key === stage)) notes.push(msg('horizons_note_saved_stage_gone', { stage }));
  }
  const uses = (key: AssumptionKey) => horizons.filter((h) => USES[h].includes(key));
  const assumptions: Assumption[] = [];
  const pick = (
    key: AssumptionKey,
    stage: string | null,
    derived: Derived,
    savedValue: number | undefined,
    inputValue: number | undefined,
  ): number => {
    const value = inputValue ?? savedValue ?? derived.value;
    const using = uses(key);
    if (using.length === 0) return value;
    assumptions.push({
      key,
      stage,
      unit: UNITS[key],
      value,
      derived: derived.value,
      saved: savedValue ?? null,
      overridden: inputValue !== undefined ? 'input' : savedValue !== undefined ? 'saved' : null,
      basis: derived.basis,
      n: derived.n,
      horizons: using,
      name: msg(`horizons_name_${key}`),
      derivation: derived.derivation,
      fallback: derived.fallback,
    });
    return value;
  };

  const stageWinRate = open.map((st, r) => {
    const rate = winRates[r]!;
    const fromHistory = rate.source === 'history';
    const derived: Derived = {
      value: rate.h,
      n: rate.closed,
      basis: fromHistory ? 'history' : 'fallback',
      derivation: msg('horizons_derive_stageWinRate', { closed: count(rate.closed), won: count(rate.won) }),
      fallback: fromHistory
        ? null
        : msg('horizons_fallback_stage_probability', {
            closed: count(rate.closed),
            needed: MIN_CLOSED_FOR_HISTORY,
          }),
      sd: 0,
    };
    return pick('stageWinRate', st.key, derived, saved.stageWinRate?.[st.key], input.stageWinRate?.[st.key]);
  });

  // A rate of 1 would keep every deal open for good: held at the edit's bound, and said.
  const capped = slip.rate > MAX_SLIP_RATE;
  const slipDerived: Derived = {
    value: Math.min(slip.rate, MAX_SLIP_RATE),
    n: slip.due,
    basis: slip.due > 0 ? 'history' : 'fallback',
    derivation: msg('horizons_derive_slipRate', {
      due: count(slip.due),
      months: slip.months,
      slipped: count(slip.slipped),
    }),
    fallback:
      slip.due === 0
        ? msg('horizons_fallback_nothing_due', { months: slip.months })
        : capped
          ? msg('horizons_fallback_slip_capped', {
              due: count(slip.due),
              slipped: count(slip.slipped),
              cap: percentFigure(MAX_SLIP_RATE, 0),
            })
          : null,
    sd: 0,
  };
  const scalar = (key: ScalarKey, derived: Derived) => pick(key, null, derived, saved[key], input[key]);
  // Trends are read only when the three-year horizon is asked, and only it reads them.
  const flat: Derived = { ...slipDerived, value: 0, n: 0 };
  const slipRate = scalar('slipRate', slipDerived);
  const creationRate = scalar('creationRate', levels.creationRate);
  const conversion = scalar('conversion', levels.conversion);
  const meanWonSize = scalar('meanWonSize', levels.meanWonSize);
  const cycleDays = scalar('cycleDays', levels.cycleDays);
  const creationGrowth = scalar('creationGrowth', trends?.creationGrowth ?? flat);
  const winRateTrend = scalar('winRateTrend', trends?.winRateTrend ?? flat);
  const dealSizeTrend = scalar('dealSizeTrend', trends?.dealSizeTrend ?? flat);
  const distribution = levels.cycleDays.distribution;
  const cycle = cycleDays === levels.cycleDays.value ? distribution : distribution.withMedian(cycleDays);
  return {
    assumptions,
    notes,
    values: {
      stageWinRate,
      slipRate,
      creationRate,
      conversion,
      meanWonSize,
      cycleDays,
      cycle,
      creationGrowth,
      winRateTrend,
      dealSizeTrend,
    },
  };
}
