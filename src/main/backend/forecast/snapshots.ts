import type {
  AccuracyMethod,
  ForecastSnapshot,
  RecordedAtCheckpoint,
  SnapshotMethod,
  SnapshotScope,
} from '@shared/contract';
import { ACCURACY_METHODS } from '@shared/contract';
import { DAY_MS, formatTimestamp, quarterRange } from '@shared/time';
import type { Db } from '../db/query';
import { all } from '../db/query';
import { toMoney } from '../analytics/money';
import type { Snapshot } from '../analytics/snapshot';
import { quarterMethods } from './quarter-methods';
import type { ForecastMethod } from './tables';

/**
 * Forecast snapshots: what each method said about the quarter at an instant, for one
 * scope, kept in `forecast_snapshots` (one row per method). The table is local work: no
 * sync or import writes it, so what was said stays said even when the CRM later rewrites
 * the history a backtest replays. A quarter's snapshot is the three-month horizon ('rep').
 */
const TABLE_METHOD: Record<SnapshotMethod, ForecastMethod> = {
  weighted: 'weighted',
  commit: 'commit',
  bestCase: 'best_case',
  pipeline: 'pipeline',
  historical: 'historical',
  simulation: 'simulation',
  model: 'model',
};
const CONTRACT_METHOD = new Map(
  Object.entries(TABLE_METHOD).map(([k, v]) => [v, k as SnapshotMethod] as const),
);

export type SnapshotOrigin = ForecastSnapshot['origin'];

/** Takes one snapshot of the scope at `asOf` and writes it (the caller holds the transaction). */
export function takeSnapshot(
  ws: Db,
  s: Snapshot,
  scope: SnapshotScope,
  asOf: number,
  takenAt: number,
  origin: SnapshotOrigin,
): ForecastSnapshot {
  const said = quarterMethods(ws, s, scope, asOf);
  const range = quarterRange(said.quarter)!;
  const insert = ws.sqlite.prepare(
    `insert into forecast_snapshots(taken_at, as_of, scope_team, scope_owner, horizon, period_start,
       period_end, quarter, method, amount_cents, detail)
     values(?, ?, ?, ?, 'rep', ?, ?, ?, ?, ?, ?)`,
  );
  const rows = (Object.entries(said.cents) as [SnapshotMethod, number][]).map(([method, cents]) => {
    const detail: Record<string, unknown> = { origin };
    if (method === 'simulation' && said.range) Object.assign(detail, said.range);
    if (method === 'weighted') detail.wonCents = said.wonCents;
    return { method: TABLE_METHOD[method], cents, detail: JSON.stringify(detail) };
  });
  const team = scope.team ?? '';
  const owner = scope.owner ?? '';
  ws.sqlite.transaction(() => {
    for (const r of rows)
      insert.run(
        takenAt,
        asOf,
        team,
        owner,
        range.start,
        range.end,
        said.quarter,
        r.method,
        r.cents,
        r.detail,
      );
  })();
  return snapshotOf({ takenAt, asOf, team, owner, quarter: said.quarter }, rows);
}

interface Row {
  taken_at: number;
  as_of: number;
  scope_team: string;
  scope_owner: string;
  quarter: string | null;
  method: ForecastMethod;
  amount_cents: number;
  detail: string;
}

