import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppChannel, Channel, EventName, Events, InputOf, Preferences } from '@shared/contract';
import type { AppError, Result } from '@shared/result';
import { createBackend } from '@backend/index';
import { openWorkspace, type Workspace } from '@backend/db/connection';
import { applyImport } from '@backend/imports/import';
import type { Registry } from '@backend/registry';
import type { SecretStore } from '@backend/sync/secrets';
import { readPreferences } from '@backend/workspace/info';
import { writeSetting } from '@backend/workspace/settings';
import type { Transport } from '../../../src/renderer/src/api/transport';
import { datasetFiles, NOW, type DatasetDeal } from './dataset';

/**
 * The renderer's Transport over the real registry on a temporary workspace: the screens
 * run against the real handlers, queries and rules. Calls go through a structured clone
 * both ways, as over the desktop MessagePort. Fakes remain only to inject failures
 * (`failNext`) and to hold a call open (`gates`).
 */
export interface Call {
  channel: string;
  input: unknown;
}

export interface WorkbenchOptions {
  deals?: number;
  preferences?: Preferences;
  isDemo?: boolean;
  /** The desktop app's token store; without it the backend is in browser mode (tokens from variables). */
  secrets?: SecretStore;
}

const open = new Set<TestWorkbench>();

/** Closes every workbench a test opened (call from afterEach). */
export async function closeWorkbenches(): Promise<void> {
  for (const w of [...open]) await w.close();
}

export class TestWorkbench implements Transport {
  readonly calls: Call[] = [];
  /** What was imported: the test's expectations come from here. */
  deals: DatasetDeal[] = [];
  private readonly listeners = new Map<string, Set<(payload: unknown) => void>>();
  private readonly failures = new Map<string, AppError[]>();
  /** channel → a promise the call waits for (to observe loading states). */
  readonly gates = new Map<string, Promise<void>>();
  private registry!: Registry;

  private constructor(
    readonly ws: Workspace,
    private readonly dir: string,
  ) {}

  static async open(options: WorkbenchOptions = {}): Promise<TestWorkbench> {
    const dir = mkdtempSync(join(tmpdir(), 'funnel-ui-'));
    const ws = await openWorkspace(join(dir, 'workspace.db'), { create: true });
    const workbench = new TestWorkbench(ws, dir);
    open.add(workbench);
    const { deals, files } = datasetFiles(options.deals ?? 1000);
    applyImport(ws, files, { skipInvalid: false });
    workbench.deals = deals;
    writeSetting(ws, 'workspace.clock', NOW);
    writeSetting(ws, 'workspace.isDemo', options.isDemo ?? true);
    writeSetting(ws, 'preferences', options.preferences ?? { language: 'en', theme: 'light' });
    workbench.registry = createBackend(
      ws,
      (event, payload) => workbench.emit(event, payload),
      options.secrets ? { secrets: options.secrets } : {},
    );
    return workbench;
  }

  /** The preferences as stored in the workspace. */
  get preferences(): Preferences {
    return readPreferences(this.ws);
  }

  failNext(channel: Channel, error: AppError, times = 1): void {
    const queue = this.failures.get(channel) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.failures.set(channel, queue);
  }

  callsTo<K extends AppChannel>(channel: K): InputOf<K>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as InputOf<K>);
  }

  /** Pushes an event to the page, as the backend (or the desktop menu) would. */
  emit<E extends EventName>(event: E | 'menu.command', payload: Events[E] | { command: string }): void {
    for (const cb of this.listeners.get(event) ?? []) cb(structuredClone(payload));
  }

  on(event: string, cb: (payload: unknown) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(cb);
    return () => set.delete(cb);
  }

  async invoke(channel: string, input: unknown): Promise<Result<unknown>> {
    this.calls.push({ channel, input: structuredClone(input) });
    await this.gates.get(channel);
    const failure = this.failures.get(channel)?.shift();
    if (failure) return { ok: false, error: failure };
    return structuredClone(await this.registry.dispatch(channel, structuredClone(input)));
  }

  async close(): Promise<void> {
    if (!open.delete(this)) return;
    await this.ws.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
