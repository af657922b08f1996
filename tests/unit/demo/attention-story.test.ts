import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { generateDemo } from '@backend/demo/generate';
import { DEMO_ARCHETYPES } from '@backend/demo/people';
import { loadStages } from '@backend/stages/model';
import { hasNoNextStep, isInactive, isStalled } from '@shared/domain/attention';
import type { Stage } from '@shared/domain/stages';
import { stageVisits } from '@shared/domain/timeline';
import { DAY_MS, dayStart } from '@shared/time';
import { tempWorkspace } from '../../support/temp';

/**
 * The demo's CRM habits, read the way `funnel report attention` reads them: the
 * `inactive` and `noNextStep` flags must tell the stories the demo is written to show
 * (most reps keep up, one rep rarely logs, stalled deals go quiet), not flag everything
 * or nothing.
 */

const TODAY = '2026-11-20';
/** As-of = the end of the demo's today, the instant its clock stands at. */
const AS_OF = dayStart(TODAY) + DAY_MS;
const DEALS = 3000;
const SEED = 7;

interface OpenDeal {
  id: string;
  owner: string;
  nextStep: string;
  lastActivityAt: number | null;
  inactive: boolean;
  stalled: boolean;
}

/** The deals open at as-of (and not deleted before it), with the flags the report would give them. */
function openDeals(ws: Workspace): OpenDeal[] {
  const stages = new Map<string, Stage>(loadStages(ws).map((s) => [s.key, s]));
  const deals = ws.sqlite
    .prepare(
      `select seq, id, owner, stage, created_at, next_step, last_activity_at from deals
       where deleted_at is null or deleted_at >= ? order by id`,
    )
    .all(AS_OF) as {
    seq: number;
    id: string;
    owner: string;
    stage: string;
    created_at: number;
    next_step: string;
    last_activity_at: number | null;
  }[];
  const stageRows = ws.sqlite.prepare(
    `select value, changed_at changedAt from deal_history where deal_seq = ? and field = 'stage' order by id`,
  );
  const open: OpenDeal[] = [];
  for (const d of deals) {
    const rows = stageRows.all(d.seq) as { value: string; changedAt: number }[];
    const visit = stageVisits(d.created_at, d.stage, rows, AS_OF).at(-1)!;
    const stage = stages.get(visit.stage)!;
    if (stage.kind !== 'open') continue;
    open.push({
      id: d.id,
      owner: d.owner,
      nextStep: d.next_step,
      lastActivityAt: d.last_activity_at,
      inactive: isInactive(d.last_activity_at, AS_OF, stage.followupDays),
      stalled: isStalled((AS_OF - visit.enteredAt) / DAY_MS, stage),
    });
  }
  return open;
}

const share = (deals: readonly OpenDeal[], flag: (d: OpenDeal) => boolean): number =>
  deals.filter(flag).length / deals.length;
const inactive = (d: OpenDeal) => d.inactive;
const noNextStep = (d: OpenDeal) => hasNoNextStep(d.nextStep);

describe('demo activity and next steps', () => {
  let ws: Workspace;
  let dir: string;
  let open: OpenDeal[];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'funnel-demo-attention-'));
    ws = await openWorkspace(join(dir, 'demo.db'), { create: true });
    generateDemo(ws, { deals: DEALS, seed: SEED, today: TODAY });
    open = openDeals(ws);
  });

  afterAll(async () => {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('flags a minority of the open deals inactive, mostly the stalled ones', () => {
    expect(open.length).toBeGreaterThan(100);
    const overall = share(open, inactive);
    expect(overall).toBeGreaterThanOrEqual(0.15);
    expect(overall).toBeLessThanOrEqual(0.35);

    const stalled = open.filter((d) => d.stalled);
    const moving = open.filter((d) => !d.stalled);
    expect(stalled.length).toBeGreaterThan(20);
    expect(moving.length).toBeGreaterThan(20);
    expect(share(stalled, inactive)).toBeGreaterThan(2 * share(moving, inactive));
  });

  it('shows the rep who rarely logs against the diligent ones', () => {
    const rare = open.filter((d) => d.owner === DEMO_ARCHETYPES.rarelyLogs);
    const diligent = open.filter((d) =>
      (DEMO_ARCHETYPES.diligentLoggers as readonly string[]).includes(d.owner),
    );
    const others = open.filter((d) => !rare.includes(d) && !diligent.includes(d));
    expect(rare.length).toBeGreaterThanOrEqual(5);
    expect(diligent.length).toBeGreaterThanOrEqual(5);

    expect(share(rare, inactive)).toBeGreaterThanOrEqual(0.6);
    expect(share(diligent, inactive)).toBeLessThanOrEqual(0.1);
    expect(share(others, inactive)).toBeGreaterThan(share(diligent, inactive));
    expect(share(others, inactive)).toBeLessThan(share(rare, inactive) - 0.3);

    // Weeks, not days: the typical open deal of the rare logger last saw a call 2–6 weeks ago.
    const daysSince = rare
      .filter((d) => d.lastActivityAt !== null)
      .map((d) => (AS_OF - d.lastActivityAt!) / DAY_MS)
      .sort((a, b) => a - b);
    const median = daysSince[Math.floor(daysSince.length / 2)]!;
    expect(median).toBeGreaterThanOrEqual(14);
    expect(median).toBeLessThanOrEqual(42);
  });

  it('leaves the next step blank on some open deals, most often the rare logger’s, and on every closed one', () => {
    const overall = share(open, noNextStep);
    expect(overall).toBeGreaterThanOrEqual(0.06);
    expect(overall).toBeLessThanOrEqual(0.18);
    const rare = open.filter((d) => d.owner === DEMO_ARCHETYPES.rarelyLogs);
    const rest = open.filter((d) => d.owner !== DEMO_ARCHETYPES.rarelyLogs);
    expect(share(rare, noNextStep)).toBeGreaterThan(2 * share(rest, noNextStep));

    const closedWithStep = ws.sqlite
      .prepare(`select count(*) from deals where stage in ('won', 'lost') and next_step <> ''`)
      .pluck()
      .get();
    expect(closedWithStep).toBe(0);
  });

  it('gives the same activity and next steps for the same seed', async () => {
    const again = await tempWorkspace('again.db');
    generateDemo(again, { deals: DEALS, seed: SEED, today: TODAY });
    const values = (w: Workspace) =>
      w.sqlite.prepare('select id, last_activity_at, next_step from deals order by id').all();
    expect(values(again)).toEqual(values(ws));
    // …and the open deals' values are not constant (a same-for-all value would pass the line above).
    expect(new Set(open.map((d) => d.lastActivityAt)).size).toBeGreaterThan(open.length * 0.9);
  });
});
