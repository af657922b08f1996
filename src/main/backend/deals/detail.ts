import type { DealDetail, FieldChange, StageVisit } from '@shared/contract';
import { DAY_MS, formatTimestamp } from '@shared/time';
import { stageVisits } from '@shared/domain/timeline';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import { all, first, type Db } from '../db/query';
import { listNotes } from '../notes/notes';
import { toDealRow } from '../pipeline/deal-list';
import { loadStages } from '../stages/model';
import { workspaceNow } from '../workspace/settings';

interface HistoryRow {
  field: string;
  value: string;
  changedAt: number;
  source: string;
}

/** The stage visits shown in the drawer: the timeline cut at the workspace's "now". */
export function stageTimeline(
  createdAt: number,
  stageColumn: string,
  rows: readonly HistoryRow[],
  now: number,
): StageVisit[] {
  const stageRows = rows.filter((r) => r.field === 'stage');
  return stageVisits(createdAt, stageColumn, stageRows, now).map((v) => ({
    stage: v.stage,
    enteredAt: formatTimestamp(v.enteredAt),
    exitedAt: v.exitedAt === null ? null : formatTimestamp(v.exitedAt),
    days: Math.max(0, (v.exitedAt ?? now) - v.enteredAt) / DAY_MS,
  }));
}

const changes = (rows: readonly HistoryRow[], field: string): FieldChange[] =>
  rows
    .filter((r) => r.field === field)
    .map((r) => ({ value: r.value, changedAt: formatTimestamp(r.changedAt), source: r.source }));

export function getDeal(ws: Db, id: string): DealDetail {
  const deal = first(ws, ws.db.selectFrom('deals').selectAll().where('id', '=', id));
  if (!deal) throw new WorkbenchError('not_found', msg('deal_missing', { id }));
  const stage = loadStages(ws).find((s) => s.key === deal.stage);
  // Sorted by time; rows at one instant keep the order they were written in.
  const history: HistoryRow[] = all(
    ws,
    ws.db
      .selectFrom('deal_history')
      .select(['field', 'value', 'changed_at as changedAt', 'source'])
      .where('deal_seq', '=', deal.seq)
      .orderBy('changed_at')
      .orderBy('id'),
  );
  const now = workspaceNow(ws);
  return {
    ...toDealRow(deal, stage, now),
    currency: deal.currency,
    createdAt: formatTimestamp(deal.created_at),
    lostReason: deal.lost_reason,
    product: deal.product,
    nextStep: deal.next_step,
    lastActivityAt: deal.last_activity_at === null ? null : formatTimestamp(deal.last_activity_at),
    deletedAt: deal.deleted_at === null ? null : formatTimestamp(deal.deleted_at),
    source: deal.source,
    timeline: stageTimeline(deal.created_at, deal.stage, history, now),
    amountHistory: changes(history, 'amount'),
    closeDateHistory: changes(history, 'close_date'),
    forecastHistory: changes(history, 'forecast_category'),
    notes: listNotes(ws, id),
  };
}
