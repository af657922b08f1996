import type { HistoryField, StageKind } from '@shared/domain/stages';
import type { MessageRef } from '@shared/messages';
import type { HttpOptions } from './http';
import type { CrmKind } from './tables';

/**
 * What the sync engine needs from one CRM, in the workspace's units (ms, cents, UTC days),
 * before stage mapping. A connector speaks its CRM's API and knows nothing of the
 * database; the engine knows nothing of any API. Everything a connector returns has been
 * validated (zod) record by record: what it could not read comes back as quarantined,
 * never as an exception, so one broken record never ends a run.
 */
export interface Connector {
  readonly kind: CrmKind;
  /**
   * Checks the token and names the upstream account (HubSpot portal, Salesforce org,
   * Pipedrive company): the cheapest authenticated call. A rejected token throws
   * SyncStop('token_rejected').
   */
  identify(): Promise<UpstreamAccount>;
  /** Pipelines with their stages, and the users deals may belong to. */
  reference(): Promise<Reference>;
  /**
   * One page of deals changed in `window` (modified at or after `from`, before `to`),
   * deletions and restores included, starting after `position` (null: the window's start).
   * The page says where the next one starts; a position must stay valid across process
   * restarts (it is stored with the page), so it is a keyset, never a server-side cursor
   * that expires.
   */
  changes(window: SyncWindow, position: Position | null): Promise<ChangePage>;
  /**
   * One page of the ids of every live deal upstream, for the sweep that finds deletions
   * older than the CRM's delete log (hard deletes, emptied recycle bins, a long gap).
   */
  liveIds(position: Position | null): Promise<IdPage>;
  /** How long the CRM keeps deleted records findable (ms): a gap longer than this needs a sweep. */
  readonly deleteLogMs: number;
}

/** JSON a connector stores to resume within a window; opaque to the engine. */
export type Position = string | number | boolean | null | Position[] | { [key: string]: Position };

export interface SyncWindow {
  /** Inclusive, ms. */
  from: number;
  /** Exclusive, ms. */
  to: number;
}

export interface UpstreamAccount {
  /** Stable id of the account, so two portals behind one URL are two connections. */
  key: string;
  /** What a person calls it (portal name, org name, company domain). */
  label: string;
}

export interface Reference {
  pipelines: UpstreamPipeline[];
  users: UpstreamUser[];
}

export interface UpstreamPipeline {
  id: string;
  label: string;
  order: number;
  stages: UpstreamStage[];
}

export interface UpstreamStage {
  id: string;
  label: string;
  order: number;
  kind: StageKind;
  /** The CRM's win probability (0–1), when it has one. */
  probability: number | null;
}

export interface UpstreamUser {
  id: string;
  /** Full name, or e-mail when the CRM has no name (PRODUCT.md). */
  name: string;
  email: string | null;
  /** Primary team (HubSpot), role (Salesforce), else ''. */
  team: string;
}

/** An upstream stage, by pipeline: stage ids are only unique within their pipeline in some CRMs. */
export interface StageRef {
  pipeline: string;
  stage: string;
}

export interface UpstreamDeal {
  id: string;
  name: string;
  account: string;
  owner: string;
  team: string;
  amountCents: number;
  currency: string;
  stage: StageRef;
  createdAt: number;
  closeDate: string | null;
  forecastCategory: 'pipeline' | 'best_case' | 'commit' | 'omitted' | 'closed';
  lostReason: string;
  nextStep: string;
  updatedAt: number;
  lastActivityAt: number | null;
  /** When the deal was deleted or archived upstream; null = live (a restore clears it). */
  deletedAt: number | null;
  /**
   * The CRM's own history of the tracked fields, oldest first, including each field's
   * initial value at createdAt where the CRM knows it; null when the CRM gave none for
   * this deal (then the engine infers changes by comparing with the stored version).
   */
  history: UpstreamChange[] | null;
}

export type UpstreamChange =
  | { field: 'stage'; stage: StageRef; at: number; key: string }
  | { field: Exclude<HistoryField, 'stage'>; value: string; at: number; key: string };

export interface Quarantined {
  /** The record's id when it could be read. */
  id: string | null;
  reason: MessageRef;
  /** The record as received, for the run log. */
  payload: unknown;
}

export interface ChangePage {
  deals: UpstreamDeal[];
  /** Deals gone upstream known only by id (tombstones), with when they went. */
  deletions: { id: string; deletedAt: number }[];
  quarantined: Quarantined[];
  /** Where the next page starts; ignored when `done`. */
  next: Position;
  /** The window is complete. */
  done: boolean;
  /** The CRM's count of records in the window, when it says (for the progress bar's ETA). */
  total?: number;
  /** HTTP requests this page took (the run log and the bench's download baseline). */
  requests: number;
}

export interface IdPage {
  ids: string[];
  next: Position;
  done: boolean;
}

export type StopReason =
  | 'token_rejected'
  | 'daily_limit'
  | 'rate_limited'
  | 'network'
  | 'timeout'
  | 'server_error'
  | 'bad_response'
  | 'cancelled';

/**
 * Why a run must stop now (as opposed to a record it can skip): the engine keeps every
 * committed page, records the reason in the run log and ends the run.
 */
export class SyncStop extends Error {
  constructor(
    readonly reason: StopReason,
    readonly detail: string,
    /** The request that failed, without query string secrets. */
    readonly where = '',
  ) {
    super(`${reason}: ${detail}${where ? ` (${where})` : ''}`);
    this.name = 'SyncStop';
  }
}

/** How a connector is made: where, with which credential, over which HTTP options. */
export interface ConnectorOptions {
  /** The API's base URL (Salesforce: the instance URL). */
  baseUrl: string;
  /** Private-app token (HubSpot), OAuth access token (Salesforce), API token (Pipedrive). */
  token: string;
  http?: HttpOptions;
  /** Records a page asks for (each CRM has its own maximum); tests make it small. */
  pageSize?: number;
  /** Per-connection choices (crm_connections.options), e.g. Salesforce's lost-reason field. */
  settings?: Record<string, string>;
}
