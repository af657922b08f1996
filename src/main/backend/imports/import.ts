import type { ImportCheck, ImportFileKind, ImportFiles, ImportOutcome } from '@shared/contract';
import { HISTORY_FIELDS, type HistoryField, type Stage } from '@shared/domain/stages';
import { formatAmount } from '@shared/money';
import { msg } from '@shared/messages';
import { WorkbenchError } from '@shared/result';
import type { Workspace } from '../db/connection';
import { first, iterate } from '../db/query';
import { withSearchIndexRebuilt } from '../db/search-index';
import { DealWriter, type HistoryValues } from '../deals/writer';
import { upsertQuotas } from '../forecast/quotas';
import { replaceMentorTags } from '../mentors/tags';
import { hasStoredStages, loadStages, replaceStages } from '../stages/model';
import { readSetting, workspaceNow, writeSetting } from '../workspace/settings';
import { wipeDemoData } from '../workspace/demo-data';
import { IssueLog, problem } from './issues';
import { readDeals, type ReadDeal } from './read-deals';
import { readHistory } from './read-history';
import { readMentors, readQuotas, type MentorTag, type QuotaRow } from './read-local';
import { readStages } from './read-stages';
import { readCanonical } from '../csv/table-reader';
import { isWorkbook, readSource } from './source';
import { InferredHistory } from './inferred';
import { mapDeals } from './mapping';
import type { DealMapping } from '@shared/imports/column-mapping';

/** Deals between two progress reports while writing. */
const PROGRESS_EVERY = 5000;

const KINDS: ImportFileKind[] = ['deals', 'history', 'stages', 'mentors', 'quotas'];

interface ImportPlan {
  log: IssueLog;
  counts: ImportCheck['counts'];
  stages: Stage[] | null;
  deals: ReadDeal[];
  history: Map<string, HistoryValues[]>;
  mentors: MentorTag[];
  quotas: QuotaRow[];
  currency: string | null;
  replacesDemo: boolean;
  /** Per stored deal re-imported without history rows: its changes, as inferred history. */
  inferred: Map<string, HistoryValues[]>;
}

export type ImportProgress = (phase: 'checking' | 'writing', done: number, total: number) => void;

