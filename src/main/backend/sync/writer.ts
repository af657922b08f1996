import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { inferHistoryRows, type TrackedFields } from '@shared/domain/inferred-history';
import { HISTORY_FIELDS, type HistoryField } from '@shared/domain/stages';
import { formatAmount } from '@shared/money';
import { msg } from '@shared/messages';
import type { Db } from '../db/query';
import { stageEnteredAt, searchText, type HistoryValues } from '../deals/writer';
import type { Quarantined, UpstreamDeal } from './connector';
import { refKey, type StageMapping } from './mapping';

/** A history row as the sync writes it. */
interface SyncedRow extends HistoryValues {
  source: 'sync' | 'inferred';
  eventKey: string | null;
  upstreamStage: string | null;
}

export interface PageCounts {
  upserted: number;
  unchanged: number;
  deleted: number;
  quarantined: Quarantined[];
}

interface StoredDeal {
  seq: number;
  source: string;
  connection_id: number | null;
  stage: string;
  amount_cents: number;
  close_date: string | null;
  forecast_category: string;
  owner: string;
  created_at: number;
  deleted_at: number | null;
  sync_hash: string | null;
  upstream_pipeline: string | null;
  upstream_stage: string | null;
}

/**
 * History rows per multi-row insert: a full sync writes a dozen rows a deal, and
 * better-sqlite3's per-statement overhead is a large share of one small insert.
 */
const HISTORY_BATCH = 64;
const ROW_VALUES = 7;

const DEAL_COLUMNS = `id, name, account, owner, team, amount_cents, currency, stage, created_at, close_date,
  forecast_category, lost_reason, product, next_step, updated_at, last_activity_at, deleted_at,
  stage_entered_at, stage_rank, search_text, source, connection_id, upstream_pipeline, upstream_stage,
  synced_at, revision, sync_hash`;

/**
 * Writes one page of a sync inside the caller's transaction, with cached prepared
 * statements (the bench holds a full sync to 1.5× the time of merely downloading it).
 * Deals are upserted by the CRM's id, idempotently: a deal whose digest matches what is
 * stored is skipped (a re-read window, a resumed page). Local work (notes, meetings,
 * plans, mentor tags) lives in tables this never touches.
 */
export class SyncWriter {
  private readonly find: BetterSqlite3.Statement;
  private readonly upsert: BetterSqlite3.Statement;
  private readonly dropHistory: BetterSqlite3.Statement;
  private readonly insertRow: BetterSqlite3.Statement;
  private readonly insertBatch: BetterSqlite3.Statement;
  /** CRM history rows waiting for a multi-row insert (ROW_VALUES values a row). */
  private readonly pending: (string | number | null)[] = [];
  /** Owners, teams and accounts this page named: each written once a page. */
  private readonly owners = new Map<string, string>();
  private readonly teams = new Set<string>();
  private readonly accounts = new Set<string>();
  private readonly fieldRows: BetterSqlite3.Statement;
  private readonly stageRows: BetterSqlite3.Statement;
  private readonly setEntered: BetterSqlite3.Statement;
  private readonly tombstone: BetterSqlite3.Statement;
  private readonly owner: BetterSqlite3.Statement;
  private readonly team: BetterSqlite3.Statement;
  private readonly account: BetterSqlite3.Statement;

