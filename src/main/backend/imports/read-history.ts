import { FORECAST_CATEGORIES, HISTORY_FIELDS, type HistoryField } from '@shared/domain/stages';
import { formatAmount, parseAmount } from '@shared/money';
import { parseDay, parseTimestamp } from '@shared/time';
import type { HistoryValues } from '../deals/writer';
import { problem, type IssueLog, type Problem } from './issues';
import type { CanonicalRow } from '../csv/table-reader';

export interface HistoryContext {
  stageKeys: ReadonlySet<string>;
  /** created_at of every deal a history row may name: the file's valid deals and stored ones. */
  createdAt: (dealId: string) => number | undefined;
  /** Why a deal id is unknown, when it is a row of deals.csv that was invalid. */
  invalidDealLine: (dealId: string) => number | undefined;
  /** The CRM that keeps a stored deal in step, if one does (its history is the CRM's). */
  syncedBy?: (dealId: string) => string | undefined;
}

const FIELDS: ReadonlySet<string> = new Set(HISTORY_FIELDS);
const CATEGORIES: ReadonlySet<string> = new Set(FORECAST_CATEGORIES);

/** history.csv → rows per deal id, in file order; values normalised (an empty amount is 0). */
export function readHistory(
  rows: CanonicalRow[],
  ctx: HistoryContext,
  log: IssueLog,
): Map<string, (HistoryValues & { line: number })[]> {
  const byDeal = new Map<string, (HistoryValues & { line: number })[]>();
  let early = 0;
  let earlyLine = 0;
  for (const row of rows) {
    const problems: Problem[] = [];
    const dealId = row.get('deal_id');
    const created = ctx.createdAt(dealId);
    if (!dealId) problems.push(problem('deal_id_empty'));
    else if (created === undefined) {
      const bad = ctx.invalidDealLine(dealId);
      problems.push(
        bad
          ? problem('deal_invalid_row', { id: dealId, line: bad })
          : problem('deal_unknown', { id: dealId }),
      );
    } else if (ctx.syncedBy?.(dealId))
      problems.push(problem('deal_synced', { id: dealId, source: ctx.syncedBy(dealId)! }));
    const field = row.get('field');
    if (!FIELDS.has(field))
      problems.push(problem('field_invalid', { value: field, allowed: HISTORY_FIELDS.join(', ') }));
    let value = row.get('value');
    if (field === 'stage') {
      value = value.trim();
      if (!ctx.stageKeys.has(value))
        problems.push(problem('stage_unknown', { value, keys: [...ctx.stageKeys].join(', ') }));
    } else if (field === 'amount') {
      const amount = parseAmount(value);
      if (!amount) problems.push(problem('amount_invalid', { value }));
      else value = formatAmount(amount.cents);
    } else if (field === 'close_date') {
      if (value !== '' && !parseDay(value))
        problems.push(problem('day_invalid', { column: 'close_date', value }));
    } else if (field === 'forecast_category') {
      if (!CATEGORIES.has(value))
        problems.push(problem('category_invalid', { value, allowed: FORECAST_CATEGORIES.join(', ') }));
    }
    const changedText = row.get('changed_at');
    let changedAt = parseTimestamp(changedText);
    if (changedAt === null)
      problems.push(problem('timestamp_invalid', { column: 'changed_at', value: changedText }));
    if (problems.length) {
      for (const p of problems) log.error('history', row.line, p);
      continue;
    }
    // PRODUCT.md: a row stamped before its deal's created_at counts as stamped at created_at.
    if (changedAt! < created!) {
      early++;
      earlyLine ||= row.line;
      changedAt = created!;
    }
    let list = byDeal.get(dealId);
    if (!list) byDeal.set(dealId, (list = []));
    list.push({ field: field as HistoryField, value, changedAt: changedAt!, line: row.line });
  }
  if (early) log.warn('history', earlyLine, problem('history_early', { count: early }));
  return byDeal;
}