/** The quarter snapshots of exactly this scope (a team's are not its reps'), newest first. */
export function listSnapshots(
  ws: Db,
  scope: SnapshotScope,
  options: { quarters?: readonly string[]; limit?: number } = {},
): ForecastSnapshot[] {
  let query = ws.db
    .selectFrom('forecast_snapshots')
    .select(['taken_at', 'as_of', 'scope_team', 'scope_owner', 'quarter', 'method', 'amount_cents', 'detail'])
    .where('scope_team', '=', scope.team ?? '')
    .where('scope_owner', '=', scope.owner ?? '')
    .where('horizon', '=', 'rep')
    .where('quarter', 'is not', null)
    .orderBy('taken_at', 'desc')
    .orderBy('as_of', 'desc')
    .orderBy('id');
  if (options.quarters)
    query = query.where('quarter', 'in', options.quarters.length ? options.quarters : ['']);
  const groups = new Map<string, Row[]>();
  for (const r of all(ws, query) as Row[]) {
    const key = `${r.taken_at}/${r.as_of}/${r.quarter}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else {
      if (options.limit !== undefined && groups.size >= options.limit) break;
      groups.set(key, [r]);
    }
  }
  return [...groups.values()].map((rows) =>
    snapshotOf(
      {
        takenAt: rows[0]!.taken_at,
        asOf: rows[0]!.as_of,
        team: rows[0]!.scope_team,
        owner: rows[0]!.scope_owner,
        quarter: rows[0]!.quarter!,
      },
      rows.map((r) => ({ method: r.method, cents: r.amount_cents, detail: r.detail })),
    ),
  );
}

function snapshotOf(
  head: { takenAt: number; asOf: number; team: string; owner: string; quarter: string },
  rows: { method: ForecastMethod; cents: number; detail: string }[],
): ForecastSnapshot {
  const figures: ForecastSnapshot['figures'] = {};
  let range: ForecastSnapshot['range'] = null;
  let origin: SnapshotOrigin = 'manual';
  for (const r of rows) {
    const method = CONTRACT_METHOD.get(r.method);
    if (!method) continue; // a manager's call is not one of the quarter's methods
    figures[method] = toMoney(r.cents);
    const detail = JSON.parse(r.detail) as {
      origin?: SnapshotOrigin;
      p10?: number;
      p50?: number;
      p90?: number;
    };
    if (detail.origin === 'schedule') origin = 'schedule';
    if (method === 'simulation' && detail.p10 !== undefined && detail.p90 !== undefined)
      range = { p10: toMoney(detail.p10), p50: toMoney(detail.p50 ?? r.cents), p90: toMoney(detail.p90) };
  }
  return {
    takenAt: formatTimestamp(head.takenAt),
    asOf: formatTimestamp(head.asOf),
    team: head.team || null,
    owner: head.owner || null,
    quarter: head.quarter,
    figures,
    range,
    origin,
  };
}

/** A stored snapshot at a checkpoint, its figures also in cents for the error measures. */
export type Recorded = RecordedAtCheckpoint & { cents: Partial<Record<AccuracyMethod, number>> };

/** A stored snapshot counts for a checkpoint when taken within half a week of it. */
const CHECKPOINT_REACH_MS = 3.5 * DAY_MS;

/**
 * For each checkpoint (quarter, as-of), the stored snapshot of the scope closest to it
 * within half a week, with the accuracy methods' figures (cents); null where none.
 */
export function recordedAt(
  ws: Db,
  scope: SnapshotScope,
  checkpoints: readonly { quarter: string; asOf: number }[],
): (Recorded | null)[] {
  const quarters = [...new Set(checkpoints.map((c) => c.quarter))];
  const stored = listSnapshots(ws, scope, { quarters });
  return checkpoints.map((c): Recorded | null => {
    let best: ForecastSnapshot | null = null;
    let bestDistance = Infinity;
    for (const snap of stored) {
      if (snap.quarter !== c.quarter) continue;
      const distance = Math.abs(Date.parse(snap.asOf) - c.asOf);
      // Ties go to the later-taken (the list is newest first).
      if (distance <= CHECKPOINT_REACH_MS && distance < bestDistance) {
        best = snap;
        bestDistance = distance;
      }
    }
    if (!best) return null;
    const forecasts: Partial<Record<AccuracyMethod, number>> = {};
    const cents: Partial<Record<AccuracyMethod, number>> = {};
    for (const m of ACCURACY_METHODS) {
      const v = best.figures[m];
      if (v === undefined) continue;
      forecasts[m] = v;
      cents[m] = Math.round(v * 100);
    }
    return { takenAt: best.takenAt, asOf: best.asOf, forecasts, cents };
  });
}
