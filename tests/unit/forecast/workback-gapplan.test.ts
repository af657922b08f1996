import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facets, ForecastReport } from '@shared/contract';
import type { Workback } from '@shared/contract/forecast-workback';
import { parseAsOf } from '@shared/time';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { createBackend } from '@backend/index';
import type { Registry } from '@backend/registry';
import { call } from '../analytics/support';

/**
 * The work-back extends the forecast report's gapPlan and never contradicts it: on the demo
 * workspace, for the organisation, each team and a rep, a quarter whose target is the quota
 * needs exactly gapPlan's deals and amount per stage, with the same gap, h(s) and m; the
 * same quota given as the target changes nothing; and the breakdown rows are the rows of
 * their own scopes.
 */
const AS_OF = parseAsOf('2026-11-20')!;
const QUARTER = '2026Q4';
let ws: Workspace;
let registry: Registry;

beforeAll(async () => {
  ws = await openWorkspace(':memory:', { create: true });
  generateDemo(ws, { deals: 4000, seed: 3, today: '2026-11-20' });
  registry = createBackend(ws);
}, 60_000);
afterAll(async () => ws.close());

const plan = (w: Pick<Workback, 'stages'>) =>
  w.stages.map((s) => ({ stage: s.stage, deals: s.needDeals, amount: s.needAmount }));

describe('the work-back against gapPlan on the demo', () => {
  it('needs what gapPlan says per stage for every scope whose quota is the target', async () => {
    const facets = await call<Facets>(registry, 'pipeline.facets', {});
    const rep = facets.owners[0]!;
    const scopes = [{}, ...facets.teams.map((team) => ({ team })), { team: rep.team, owner: rep.name }];
    let compared = 0;
    for (const scope of scopes) {
      const input = { asOf: AS_OF, ...scope };
      const f = await call<ForecastReport>(registry, 'report.forecast', { ...input, quarter: QUARTER });
      const w = await call<Workback>(registry, 'forecast.workback', { ...input, period: QUARTER });
      expect([w.target, w.won, w.gap], JSON.stringify(scope)).toEqual([f.quota, f.wonAmount, f.gap]);
      expect(w.stages.map((s) => s.h)).toEqual(f.winRates.map((r) => r.h));
      expect(w.newDeals.meanWon).toBe(f.meanWonAmount);
      expect(w.won + w.expected).toBeCloseTo(f.historical, 4);
      if (f.gapPlan.length === 0) continue;
      compared++;
      expect(plan(w)).toEqual(f.gapPlan);
      const given = await call<Workback>(registry, 'forecast.workback', {
        ...input,
        period: QUARTER,
        target: f.quota!,
      });
      expect(plan(given)).toEqual(f.gapPlan);
      // Each stage: deals × m × h(s) = amount × h(s) = the gap.
      for (const s of w.stages)
        if (s.needDeals !== null) expect(s.needDeals * f.meanWonAmount! * s.h).toBeCloseTo(f.gap!, 4);
    }
    expect(compared).toBeGreaterThanOrEqual(3);
  });

  it("gives each team's row the team's own work-back", async () => {
    const org = await call<Workback>(registry, 'forecast.workback', { asOf: AS_OF, period: QUARTER });
    expect(org.breakdown).toBe('team');
    expect(org.rows.length).toBeGreaterThan(1);
    for (const row of org.rows) {
      const alone = await call<Workback>(registry, 'forecast.workback', {
        asOf: AS_OF,
        period: QUARTER,
        team: row.team!,
      });
      const { rows: _rows, breakdown: _b, ...own } = alone;
      expect(row).toEqual(Object.fromEntries(Object.keys(row).map((k) => [k, own[k as keyof typeof own]])));
    }
  });
});
