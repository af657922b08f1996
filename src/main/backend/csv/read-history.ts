import { FORECAST_CATEGORIES, HISTORY_FIELDS, type HistoryField } from '../../../shared/domain/stages';
import { formatAmount, parseAmount } from '../../../shared/money';
import { parseDay, parseTimestamp } from '../../../shared/time';
import type { HistoryValues } from '../pipeline/deal-writer';
import type { IssueLog } from './issues';
import type { CanonicalRow } from './table-reader';

export interface HistoryContext {
  stageKeys: ReadonlySet<string>;
  /** created_at of every deal a history row may name: the file's valid deals and stored ones. */
  createdAt: (dealId: string) => number | undefined;
  /** Why a deal id is unknown, when it is a row of deals.csv that was invalid. */
  invalidDealLine: (dealId: string) => number | undefined;
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
    const problems: string[] = [];
    const dealId = row.get('deal_id');
    const created = ctx.createdAt(dealId);
    if (!dealId) problems.push('deal_id is empty');
    else if (created === undefined) {
      const bad = ctx.invalidDealLine(dealId);
      problems.push(
        bad
          ? `deal "${dealId}" is not imported (its row on line ${bad} of deals.csv is invalid)`
          : `deal "${dealId}" is neither in deals.csv nor in the workspace`,
      );
    }
    const field = row.get('field');
    if (!FIELDS.has(field)) problems.push(`field "${field}" is not one of ${HISTORY_FIELDS.join(', ')}`);
    let value = row.get('value');
    if (field === 'stage') {
      value = value.trim();
      if (!ctx.stageKeys.has(value)) problems.push(`stage "${value}" is not a key of the stage model`);
    } else if (field === 'amount') {
      const amount = parseAmount(value);
      if (!amount) problems.push(`amount "${value}" is not a decimal number`);
      else value = formatAmount(amount.cents);
    } else if (field === 'close_date') {
      if (value !== '' && !parseDay(value)) problems.push(`close_date "${value}" is not a day (YYYY-MM-DD)`);
    } else if (field === 'forecast_category') {
      if (!CATEGORIES.has(value))
        problems.push(`forecast_category "${value}" is not one of ${FORECAST_CATEGORIES.join(', ')}`);
    }
    const changedText = row.get('changed_at');
    let changedAt = parseTimestamp(changedText);
    if (changedAt === null) problems.push(`changed_at "${changedText}" is not a timestamp`);
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
  if (early)
    log.warn(
      'history',
      earlyLine,
      `${early} row(s) are stamped before their deal's created_at and count as stamped at created_at`,
    );
  return byDeal;
}
