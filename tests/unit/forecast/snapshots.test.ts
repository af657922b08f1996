import { describe, expect, it } from 'vitest';
import type { ForecastRange, ForecastReport, ForecastSnapshot, ModelForecast } from '@shared/contract';
import { DAY_MS, dayStart } from '@shared/time';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { exportCsv } from '@backend/export/csv';
import { parseCsv, writeCsv } from '@backend/csv/codec';
import { createBackend } from '@backend/index';
import { AnalyticsStore } from '@backend/analytics/store';
import type { BackendContext } from '@backend/context';
import { SNAPSHOT_EVERY_MS, takeDueSnapshots } from '@backend/forecast/snapshot-schedule';
import { writeSetting } from '@backend/workspace/settings';
import { call } from '../analytics/support';
import { track } from '../../support/temp';

const TODAY = '2026-11-20';
const NOW = dayStart(TODAY) + DAY_MS - 1;

/**
 * A real (not demo) workspace holding a demo company's deals and history, imported from
 * CSV the way a manager's own data comes in, with the workspace clock at the demo's today.
 */
async function importedWorkspace(): Promise<{ ws: Workspace; files: { deals: string; history: string } }> {
  const demo = track(await openWorkspace(':memory:', { create: true }));
  generateDemo(demo, { deals: 1200, seed: 5, today: TODAY });
  const files = { deals: exportCsv(demo, 'deals').text, history: exportCsv(demo, 'history').text };
  const ws = track(await openWorkspace(':memory:', { create: true }));
  return { ws, files };
}

const rowsOf = (ws: Workspace) => ws.sqlite.prepare('select * from forecast_snapshots order by id').all();