/** Reads and validates every file against the workspace, writing nothing. */
function plan(ws: Workspace, files: ImportFiles, mapping?: DealMapping): ImportPlan {
  const log = new IssueLog();
  if (!KINDS.some((k) => files[k])) {
    throw new WorkbenchError('invalid_input', msg('import_nothing'));
  }
  const replacesDemo = readSetting(ws, 'workspace.isDemo', false) && Boolean(files.deals);
  const sourceOf = (k: ImportFileKind) => {
    const table = readSource(k, files[k]!, log);
    if (!table || k !== 'deals' || !mapping) return table;
    // A CRM's own export: mapped onto the canonical columns, then checked like any deals file.
    return mapDeals(table, mapping, {
      storedCreatedAt: (id) => (replacesDemo ? undefined : storedCreated(ws, id)),
      now: workspaceNow(ws),
    });
  };
  const rows = Object.fromEntries(
    KINDS.map((k) => [k, files[k] ? readCanonical(k, sourceOf(k), log) : []]),
  ) as Record<ImportFileKind, ReturnType<typeof readCanonical>>;

  let stages = files.stages ? readStages(rows.stages, log) : null;
  if (stages && stages.length === 0) {
    // An unreadable or empty stages.csv must not empty the model; the other files are
    // still checked against the stored one, so their errors stay meaningful.
    if (!log.fatal) log.error('stages', 0, problem('no_open_stage'));
    stages = null;
  }
  const model = stages ?? loadStages(ws);
  const stageKeys = new Set(model.map((s) => s.key));

  // Stored deals stay visible to history/mentors rows, unless the demo data is being replaced.
  const stored = new Map<string, number>();
  if (!replacesDemo) {
    for (const r of iterate(ws, ws.db.selectFrom('deals').select(['id', 'created_at'])))
      stored.set(r.id, r.created_at);
  }
  // Deals a CRM sync keeps in step are the CRM's: a CSV row for one is refused (the next
  // sync would silently undo it), never taken over. Their notes and mentor tags are local
  // and may still be imported.
  const synced = new Map<string, string>();
  for (const r of iterate(
    ws,
    ws.db
      .selectFrom('deals as d')
      .innerJoin('crm_connections as c', 'c.id', 'd.connection_id')
      .select(['d.id', 'c.kind']),
  ))
    synced.set(r.id, r.kind);
  const syncedBy = (id: string) => synced.get(id);
  const currency = replacesDemo ? null : readSetting<string | null>(ws, 'workspace.currency', null);
  const dealsRead = readDeals(rows.deals, { stageKeys, currency, syncedBy }, log);
  const fileDeals = new Map(dealsRead.deals.map((d) => [d.deal.id, d.deal.createdAt]));
  if (stages && !replacesDemo) {
    // A new stage model must still fit every stored deal the files do not rewrite.
    const orphaned = new Map<string, number>();
    for (const r of iterate(ws, ws.db.selectFrom('deals').select(['id', 'stage']))) {
      if (!stageKeys.has(r.stage) && !fileDeals.has(r.id))
        orphaned.set(r.stage, (orphaned.get(r.stage) ?? 0) + 1);
    }
    for (const [stage, n] of orphaned) log.error('stages', 0, problem('stage_dropped', { stage, count: n }));
  }
  if (stages && !replacesDemo) {
    const historyReplaced = new Set(rows.history.map((row) => row.get('deal_id')));
    // …and every stored history row that stays: a timeline may not pass through a stage
    // the model no longer knows (the workspace could not re-import its own export).
    const orphaned = new Map<string, Set<string>>();
    const stageRows = ws.db
      .selectFrom('deal_history as h')
      .innerJoin('deals as d', 'd.seq', 'h.deal_seq')
      .select(['d.id', 'h.value'])
      .where('h.field', '=', 'stage')
      .where('h.value', 'not in', [...stageKeys]);
    for (const r of iterate(ws, stageRows)) {
      if (historyReplaced.has(r.id)) continue;
      let ids = orphaned.get(r.value);
      if (!ids) orphaned.set(r.value, (ids = new Set()));
      ids.add(r.id);
    }
    for (const [stage, ids] of orphaned)
      log.error('stages', 0, problem('stage_dropped_history', { stage, count: ids.size }));
  }
  const invalidDealIds = new Map<string, number>();
  if (log.invalidLines.deals.size) {
    for (const row of rows.deals)
      if (log.invalidLines.deals.has(row.line)) invalidDealIds.set(row.get('id'), row.line);
  }
  // A deal whose row in deals.csv is invalid is unknown to the other files, unless it is
  // stored and synced: its row was refused only because the CRM owns it, and local work
  // (mentor tags) may still point at it.
  const createdAt = (id: string) =>
    fileDeals.get(id) ?? (invalidDealIds.has(id) && !synced.has(id) ? undefined : stored.get(id));
  const history = readHistory(
    rows.history,
    { stageKeys, createdAt, invalidDealLine: (id) => invalidDealIds.get(id), syncedBy },
    log,
  );
  reconcileWithHistory(dealsRead.deals, history, log);
  // Only stored deals can have changed (none when the demo data is being replaced).
  const inferred = inferChanges(ws, dealsRead.deals, history, (id) => stored.has(id), log);
  const mentors = readMentors(rows.mentors, (id) => createdAt(id) !== undefined, log);
  const quotas = readQuotas(rows.quotas, log);

  const counts = Object.fromEntries(
    KINDS.map((k) => [
      k,
      {
        rows: log.records[k],
        invalid: log.invalidLines[k].size,
      },
    ]),
  ) as ImportCheck['counts'];
  return {
    log,
    counts,
    stages,
    deals: dealsRead.deals,
    history,
    mentors,
    quotas,
    currency: dealsRead.currency,
    replacesDemo,
    inferred,
  };
}

/**
 * A newer export of the same CRM re-imported without history rows for a deal: what changed
 * since its stored version becomes history (source `inferred`), stamped at the row's
 * updated_at, else the import time, so the timeline shows the move. Canonical history in
 * the files keeps its own rules (it replaces the deal's stored history).
 */
function inferChanges(
  ws: Workspace,
  deals: ReadDeal[],
  history: Map<string, HistoryValues[]>,
  isStored: (id: string) => boolean,
  log: IssueLog,
): Map<string, HistoryValues[]> {
  const out = new Map<string, HistoryValues[]>();
  const finder = new InferredHistory(ws);
  const now = workspaceNow(ws);
  let firstLine = 0;
  for (const { line, deal, updatedGiven } of deals) {
    if (history.has(deal.id) || !isStored(deal.id)) continue;
    const rows = finder.rowsFor(deal, updatedGiven ? deal.updatedAt : now);
    if (!rows.length) continue;
    out.set(deal.id, rows);
    firstLine ||= line;
  }
  if (out.size) log.warn('deals', firstLine, problem('history_inferred', { count: out.size }));
  return out;
}

function summary(p: ImportPlan): ImportCheck {
  return {
    valid: p.log.errorCount === 0,
    counts: p.counts,
    errors: p.log.errors,
    warnings: p.log.warnings,
    moreErrors: p.log.errorCount - p.log.errors.length,
  };
}

/**
 * PRODUCT.md: where a field has history, the history is what counts; the deal's column
 * only stands in for a field without rows. An export whose history lacks the latest change
 * (common in CRM exports) would make the table (columns) and the timeline (history)
 * disagree, so the column's value is added as the field's last row, stamped at the
 * deal's updated_at (or its last row, if later), and the import says so.
 */
