import type BetterSqlite3 from 'better-sqlite3';
import type { HistoryField } from '@shared/domain/stages';
import { stageVisits } from '@shared/domain/timeline';
import { run, type Db } from '../db/query';

/** A deal's upstream columns, in storage units (ms, cents). */
export interface DealValues {
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  amountCents: number;
  currency: string;
  stage: string;
  createdAt: number;
  closeDate: string | null;
  forecastCategory: string;
  lostReason: string;
  product: string;
  nextStep: string;
  updatedAt: number;
  lastActivityAt: number | null;
  deletedAt: number | null;
}

export interface HistoryValues {
  field: HistoryField;
  value: string;
  changedAt: number;
}

/** When the deal entered the stage it is in at the end of its history. */
export function stageEnteredAt(
  createdAt: number,
  stageColumn: string,
  history: readonly HistoryValues[],
): number {
  const rows = history.filter((h) => h.field === 'stage');
  return stageVisits(createdAt, stageColumn, rows).at(-1)!.enteredAt;
}

/** What the pipeline search looks in: name, account, id and owner, one per line. */
export const searchText = (d: Pick<DealValues, 'name' | 'account' | 'id' | 'owner'>): string =>
  `${d.name}\n${d.account}\n${d.id}\n${d.owner}`;

export interface DealWriterOptions {
  /** Where the rows came from (kept on deals and history). */
  source: 'csv' | 'demo';
  /**
   * The workspace holds no deals yet: plain inserts, no look-ups of existing rows. The
   * caller guarantees unique ids (imports check that before writing).
   */
  fresh: boolean;
}

/**
 * History rows per multi-row insert: most of an import's rows are history, and
 * better-sqlite3's per-statement overhead is a large share of a small insert (the bench's
 * import-vs-raw ratio and the demo's deals/s both depend on it).
 */
const HISTORY_BATCH = 64;
const HISTORY_VALUES = 5;

const DEAL_COLUMNS = `id, name, account, owner, team, amount_cents, currency, stage, created_at, close_date,
  forecast_category, lost_reason, product, next_step, updated_at, last_activity_at, deleted_at,
  stage_entered_at, stage_rank, search_text, source, revision`;

/**
 * The hot path for imports and the demo generator, so raw cached prepared statements
 * rather than Kysely (bench: demo generation ≥ 20k deals/s, import ≥ 50% of the raw insert
 * rate, `npm run bench`), called inside one transaction the caller opens (a failure
 * anywhere rolls everything back). Local deals only: synced deals are the sync's to write.
 */
export class DealWriter {
  private readonly insertDeal: BetterSqlite3.Statement;
  private readonly upsertDeal: BetterSqlite3.Statement;
  private readonly insertHistory: BetterSqlite3.Statement;
  private readonly deleteHistory: BetterSqlite3.Statement;
  private readonly stageHistory: BetterSqlite3.Statement;
  private readonly insertHistoryBatch: BetterSqlite3.Statement;
  private readonly findDeal: BetterSqlite3.Statement;
  private readonly setStageEntered: BetterSqlite3.Statement;
  /** History rows waiting for a multi-row insert (HISTORY_VALUES values a row). */
  private readonly pending: (string | number)[] = [];
  written = 0;
  historyWritten = 0;
  /** Stamped on every deal this writer writes. */
  readonly revision: number;

  constructor(
    private readonly ws: Db,
    private readonly options: DealWriterOptions,
  ) {
    const sqlite = ws.sqlite;
    const values = `?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (select sort_order from stages where key = ?), ?, ?, ?`;
    this.insertDeal = sqlite.prepare(`insert into deals(${DEAL_COLUMNS}) values(${values})`);
    this.upsertDeal = sqlite.prepare(
      `insert into deals(${DEAL_COLUMNS}) values(${values})
       on conflict(id) do update set name = excluded.name, account = excluded.account, owner = excluded.owner,
         team = excluded.team, amount_cents = excluded.amount_cents, currency = excluded.currency,
         stage = excluded.stage, created_at = excluded.created_at, close_date = excluded.close_date,
         forecast_category = excluded.forecast_category, lost_reason = excluded.lost_reason,
         product = excluded.product, next_step = excluded.next_step, updated_at = excluded.updated_at,
         last_activity_at = excluded.last_activity_at, deleted_at = excluded.deleted_at,
         stage_entered_at = excluded.stage_entered_at, stage_rank = excluded.stage_rank, search_text = excluded.search_text,
         source = excluded.source, revision = excluded.revision
       returning seq`,
    );
    this.insertHistory = sqlite.prepare(
      'insert into deal_history(deal_seq, field, value, changed_at, source) values(?, ?, ?, ?, ?)',
    );
    this.insertHistoryBatch = sqlite.prepare(
      `insert into deal_history(deal_seq, field, value, changed_at, source) values${Array(HISTORY_BATCH).fill('(?, ?, ?, ?, ?)').join(', ')}`,
    );
    this.deleteHistory = sqlite.prepare('delete from deal_history where deal_seq = ?');
    this.findDeal = sqlite.prepare('select seq, created_at as createdAt, stage from deals where id = ?');
    this.setStageEntered = sqlite.prepare(
      'update deals set stage_entered_at = ?, revision = ? where seq = ?',
    );
    // One revision per writer, i.e. per write transaction: the analytics snapshot re-reads
    // the deals stamped after the revision it has read (see analytics/store.ts).
    this.revision =
      (sqlite.prepare('select coalesce(max(revision), 0) + 1 from deals').pluck().get() as number) ?? 1;
    this.stageHistory = sqlite.prepare(
      `select h.value, h.changed_at as changedAt from deal_history h join deals d on d.seq = h.deal_seq
       where d.id = ? and h.field = 'stage' order by h.changed_at, h.id`,
    );
  }

