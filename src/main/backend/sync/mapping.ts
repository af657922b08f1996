import type { Stage } from '@shared/domain/stages';
import { all, run, type Db } from '../db/query';
import { hasStoredStages, loadStages, replaceStages } from '../stages/model';
import { stageEnteredAt } from '../deals/writer';
import type { StageRef, UpstreamPipeline, UpstreamStage } from './connector';

/** How a stage ref is written in maps and in deal_history.upstream_stage. */
export const refKey = (ref: StageRef): string => `${ref.pipeline}/${ref.stage}`;

const fold = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/**
 * The workspace stage an upstream stage is suggested onto (PRODUCT.md): the stage whose
 * key or name (either language) matches; otherwise by kind and position — won onto won,
 * lost onto lost, an open stage onto the open stage nearest its probability, or, without
 * one, at the same relative place among the open stages.
 */
export function suggestStage(
  pipeline: UpstreamPipeline,
  stage: UpstreamStage,
  model: readonly Stage[],
): string | null {
  const wanted = new Set([fold(stage.id), fold(stage.label)]);
  const named = model.find((s) => [s.key, s.name, s.nameZh, s.nameEn].some((n) => n && wanted.has(fold(n))));
  if (named) return named.key;
  const sameKind = model.filter((s) => s.kind === stage.kind);
  if (stage.kind !== 'open') return sameKind[0]?.key ?? null;
  if (sameKind.length === 0) return null;
  if (stage.probability !== null) {
    let best = sameKind[0]!;
    for (const s of sameKind)
      if (Math.abs(s.probability - stage.probability) < Math.abs(best.probability - stage.probability))
        best = s;
    return best.key;
  }
  const open = [...pipeline.stages].filter((s) => s.kind === 'open').sort((a, b) => a.order - b.order);
  const place = open.length > 1 ? open.findIndex((s) => s.id === stage.id) / (open.length - 1) : 0;
  return sameKind[Math.round(place * (sameKind.length - 1))]!.key;
}

/** The key of the workspace stage that keeps an unmapped upstream stage as it is. */
export const ownStageKey = (kind: string, ref: StageRef): string => `${kind}:${refKey(ref)}`;

export interface StageMapping {
  /** The workspace stage of an upstream stage (mapped, or kept as its own). */
  keyOf(ref: StageRef): string;
  /** Upstream stages kept as their own stage: none mapped them. */
  readonly unmapped: number;
}

/**
 * Brings the stored mapping up to date with the CRM's pipelines (inside the caller's
 * transaction): a stage seen for the first time gets its suggestion; names are refreshed;
 * a stage the user left unmapped (stage_key null) is kept as a workspace stage of its own,
 * named as upstream, so its deals stay visible. Never deletes a mapping: a stage removed
 * upstream may still be in stored history.
 */
