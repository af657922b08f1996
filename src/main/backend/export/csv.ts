import type { ExportKind } from '@shared/contract';
import { formatAmount } from '@shared/money';
import { formatTimestamp } from '@shared/time';
import { iterate, type Db } from '../db/query';
import { loadStages } from '../stages/model';
import { writeCsv } from '../csv/codec';
import { COLUMNS, FILE_NAMES } from '../csv/columns';

const ts = (ms: number | null): string => (ms === null ? '' : formatTimestamp(ms));

function* dealRows(ws: Db): Generator<string[]> {
  // Rows in a stable order (PRODUCT.md): by id, compared as text.
  for (const d of iterate(ws, ws.db.selectFrom('deals').selectAll().orderBy('id'))) {
    yield [
      d.id,
      d.name,
      d.account,
      d.owner,
      d.team,
      formatAmount(d.amount_cents),
      d.currency,
      d.stage,
      ts(d.created_at),
      d.close_date ?? '',
      d.forecast_category,
      d.lost_reason,
      d.product,
      d.next_step,
      ts(d.updated_at),
      ts(d.last_activity_at),
      ts(d.deleted_at),
    ];
  }
}

function* historyRows(ws: Db): Generator<string[]> {
  // By deal id, then time; rows at the same instant keep the order they were imported in.
  const rows = iterate(
    ws,
    ws.db
      .selectFrom('deal_history as h')
      .innerJoin('deals as d', 'd.seq', 'h.deal_seq')
      .select(['d.id as dealId', 'h.field', 'h.value', 'h.changed_at as changedAt'])
      .orderBy('d.id')
      .orderBy('h.changed_at')
      .orderBy('h.id'),
  );
  for (const h of rows) yield [h.dealId, h.field, h.value, ts(h.changedAt)];
}

function* stageRows(ws: Db): Generator<string[]> {
  for (const s of loadStages(ws)) {
    yield [
      s.key,
      s.name,
      String(s.order),
      s.kind,
      String(s.probability),
      s.dwellLimitDays === null ? '' : String(s.dwellLimitDays),
      s.followupDays === null ? '' : String(s.followupDays),
    ];
  }
}

function* mentorRows(ws: Db): Generator<string[]> {
  const rows = iterate(
    ws,
    ws.db
      .selectFrom('mentor_assignments')
      .select(['deal_id', 'mentor', 'share_pct'])
      .orderBy('deal_id')
      .orderBy('mentor'),
  );
  for (const m of rows) yield [m.deal_id, m.mentor, String(m.share_pct)];
}

function* quotaRows(ws: Db): Generator<string[]> {
  const rows = iterate(
    ws,
    ws.db.selectFrom('quotas').selectAll().orderBy('quarter').orderBy('team').orderBy('owner'),
  );
  for (const q of rows) yield [q.quarter, q.team, q.owner, formatAmount(q.amount_cents)];
}

const SOURCES: Record<ExportKind, (ws: Db) => Iterable<string[]>> = {
  deals: dealRows,
  history: historyRows,
  stages: stageRows,
  mentors: mentorRows,
  quotas: quotaRows,
};

/** The canonical CSV of one kind, as text (the same format import reads). */
export function exportCsv(ws: Db, kind: ExportKind): { filename: string; text: string } {
  return { filename: FILE_NAMES[kind], text: writeCsv(COLUMNS[kind], SOURCES[kind](ws)) };
}
