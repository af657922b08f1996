import { z } from 'zod';
import type { ChannelSpec } from '@shared/contract/define';
import type { MessageRef } from '@shared/messages';

export const CRM_KINDS = ['hubspot', 'salesforce', 'pipedrive'] as const;
export type CrmSource = (typeof CRM_KINDS)[number];

/** An environment variable's name: letters, digits and underscores, not starting with a digit. */
const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

/** What one sync run did (the run log's row). */
export interface SyncRunSummary {
  connectionId: number;
  runId: number;
  status: 'done' | 'interrupted' | 'failed';
  pages: number;
  /** Records read from the CRM (deals, tombstones, quarantined). */
  records: number;
  /** Deals new or changed, written. */
  upserted: number;
  /** Deals read again without a change (the lookback, a resumed page). */
  unchanged: number;
  deleted: number;
  quarantined: number;
  requests: number;
  retries: number;
  /** Why the run stopped; null when it completed. */
  error: MessageRef | null;
}

/** A running sync's progress, announced after every committed page. */
export interface SyncProgressEvent {
  connectionId: number;
  runId: number;
  phase: 'reference' | 'changes' | 'sweep';
  pages: number;
  records: number;
  total: number | null;
  etaMs: number | null;
}

/** Where a connection's token comes from. */
export type TokenSource =
  /** Encrypted with the operating system's keychain (Electron safeStorage). */
  | 'keychain'
  /** Stored with Electron's basic_text backend on Linux: obscured, not encrypted; the person agreed. */
  | 'basic_text'
  /** Read from an environment variable each run (browser mode, the CLI, or by choice). */
  | 'env';

export interface SyncRunView extends SyncRunSummary {
  startedAt: number;
  finishedAt: number | null;
  /** What the run was doing when it stopped (or is doing). */
  phase: string | null;
}

export interface CrmConnectionView {
  id: number;
  kind: CrmSource;
  baseUrl: string;
  label: string;
  tokenSource: TokenSource;
  /** The variable the token is read from, for `env`. */
  tokenEnv: string | null;
  /** Sync automatically this often while the app is open; null: only on demand. */
  autoSyncMinutes: number | null;
  /** When the last complete run finished. */
  lastSyncedAt: number | null;
  lastRun: SyncRunView | null;
  /** The run in progress, with its latest progress. */
  running: SyncProgressEvent | null;
  /** Upstream stages kept as stages of their own: no workspace stage maps them. */
  unmappedStages: number;
  deals: number;
}

export interface StageMappingRow {
  pipeline: string;
  pipelineName: string;
  stage: string;
  stageName: string;
  /** The workspace stage it maps onto; null: kept as a stage of its own. */
  stageKey: string | null;
  /** What the workbench suggests (key or name, else kind and probability or place). */
  suggested: string | null;
  /** Deals in this upstream stage now. */
  deals: number;
}

export interface QuarantinedRecord {
  id: number;
  recordId: string | null;
  reason: MessageRef;
  /** The record as received (JSON, bounded). */
  payload: string;
}

/** What the token store can do here: the desktop app's keychain, or nothing (browser, CLI). */
export interface SecretStorageInfo {
  /** null: tokens can only come from environment variables. */
  backend: 'keychain' | 'basic_text' | null;
}

const connectionId = z.object({ connectionId: z.number().int().positive() });

export const syncChannels = {
  'sync.connections': {
    input: z.object({}),
    result: {} as { connections: CrmConnectionView[]; secrets: SecretStorageInfo },
  },
  /**
   * Connects a CRM: checks the token against it first (nothing is stored for a token the
   * CRM refuses), then stores the connection and the token (encrypted) or the variable's
   * name. `allowBasicText` is the person's yes to storing it unencrypted on Linux.
   */
  'sync.connect': {
    input: z.union([
      z.object({
        kind: z.enum(CRM_KINDS),
        url: z.url({ protocol: /^https?$/ }),
        token: z.string().trim().min(1).max(4096),
        allowBasicText: z.boolean().default(false),
      }),
      z.object({ kind: z.enum(CRM_KINDS), url: z.url({ protocol: /^https?$/ }), tokenEnv: envName }),
    ]),
    result: {} as CrmConnectionView,
    writes: 'sync',
  },
  /** Asks the CRM who the token belongs to: the cheapest call that proves it works. */
  'sync.test': { input: connectionId, result: {} as { label: string } },
  'sync.disconnect': { input: connectionId, result: {} as { disconnected: boolean }, writes: 'sync' },
  'sync.mapping': { input: connectionId, result: {} as { rows: StageMappingRow[] } },
  /** Re-maps stored deals and their timelines at once; no download needed. */
  'sync.saveMapping': {
    input: connectionId.extend({
      rows: z
        .array(
          z.object({
            pipeline: z.string().min(1),
            stage: z.string().min(1),
            stageKey: z.string().min(1).nullable(),
          }),
        )
        .max(5000),
    }),
    result: {} as { rows: StageMappingRow[]; dealsRemapped: number },
    writes: 'stages',
  },
  /** Starts a run in the background; progress comes as `sync.progress` events. */
  'sync.start': { input: connectionId, result: {} as { started: boolean } },
  'sync.cancel': { input: connectionId, result: {} as { cancelled: boolean } },
  'sync.runs': {
    input: connectionId.extend({ limit: z.number().int().min(1).max(200).default(20) }),
    result: {} as { runs: SyncRunView[] },
  },
  'sync.quarantine': {
    input: z.object({
      runId: z.number().int().positive(),
      limit: z.number().int().min(1).max(1000).default(200),
    }),
    result: {} as { records: QuarantinedRecord[]; total: number },
  },
  'sync.schedule': {
    input: connectionId.extend({
      everyMinutes: z
        .number()
        .int()
        .min(5)
        .max(24 * 60)
        .nullable(),
    }),
    result: {} as CrmConnectionView,
    writes: 'sync',
    announces: false,
  },
  /**
   * `funnel sync`: one incremental run to the end. The token is read from the named
   * environment variable by the backend itself, so it never travels in a call.
   */
  'sync.run': {
    input: z.object({
      source: z.enum(CRM_KINDS),
      url: z.url({ protocol: /^https?$/ }),
      tokenEnv: envName.default('FUNNEL_CRM_TOKEN'),
    }),
    result: {} as SyncRunSummary,
    writes: 'sync',
    audience: 'cli',
  },
} as const satisfies Record<string, ChannelSpec>;
