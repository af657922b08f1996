import type { Generated, Selectable } from 'kysely';
import type { ForecastCategory, HistoryField } from '@shared/domain/stages';

/** A deal's upstream columns (what an import or a sync owns) and what the writer derives from them. */
export interface DealsTable {
  seq: Generated<number>;
  id: string;
  name: Generated<string>;
  account: Generated<string>;
  owner: Generated<string>;
  team: Generated<string>;
  amount_cents: Generated<number>;
  currency: Generated<string>;
  stage: string;
  created_at: number;
  close_date: string | null;
  forecast_category: Generated<ForecastCategory>;
  lost_reason: Generated<string>;
  product: Generated<string>;
  next_step: Generated<string>;
  updated_at: number;
  last_activity_at: number | null;
  deleted_at: number | null;
  stage_entered_at: number;
  stage_rank: number | null;
  search_text: Generated<string>;
  source: Generated<DealSource>;
  connection_id: number | null;
  upstream_pipeline: string | null;
  upstream_stage: string | null;
  synced_at: number | null;
  /** The write that last touched the deal (max + 1 per write), for the analytics snapshot. */
  revision: Generated<number>;
  /** Digest of the deal as the CRM last gave it (synced deals); null for local ones. */
  sync_hash: string | null;
}
export type DealSource = 'csv' | 'demo' | 'sync';
export type DealRecord = Selectable<DealsTable>;

export interface DealHistoryTable {
  id: Generated<number>;
  deal_seq: number;
  field: HistoryField;
  value: string;
  changed_at: number;
  source: Generated<string>;
  /** The upstream event's key, for synced rows; null for local ones. */
  event_key: string | null;
  /** The CRM's stage of a synced stage row ("pipeline/stage"), kept for re-mapping. */
  upstream_stage: string | null;
}

/** The reference lists behind the filters, kept in step with the deals by the writer. */
export interface TeamsTable {
  id: Generated<number>;
  name: string;
}

export interface OwnersTable {
  id: Generated<number>;
  name: string;
  email: string | null;
  team: string | null;
  active: Generated<0 | 1>;
}

export interface AccountsTable {
  id: Generated<number>;
  name: string;
  industry: string | null;
}