describe('forecast snapshots', () => {
  it("records every method's figure for a scope, equal to the report and the range at that instant", async () => {
    const { ws, files } = await importedWorkspace();
    const registry = createBackend(ws);
    await call(registry, 'import.apply', {
      files: {
        deals: { name: 'deals.csv', text: files.deals },
        history: { name: 'history.csv', text: files.history },
      },
    });
    writeSetting(ws, 'workspace.clock', NOW);
    const snap = await call<ForecastSnapshot>(registry, 'forecast.snapshot', {});
    const report = await call<ForecastReport>(registry, 'report.forecast', {});
    const range = await call<ForecastRange>(registry, 'forecast.range', {});
    expect(snap).toMatchObject({ quarter: '2026Q4', team: null, owner: null, origin: 'manual' });
    expect(snap.asOf).toBe(new Date(NOW).toISOString());
    expect(report.openDeals).toBeGreaterThan(0);
    expect(snap.figures.commit).toBe(report.commit);
    expect(snap.figures.bestCase).toBe(report.bestCase);
    expect(snap.figures.pipeline).toBe(report.pipeline);
    expect(snap.figures.historical).toBeCloseTo(report.historical, 2);
    // The report's weighted is the open deals alone; the quarter's forecast adds the won amount.
    expect(snap.figures.weighted).toBeCloseTo(report.wonAmount + report.weighted, 2);
    // Stored in whole cents: the simulation's figures to the cent.
    expect(snap.figures.simulation).toBeCloseTo(range.p50, 2);
    expect(snap.range!.p10).toBeCloseTo(range.p10, 2);
    expect(snap.range!.p90).toBeCloseTo(range.p90, 2);
    const model = await call<ModelForecast>(registry, 'model.forecast', {});
    if (model.expected === null) expect(snap.figures.model).toBeUndefined();
    else expect(snap.figures.model).toBeCloseTo(model.expected, 2);
    // One row per method, the quarter's three-month horizon, the quarter's days.
    const rows = rowsOf(ws) as {
      method: string;
      horizon: string;
      period_start: string;
      period_end: string;
    }[];
    expect(rows.map((r) => r.method).sort()).toEqual(
      Object.keys(snap.figures)
        .map((m) => (m === 'bestCase' ? 'best_case' : m))
        .sort(),
    );
    expect(new Set(rows.map((r) => `${r.horizon} ${r.period_start} ${r.period_end}`))).toEqual(
      new Set(['rep 2026-10-01 2027-01-01']),
    );
  });

  it('are never touched by a later import that rewrites the deals, and are listed per exact scope', async () => {
    const { ws, files } = await importedWorkspace();
    const registry = createBackend(ws);
    const importFiles = (deals: string) =>
      call(registry, 'import.apply', {
        files: {
          deals: { name: 'deals.csv', text: deals },
          history: { name: 'history.csv', text: files.history },
        },
      });
    await importFiles(files.deals);
    writeSetting(ws, 'workspace.clock', NOW);
    const team = (ws.sqlite
      .prepare(`select team from deals where team <> '' limit 1`)
      .pluck()
      .get() as string)!;
    const org = await call<ForecastSnapshot>(registry, 'forecast.snapshot', {});
    const ofTeam = await call<ForecastSnapshot>(registry, 'forecast.snapshot', { team });
    const before = rowsOf(ws);
    const reportBefore = await call<ForecastReport>(registry, 'report.forecast', {});

    // The same deals again with every amount doubled (the CRM's figures changed).
    const header = files.deals.split('\n')[0]!.split(',');
    const amountColumn = header.indexOf('amount');
    expect(amountColumn).toBeGreaterThan(-1);
    const rewritten = rewriteAmounts(files.deals, amountColumn);
    await importFiles(rewritten);
    const reportAfter = await call<ForecastReport>(registry, 'report.forecast', {});
    expect(reportAfter.pipeline).not.toBe(reportBefore.pipeline);

    expect(rowsOf(ws)).toEqual(before);
    expect(await call(registry, 'forecast.snapshots', {})).toEqual([org]);
    expect(await call(registry, 'forecast.snapshots', { team })).toEqual([ofTeam]);
    expect(await call(registry, 'forecast.snapshots', { quarter: '2026Q3' })).toEqual([]);
  });

  it('the weekly schedule snapshots the organisation, each team and each rep once per 7 days of the workspace clock', async () => {
    const { ws, files } = await importedWorkspace();
    const registry = createBackend(ws);
    await call(registry, 'import.apply', {
      files: {
        deals: { name: 'deals.csv', text: files.deals },
        history: { name: 'history.csv', text: files.history },
      },
    });
    writeSetting(ws, 'workspace.clock', NOW);
    const ctx: BackendContext = {
      ws,
      emit: () => undefined,
      analytics: new AnalyticsStore(ws),
      idle: () => Promise.resolve(),
      longLived: false,
    };
    // A snapshot taken by hand counts: the organisation is not due again this week.
    await call(registry, 'forecast.snapshot', {});
    const first = await takeDueSnapshots(ctx);
    const teams = first.filter((s) => s.team !== undefined);
    const reps = first.filter((s) => s.owner !== undefined);
    expect(first.some((s) => s.team === undefined && s.owner === undefined)).toBe(false);
    expect(teams.length).toBeGreaterThan(1);
    expect(reps.length).toBeGreaterThan(teams.length);
    expect(teams.length + reps.length).toBe(first.length);
    const origins = ws.sqlite
      .prepare(
        `select distinct scope_team = '' and scope_owner = '' as org, json_extract(detail, '$.origin') as origin from forecast_snapshots`,
      )
      .all();
    expect(origins).toEqual(
      expect.arrayContaining([
        { org: 1, origin: 'manual' },
        { org: 0, origin: 'schedule' },
      ]),
    );
    expect(await takeDueSnapshots(ctx)).toEqual([]);
    writeSetting(ws, 'workspace.clock', NOW + SNAPSHOT_EVERY_MS - 1);
    expect(await takeDueSnapshots(ctx)).toEqual([]);
    writeSetting(ws, 'workspace.clock', NOW + SNAPSHOT_EVERY_MS);
    const week = await takeDueSnapshots(ctx);
    expect(week).toContainEqual({});
    expect(week.length).toBeGreaterThanOrEqual(first.length);
  });
});

/** The deals file with every amount doubled (through the project's own CSV reader and writer). */
function rewriteAmounts(csv: string, column: number): string {
  const table = parseCsv(csv);
  const rows = table.records.map((r) =>
    r.cells.map((field, c) => (c === column && field !== '' ? String(Number(field) * 2) : field)),
  );
  return writeCsv(table.header, rows);
}
