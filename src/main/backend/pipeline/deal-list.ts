import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DealPage, DealQuery, DealRow, DealSortColumn, ParsedDealQuery } from '@shared/contract';
import { dealQuerySchema } from '@shared/contract';
import { isStalled, stalledSince, type AttentionFlag } from '@shared/domain/attention';
import type { Stage } from '@shared/domain/stages';
import { DAY_MS, formatTimestamp, quarterRange } from '@shared/time';
import type { Database } from '../db/schema';
import { searchChars } from '../db/search-index';
import type { DealRecord } from '../deals/tables';

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
  stage: 'd.stage_rank',
  closeDate: 'd.close_date',
  // Longest in stage first = entered earliest.
  daysInStage: 'd.stage_entered_at',
  updatedAt: 'd.updated_at',
};

/**
 * WHERE clauses over `deals d` alone: no join, so SQLite can answer from the partial
 * indexes on live deals (see the initial migration).
 */
function whereClauses(
  query: ParsedDealQuery,
  stages: readonly Stage[],
  now: number,
  only: readonly number[] | null,
): Expression<SqlBool>[] {
  const f = query.filter;
  // A drill-through names its deals: a deal deleted upstream is listed when it is behind
  // the number (a `removed` step of the waterfall); otherwise deleted deals are left out.
  const where: Expression<SqlBool>[] =
    only === null
      ? [sql<SqlBool>`d.deleted_at is null`]
      : [sql<SqlBool>`d.seq in (select value from json_each(${JSON.stringify(only)}))`];
  if (f.teams?.length) where.push(sql<SqlBool>`d.team in (${sql.join(f.teams)})`);
  if (f.owners?.length) where.push(sql<SqlBool>`d.owner in (${sql.join(f.owners)})`);
  if (f.stages?.length) where.push(sql<SqlBool>`d.stage in (${sql.join(f.stages)})`);
  if (f.status && f.status !== 'all') {
    // By the stage's kind, as a list of stage keys so the stage index can be used.
    const keys = stages.filter((s) => s.kind === f.status).map((s) => s.key);
    where.push(keys.length ? sql<SqlBool>`d.stage in (${sql.join(keys)})` : sql<SqlBool>`0`);
  }
  if (f.forecastCategories?.length)
    where.push(sql<SqlBool>`d.forecast_category in (${sql.join(f.forecastCategories)})`);
  if (f.closeQuarter) {
    const range = quarterRange(f.closeQuarter)!;
    where.push(sql<SqlBool>`d.close_date >= ${range.start} and d.close_date < ${range.end}`);
  }
  if (f.stalledOnly) {
    // The stalled rule of src/shared/domain/attention.ts, as one (stage, entered before)
    // pair per stage that can stall, so each walks the stage index (a test checks the
    // filter and the rule agree deal by deal).
    const pairs = stages.flatMap((s) => {
      const since = stalledSince(s, now);
      return since === null ? [] : [sql`(d.stage = ${s.key} and d.stage_entered_at < ${since})`];
    });
    where.push(pairs.length ? sql<SqlBool>`(${sql.join(pairs, sql` or `)})` : sql<SqlBool>`0`);
  }
  return where;
}

type ListedDeal = Pick<
  DealRecord,
  | 'id'
  | 'name'
  | 'account'
  | 'owner'
  | 'team'
  | 'amount_cents'
  | 'stage'
  | 'close_date'
  | 'forecast_category'
  | 'updated_at'
  | 'stage_entered_at'
>;

export function toDealRow(
  d: ListedDeal,
  stage: Stage | undefined,
  now: number,
  flags: readonly AttentionFlag[] = [],
): DealRow {
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
    stalled: isStalled(daysInStage, stage),
    flags: [...flags],
  };
}

/** More matches than this: the search hardly narrows the list; LIKE over the rows is cheaper. */
export const BROAD_MATCHES = 40_000;
/** Up to this many matches they drive the page; above, the page walks its usual index. */
export const FEW_MATCHES = 5_000;

/** Which index answers a search: trigrams for 3+ characters, one token a character below. */
function searchIndex(search: string): { table: RawBuilder<unknown>; match: RawBuilder<unknown> } {
  if ([...search].length >= 3) {
    // A quoted FTS5 string: `"` doubled, every other character literal (% _ * AND NEAR).
    return {
      table: sql.raw('deals_search_tri'),
      match: sql`'"' || replace(lower(${search}), '"', '""') || '"'`,
    };
  }
  return { table: sql.raw('deals_search_chars'), match: sql`${`"${searchChars(search)}"`}` };
}

/**
 * How many deals a search matches, counted up to BROAD_MATCHES + 1 (0.05–5 ms): SQLite
 * cannot see how many rows an FTS5 match returns, so the list picks its plan from this.
 * Deleted deals are in the indexes too; the count is only a guide.
 */
export async function countSearchMatches(db: Kysely<Database>, search: string): Promise<number> {
  const { table, match } = searchIndex(search);
  const result = await sql<{ n: number }>`
    select count(*) as n from (select 1 from ${table} where ${table} match ${match} limit ${BROAD_MATCHES + 1})`.execute(
    db,
  );
  return result.rows[0]!.n;
}

interface Source {
  pageFrom: RawBuilder<unknown>;
  pageWhere: Expression<SqlBool>[];
  totalsFrom: RawBuilder<unknown>;
  totalsWhere: Expression<SqlBool>[];
}

/**
 * Where the page and its totals read from, with the search (if any) planned by its number
 * of matches. Whatever the path, a search is LIKE's substring match: ASCII case folded,
 * nothing else, `%` and `_` literal (tests check every path returns the same deals).
 */
