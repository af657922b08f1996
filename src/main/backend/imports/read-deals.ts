import { MAX_ID_LENGTH } from '@shared/contract';
import { FORECAST_CATEGORIES } from '@shared/domain/stages';
import { parseAmount } from '@shared/money';
import { parseDay, parseTimestamp } from '@shared/time';
import type { DealValues } from '../deals/writer';
import { problem, type IssueLog, type Problem } from './issues';
import type { CanonicalRow } from '../csv/table-reader';

export interface ReadDeal {
  line: number;
  deal: DealValues;
  /** Whether the row had an updated_at (else it stands at created_at, and is no time of change). */
  updatedGiven: boolean;
}

export interface DealsContext {
  stageKeys: ReadonlySet<string>;
  /** The workspace's currency, if it has one yet. */
  currency: string | null;
  /** The CRM that keeps a stored deal in step, if one does (such a deal is the CRM's to change). */
  syncedBy?: (dealId: string) => string | undefined;
}

const CATEGORIES: ReadonlySet<string> = new Set(FORECAST_CATEGORIES);

/** deals.csv → validated deals; every problem of a row is reported, not just the first. */
export function readDeals(
  rows: CanonicalRow[],
  ctx: DealsContext,
  log: IssueLog,
): { deals: ReadDeal[]; currency: string | null } {
  const firstLine = new Map<string, number>();
  const deals: ReadDeal[] = [];
  let currency = ctx.currency;
  const otherCurrencies = new Map<string, { line: number; count: number }>();
  let roundedLine = 0;
  let rounded = 0;

  for (const row of rows) {
    const problems: Problem[] = [];
    const id = row.get('id');
    if (!id) problems.push(problem('id_empty'));
    else if (id.length > MAX_ID_LENGTH) problems.push(problem('id_too_long', { max: MAX_ID_LENGTH }));
    else if (firstLine.has(id)) problems.push(problem('id_duplicate', { id, line: firstLine.get(id)! }));
    else if (ctx.syncedBy?.(id)) problems.push(problem('deal_synced', { id, source: ctx.syncedBy(id)! }));

    const amountText = row.get('amount');
    const amount = parseAmount(amountText);
    if (!amount) problems.push(problem('amount_invalid', { value: amountText }));
    else if (amount.rounded) {
      rounded++;
      roundedLine ||= row.line;
    }

    const stage = row.get('stage');
    if (!ctx.stageKeys.has(stage))
      problems.push(problem('stage_unknown', { value: stage, keys: [...ctx.stageKeys].join(', ') }));

    const createdText = row.get('created_at');
    const createdAt = parseTimestamp(createdText);
    if (createdAt === null)
      problems.push(problem('timestamp_invalid', { column: 'created_at', value: createdText }));

    const updatedText = row.get('updated_at');
    const updatedAt = updatedText === '' ? createdAt : parseTimestamp(updatedText);
    if (updatedAt === null && updatedText !== '')
      problems.push(problem('timestamp_invalid', { column: 'updated_at', value: updatedText }));

    const closeText = row.get('close_date');
    const closeDate = closeText === '' ? null : parseDay(closeText);
    if (closeText !== '' && closeDate === null)
      problems.push(problem('day_invalid', { column: 'close_date', value: closeText }));

    const category = row.get('forecast_category') || 'pipeline';
    if (!CATEGORIES.has(category))
      problems.push(
        problem('category_invalid', { value: category, allowed: FORECAST_CATEGORIES.join(', ') }),
      );

    const optionalTime = (column: string): number | null => {
      const t = row.get(column);
      if (t === '') return null;
      const v = parseTimestamp(t);
      if (v === null) problems.push(problem('timestamp_invalid', { column, value: t }));
      return v;
    };
    const lastActivityAt = optionalTime('last_activity_at');
    const deletedAt = optionalTime('deleted_at');

    const rowCurrency = row.get('currency');
    if (rowCurrency !== '') {
      if (currency === null) currency = rowCurrency;
      else if (rowCurrency !== currency) {
        const seen = otherCurrencies.get(rowCurrency);
        if (seen) seen.count++;
        else otherCurrencies.set(rowCurrency, { line: row.line, count: 1 });
      }
    }

    if (problems.length) {
      for (const p of problems) log.error('deals', row.line, p);
      if (id && !firstLine.has(id)) firstLine.set(id, row.line);
      continue;
    }
    firstLine.set(id, row.line);
    deals.push({
      line: row.line,
      updatedGiven: updatedText !== '',
      deal: {
        id,
        name: row.get('name'),
        account: row.get('account'),
        owner: row.get('owner'),
        team: row.get('team'),
        amountCents: amount!.cents,
        currency: rowCurrency,
        stage,
        createdAt: createdAt!,
        closeDate,
        forecastCategory: category,
        lostReason: row.get('lost_reason'),
        product: row.get('product'),
        nextStep: row.get('next_step'),
        updatedAt: updatedAt!,
        lastActivityAt,
        deletedAt,
      },
    });
  }
  for (const [other, { line, count }] of otherCurrencies) {
    log.warn('deals', line, problem('currency_other', { value: other, count, currency: currency ?? '' }));
  }
  if (rounded) log.warn('deals', roundedLine, problem('amount_rounded', { count: rounded }));
  return { deals, currency };
}