export function syncMapping(
  ws: Db,
  connectionId: number,
  kind: string,
  pipelines: readonly UpstreamPipeline[],
): StageMapping {
  if (!hasStoredStages(ws)) replaceStages(ws, loadStages(ws));
  const model = loadStages(ws).filter((s) => !s.key.startsWith(`${kind}:`));
  const stored = new Map(
    all(ws, ws.db.selectFrom('stage_mappings').selectAll().where('connection_id', '=', connectionId)).map(
      (r) => [`${r.upstream_pipeline}/${r.upstream_stage}`, r],
    ),
  );
  const upstream = new Map<string, { pipeline: UpstreamPipeline; stage: UpstreamStage }>();
  const now = Date.now();
  for (const pipeline of pipelines) {
    // Kept so the mapping screen can suggest and explain without asking the CRM again.
    run(
      ws,
      ws.db
        .insertInto('upstream_objects')
        .values({
          connection_id: connectionId,
          object: 'pipeline',
          upstream_id: pipeline.id,
          name: pipeline.label,
          data: JSON.stringify(pipeline),
          updated_at: now,
        })
        .onConflict((oc) =>
          oc
            .columns(['connection_id', 'object', 'upstream_id'])
            .doUpdateSet({ name: pipeline.label, data: JSON.stringify(pipeline), updated_at: now }),
        ),
    );
    for (const stage of pipeline.stages) {
      const key = refKey({ pipeline: pipeline.id, stage: stage.id });
      upstream.set(key, { pipeline, stage });
      const row = stored.get(key);
      if (!row) {
        const suggested = suggestStage(pipeline, stage, model);
        run(
          ws,
          ws.db.insertInto('stage_mappings').values({
            connection_id: connectionId,
            upstream_pipeline: pipeline.id,
            upstream_stage: stage.id,
            upstream_pipeline_name: pipeline.label,
            upstream_stage_name: stage.label,
            stage_key: suggested,
          }),
        );
        stored.set(key, {
          connection_id: connectionId,
          upstream_pipeline: pipeline.id,
          upstream_stage: stage.id,
          upstream_pipeline_name: pipeline.label,
          upstream_stage_name: stage.label,
          stage_key: suggested,
        });
      } else if (row.upstream_pipeline_name !== pipeline.label || row.upstream_stage_name !== stage.label) {
        run(
          ws,
          ws.db
            .updateTable('stage_mappings')
            .set({ upstream_pipeline_name: pipeline.label, upstream_stage_name: stage.label })
            .where('connection_id', '=', connectionId)
            .where('upstream_pipeline', '=', pipeline.id)
            .where('upstream_stage', '=', stage.id),
        );
      }
    }
  }
  const known = new Set(loadStages(ws).map((s) => s.key));
  const map = new Map<string, string>();
  let unmapped = 0;
  for (const [key, row] of stored) {
    if (row.stage_key !== null && known.has(row.stage_key)) {
      map.set(key, row.stage_key);
      continue;
    }
    unmapped++;
    const found = upstream.get(key);
    map.set(
      key,
      ensureOwnStage(
        ws,
        kind,
        { pipeline: row.upstream_pipeline, stage: row.upstream_stage },
        {
          label: row.upstream_stage_name || row.upstream_stage,
          kind: found?.stage.kind ?? 'open',
          probability: found?.stage.probability ?? null,
          order: (found?.pipeline.order ?? 0) * 1000 + (found?.stage.order ?? 0),
        },
      ),
    );
  }
  return {
    unmapped,
    keyOf(ref) {
      const k = refKey(ref);
      let stageKey = map.get(k);
      if (stageKey === undefined) {
        // A stage the CRM's pipeline list did not name (archived, or of a pipeline this
        // token cannot see): kept as its own, so the deal is stored, never dropped.
        stageKey = ensureOwnStage(ws, kind, ref, {
          label: ref.stage,
          kind: 'open',
          probability: null,
          order: 0,
        });
        map.set(k, stageKey);
      }
      return stageKey;
    },
  };
}

/** The workspace stage standing for an unmapped upstream stage, created when missing. */
function ensureOwnStage(
  ws: Db,
  kind: string,
  ref: StageRef,
  stage: { label: string; kind: 'open' | 'won' | 'lost'; probability: number | null; order: number },
): string {
  const key = ownStageKey(kind, ref);
  const exists = all(ws, ws.db.selectFrom('stages').select('key').where('key', '=', key)).length > 0;
  if (exists) return key;
  // After every stage of the model, in the CRM's order: an unmapped open stage is shown at
  // the end of the funnel rather than slotted in by guesswork.
  const last =
    all(
      ws,
      ws.db.selectFrom('stages').select((eb) => eb.fn.max('sort_order').as('m')),
    )[0]?.m ?? 0;
  run(
    ws,
    ws.db.insertInto('stages').values({
      key,
      name: stage.label,
      name_zh: null,
      name_en: null,
      sort_order: Number(last) + 1 + stage.order / 1e6,
      kind: stage.kind,
      probability: stage.probability ?? (stage.kind === 'won' ? 1 : 0),
      dwell_limit_days: null,
      followup_days: null,
      buying_phase: null,
      exit_criteria: null,
    }),
  );
  return key;
}

