import type {
  AppChannel,
  Channel,
  DealDetail,
  DealQuery,
  DealRow,
  EventName,
  Events,
  Facets,
  InputOf,
  Note,
  Preferences,
  ResultOf,
  StageVisit,
  WorkspaceInfo,
} from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { msg } from '@shared/messages';
import { appError, type AppError, type Result } from '@shared/result';
import type { Transport } from '../../src/renderer/src/api/transport';

/**
 * An in-memory backend behind the renderer's Transport interface: deterministic deals,
 * filtering/sorting/paging like `pipeline.list`, notes and preferences that persist for
 * the life of the object (so a re-render is a "reload"). Every call is recorded.
 */
export interface Call {
  channel: string;
  input: unknown;
}

const TEAMS = ['East', 'West', 'North'] as const;
const OWNERS: Record<(typeof TEAMS)[number], string[]> = {
  East: ['Li Wei', 'Zhang Min'],
  West: ['Wang Fang', 'Chen Jie'],
  North: ['Liu Yang'],
};
const FORECASTS = ['pipeline', 'best_case', 'commit', 'omitted', 'closed'];
const NOW = Date.parse('2026-11-20T00:00:00Z');
const DAY = 86_400_000;

function makeDeal(i: number): DealRow {
  const team = TEAMS[i % TEAMS.length]!;
  const owners = OWNERS[team];
  // Every 10th deal is closed (won or lost); the rest are open, as in a live pipeline.
  const open = DEFAULT_STAGES.filter((s) => s.kind === 'open');
  const stage = i % 10 === 9 ? DEFAULT_STAGES[5 + (((i / 10) | 0) % 2)]! : open[i % open.length]!;
  const daysInStage = (i * 7) % 40;
  const id = `D${String(i + 1).padStart(5, '0')}`;
  return {
    id,
    name: `Deal ${String(i + 1).padStart(4, '0')}`,
    account: `Account ${(i * 13) % 97}`,
    owner: owners[i % owners.length]!,
    team,
    amount: ((i * 7919) % 500) * 1000 + 5000,
    stage: stage.key,
    closeDate: `2026-${String((i % 12) + 1).padStart(2, '0')}-15`,
    forecastCategory: stage.kind === 'open' ? FORECASTS[i % 3]! : 'closed',
    updatedAt: new Date(NOW - i * DAY).toISOString(),
    stageEnteredAt: new Date(NOW - daysInStage * DAY).toISOString(),
    daysInStage,
    stalled: stage.kind === 'open' && stage.dwellLimitDays !== null && daysInStage > stage.dwellLimitDays,
  };
}

export interface FakeOptions {
  deals?: number;
  preferences?: Preferences;
  isDemo?: boolean;
}

export class FakeBackend implements Transport {
  readonly calls: Call[] = [];
  deals: DealRow[];
  preferences: Preferences;
  isDemo: boolean;
  notes = new Map<string, Note[]>();
  private nextNoteId = 1;
  private listeners = new Map<string, Set<(payload: unknown) => void>>();
  /** channel → errors to answer the next calls with, in order. */
  private failures = new Map<string, AppError[]>();
  /** channel → a promise the call waits for (to observe loading states). */
  gates = new Map<string, Promise<void>>();

  constructor(options: FakeOptions = {}) {
    this.deals = Array.from({ length: options.deals ?? 1000 }, (_, i) => makeDeal(i));
    this.preferences = options.preferences ?? { language: 'en', theme: 'light' };
    this.isDemo = options.isDemo ?? true;
  }

  failNext(channel: Channel, error: AppError, times = 1): void {
    const queue = this.failures.get(channel) ?? [];
    for (let i = 0; i < times; i++) queue.push(error);
    this.failures.set(channel, queue);
  }

  callsTo<K extends Channel>(channel: K): InputOf<K>[] {
    return this.calls.filter((c) => c.channel === channel).map((c) => c.input as InputOf<K>);
  }

