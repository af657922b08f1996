import type BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_STAGES, type Stage } from '@shared/domain/stages';
import type { StagesTable } from '../db/schema';

export const LOCAL_PIPELINE = 'default';

const fromRow = (r: StagesTable): Stage => ({
  key: r.key,
  name: r.name,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  order: r.sort_order,
  kind: r.kind,
  probability: r.probability,
  dwellLimitDays: r.dwell_limit_days,
  buyingPhase: r.buying_phase,
  exitCriteria: r.exit_criteria,
});

/** The workspace's stage model by ascending order; the default model when none is stored yet. */
export function loadStages(sqlite: BetterSqlite3.Database): Stage[] {
  const rows = sqlite.prepare('select * from stages order by sort_order, key').all() as StagesTable[];
  return rows.length ? rows.map(fromRow) : DEFAULT_STAGES.map((s) => ({ ...s }));
}

/** Replaces the stage model (inside the caller's transaction). */
export function replaceStages(sqlite: BetterSqlite3.Database, stages: readonly Stage[]): void {
  sqlite
    .prepare(`insert into pipelines(id, name, source) values(?, ?, 'local') on conflict(id) do nothing`)
    .run(LOCAL_PIPELINE, 'Default');
  sqlite.prepare('delete from stages').run();
  const insert = sqlite.prepare(
    `insert into stages(key, pipeline_id, name, name_zh, name_en, sort_order, kind, probability,
       dwell_limit_days, buying_phase, exit_criteria, upstream_id)
     values(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)`,
  );
  for (const s of stages) {
    insert.run(
      s.key,
      LOCAL_PIPELINE,
      s.name,
      s.nameZh,
      s.nameEn,
      s.order,
      s.kind,
      s.probability,
      s.dwellLimitDays,
      s.buyingPhase,
      s.exitCriteria,
    );
  }
  // Keep each deal's funnel position (used to sort by stage) in step with the new model.
  sqlite.exec('update deals set stage_rank = (select sort_order from stages where stages.key = deals.stage)');
}

/** Stores the default model when the workspace has none yet. */
export function ensureStages(sqlite: BetterSqlite3.Database): void {
  const count = sqlite.prepare('select count(*) from stages').pluck().get() as number;
  if (count === 0) replaceStages(sqlite, DEFAULT_STAGES);
}
