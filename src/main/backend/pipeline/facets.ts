import type { Facets } from '@shared/contract';
import { FORECAST_CATEGORIES } from '@shared/domain/stages';
import { quarterOf } from '@shared/time';
import type { Workspace } from '../db/connection';
import { loadStages } from '../stages/model';

/** The values the pipeline screen's filters offer: teams, owners, stages, close quarters, categories. */
export function listFacets(ws: Workspace): Facets {
  const sqlite = ws.sqlite;
  const teams = sqlite.prepare(`select name from teams order by name`).pluck().all() as string[];
  const owners = sqlite
    .prepare(`select name, coalesce(team, '') as team from owners order by name`)
    .all() as Facets['owners'];
  const months = sqlite
    .prepare(
      `select distinct substr(close_date, 1, 7) as m from deals where close_date is not null and deleted_at is null`,
    )
    .pluck()
    .all() as string[];
  const closeQuarters = [...new Set(months.map((m) => quarterOf(`${m}-01`)))].sort().reverse();
  return {
    teams,
    owners,
    stages: loadStages(sqlite),
    closeQuarters,
    forecastCategories: [...FORECAST_CATEGORIES],
  };
}
