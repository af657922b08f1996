import type { Channel, InputOf, ResultOf } from '@shared/contract';
import { WorkbenchError } from '@shared/result';
import { createBackend } from '../backend';
import { openWorkspace, type Workspace } from '../backend/db/connection';
import type { Emit, Registry } from '../backend/registry';

/**
 * How every `funnel` command reaches the workspace: it opens it, builds the same registry
 * the app and browser mode use, and dispatches contract inputs through it, so the one
 * validation, the one write lock and the one set of handlers apply on the command line too.
 */
export interface Session {
  ws: Workspace;
  /** Calls a channel as the command line; a refusal is thrown as a WorkbenchError. */
  call<K extends Channel>(channel: K, input: InputOf<K>): Promise<ResultOf<K>>;
}

export async function call<K extends Channel>(
  registry: Registry,
  channel: K,
  input: InputOf<K>,
): Promise<ResultOf<K>> {
  const result = await registry.dispatch(channel, input, 'cli');
  if (!result.ok) throw new WorkbenchError(result.error.code, result.error.say, result.error.details);
  return result.value as ResultOf<K>;
}

export async function withSession<T>(
  path: string,
  options: { create: boolean; emit?: Emit },
  work: (session: Session) => T | Promise<T>,
): Promise<T> {
  const ws = await openWorkspace(path, { create: options.create });
  try {
    const registry = createBackend(ws, options.emit);
    return await work({ ws, call: (channel, input) => call(registry, channel, input) });
  } finally {
    await ws.close();
  }
}