  constructor(
    ws: Db,
    private readonly connectionId: number,
    private readonly mapping: StageMapping,
    /** Stamped on every deal written, so the analytics snapshot re-reads exactly those. */
    private readonly revision: number,
    private readonly now: number,
  ) {
    const s = ws.sqlite;
    this.find = s.prepare(
      `select seq, source, connection_id, stage, amount_cents, close_date, forecast_category, owner, created_at,
        deleted_at, sync_hash, upstream_pipeline, upstream_stage from deals where id = ?`,
    );
    this.upsert = s.prepare(
      `insert into deals(${DEAL_COLUMNS}) values(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?,
         (select sort_order from stages where key = ?), ?, 'sync', ?, ?, ?, ?, ?, ?)
       on conflict(id) do update set name = excluded.name, account = excluded.account, owner = excluded.owner,
         team = excluded.team, amount_cents = excluded.amount_cents, currency = excluded.currency,
         stage = excluded.stage, created_at = excluded.created_at, close_date = excluded.close_date,
         forecast_category = excluded.forecast_category, lost_reason = excluded.lost_reason,
         next_step = excluded.next_step, updated_at = excluded.updated_at,
         last_activity_at = excluded.last_activity_at, deleted_at = excluded.deleted_at,
         stage_entered_at = excluded.stage_entered_at, stage_rank = excluded.stage_rank,
         search_text = excluded.search_text, source = 'sync', connection_id = excluded.connection_id,
         upstream_pipeline = excluded.upstream_pipeline, upstream_stage = excluded.upstream_stage,
         synced_at = excluded.synced_at, revision = excluded.revision, sync_hash = excluded.sync_hash
       returning seq`,
    );
    this.dropHistory = s.prepare('delete from deal_history where deal_seq = ?');
    this.insertRow = s.prepare(
      `insert or ignore into deal_history(deal_seq, field, value, changed_at, source, event_key, upstream_stage)
       values(?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertBatch = s.prepare(
      `insert into deal_history(deal_seq, field, value, changed_at, source, event_key, upstream_stage)
       values${Array(HISTORY_BATCH).fill('(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    this.fieldRows = s.prepare(
      'select field, max(changed_at) as last from deal_history where deal_seq = ? group by field',
    );
    this.stageRows = s.prepare(
      `select value, changed_at as changedAt from deal_history where deal_seq = ? and field = 'stage'
       order by changed_at, id`,
    );
    this.setEntered = s.prepare('update deals set stage_entered_at = ? where seq = ?');
    this.tombstone = s.prepare(
      // The digest goes too: it describes the live deal, and a restore re-reads it unchanged.
      `update deals set deleted_at = ?, revision = ?, synced_at = ?, sync_hash = null
       where id = ? and connection_id = ? and deleted_at is not ?`,
    );
    this.owner = s.prepare(
      `insert into owners(name, team) values(?, ?) on conflict(name) do update set team = excluded.team
       where excluded.team <> '' and owners.team is not excluded.team`,
    );
    this.team = s.prepare('insert into teams(name) values(?) on conflict(name) do nothing');
    this.account = s.prepare('insert into accounts(name) values(?) on conflict(name) do nothing');
  }

  /** Writes a page's deals and tombstones; returns what it did. */
  write(deals: readonly UpstreamDeal[], deletions: readonly { id: string; deletedAt: number }[]): PageCounts {
    const counts: PageCounts = { upserted: 0, unchanged: 0, deleted: 0, quarantined: [] };
    for (const deal of deals) {
      const stored = this.find.get(deal.id) as StoredDeal | undefined;
      if (stored && stored.connection_id !== null && stored.connection_id !== this.connectionId) {
        // Two connections claiming one id: the first keeps it, the second says so.
        counts.quarantined.push({
          id: deal.id,
          reason: msg('sync_owned_elsewhere', { id: deal.id }),
          payload: deal,
        });
        continue;
      }
      const hash = digest(deal, this.mapping);
      if (stored?.sync_hash === hash && stored.connection_id === this.connectionId) {
        counts.unchanged++;
        continue;
      }
      this.writeDeal(deal, stored, hash);
      counts.upserted++;
    }
    this.flush();
    for (const [owner, team] of this.owners) this.owner.run(owner, team);
    for (const team of this.teams) this.team.run(team);
    for (const account of this.accounts) this.account.run(account);
    for (const d of deletions) {
      if (
        this.tombstone.run(d.deletedAt, this.revision, this.now, d.id, this.connectionId, d.deletedAt).changes
      )
        counts.deleted++;
    }
    return counts;
  }

  private writeDeal(deal: UpstreamDeal, stored: StoredDeal | undefined, hash: string): void {
    const stage = this.mapping.keyOf(deal.stage);
    let rows: SyncedRow[] | null = null;
    if (deal.history) rows = this.upstreamRows(deal, stage);
    const entered = rows
      ? stageEnteredAt(
          deal.createdAt,
          stage,
          rows.filter((r) => r.field === 'stage'),
        )
      : 0;
    const seq = (
      this.upsert.get(
        deal.id,
        deal.name,
        deal.account,
        deal.owner,
        deal.team,
        deal.amountCents,
        deal.currency,
        stage,
        deal.createdAt,
        deal.closeDate,
        deal.forecastCategory,
        deal.lostReason,
        deal.nextStep,
        deal.updatedAt,
        deal.lastActivityAt,
        deal.deletedAt,
        entered,
        stage,
        searchText(deal),
        this.connectionId,
        deal.stage.pipeline,
        deal.stage.stage,
        this.now,
        this.revision,
        hash,
      ) as { seq: number }
    ).seq;
    if (rows) {
      // The CRM's own history replaces whatever was stored: rows of an earlier sync, rows
      // inferred while the CRM gave none, rows of a CSV export this deal came from.
      if (stored) this.dropHistory.run(seq);
      const pending = this.pending;
      for (const r of rows) {
        pending.push(seq, r.field, r.value, r.changedAt, r.source, r.eventKey, r.upstreamStage);
        if (pending.length === HISTORY_BATCH * ROW_VALUES) {
          this.insertBatch.run(pending);
          pending.length = 0;
        }
      }
    } else {
      this.flush();
      this.inferRows(seq, deal, stage, stored);
      const stageRows = (this.stageRows.all(seq) as { value: string; changedAt: number }[]).map((r) => ({
        ...r,
        field: 'stage' as const,
      }));
      this.setEntered.run(stageEnteredAt(deal.createdAt, stage, stageRows), seq);
    }
    if (deal.owner && (deal.team || !this.owners.has(deal.owner))) this.owners.set(deal.owner, deal.team);
    if (deal.team) this.teams.add(deal.team);
    if (deal.account) this.accounts.add(deal.account);
  }

  /** Writes the CRM history rows still waiting for a full batch. */
  private flush(): void {
    const p = this.pending;
    for (let i = 0; i < p.length; i += ROW_VALUES) this.insertRow.run(p.slice(i, i + ROW_VALUES));
    p.length = 0;
  }

  /**
   * The CRM's history as rows: stages through the mapping, rows before the deal's creation
   * moved to it (PRODUCT.md), and, where a field's last row disagrees with the deal's
   * current value (a history that missed the latest change), the current value appended,
   * stamped at the later of updated_at and that row — the table and the timeline agree.
   */
  private upstreamRows(deal: UpstreamDeal, stage: string): SyncedRow[] {
    const rows: SyncedRow[] = [];
    const seen = new Set<string>();
    for (const c of deal.history!) {
      const value = c.field === 'stage' ? this.mapping.keyOf(c.stage) : c.value;
      const dedupe = `${c.field}\u0000${c.key}`;
      if (seen.has(dedupe)) continue;
      seen.add(dedupe);
      rows.push({
        field: c.field,
        value,
        changedAt: Math.max(c.at, deal.createdAt),
        source: 'sync',
        // The deal's whole history is replaced each time and de-duplicated here, so the
        // unique event index (meant for re-read windows) need not be kept for these rows.
        eventKey: null,
        upstreamStage: c.field === 'stage' ? refKey(c.stage) : null,
      });
    }
    const current = columns(deal, stage);
    for (const field of HISTORY_FIELDS) {
      let last: SyncedRow | undefined;
      for (const r of rows) if (r.field === field && (!last || r.changedAt >= last.changedAt)) last = r;
      if (!last || last.value === current[field]) continue;
      rows.push({
        field,
        value: current[field],
        changedAt: Math.max(deal.updatedAt, last.changedAt),
        source: 'inferred',
        eventKey: null,
        upstreamStage: field === 'stage' ? refKey(deal.stage) : null,
      });
    }
    return rows;
  }

  /**
   * Without the CRM's history, a change is seen by comparing with the stored version and
   * recorded at the best time known, the deal's modified time, marked inferred. A field
   * without rows first gets its old value at created_at: otherwise the new row would be
   * the field's only row and back-date the new value to the deal's creation.
   */
  private inferRows(seq: number, deal: UpstreamDeal, stage: string, stored: StoredDeal | undefined): void {
    if (!stored) return;
    const before: TrackedFields = {
      stage: stored.stage,
      amount: formatAmount(stored.amount_cents),
      close_date: stored.close_date ?? '',
      forecast_category: stored.forecast_category,
      owner: stored.owner,
    };
    const lastChangedAt = Object.fromEntries(
      (this.fieldRows.all(seq) as { field: HistoryField; last: number }[]).map((r) => [r.field, r.last]),
    );
    // The same rule as a re-imported export: see shared/domain/inferred-history.ts.
    const rows = inferHistoryRows(before, columns(deal, stage), deal.updatedAt, {
      createdAt: deal.createdAt,
      lastChangedAt,
    });
    // Stage rows keep the CRM's own stage, so a changed mapping re-maps them too.
    const storedRef =
      stored.upstream_pipeline !== null && stored.upstream_stage !== null
        ? refKey({ pipeline: stored.upstream_pipeline, stage: stored.upstream_stage })
        : null;
    for (const r of rows) {
      const ref = r.field !== 'stage' ? null : r.value === stage ? refKey(deal.stage) : storedRef;
      this.insertRow.run(seq, r.field, r.value, r.changedAt, 'inferred', null, ref);
    }
  }
}

/** A deal's tracked fields as history values. */
function columns(deal: UpstreamDeal, stage: string): TrackedFields {
  return {
    stage,
    amount: formatAmount(deal.amountCents),
    close_date: deal.closeDate ?? '',
    forecast_category: deal.forecastCategory,
    owner: deal.owner,
  };
}

/** What the CRM said of a deal, through the mapping in force (a re-mapping rewrites it). */
function digest(deal: UpstreamDeal, mapping: StageMapping): string {
  const stages = [
    mapping.keyOf(deal.stage),
    ...(deal.history ?? []).map((c) => (c.field === 'stage' ? mapping.keyOf(c.stage) : '')),
  ];
  return createHash('sha1')
    .update(JSON.stringify([deal, stages]))
    .digest('base64');
}
