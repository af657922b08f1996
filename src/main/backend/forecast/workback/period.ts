import { WORKBACK_PERIOD } from '@shared/contract/forecast-workback';
import type { StageWinRate } from '@shared/contract/forecast';
import { dayStart, quarterRange } from '@shared/time';
import { meanWonAmount, quarterInputs, type OpenInQuarter } from '../../analytics/forecast';
import type { Window } from '../../analytics/scope';
import type { Snapshot } from '../../analytics/snapshot';
import type { StageView } from '../../analytics/stage-view';

/** A work-back period: one quarter, or a calendar year as its four quarters. */
export interface Period {
  label: string;
  kind: 'quarter' | 'year';
  quarters: string[];
  /** `YYYY-MM-DD`, end exclusive, and the same as instants. */
  start: string;
  end: string;
  startMs: number;
  endMs: number;
}

/** `2026Q4` or `2026`; the contract's schema has already checked the form. */
export function parsePeriod(label: string): Period {
  const m = WORKBACK_PERIOD.exec(label);
  if (!m) throw new Error(`period "${label}" is neither a quarter like 2026Q4 nor a year like 2026`);
  const quarters = m[2] !== undefined ? [label] : [1, 2, 3, 4].map((q) => `${m[1]}Q${q}`);
  const start = quarterRange(quarters[0]!)!.start;
  const end = quarterRange(quarters.at(-1)!)!.end;
  return {
    label,
    kind: m[2] !== undefined ? 'quarter' : 'year',
    quarters,
    start,
    end,
    startMs: dayStart(start),
    endMs: dayStart(end),
  };
}

/** The scope of one work-back row: the organisation, a team, a rep, or a rep of a team. */
export interface RowScope {
  asOf: number;
  team?: string;
  owner?: string;
}

/** What the forecast reads for the period, for one scope: the same figures as `report.forecast`. */
export interface PeriodInputs {
  w: Window;
  view: StageView;
  kept: (d: number) => boolean;
  winRates: StageWinRate[];
  /** Open deals at as-of due in the period. */
  open: OpenInQuarter[];
  /** Won in the period so far, in cents. */
  wonCents: number;
  /** m in cents; null without a win in the 365 days before as-of. */
  meanWonCents: number | null;
}

/**
 * The forecast's inputs over the period, read through `quarterInputs` quarter by quarter so
 * that every figure is the forecast report's own: a year's open deals and won amount are its
 * quarters' (close dates and won times fall in exactly one quarter). h(s), the kept deals and
 * the window do not depend on the quarter.
 */
export function periodInputs(s: Snapshot, scope: RowScope, now: number, period: Period): PeriodInputs {
  const parts = period.quarters.map((quarter) => quarterInputs(s, { ...scope, quarter }, now));
  const { w, view, kept, winRates } = parts[0]!;
  return {
    w,
    view,
    kept,
    winRates,
    open: parts.flatMap((p) => p.open),
    wonCents: parts.reduce((sum, p) => sum + p.wonCents, 0),
    meanWonCents: meanWonAmount(s, w, kept),
  };
}
