import type { z } from 'zod';
import {
  contract,
  type Audience,
  type Channel,
  type EventName,
  type Events,
  type ParsedInputOf,
  type ResultOf,
  type WriteActivity,
} from '@shared/contract';
import { msg, type MessageKey } from '@shared/messages';
import { appError, WorkbenchError, type Result } from '@shared/result';

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

export type Handler<K extends Channel> = (input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;

/** An area's handlers: `Handlers<typeof noteChannels>` must cover exactly that area's channels. */
export type Handlers<Area extends Record<string, unknown>> = {
  [K in keyof Area & Channel]: Handler<K>;
};

const ACTIVITY: Record<WriteActivity, MessageKey> = {
  import: 'activity_import',
  notes: 'activity_notes',
  preferences: 'activity_preferences',
  demo: 'activity_demo',
  sync: 'activity_sync',
  meeting: 'activity_meeting',
  stages: 'activity_stages',
  plans: 'activity_plans',
  mentors: 'activity_mentors',
  quotas: 'activity_quotas',
  snapshots: 'activity_snapshots',
  assumptions: 'activity_assumptions',
};

/**
 * Channel → handler, shared by every caller (Electron MessagePort, `funnel serve`, the
 * CLI, tests). Input is validated against the contract's schema before a handler sees it.
 *
 * One write lock for the whole workspace: a channel that declares `writes` runs only when
 * no other write is running, and is otherwise answered at once with a `busy` error naming
 * what is running. A large import writes on a worker thread in one transaction that holds
 * SQLite's write lock for seconds; a second writer would block this thread waiting for it
 * (better-sqlite3 is synchronous), so refusing is kinder than freezing every window.
 * After a write succeeds the registry announces `workspace.changed` with the activity.
 */
export class Registry {
  private readonly handlers = new Map<string, (input: unknown) => unknown>();
  private writing: WriteActivity | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly emit: Emit = () => undefined,
    private readonly hooks: { afterWrite?: () => void } = {},
  ) {}

  handle<K extends Channel>(channel: K, handler: Handler<K>): void {
    if (this.handlers.has(channel)) throw new Error(`channel ${channel} is registered twice`);
    if (!Object.hasOwn(contract, channel)) throw new Error(`channel ${channel} is not in the contract`);
    this.handlers.set(channel, handler as (input: unknown) => unknown);
  }

  /** Registers one area's handlers. */
  handleArea<Area extends Record<string, unknown>>(handlers: Handlers<Area>): void {
    for (const [channel, handler] of Object.entries(handlers)) {
      this.handle(channel as Channel, handler as Handler<Channel>);
    }
  }

  /** Every contract channel must have a handler; call once all are registered. */
  assertComplete(): void {
    const missing = Object.keys(contract).filter((c) => !this.handlers.has(c));
    if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  }

  /** Resolves once no write holds the lock (at once when none does). */
  idle(): Promise<void> {
    if (this.writing === null) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** What is being written right now, if anything. */
  get activeWrite(): WriteActivity | null {
    return this.writing;
  }

  /**
   * Runs one call. `caller` is who asks: windows (the default) may not reach the command
   * line's channels, which answer them as unknown.
   */
  async dispatch(channel: string, rawInput: unknown, caller: Audience = 'app'): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel);
    const spec = Object.hasOwn(contract, channel) ? contract[channel as Channel] : undefined;
    const audience: Audience = (spec as { audience?: Audience } | undefined)?.audience ?? 'app';
    if (!handler || !spec || (audience === 'cli' && caller !== 'cli')) {
      return {
        ok: false,
        error: appError('not_found', msg('channel_unknown', { channel: channel.slice(0, 200) })),
      };
    }
    const parsed = (spec.input as z.ZodType).safeParse(rawInput ?? {});
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
        .join('; ');
      return { ok: false, error: appError('invalid_input', msg('input_invalid', { channel, where })) };
    }
    const writes = (spec as { writes?: WriteActivity }).writes;
    if (writes === undefined) return this.run(channel, handler, parsed.data);
    if (this.writing) {
      return {
        ok: false,
        error: appError('busy', msg('busy', { activity: { key: ACTIVITY[this.writing] } }), {
          activity: this.writing,
        }),
      };
    }
    this.writing = writes;
    let result: Result<unknown>;
    try {
      result = await this.run(channel, handler, parsed.data);
    } finally {
      this.writing = null;
      for (const wake of this.idleWaiters.splice(0)) wake();
      // Also after a failed write: a rolled-back transaction changed nothing, and
      // re-checking costs a query; missing a change would cost wrong numbers.
      this.hooks.afterWrite?.();
    }
    if (result.ok && (spec as { announces?: boolean }).announces !== false) {
      this.emit('workspace.changed', { reason: writes });
    }
    return result;
  }

  private async run(
    channel: string,
    handler: (input: unknown) => unknown,
    input: unknown,
  ): Promise<Result<unknown>> {
    try {
      return { ok: true, value: await handler(input) };
    } catch (e) {
      if (e instanceof WorkbenchError) return { ok: false, error: e.toAppError() };
      // The lock above is this process's; another process (`funnel import` beside the app)
      // holds SQLite's own, and SQLite gives up after the connection's busy timeout.
      if ((e as { code?: unknown })?.code === 'SQLITE_BUSY')
        return { ok: false, error: appError('busy', msg('busy_elsewhere')) };
      const reason = e instanceof Error ? e.message : String(e);
      return { ok: false, error: appError('internal', msg('channel_failed', { channel, reason })) };
    }
  }
}
