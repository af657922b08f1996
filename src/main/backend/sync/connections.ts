import type {
  CrmConnectionView,
  QuarantinedRecord,
  StageMappingRow,
  SyncRunView,
  TokenSource,
} from '@shared/contract';
import { msg, type MessageRef } from '@shared/messages';
import { all, first, type Db } from '../db/query';
import { loadStages } from '../stages/model';
import { storedPipelines, suggestStage } from './mapping';
import type { ConnectionOptions } from './service';

interface RunRow {
  id: number;
  connection_id: number;
  started_at: number;
  finished_at: number | null;
  status: 'running' | 'done' | 'interrupted' | 'failed';
  pages: number;
  records: number;
  upserted: number;
  unchanged: number;
  deleted: number;
  quarantined: number;
  requests: number;
  retries: number;
  error: string | null;
  phase: string | null;
}

/**
 * A run row as the log shows it. A row still marked running is either the run this
 * backend has in progress (the view adds its progress) or one cut off when its process
 * died: that one reads as interrupted, with the reason the next run will record for it.
 * (A sync running at the same time in another process reads so too until it ends.)
 */
const runView = (r: RunRow, inProgress: boolean): SyncRunView => ({
  connectionId: r.connection_id,
  runId: r.id,
  status: r.status === 'running' ? 'interrupted' : r.status,
  pages: r.pages,
  records: r.records,
  upserted: r.upserted,
  unchanged: r.unchanged,
  deleted: r.deleted,
  quarantined: r.quarantined,
  requests: r.requests,
  retries: r.retries,
  error: r.error
    ? (JSON.parse(r.error) as MessageRef)
    : r.status === 'running' && !inProgress
      ? msg('sync_ended_unexpectedly')
      : null,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  phase: r.phase,
});

export function runsOf(
  ws: Db,
  connectionId: number,
  limit: number,
  inProgress: (runId: number) => boolean = () => false,
): SyncRunView[] {
  return (
    ws.sqlite
      .prepare('select * from sync_runs where connection_id = ? order by started_at desc, id desc limit ?')
      .all(connectionId, limit) as RunRow[]
  ).map((r) => runView(r, inProgress(r.id)));
}

export function connectionViews(
  ws: Db,
  progressOf: (id: number) => CrmConnectionView['running'],
): CrmConnectionView[] {
  const rows = all(ws, ws.db.selectFrom('crm_connections').selectAll().orderBy('id'));
  return rows.map((c) => {
    const options = JSON.parse(c.options) as ConnectionOptions;
    const tokenSource: TokenSource = options.tokenEnv ? 'env' : (c.token_storage ?? 'keychain');
    const lastRun = runsOf(ws, c.id, 1, (runId) => progressOf(c.id)?.runId === runId)[0] ?? null;
    const lastDone = first(
      ws,
      ws.db
        .selectFrom('sync_runs')
        .select((eb) => eb.fn.max('finished_at').as('at'))
        .where('connection_id', '=', c.id)
        .where('status', '=', 'done'),
    );
    const unmapped = first(
      ws,
      ws.db
        .selectFrom('stage_mappings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('connection_id', '=', c.id)
        .where('stage_key', 'is', null),
    );
    const deals = first(
      ws,
      ws.db
        .selectFrom('deals')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('connection_id', '=', c.id),
    );
    return {
      id: c.id,
      kind: c.kind,
      baseUrl: c.base_url,
      label: c.label,
      tokenSource,
      tokenEnv: options.tokenEnv ?? null,
      autoSyncMinutes: options.autoSyncMinutes ?? null,
      lastSyncedAt: (lastDone?.at as number | null | undefined) ?? null,
      lastRun,
      running: progressOf(c.id),
      unmappedStages: unmapped?.n ?? 0,
      deals: deals?.n ?? 0,
    };
  });
}

/** The stored mapping with the suggestion for each upstream stage and its deals now. */
export function mappingRows(ws: Db, connectionId: number, kind: string): StageMappingRow[] {
  const model = loadStages(ws).filter((s) => !s.key.startsWith(`${kind}:`));
  const pipelines = new Map(storedPipelines(ws, connectionId).map((p) => [p.id, p]));
  const counts = new Map(
    (
      ws.sqlite
        .prepare(
          `select upstream_pipeline as p, upstream_stage as s, count(*) as n from deals
           where connection_id = ? and deleted_at is null group by 1, 2`,
        )
        .all(connectionId) as { p: string; s: string; n: number }[]
    ).map((r) => [`${r.p}/${r.s}`, r.n]),
  );
  const rows = all(
    ws,
    ws.db
      .selectFrom('stage_mappings')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .orderBy('upstream_pipeline')
      .orderBy('upstream_stage'),
  );
  const order = (r: (typeof rows)[number]) => {
    const p = pipelines.get(r.upstream_pipeline);
    return [p?.order ?? 0, p?.stages.find((s) => s.id === r.upstream_stage)?.order ?? 0] as const;
  };
  rows.sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
  return rows.map((r) => {
    const pipeline = pipelines.get(r.upstream_pipeline);
    const stage = pipeline?.stages.find((s) => s.id === r.upstream_stage);
    return {
      pipeline: r.upstream_pipeline,
      pipelineName: r.upstream_pipeline_name,
      stage: r.upstream_stage,
      stageName: r.upstream_stage_name,
      stageKey: r.stage_key,
      suggested: pipeline && stage ? suggestStage(pipeline, stage, model) : null,
      deals: counts.get(`${r.upstream_pipeline}/${r.upstream_stage}`) ?? 0,
    };
  });
}

export function quarantinedOf(
  ws: Db,
  runId: number,
  limit: number,
): { records: QuarantinedRecord[]; total: number } {
  const records = (
    ws.sqlite
      .prepare(
        'select id, record_id, reason, payload from sync_quarantine where run_id = ? order by id limit ?',
      )
      .all(runId, limit) as { id: number; record_id: string | null; reason: string; payload: string }[]
  ).map((r) => ({
    id: r.id,
    recordId: r.record_id,
    reason: JSON.parse(r.reason) as MessageRef,
    payload: r.payload,
  }));
  const total = ws.sqlite
    .prepare('select count(*) from sync_quarantine where run_id = ?')
    .pluck()
    .get(runId) as number;
  return { records, total };
}