  emit<E extends EventName>(event: E, payload: Events[E]): void {
    for (const cb of this.listeners.get(event) ?? []) cb(payload);
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
    try {
      return { ok: true, value: this.handle(channel as AppChannel, input as never) };
    } catch (e) {
      return { ok: false, error: appError('not_found', msg('deal_missing', { id: (e as Error).message })) };
    }
  }

  private handle<K extends AppChannel>(channel: K, input: InputOf<K>): ResultOf<K> {
    const handlers: { [C in AppChannel]: (input: InputOf<C>) => ResultOf<C> } = {
      'workspace.info': (): WorkspaceInfo => ({
        path: '/tmp/fake.db',
        isDemo: this.isDemo,
        currency: 'CNY',
        dealCount: this.deals.length,
        now: new Date(NOW).toISOString(),
        schemaVersion: 'test',
      }),
      'pipeline.facets': (): Facets => ({
        teams: [...TEAMS],
        owners: TEAMS.flatMap((team) => OWNERS[team].map((name) => ({ name, team }))),
        stages: [...DEFAULT_STAGES],
        closeQuarters: ['2026Q1', '2026Q2', '2026Q3', '2026Q4'],
        forecastCategories: [...FORECASTS],
      }),
      'pipeline.list': (q) => this.list(q),
      'deal.get': ({ id }) => this.detail(id),
      'notes.save': ({ dealId, noteId, body }) => {
        const list = this.notes.get(dealId) ?? [];
        const stamp = new Date(NOW + this.nextNoteId * 60_000).toISOString();
        if (noteId) {
          const note = list.find((n) => n.id === noteId);
          if (!note) throw new Error(`note ${noteId} not found`);
          note.body = body;
          note.updatedAt = stamp;
          return { ...note };
        }
        const note: Note = { id: this.nextNoteId++, dealId, body, createdAt: stamp, updatedAt: stamp };
        this.notes.set(dealId, [...list, note]);
        return { ...note };
      },
      'notes.delete': ({ noteId }) => {
        for (const [dealId, list] of this.notes) {
          const note = list.find((n) => n.id === noteId);
          if (note) {
            this.notes.set(
              dealId,
              list.filter((n) => n.id !== noteId),
            );
            return note;
          }
        }
        throw new Error(`note ${noteId} not found`);
      },
      'preferences.get': () => ({ ...this.preferences }),
      'preferences.set': (change) => {
        this.preferences = { ...this.preferences, ...change };
        return { ...this.preferences };
      },
      'import.check': ({ files }) => {
        const rows = (files.deals?.text.trim().split('\n').length ?? 1) - 1;
        const bad = files.deals?.text.split('\n').filter((l) => l.includes('BAD')).length ?? 0;
        return {
          valid: bad === 0,
          counts: {
            deals: { rows, invalid: bad },
            history: { rows: 0, invalid: 0 },
            stages: { rows: 0, invalid: 0 },
            mentors: { rows: 0, invalid: 0 },
            quotas: { rows: 0, invalid: 0 },
          },
          errors: Array.from({ length: bad }, (_, i) => ({
            file: 'deals' as const,
            line: i + 3,
            code: 'stage_unknown' as const,
            params: { value: 'BAD', keys: 'need, won' },
            message: `stage "BAD" is not a key of the stage model (need, won)`,
          })),
          warnings: [
            {
              file: 'deals' as const,
              line: 0,
              code: 'column_unknown' as const,
              params: { file: 'deals.csv', column: 'colour' },
              message: 'deals.csv: unknown column "colour" is ignored',
            },
          ],
          moreErrors: 0,
        };
      },
      'import.apply': ({ files, skipInvalid }) => {
        const check = handlers['import.check']({ files });
        if (!check.valid && !skipInvalid) throw new Error('invalid');
        this.emit('import.progress', { phase: 'writing', done: 1, total: 2 });
        const replacedDemo = this.isDemo;
        this.isDemo = false;
        this.deals = this.deals.slice(0, check.counts.deals.rows - check.counts.deals.invalid);
        return {
          ...check,
          imported: {
            deals: check.counts.deals.rows - check.counts.deals.invalid,
            history: 0,
            stages: 0,
            mentors: 0,
            quotas: 0,
          },
          replacedDemo,
        };
      },
      'export.csv': ({ kind }) => ({ filename: `${kind}.csv`, text: 'id,name\n' }),
    };
    return (handlers[channel] as (input: InputOf<K>) => ResultOf<K>)(input);
  }

