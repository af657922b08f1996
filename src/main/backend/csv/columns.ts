import type { ImportFileKind } from '@shared/contract';

/** Canonical column lists (PRODUCT.md): import and export use the same. */
export const COLUMNS: Record<ImportFileKind, readonly string[]> = {
  deals: [
    'id',
    'name',
    'account',
    'owner',
    'team',
    'amount',
    'currency',
    'stage',
    'created_at',
    'close_date',
    'forecast_category',
    'lost_reason',
    'product',
    'next_step',
    'updated_at',
    'last_activity_at',
    'deleted_at',
  ],
  history: ['deal_id', 'field', 'value', 'changed_at'],
  stages: ['key', 'name', 'order', 'kind', 'probability', 'dwell_limit_days', 'followup_days'],
  mentors: ['deal_id', 'mentor', 'share_pct'],
  quotas: ['quarter', 'team', 'owner', 'amount'],
};

/** Columns a file cannot do without; the others default to empty (with a warning). */
export const REQUIRED: Record<ImportFileKind, readonly string[]> = {
  deals: ['id', 'stage', 'created_at'],
  history: ['deal_id', 'field', 'value', 'changed_at'],
  stages: ['key', 'name', 'order', 'kind', 'probability'],
  mentors: ['deal_id', 'mentor', 'share_pct'],
  quotas: ['quarter', 'amount'],
};

/**
 * Optional columns a file may lack without a warning: PRODUCT.md names them optional
 * (a deals.csv without `last_activity_at`/`deleted_at`; a stages.csv without
 * `followup_days` has no follow-up cadence). Export always writes them.
 */
export const OPTIONAL: Record<ImportFileKind, readonly string[]> = {
  deals: ['last_activity_at', 'deleted_at'],
  history: [],
  stages: ['followup_days'],
  mentors: [],
  quotas: [],
};

/** Key columns whose surrounding spaces are trimmed; every other value is taken as written. */
export const TRIMMED = new Set(['id', 'deal_id', 'stage', 'field', 'key']);

export const FILE_NAMES: Record<ImportFileKind, string> = {
  deals: 'deals.csv',
  history: 'history.csv',
  stages: 'stages.csv',
  mentors: 'mentors.csv',
  quotas: 'quotas.csv',
};
