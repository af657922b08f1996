import type { Generated } from 'kysely';

export type CrmKind = 'hubspot' | 'salesforce' | 'pipedrive';

/** One CRM account the workspace syncs from; everything below hangs off it and goes with it. */
export interface CrmConnectionsTable {
  id: Generated<number>;
  kind: CrmKind;
  base_url: string;
  account_key: Generated<string>;
  label: Generated<string>;
  token_ciphertext: Uint8Array | null;
  token_storage: 'keychain' | 'basic_text' | null;
  options: Generated<string>;
  created_at: number;
}

export interface SyncStateTable {
  connection_id: number;
  object: string;
  cursor: string | null;
  updated_at: number;
}

export interface StageMappingsTable {
  connection_id: number;
  upstream_pipeline: string;
  upstream_stage: string;
  upstream_pipeline_name: Generated<string>;
  upstream_stage_name: Generated<string>;
  stage_key: string | null;
}

export interface UpstreamObjectsTable {
  connection_id: number;
  object: 'owner' | 'team' | 'company' | 'pipeline';
  upstream_id: string;
  name: string;
  data: Generated<string>;
  updated_at: number;
}

export interface SyncRunsTable {
  id: Generated<number>;
  connection_id: number;
  started_at: number;
  finished_at: number | null;
  status: 'running' | 'done' | 'interrupted' | 'failed';
  pages: Generated<number>;
  upserted: Generated<number>;
  deleted: Generated<number>;
  quarantined: Generated<number>;
  error: string | null;
  records: Generated<number>;
  requests: Generated<number>;
  retries: Generated<number>;
  unchanged: Generated<number>;
  /** What the run was doing: reference, changes, sweep. */
  phase: string | null;
}

export interface SyncQuarantineTable {
  id: Generated<number>;
  run_id: number;
  object: Generated<string>;
  record_id: string | null;
  reason: string;
  payload: string;
}