  private list(q: DealQuery) {
    const STAGE_KIND = Object.fromEntries(DEFAULT_STAGES.map((s) => [s.key, s.kind]));
    const f = q.filter ?? {};
    const search = f.search?.toLowerCase();
    const rows = this.deals.filter(
      (d) =>
        (!search ||
          d.name.toLowerCase().includes(search) ||
          d.account.toLowerCase().includes(search) ||
          d.id.toLowerCase().includes(search)) &&
        (!f.teams?.length || f.teams.includes(d.team)) &&
        (!f.owners?.length || f.owners.includes(d.owner)) &&
        (!f.stages?.length || f.stages.includes(d.stage)) &&
        (!f.forecastCategories?.length || f.forecastCategories.includes(d.forecastCategory)) &&
        (!f.stalledOnly || d.stalled) &&
        (!f.status || f.status === 'all' || STAGE_KIND[d.stage] === f.status) &&
        (!f.closeQuarter || (d.closeDate !== null && quarterOf(d.closeDate) === f.closeQuarter)),
    );
    const sort = q.sort ?? { column: 'amount', direction: 'desc' };
    const sign = sort.direction === 'asc' ? 1 : -1;
    rows.sort((a, b) => {
      const x = a[sort.column as keyof DealRow] ?? '';
      const y = b[sort.column as keyof DealRow] ?? '';
      return (x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : 1) * sign;
    });
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 100;
    return {
      rows: rows.slice(offset, offset + limit),
      total: rows.length,
      totalAmount: rows.reduce((s, d) => s + d.amount, 0),
      offset,
    };
  }

  private detail(id: string): DealDetail {
    const deal = this.deals.find((d) => d.id === id);
    if (!deal) throw new Error(`deal ${id} not found`);
    const entered = Date.parse(deal.stageEnteredAt);
    const timeline: StageVisit[] = [
      {
        stage: 'need',
        enteredAt: new Date(entered - 30 * DAY).toISOString(),
        exitedAt: new Date(entered - 10 * DAY).toISOString(),
        days: 20,
      },
      {
        stage: 'solution',
        enteredAt: new Date(entered - 10 * DAY).toISOString(),
        exitedAt: deal.stageEnteredAt,
        days: 10,
      },
      { stage: deal.stage, enteredAt: deal.stageEnteredAt, exitedAt: null, days: deal.daysInStage },
    ];
    return {
      ...deal,
      currency: 'CNY',
      createdAt: new Date(entered - 30 * DAY).toISOString(),
      lostReason: deal.stage === 'lost' ? 'Price' : '',
      product: 'Workbench Pro',
      nextStep: 'Send the revised quote',
      lastActivityAt: new Date(NOW - 2 * DAY).toISOString(),
      deletedAt: null,
      source: 'demo',
      timeline,
      amountHistory: [
        {
          value: String(deal.amount / 2),
          changedAt: new Date(entered - 30 * DAY).toISOString(),
          source: 'demo',
        },
        { value: String(deal.amount), changedAt: deal.stageEnteredAt, source: 'demo' },
      ],
      closeDateHistory: [
        {
          value: deal.closeDate ?? '',
          changedAt: new Date(entered - 30 * DAY).toISOString(),
          source: 'demo',
        },
      ],
      forecastHistory: [
        {
          value: deal.forecastCategory,
          changedAt: new Date(entered - 30 * DAY).toISOString(),
          source: 'demo',
        },
      ],
      notes: (this.notes.get(id) ?? []).map((n) => ({ ...n })),
    };
  }
}

const quarterOf = (day: string) => `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
