/**
 * A re-imported export without history rows: each deal that changed since its stored
 * version gets its changes as history, marked `inferred` (as a sync without upstream
 * history does), so the timeline shows the move instead of the new values silently
 * replacing the old ones. Rules in shared/domain/inferred-history.ts.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { inferHistoryRows, type TrackedFields } from '@shared/domain/inferred-history';
import type { HistoryField } from '@shared/domain/stages';
import { formatAmount } from '@shared/money';
import type { Db } from '../db/query';
import type { DealValues, HistoryValues } from '../deals/writer';

const tracked = (d: {
  stage: string;
  amountCents: number;
  closeDate: string | null;
  forecastCategory: string;
  owner: string;
}): TrackedFields => ({
  stage: d.stage,
  amount: formatAmount(d.amountCents),
  close_date: d.closeDate ?? '',
  forecast_category: d.forecastCategory,
  owner: d.owner,
});

export class InferredHistory {
  private readonly storedDeal: BetterSqlite3.Statement;
  private readonly lastRows: BetterSqlite3.Statement;

  constructor(ws: Db) {
    this.storedDeal = ws.sqlite.prepare(
      `select seq, created_at as createdAt, stage, amount_cents as amountCents, close_date as closeDate,
         forecast_category as forecastCategory, owner from deals where id = ?`,
    );
    this.lastRows = ws.sqlite.prepare(
      'select field, max(changed_at) as last from deal_history where deal_seq = ? group by field',
    );
  }

  /**
   * The rows to append for a file's deal against its stored version (none for a new or
   * unchanged deal), stamped at `at`: the row's updated_at, else the import time.
   */
  rowsFor(deal: DealValues, at: number): HistoryValues[] {
    const stored = this.storedDeal.get(deal.id) as
      | {
          seq: number;
          createdAt: number;
          stage: string;
          amountCents: number;
          closeDate: string | null;
          forecastCategory: string;
          owner: string;
        }
      | undefined;
    if (!stored) return [];
    const before = tracked(stored);
    const after = tracked(deal);
    if (Object.keys(before).every((k) => before[k as HistoryField] === after[k as HistoryField])) return [];
    const lastChangedAt: Partial<Record<HistoryField, number>> = {};
    for (const r of this.lastRows.all(stored.seq) as { field: HistoryField; last: number }[])
      lastChangedAt[r.field] = r.last;
    // The file's created_at wins on write: rows before it would count as stamped at it anyway.
    const createdAt = deal.createdAt;
    return inferHistoryRows(before, after, Math.max(at, createdAt), { createdAt, lastChangedAt });
  }
}