/** The pipelines the last sync saw, as stored. */
export function storedPipelines(ws: Db, connectionId: number): UpstreamPipeline[] {
  return all(
    ws,
    ws.db
      .selectFrom('upstream_objects')
      .select('data')
      .where('connection_id', '=', connectionId)
      .where('object', '=', 'pipeline'),
  ).map((r) => JSON.parse(r.data) as UpstreamPipeline);
}

/**
 * Applies a changed mapping to what is stored (inside the caller's transaction): each
 * synced deal's stage and each stage row of its history from the CRM's own stage, kept
 * beside them, so nothing is downloaded again. Stages of its own that nothing uses any
 * more are removed. Returns the deals whose stage or timeline changed.
 */
export function remapConnection(ws: Db, connectionId: number, kind: string, revision: number): number {
  const pipelines = storedPipelines(ws, connectionId);
  const mapping = syncMapping(ws, connectionId, kind, pipelines);
  const s = ws.sqlite;
  const deals = s
    .prepare(
      'select seq, upstream_pipeline as pipeline, upstream_stage as stage from deals where connection_id = ?',
    )
    .all(connectionId) as { seq: number; pipeline: string | null; stage: string | null }[];
  const rows = s
    .prepare(
      `select h.id, h.deal_seq as seq, h.value, h.upstream_stage as ref from deal_history h
       join deals d on d.seq = h.deal_seq where d.connection_id = ? and h.field = 'stage' and h.upstream_stage is not null`,
    )
    .all(connectionId) as { id: number; seq: number; value: string; ref: string }[];
  const changed = new Set<number>();
  const setRow = s.prepare('update deal_history set value = ? where id = ?');
  for (const r of rows) {
    const slash = r.ref.indexOf('/');
    const key = mapping.keyOf({ pipeline: r.ref.slice(0, slash), stage: r.ref.slice(slash + 1) });
    if (key !== r.value) {
      setRow.run(key, r.id);
      changed.add(r.seq);
    }
  }
  const setDeal = s.prepare(
    `update deals set stage = ?, stage_rank = (select sort_order from stages where key = ?), sync_hash = null where seq = ?`,
  );
  for (const d of deals) {
    if (d.pipeline === null || d.stage === null) continue;
    const key = mapping.keyOf({ pipeline: d.pipeline, stage: d.stage });
    const current = (s.prepare('select stage from deals where seq = ?').pluck().get(d.seq) as string) ?? '';
    if (key !== current) {
      setDeal.run(key, key, d.seq);
      changed.add(d.seq);
    }
  }
  const stageRows = s.prepare(
    `select value, changed_at as changedAt from deal_history where deal_seq = ? and field = 'stage' order by changed_at, id`,
  );
  const fix = s.prepare('update deals set stage_entered_at = ?, revision = ? where seq = ?');
  for (const seq of changed) {
    const deal = s.prepare('select created_at as createdAt, stage from deals where seq = ?').get(seq) as {
      createdAt: number;
      stage: string;
    };
    const history = (stageRows.all(seq) as { value: string; changedAt: number }[]).map((r) => ({
      ...r,
      field: 'stage' as const,
    }));
    fix.run(stageEnteredAt(deal.createdAt, deal.stage, history), revision, seq);
  }
  // A stage of its own is only for an upstream stage nothing maps: gone once none uses it.
  // Keys of its own are `<kind>:…`; ';' sorts right after ':', so this is the prefix range.
  s.prepare(
    `delete from stages where key >= ? and key < ? and key not in (select stage from deals)
       and key not in (select value from deal_history where field = 'stage')`,
  ).run(`${kind}:`, `${kind};`);
  return changed.size;
}
