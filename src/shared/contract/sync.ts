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

export const syncChannels = {
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
