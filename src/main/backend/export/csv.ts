import type { ExportKind } from '@shared/contract';
import { formatAmount } from '@shared/money';
import { formatTimestamp } from '@shared/time';
import type { Workspace } from '../db/connection';
import type { DealRecord } from '../db/schema';
import { loadStages } from '../stages/model';
import { writeCsv } from '../csv/codec';
import { COLUMNS, FILE_NAMES } from '../csv/columns';

const ts = (ms: number | null): string => (ms === null ? '' : formatTimestamp(ms));

function* dealRows(ws: Workspace): Generator<string[]> {
  // Rows in a stable order (PRODUCT.md): by id, compared as text.
  const rows = ws.sqlite.prepare('select * from deals order by id').iterate() as Iterable<DealRecord>;
  for (const d of rows) {
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

function* historyRows(ws: Workspace): Generator<string[]> {
  // By deal id, then time; rows at the same instant keep the order they were imported in.
  const rows = ws.sqlite
    .prepare(
      `select d.id as dealId, h.field, h.value, h.changed_at as changedAt
       from deal_history h join deals d on d.seq = h.deal_seq order by d.id, h.changed_at, h.id`,
    )
    .iterate() as Iterable<{ dealId: string; field: string; value: string; changedAt: number }>;
  for (const h of rows) yield [h.dealId, h.field, h.value, ts(h.changedAt)];
}

function* stageRows(ws: Workspace): Generator<string[]> {
  for (const s of loadStages(ws.sqlite)) {
    yield [
      s.key,
      s.name,
      String(s.order),
      s.kind,
      String(s.probability),
      s.dwellLimitDays === null ? '' : String(s.dwellLimitDays),
    ];
  }
}

function* mentorRows(ws: Workspace): Generator<string[]> {
  const rows = ws.sqlite
    .prepare(
      'select deal_id as dealId, mentor, share_pct as share from mentor_assignments order by deal_id, mentor',
    )
    .iterate() as Iterable<{ dealId: string; mentor: string; share: number }>;
  for (const m of rows) yield [m.dealId, m.mentor, String(m.share)];
}

function* quotaRows(ws: Workspace): Generator<string[]> {
  const rows = ws.sqlite
    .prepare('select quarter, team, owner, amount_cents as cents from quotas order by quarter, team, owner')
    .iterate() as Iterable<{ quarter: string; team: string; owner: string; cents: number }>;
  for (const q of rows) yield [q.quarter, q.team, q.owner, formatAmount(q.cents)];
}

const SOURCES: Record<ExportKind, (ws: Workspace) => Iterable<string[]>> = {
  deals: dealRows,
  history: historyRows,
  stages: stageRows,
  mentors: mentorRows,
  quotas: quotaRows,
};

/** The canonical CSV of one kind, as text (the same format import reads). */
export function exportCsv(ws: Workspace, kind: ExportKind): { filename: string; text: string } {
  return { filename: FILE_NAMES[kind], text: writeCsv(COLUMNS[kind], SOURCES[kind](ws)) };
}
