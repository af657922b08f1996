import type { z } from 'zod';
import {
  contract,
  type Channel,
  type EventName,
  type Events,
  type ParsedInputOf,
  type ResultOf,
} from '../../shared/contract';
import { WorkbenchError, type Result } from '../../shared/result';

export type Emit = <E extends EventName>(event: E, payload: Events[E]) => void;

export type Handler<K extends Channel> = (input: ParsedInputOf<K>) => ResultOf<K> | Promise<ResultOf<K>>;

/**
 * Channel → handler, shared by every transport (Electron MessagePort, `funnel serve`,
 * tests). Input is validated against the contract's schema before a handler sees it.
 */
export class Registry {
  private readonly handlers = new Map<string, (input: unknown) => unknown>();

  handle<K extends Channel>(channel: K, handler: Handler<K>): void {
    if (this.handlers.has(channel)) throw new Error(`channel ${channel} is registered twice`);
    if (!(channel in contract)) throw new Error(`channel ${channel} is not in the contract`);
    this.handlers.set(channel, handler as (input: unknown) => unknown);
  }

  /** Every contract channel must have a handler; call once all are registered. */
  assertComplete(): void {
    const missing = Object.keys(contract).filter((c) => !this.handlers.has(c));
    if (missing.length) throw new Error(`no handler for ${missing.join(', ')}`);
  }

  async dispatch(channel: string, rawInput: unknown): Promise<Result<unknown>> {
    const handler = this.handlers.get(channel);
    if (!handler || !Object.hasOwn(contract, channel)) {
      return { ok: false, error: { code: 'not_found', message: `Unknown channel "${channel}".` } };
    }
    const schema = contract[channel as Channel].input as z.ZodType;
    const parsed = schema.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const where = parsed.error.issues
        .slice(0, 5)
        .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
        .join('; ');
      return {
        ok: false,
        error: { code: 'invalid_input', message: `Invalid input for ${channel}: ${where}.` },
      };
    }
    try {
      return { ok: true, value: await handler(parsed.data) };
    } catch (e) {
      if (e instanceof WorkbenchError) return { ok: false, error: e.toAppError() };
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: 'internal', message: `${channel} failed: ${message}` } };
    }
  }
}
