import type { Generated } from 'kysely';

/**
 * Forecast assumptions edited for a scope (empty team and owner: the organisation's; empty
 * owner: the team's), one row per assumption, a stage's win rate one row per stage. The
 * manager's own work: no import or sync touches it.
 */
export interface ForecastAssumptionsTable {
  scope_team: Generated<string>;
  scope_owner: Generated<string>;
  name: string;
  /** The open stage of a `stageWinRate`; empty for the others. */
  stage: Generated<string>;
  value: number;
  saved_at: number;
}
