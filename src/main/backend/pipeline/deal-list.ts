import { sql, type Kysely, type SqlBool, type Expression } from 'kysely';
import type { DealPage, DealQuery, DealRow, DealSortColumn, Facets } from '../../../shared/contract';
import { dealQuerySchema } from '../../../shared/contract';
import { FORECAST_CATEGORIES } from '../../../shared/domain/stages';
import { DAY_MS, formatTimestamp, quarterOf, quarterRange } from '../../../shared/time';
import type { Database } from '../db/schema';
import type { Workspace } from '../db/connection';
import { loadStages } from './stages';
import { workspaceNow } from '../workspace/settings';

/**
 * The pipeline screen's query: filter, sort and one page, all in SQLite, so the table
 * stays smooth at 200k deals (the renderer only ever holds the pages it shows).
 * Deals deleted upstream are left out; their notes and history stay in the database.
 */

const SORT_EXPR: Record<DealSortColumn, string> = {
  name: 'd.name',
  account: 'd.account',
  owner: 'd.owner',
  team: 'd.team',
  amount: 'd.amount_cents',
  stage: 's.sort_order',
  closeDate: 'd.close_date',
  // Longest in stage first = entered earliest.
  daysInStage: 'd.stage_entered_at',
  updatedAt: 'd.updated_at',
};

function whereClauses(query: ReturnType<typeof dealQuerySchema.parse>, now: number): Expression<SqlBool>[] {
  const f = query.filter;
  const where: Expression<SqlBool>[] = [sql<SqlBool>`d.deleted_at is null`];
  if (f.teams?.length) where.push(sql<SqlBool>`d.team in (${sql.join(f.teams)})`);
  if (f.owners?.length) where.push(sql<SqlBool>`d.owner in (${sql.join(f.owners)})`);
  if (f.stages?.length) where.push(sql<SqlBool>`d.stage in (${sql.join(f.stages)})`);
  if (f.forecastCategories?.length) where.push(sql<SqlBool>`d.forecast_category in (${sql.join(f.forecastCategories)})`);
  if (f.closeQuarter) {
    const range = quarterRange(f.closeQuarter)!;
    where.push(sql<SqlBool>`d.close_date >= ${range.start} and d.close_date < ${range.end}`);
  }
  if (f.stalledOnly) {
    // Open and longer in the stage than its dwell limit allows (stages without one never stall here).
    where.push(
      sql<SqlBool>`s.kind = 'open' and s.dwell_limit_days is not null and d.stage_entered_at < ${now} - s.dwell_limit_days * ${DAY_MS}`,
    );
  }
  const search = f.search?.trim();
  if (search) {
    const like = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql<SqlBool>`(d.name like ${like} escape '\\' or d.account like ${like} escape '\\' or d.id = ${search} or d.owner = ${search})`,
    );
  }
  return where;
}

interface ListedDeal {
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  amount_cents: number;
  stage: string;
  close_date: string | null;
  forecast_category: string;
  updated_at: number;
  stage_entered_at: number;
  kind: string | null;
  dwell_limit_days: number | null;
}

export function toDealRow(d: ListedDeal, now: number): DealRow {
  const daysInStage = Math.max(0, now - d.stage_entered_at) / DAY_MS;
  return {
    id: d.id,
    name: d.name,
    account: d.account,
    owner: d.owner,
    team: d.team,
    amount: d.amount_cents / 100,
    stage: d.stage,
    closeDate: d.close_date,
    forecastCategory: d.forecast_category,
    updatedAt: formatTimestamp(d.updated_at),
    stageEnteredAt: formatTimestamp(d.stage_entered_at),
    daysInStage,
    stalled: d.kind === 'open' && d.dwell_limit_days !== null && daysInStage > d.dwell_limit_days,
  };
}

export async function listDeals(db: Kysely<Database>, now: number, input: DealQuery): Promise<DealPage> {
  const query = dealQuerySchema.parse(input);
  const where = whereClauses(query, now);
  const base = db
    .selectFrom('deals as d')
    .leftJoin('stages as s', 's.key', 'd.stage')
    .where((eb) => eb.and(where));
  const direction = query.sort.direction === 'asc' ? sql`asc` : sql`desc`;
  // daysInStage grows as stage_entered_at shrinks, so its direction is flipped.
  const flipped = query.sort.column === 'daysInStage' ? (query.sort.direction === 'asc' ? sql`desc` : sql`asc`) : direction;
  const [rows, totals] = await Promise.all([
    base
      .select([
        'd.id', 'd.name', 'd.account', 'd.owner', 'd.team', 'd.amount_cents', 'd.stage', 'd.close_date',
        'd.forecast_category', 'd.updated_at', 'd.stage_entered_at', 's.kind', 's.dwell_limit_days',
      ])
      .orderBy(sql`${sql.raw(SORT_EXPR[query.sort.column])} ${flipped} nulls last`)
      .orderBy('d.seq')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base
      .select([sql<number>`count(*)`.as('total'), sql<number>`coalesce(sum(d.amount_cents), 0)`.as('cents')])
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => toDealRow(r as ListedDeal, now)),
    total: totals.total,
    totalAmount: totals.cents / 100,
    offset: query.offset,
  };
}

export function listFacets(ws: Workspace): Facets {
  const sqlite = ws.sqlite;
  const teams = sqlite.prepare(`select name from teams order by name`).pluck().all() as string[];
  const owners = sqlite.prepare(`select name, coalesce(team, '') as team from owners order by name`).all() as Facets['owners'];
  const months = sqlite
    .prepare(`select distinct substr(close_date, 1, 7) as m from deals where close_date is not null and deleted_at is null`)
    .pluck()
    .all() as string[];
  const closeQuarters = [...new Set(months.map((m) => quarterOf(`${m}-01`)))].sort().reverse();
  return { teams, owners, stages: loadStages(sqlite), closeQuarters, forecastCategories: [...FORECAST_CATEGORIES] };
}

export const pipelineNow = (ws: Workspace): number => workspaceNow(ws.sqlite);