  /**
   * Writes one deal. `history` replaces the deal's stored history; `undefined` keeps what
   * is stored (a re-import of deals.csv alone must not erase the timeline), and then
   * `inferred` rows (changes seen against the stored version) are added to it.
   */
  write(
    deal: DealValues,
    history: readonly HistoryValues[] | undefined,
    inferred: readonly HistoryValues[] = [],
  ): void {
    let known = history;
    if (!this.options.fresh) this.flush();
    if (known === undefined && !this.options.fresh) {
      known = (this.stageHistory.all(deal.id) as { value: string; changedAt: number }[]).map((r) => ({
        field: 'stage' as const,
        value: r.value,
        changedAt: r.changedAt,
      }));
      known = [...known, ...inferred];
    }
    const entered = stageEnteredAt(deal.createdAt, deal.stage, known ?? []);
    const params = [
      deal.id,
      deal.name,
      deal.account,
      deal.owner,
      deal.team,
      deal.amountCents,
      deal.currency,
      deal.stage,
      deal.createdAt,
      deal.closeDate,
      deal.forecastCategory,
      deal.lostReason,
      deal.product,
      deal.nextStep,
      deal.updatedAt,
      deal.lastActivityAt,
      deal.deletedAt,
      entered,
      deal.stage,
      searchText(deal),
      this.options.source,
      this.revision,
    ];
    let seq: number;
    if (this.options.fresh) {
      seq = Number(this.insertDeal.run(params).lastInsertRowid);
    } else {
      seq = (this.upsertDeal.get(params) as { seq: number }).seq;
      if (history !== undefined) this.deleteHistory.run(seq);
    }
    if (history) {
      const pending = this.pending;
      for (const h of history) {
        pending.push(seq, h.field, h.value, h.changedAt, this.options.source);
        if (pending.length === HISTORY_BATCH * HISTORY_VALUES) {
          this.insertHistoryBatch.run(pending);
          pending.length = 0;
        }
      }
      this.historyWritten += history.length;
    } else if (inferred.length) {
      for (const h of inferred) this.insertHistory.run(seq, h.field, h.value, h.changedAt, 'inferred');
      this.historyWritten += inferred.length;
    }
    this.written++;
  }

  /** Writes the history rows still waiting for a full batch. */
  private flush(): void {
    const p = this.pending;
    for (let i = 0; i < p.length; i += HISTORY_VALUES) this.insertHistory.run(p.slice(i, i + HISTORY_VALUES));
    p.length = 0;
  }

  /** Replaces the history of a stored deal that the import names without its deal row. */
  replaceHistory(dealId: string, history: readonly HistoryValues[]): void {
    this.flush();
    const row = this.findDeal.get(dealId) as { seq: number; createdAt: number; stage: string } | undefined;
    if (!row) throw new Error(`deal ${dealId} is not in the workspace`);
    this.deleteHistory.run(row.seq);
    for (const h of history)
      this.insertHistory.run(row.seq, h.field, h.value, h.changedAt, this.options.source);
    this.historyWritten += history.length;
    this.setStageEntered.run(stageEnteredAt(row.createdAt, row.stage, history), this.revision, row.seq);
  }

  /** Writes what is pending and brings the reference tables (teams, owners, accounts) up to date. */
  finish(): void {
    this.flush();
    const { db } = this.ws;
    run(
      this.ws,
      db
        .insertInto('teams')
        .columns(['name'])
        .expression(db.selectFrom('deals').select('team').distinct().where('team', '<>', ''))
        .onConflict((oc) => oc.doNothing()),
    );
    run(
      this.ws,
      db
        .insertInto('owners')
        .columns(['name', 'team'])
        .expression(
          db
            .selectFrom('deals')
            .select((eb) => ['owner', eb.fn.max('team').as('team')])
            .where('owner', '<>', '')
            .groupBy('owner'),
        )
        .onConflict((oc) => oc.column('name').doUpdateSet((eb) => ({ team: eb.ref('excluded.team') }))),
    );
    run(
      this.ws,
      db
        .insertInto('accounts')
        .columns(['name'])
        .expression(db.selectFrom('deals').select('account').distinct().where('account', '<>', ''))
        .onConflict((oc) => oc.doNothing()),
    );
  }
}
