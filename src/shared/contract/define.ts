import type { z } from 'zod';

/**
 * What a writing channel is doing while it holds the registry's one write lock. The name
 * is what a refused caller is told ("busy: an import is running") and, for changes to the
 * data, the reason of the `workspace.changed` event the registry announces afterwards.
 */
export const WRITE_ACTIVITIES = [
  'import',
  'notes',
  'preferences',
  'demo',
  'sync',
  'meeting',
  'stages',
  'plans',
  'mentors',
  'quotas',
  'snapshots',
  'assumptions',
] as const;
export type WriteActivity = (typeof WRITE_ACTIVITIES)[number];

/** Who may call a channel: the app's windows and the command line, or the command line alone. */
export type Audience = 'app' | 'cli';

/**
 * One channel of the contract: its input schema (validated at the backend boundary,
 * whatever the transport), its result type, whether it writes and who may call it.
 * Each area file declares its channels `satisfies Record<string, ChannelSpec>`.
 */
export interface ChannelSpec {
  input: z.ZodType;
  /** Phantom: `{} as T` carries the result type only. */
  result: unknown;
  /** Set on channels that write: the registry runs them one at a time under one lock. */
  writes?: WriteActivity;
  /**
   * Whether the registry announces `workspace.changed` after a successful write (default
   * true). Writes that change nothing a screen shows (the person's preferences) don't.
   */
  announces?: boolean;
  /**
   * `'cli'`: the channel names files on this computer (a backup to any path, a demo into
   * a new file), so only the command line, run by the person who owns them, may call it;
   * windows are answered as if it did not exist. Default `'app'`: windows and the CLI.
   */
  audience?: Audience;
}