function reconcileWithHistory(deals: ReadDeal[], history: Map<string, HistoryValues[]>, log: IssueLog): void {
  const added = new Map<HistoryField, { count: number; line: number }>();
  for (const { line, deal } of deals) {
    const rows = history.get(deal.id);
    if (!rows?.length) continue;
    const columns: Record<HistoryField, string> = {
      stage: deal.stage,
      amount: formatAmount(deal.amountCents),
      close_date: deal.closeDate ?? '',
      forecast_category: deal.forecastCategory,
      owner: deal.owner,
    };
    for (const field of HISTORY_FIELDS) {
      let last: HistoryValues | undefined;
      for (const r of rows) if (r.field === field && (!last || r.changedAt >= last.changedAt)) last = r;
      if (!last || last.value === columns[field]) continue;
      rows.push({ field, value: columns[field], changedAt: Math.max(deal.updatedAt, last.changedAt) });
      const seen = added.get(field);
      if (seen) seen.count++;
      else added.set(field, { count: 1, line });
    }
  }
  for (const [field, { count, line }] of added)
    log.warn('history', line, problem('history_completed', { field, count }));
}

/** Validates the files and says what an import would do; nothing is written. */
export function checkImport(ws: Workspace, files: ImportFiles, mapping?: DealMapping): ImportCheck {
  return summary(plan(ws, files, mapping));
}

function storedCreated(ws: Workspace, id: string): number | undefined {
  return first(ws, ws.db.selectFrom('deals').select('created_at').where('id', '=', id))?.created_at;
}

/**
 * Imports in one transaction: either every accepted row goes in or nothing does.
 * With errors it refuses, unless `skipInvalid` (then the valid rows go in). Errors that
 * concern a whole file (a missing column, broken quoting) always refuse.
 */
export function applyImport(
  ws: Workspace,
  files: ImportFiles,
  options: { skipInvalid: boolean; onProgress?: ImportProgress; mapping?: DealMapping },
): ImportOutcome {
  options.onProgress?.('checking', 0, 1);
  const p = plan(ws, files, options.mapping);
  const check = summary(p);
  if (p.log.fatal || (p.log.errorCount > 0 && !options.skipInvalid)) {
    const first = p.log.errors[0]!;
    const issue = { key: first.code, params: first.params };
    // A workbook's issue names its sheet and row; its file-level issues name the file themselves.
    const where =
      first.sheet !== undefined || isWorkbook(files[first.file]!)
        ? first.line
          ? msg('issue_at_sheet', { sheet: first.sheet ?? '', line: first.line, issue })
          : issue
        : first.line
          ? msg('issue_at', { file: first.file, line: first.line, issue })
          : msg('issue_in', { file: first.file, issue });
    const count = p.log.errorCount;
    throw new WorkbenchError(
      'import_invalid',
      p.log.fatal
        ? msg('import_refused_file', { count, first: where })
        : msg('import_refused', { count, first: where }),
      check,
    );
  }

  const sqlite = ws.sqlite;
  const total = p.deals.length;
  const imported: ImportOutcome['imported'] = { deals: 0, history: 0, stages: 0, mentors: 0, quotas: 0 };
  options.onProgress?.('writing', 0, total);
  sqlite.transaction(() => {
    if (p.replacesDemo) wipeDemoData(ws);
    if (p.stages) {
      replaceStages(ws, p.stages);
      imported.stages = p.stages.length;
    } else if (!hasStoredStages(ws)) {
      replaceStages(ws, loadStages(ws));
    }
    const existing = first(
      ws,
      ws.db.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')),
    )!.n;
    const writer = new DealWriter(ws, { source: 'csv', fresh: existing === 0 });
    const write = () => {
      const inFile = new Set<string>();
      for (const { deal } of p.deals) {
        inFile.add(deal.id);
        writer.write(deal, p.history.get(deal.id), p.inferred.get(deal.id));
        if (writer.written % PROGRESS_EVERY === 0) options.onProgress?.('writing', writer.written, total);
      }
      for (const [dealId, rows] of p.history) if (!inFile.has(dealId)) writer.replaceHistory(dealId, rows);
      writer.finish();
    };
    // Refilling the search indexes costs ~13 µs a deal of the workspace, trigger upkeep up
    // to ~0.7 ms a written deal: refill when the file writes more than ~2% of the result.
    if (p.deals.length * 50 > existing + p.deals.length) withSearchIndexRebuilt(sqlite, write);
    else write();
    imported.deals = writer.written;
    imported.history = writer.historyWritten;

    if (p.mentors.length) {
      const tags = p.mentors.map((m) => ({ deal_id: m.dealId, mentor: m.mentor, share_pct: m.sharePct }));
      replaceMentorTags(ws, tags, Date.now());
      imported.mentors = p.mentors.length;
    }
    if (p.quotas.length) {
      upsertQuotas(ws, p.quotas);
      imported.quotas = p.quotas.length;
    }
    if (p.currency !== null) writeSetting(ws, 'workspace.currency', p.currency);
  })();
  options.onProgress?.('writing', total, total);
  return { ...check, imported, replacedDemo: p.replacesDemo };
}
