import type { Facets } from '@shared/contract';
import { FORECAST_CATEGORIES } from '@shared/domain/stages';
import { quarterOf } from '@shared/time';
import { all, type Db } from '../db/query';
import { loadStages } from '../stages/model';

/** The values the filters offer: teams, owners, products, stages, close quarters, categories. */
export function listFacets(ws: Db): Facets {
  const teams = all(ws, ws.db.selectFrom('teams').select('name').orderBy('name')).map((r) => r.name);
  const owners = all(
    ws,
    ws.db
      .selectFrom('owners')
      .select((eb) => ['name', eb.fn.coalesce('team', eb.val('')).as('team')])
      .orderBy('name'),
  );
  const months = all(
    ws,
    ws.db
      .selectFrom('deals')
      .select((eb) => eb.fn<string>('substr', ['close_date', eb.val(1), eb.val(7)]).as('month'))
      .distinct()
      .where('close_date', 'is not', null)
      .where('deleted_at', 'is', null),
  );
  const closeQuarters = [...new Set(months.map((m) => quarterOf(`${m.month}-01`)))].sort().reverse();
  // Few distinct products, but a scan of the deals: the views' product filter needs them.
  const products = all(
    ws,
    ws.db.selectFrom('deals').select('product').distinct().where('product', '<>', '').orderBy('product'),
  ).map((r) => r.product);
  return {
    teams,
    products,
    owners,
    stages: loadStages(ws),
    closeQuarters,
    forecastCategories: [...FORECAST_CATEGORIES],
  };
}
