import type { WorkbackRow } from '@shared/contract/forecast-workback';
import { quotaOf, type QuotaRow } from '../../analytics/forecast';
import { resolveWindow } from '../../analytics/scope';
import type { Period, RowScope } from './period';

/** A row's target in cents and where it came from. */
export interface Target {
  cents: number | null;
  source: WorkbackRow['targetSource'];
  quotaQuarters: string[];
}

/**
 * The quota of exactly the scope for the period (PRODUCT.md's rule, quarter by quarter):
 * a year's is the scope's rows of its four quarters summed; null when none has one.
 */
export function periodQuota(quotas: readonly QuotaRow[], period: Period, scope: RowScope): Target {
  const w = resolveWindow(scope, scope.asOf);
  let cents: number | null = null;
  const quarters: string[] = [];
  for (const quarter of period.quarters) {
    const q = quotaOf(quotas, quarter, w);
    if (q === null) continue;
    cents = (cents ?? 0) + q;
    quarters.push(quarter);
  }
  return { cents, source: cents === null ? null : 'quota', quotaQuarters: quarters };
}

/** The whole scope's target: the caller's when given, else the scope's quota. */
export function scopeTarget(
  quotas: readonly QuotaRow[],
  period: Period,
  scope: RowScope,
  target: number | undefined,
): Target {
  const quota = periodQuota(quotas, period, scope);
  if (target === undefined) return quota;
  return { cents: Math.round(target * 100), source: 'input', quotaQuarters: quota.quotaQuarters };
}

/**
 * The breakdown rows' targets. Without a target of the caller's, each row works back from
 * its own quota. With one, the caller's target is what the rows must make together: it is
 * split in proportion to the rows' quotas (a row without a quota gets none and asks for one;
 * so do all rows when none has a quota), since a director who raises the organisation's
 * number expects each team's part to rise with it.
 */
export function breakdownTargets(
  quotas: readonly QuotaRow[],
  period: Period,
  scopes: readonly RowScope[],
  whole: Target,
): Target[] {
  const own = scopes.map((scope) => periodQuota(quotas, period, scope));
  if (whole.source !== 'input') return own;
  const total = own.reduce((sum, t) => sum + (t.cents ?? 0), 0);
  return own.map((t) =>
    t.cents === null || total <= 0
      ? { cents: null, source: null, quotaQuarters: t.quotaQuarters }
      : { cents: (whole.cents! * t.cents) / total, source: 'share', quotaQuarters: t.quotaQuarters },
  );
}
