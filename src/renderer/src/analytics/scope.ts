import type { ReportScope } from '@shared/contract';
import { DAY_MS, dayOf, dayStart, parseDay, quarterOf, quarterRange } from '@shared/time';

/**
 * The filters every analytics view shares, as they live in the URL: a period (a preset
 * or custom days), an as-of day, team, rep and product. Days are `YYYY-MM-DD`; as-of is
 * the end of that day, as on the command line.
 */
export const PERIODS = ['30d', '90d', '180d', '365d', 'qtd', 'ytd', 'all', 'custom'] as const;
export type Period = (typeof PERIODS)[number];
export const DEFAULT_PERIOD: Period = '365d';

export interface SharedFilters {
  period: Period;
  /** Custom period bounds, `YYYY-MM-DD`, `to` inclusive. */
  from: string | null;
  to: string | null;
  /** `YYYY-MM-DD`; null = the workspace's now. */
  asOf: string | null;
  team: string | null;
  owner: string | null;
  product: string | null;
}

export const FILTER_PARAMS = ['period', 'from', 'to', 'asOf', 'team', 'owner', 'product'] as const;

export function readFilters(params: URLSearchParams): SharedFilters {
  const period = params.get('period') as Period | null;
  const day = (k: string) => {
    const v = params.get(k);
    return v && parseDay(v) ? v : null;
  };
  return {
    period: period && (PERIODS as readonly string[]).includes(period) ? period : DEFAULT_PERIOD,
    from: day('from'),
    to: day('to'),
    asOf: day('asOf'),
    team: params.get('team') || null,
    owner: params.get('owner') || null,
    product: params.get('product') ?? null,
  };
}

/** Only the shared filters of a URL, to carry from one view to another. */
export function sharedParams(params: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const k of FILTER_PARAMS) {
    const v = params.get(k);
    if (v !== null) out.set(k, v);
  }
  return out;
}

/** The as-of instant: the end of the chosen day, else the workspace's now. */
export function asOfInstant(f: SharedFilters, workspaceNow: number): number {
  return f.asOf ? dayStart(f.asOf) + DAY_MS : workspaceNow;
}

/** The report scope the filters stand for, the window resolved against as-of. */
export function toScope(f: SharedFilters, workspaceNow: number): ReportScope & { asOf: number } {
  const asOf = asOfInstant(f, workspaceNow);
  const asOfDay = dayOf(asOf - 1);
  const scope: ReportScope & { asOf: number } = { asOf };
  const back = (days: number) => dayStart(asOfDay) + DAY_MS - days * DAY_MS;
  switch (f.period) {
    case '30d':
      scope.from = back(30);
      break;
    case '90d':
      scope.from = back(90);
      break;
    case '180d':
      scope.from = back(180);
      break;
    case '365d':
      scope.from = back(365);
      break;
    case 'qtd':
      scope.from = dayStart(quarterRange(quarterOf(asOfDay))!.start);
      break;
    case 'ytd':
      scope.from = dayStart(`${asOfDay.slice(0, 4)}-01-01`);
      break;
    case 'custom':
      if (f.from) scope.from = dayStart(f.from);
      if (f.to) scope.to = Math.min(dayStart(f.to) + DAY_MS, asOf);
      break;
    case 'all':
      break;
  }
  if (f.team) scope.team = f.team;
  if (f.owner) scope.owner = f.owner;
  if (f.product !== null) scope.product = f.product;
  return scope;
}

/** The window just before, of the same length: what "against the previous period" compares with. */
export function previousScope<S extends ReportScope & { asOf: number }>(scope: S): S | null {
  if (scope.from === undefined) return null;
  const to = scope.to ?? scope.asOf;
  const length = to - scope.from;
  return { ...scope, asOf: scope.from, from: scope.from - length, to: scope.from };
}
