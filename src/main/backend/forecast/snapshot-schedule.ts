import type { SnapshotScope } from '@shared/contract';
import { DAY_MS } from '@shared/time';
import type { BackendContext } from '../context';
import type { Db } from '../db/query';
import { forecastReport } from '../analytics/forecast';
import type { Snapshot } from '../analytics/snapshot';
import { workspaceNow } from '../workspace/settings';
import { takeSnapshot } from './snapshots';

/** A scope's snapshot is due when its last one is at least this old (workspace clock). */
export const SNAPSHOT_EVERY_MS = 7 * DAY_MS;
/** How often the running app looks for a due snapshot, and how long after start the first look is. */
const TICK_MS = 30 * 60_000;
const FIRST_TICK_MS = 2 * 60_000;

/**
 * The scopes a weekly snapshot covers: the organisation, each team and each rep that has
 * something in the quarter at `now` (a deal due in it or a win in it); a rep or team with
 * nothing to forecast gets no row of zeros.
 */
export function scheduledScopes(s: Snapshot, now: number): SnapshotScope[] {
  const hasQuarter = (scope: SnapshotScope) => {
    const r = forecastReport(s, { ...scope, asOf: now }, now, []);
    return r.openDeals > 0 || r.wonAmount !== 0;
  };
  const named = (values: readonly string[]) =>
    [...new Set(values)].filter((v) => v !== '').sort((a, b) => a.localeCompare(b));
  return [
    {},
    ...named(s.dictionaries.team.values).map((team) => ({ team })),
    ...named(s.dictionaries.owner.values).map((owner) => ({ owner })),
  ].filter((scope, i) => i === 0 || hasQuarter(scope));
}

/** The scopes whose last quarter snapshot is SNAPSHOT_EVERY_MS old or more (or that have none). */
export function dueScopes(ws: Db, scopes: readonly SnapshotScope[], now: number): SnapshotScope[] {
  const rows = ws.sqlite
    .prepare(
      `select scope_team as team, scope_owner as owner, max(as_of) as last from forecast_snapshots
       where horizon = 'rep' and quarter is not null group by scope_team, scope_owner`,
    )
    .all() as { team: string; owner: string; last: number }[];
  const last = new Map(rows.map((r) => [`${r.team}\u0000${r.owner}`, r.last]));
  return scopes.filter((scope) => {
    const at = last.get(`${scope.team ?? ''}\u0000${scope.owner ?? ''}`);
    return at === undefined || now - at >= SNAPSHOT_EVERY_MS;
  });
}

/**
 * Takes the due snapshots, one scope at a time, letting other calls in between (each
 * scope runs the report, the simulation and the model for a few tens of milliseconds).
 * Resolves with the scopes taken.
 */
export async function takeDueSnapshots(ctx: BackendContext): Promise<SnapshotScope[]> {
  const { ws, analytics } = ctx;
  await ctx.idle();
  const now = workspaceNow(ws);
  const s = analytics.current();
  const taken: SnapshotScope[] = [];
  for (const scope of dueScopes(ws, scheduledScopes(s, now), now)) {
    await new Promise((resolve) => setImmediate(resolve));
    // A write (an import) holds the workspace: the rows wait for it rather than slip between its pages.
    await ctx.idle();
    takeSnapshot(ws, s, scope, now, Date.now(), 'schedule');
    taken.push(scope);
  }
  return taken;
}

/**
 * The weekly snapshot while the app runs: every half hour, the due scopes (never in a
 * one-shot CLI session). A failure (the workspace closing under it) waits for the next tick.
 */
export class SnapshotSchedule {
  private timer: ReturnType<typeof setInterval> | null = null;
  private first: ReturnType<typeof setTimeout> | null = null;
  private running = false;

  constructor(private readonly ctx: BackendContext) {
    if (!ctx.longLived) return;
    this.first = setTimeout(() => void this.tick(), FIRST_TICK_MS);
    this.first.unref?.();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref?.();
  }

  async tick(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const taken = await takeDueSnapshots(this.ctx);
      if (taken.length) this.ctx.emit('workspace.changed', { reason: 'snapshots' });
    } catch {
      // Retried at the next tick; nothing half-written (each scope is one transaction).
    } finally {
      this.running = false;
    }
  }

  dispose(): void {
    if (this.first) clearTimeout(this.first);
    if (this.timer) clearInterval(this.timer);
    this.first = this.timer = null;
  }
}