function source(search: string | undefined, base: Expression<SqlBool>[], matches: number): Source {
  const deals = sql`deals as d`;
  if (!search) return { pageFrom: deals, pageWhere: base, totalsFrom: deals, totalsWhere: base };
  const onlyLive = base.length === 1;
  if (matches > BROAD_MATCHES) {
    const like = sql<SqlBool>`d.search_text like ${`%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`;
    return {
      pageFrom: deals,
      pageWhere: [...base, like],
      // Nothing else narrows the rows: the narrow search index, scanned whole, is cheapest.
      totalsFrom: onlyLive ? sql`deals as d indexed by deals_live_search_text_amount_cents` : deals,
      totalsWhere: [...base, like],
    };
  }
  const { table, match } = searchIndex(search);
  const matching = sql`(select rowid from ${table} where ${table} match ${match})`;
  const fts = sql<SqlBool>`f.${table} match ${match}`;
  if (matches <= FEW_MATCHES) {
    // Few matches drive both queries (row look-ups, then a small sort), whatever else is
    // filtered; `cross join` keeps SQLite from walking a filter index instead.
    const from = sql`${table} as f cross join deals as d on d.seq = f.rowid`;
    return { pageFrom: from, pageWhere: [...base, fts], totalsFrom: from, totalsWhere: [...base, fts] };
  }
  return {
    // More: `+` keeps SQLite from driving the page by the matches; it walks the sort (or a
    // filter) index and probes the set, stopping once the page is full.
    pageFrom: deals,
    pageWhere: [...base, sql<SqlBool>`+d.seq in ${matching}`],
    ...(onlyLive
      ? {
          // No other filter: stream the matches, amounts from the narrow (seq, amount) index.
          totalsFrom: sql`${table} as f cross join deals as d indexed by deals_live_seq_amount_cents on d.seq = f.rowid`,
          totalsWhere: [...base, fts],
        }
      : { totalsFrom: deals, totalsWhere: [...base, sql<SqlBool>`d.seq in ${matching}`] }),
  };
}

/**
 * The two statements behind one page of the screen: the page's rows and the totals of
 * every deal the filters keep. `matches` is the search's countSearchMatches(). Exposed so
 * a test can ask SQLite how it plans them.
 */
export function dealListQueries(
  stages: readonly Stage[],
  now: number,
  input: DealQuery,
  matches = 0,
  only: readonly number[] | null = null,
): {
  query: ParsedDealQuery;
  page: RawBuilder<ListedDeal>;
  totals: RawBuilder<{ total: number; cents: number }>;
} {
  const query = dealQuerySchema.parse(input);
  const from = source(
    query.filter.search?.trim() || undefined,
    whereClauses(query, stages, now, only),
    matches,
  );
  const pageWhere = sql.join(from.pageWhere, sql` and `);
  const totalsWhere = sql.join(from.totalsWhere, sql` and `);
  const ascending = query.sort.direction === 'asc';
  // daysInStage grows as stage_entered_at shrinks, so its direction is flipped.
  const up = query.sort.column === 'daysInStage' ? !ascending : ascending;
  // Nulls (no close date) go last either way, matching what a reader expects.
  // Ties break by row number in the same direction, so the index can be walked as is.
  const dir = up ? 'asc' : 'desc';
  // Every sort index ends in amount_cents (for covered sums), so ties break by amount too.
  const then = query.sort.column === 'amount' ? '' : `d.amount_cents ${dir}, `;
  const order = sql.raw(`${SORT_EXPR[query.sort.column]} ${dir} nulls last, ${then}d.seq ${dir}`);
  // Deferred join: the page's row numbers come from the (covering) index alone, so an
  // offset deep into 200k deals skips index entries instead of reading wide table rows.
  const page = sql<ListedDeal>`
    select d.id, d.name, d.account, d.owner, d.team, d.amount_cents, d.stage, d.close_date,
           d.forecast_category, d.updated_at, d.stage_entered_at
    from (select d.seq from ${from.pageFrom} where ${pageWhere} order by ${order} limit ${query.limit} offset ${query.offset}) as p
    join deals as d on d.seq = p.seq
    order by ${order}`;
  const totals = sql<{ total: number; cents: number }>`
    select count(*) as total, coalesce(sum(d.amount_cents), 0) as cents
    from ${from.totalsFrom} where ${totalsWhere}`;
  return { query, page, totals };
}

/**
 * One page of deals for the screen. A measured hot path (bench: the deals-table query at
 * 200k deals, p95 ≤ 30 ms), so hand-written SQL shaped for the partial indexes rather
 * than the query builder; the columns it reads are typed by `ListedDeal` from schema.ts.
 */
export async function listDeals(
  db: Kysely<Database>,
  stages: readonly Stage[],
  now: number,
  input: DealQuery,
  analytics: {
    /** Only these deals (`deals.seq`): a drill-through or the flags filter, resolved by the engine. */
    only?: readonly number[] | null;
    /** The attention flags at `now`, by deal id, for the flags column. */
    flags?: ReadonlyMap<string, readonly AttentionFlag[]>;
  } = {},
): Promise<DealPage> {
  // Validated first: the match count is taken of the search the query will run.
  const parsed = dealQuerySchema.parse(input);
  const search = parsed.filter.search?.trim();
  const matches = search ? await countSearchMatches(db, search) : 0;
  const { query, page, totals } = dealListQueries(stages, now, parsed, matches, analytics.only ?? null);
  const rows = (await page.execute(db)).rows;
  const sums = (await totals.execute(db)).rows[0]!;
  const byKey = new Map(stages.map((s) => [s.key, s]));
  return {
    rows: rows.map((r) => toDealRow(r, byKey.get(r.stage), now, analytics.flags?.get(r.id))),
    total: sums.total,
    totalAmount: sums.cents / 100,
    offset: query.offset,
  };
}
