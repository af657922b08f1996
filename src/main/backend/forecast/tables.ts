import type { Generated } from 'kysely';

/** Empty owner = the team's quota; empty team and owner = the organisation's (quotas.csv). */
export interface QuotasTable {
  quarter: string;
  team: Generated<string>;
  owner: Generated<string>;
  amount_cents: number;
}

export type ForecastHorizon = 'rep' | 'manager' | 'director';
export type ForecastMethod =
  'weighted' | 'commit' | 'best_case' | 'pipeline' | 'historical' | 'simulation' | 'manager_call' | 'model';

/** What a forecast said at a time: one row per method, scope and horizon. */
export interface ForecastSnapshotsTable {
  id: Generated<number>;
  taken_at: number;
  as_of: number;
  scope_team: Generated<string>;
  scope_owner: Generated<string>;
  horizon: ForecastHorizon;
  period_start: string;
  period_end: string;
  quarter: string | null;
  method: ForecastMethod;
  amount_cents: number;
  detail: Generated<string>;
  meeting_id: number | null;
}
