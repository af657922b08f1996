import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { contract, type Channel, type EventName } from '@shared/contract';
import { DEFAULT_STAGES } from '@shared/domain/stages';
import { formatMessage } from '@shared/messages';
import type { Result } from '@shared/result';
import { createBackend } from '@backend/index';
import { exportCsv } from '@backend/export/csv';
import { generateDemo } from '@backend/demo/generate';
import { Registry, type Handlers } from '@backend/registry';
import { tempWorkspace } from '../../support/temp';

/** Every channel answered by a stub; `import.apply` waits until released. */
function stubbedRegistry() {
  const events: { event: EventName; payload: unknown }[] = [];
  const registry = new Registry((event, payload) => events.push({ event, payload }));
  let release!: () => void;
  let failImport = false;
  const importDone = new Promise<void>((resolve) => (release = resolve));
  const stub = Object.fromEntries(Object.keys(contract).map((c) => [c, () => ({ channel: c })]));
  registry.handleArea({
    ...stub,
    'import.apply': async () => {
      await importDone;
      if (failImport) throw new Error('disk full');
      return { channel: 'import.apply' };
    },
  } as unknown as Handlers<typeof contract>);
  registry.assertComplete();
  return {
    registry,
    events,
    release,
    failNextImport: () => {
      failImport = true;
    },
  };
}

const writing = Object.entries(contract)
  .filter(([, spec]) => 'writes' in spec)
  .map(([name]) => name as Channel);

const validInput: Partial<Record<Channel, unknown>> = {
  'notes.save': { dealId: 'D1', body: 'call back' },
  'notes.delete': { noteId: 1 },
  'preferences.set': { language: 'en' },
  'import.apply': { files: {} },
  'import.savePreset': { preset: { name: 'HubSpot', columns: {}, stages: {}, dateOrder: 'mdy' } },
  'import.deletePreset': { name: 'HubSpot' },
  'demo.generate': {},
  'stages.save': {
    stages: DEFAULT_STAGES.map(({ name: _name, ...stage }) => stage),
  },
  'analytics.saveSettings': { benchmarks: { proposal: 0.6 }, bands: { large: 1_000_000, medium: 200_000 } },
  'review.save': { title: 'East weekly', scope: {}, style: 'flagged', budgetMinutes: 30, agenda: [] },
  'review.start': { id: 1 },
  'review.present': { id: 1, position: 1 },
  'review.record': { meetingId: 1, kind: 'decision', text: 'Bring in the CFO' },
  'review.updateDecision': { id: 1, done: true },
  'review.deleteDecision': { id: 1 },
  'review.agree': { itemId: 1, category: 'commit' },
  'review.followUp': { meetingId: 1, decisionId: 1, action: 'done' },
  'review.notes': { id: 1, notes: 'Next week: Q1 plan' },
  'review.end': { id: 1 },
  'review.delete': { id: 1 },
  'sync.run': { source: 'hubspot', url: 'https://api.hubapi.com' },
  'sync.connect': { kind: 'hubspot', url: 'https://api.hubapi.com', tokenEnv: 'FUNNEL_CRM_TOKEN' },
  'sync.disconnect': { connectionId: 1 },
  'sync.saveMapping': { connectionId: 1, rows: [] },
  'sync.schedule': { connectionId: 1, everyMinutes: 15 },
  'playbook.save': { playbooks: [] },
  'contacts.save': {
    dealId: 'D1',
    contact: { name: '王总', role: 'decision_maker', influence: 4, stance: 'supporter', met: false },
  },
  'contacts.delete': { contactId: 1 },
  'plans.save': {
    dealId: 'D1',
    visitDate: '2026-12-03',
    objective: 'Agree the pilot scope',
    preparedBy: 'Li',
    items: [],
  },
  'plans.check': { planId: 1, itemId: 1, done: true },
  'plans.submit': { planId: 1, by: 'Li' },
  'plans.review': { planId: 1, decision: 'approve', reviewer: 'Zhang' },
  'plans.outcome': {
    planId: 1,
    objectiveMet: true,
    commitmentObtained: true,
    exitCriteriaMet: false,
    by: 'Li',
  },
  'plans.delete': { planId: 1 },
  'mentors.tag': { mentor: '陈志强', sharePct: 20, dealIds: ['D1'] },
  'mentors.untag': { mentor: '陈志强', dealIds: ['D1'] },
  'mentors.restore': {
    tags: [
      { dealId: 'D1', mentor: '陈志强', sharePct: 20, source: 'app', taggedAt: '2026-11-20T09:00:00.000Z' },
    ],
  },
  'quotas.save': { quotas: [{ quarter: '2026Q4', team: '', owner: '', amount: 1_000_000 }] },
  'forecast.snapshot': {},
  'forecast.assumptions.save': { values: {} },
  'forecast.assumptions.reset': {},
  'company.set': { name: 'Acme' },
};

const busy = (r: Result<unknown>) => (r.ok ? null : r.error.code === 'busy' ? r.error : null);

describe('the write lock', () => {
  it('is declared by the channels that write, and only by them', () => {
    expect(writing.sort()).toEqual(
      [
        'analytics.saveSettings',
        'demo.generate',
        'import.apply',
        'import.savePreset',
        'import.deletePreset',
        'notes.delete',
        'notes.save',
        'preferences.set',
        'stages.save',
        'review.save',
        'review.start',
        'review.present',
        'review.record',
        'review.updateDecision',
        'review.deleteDecision',
        'review.agree',
        'review.followUp',
        'review.notes',
        'review.end',
        'review.delete',
        'sync.run',
        'sync.connect',
        'sync.disconnect',
        'sync.saveMapping',
        'sync.schedule',
        'playbook.save',
        'contacts.save',
        'contacts.delete',
        'plans.save',
        'plans.check',
        'plans.submit',
        'plans.review',
        'plans.outcome',
        'plans.delete',
        'mentors.tag',
        'mentors.untag',
        'mentors.restore',
        'quotas.save',
        'forecast.snapshot',
        'forecast.assumptions.save',
        'forecast.assumptions.reset',
        'company.set',
      ].sort(),
    );
  });

  it('refuses every other write at once while an import runs, and lets reads through', async () => {
    const { registry, release } = stubbedRegistry();
    const running = registry.dispatch('import.apply', { files: {} }, 'cli');
    expect(registry.activeWrite).toBe('import');
    for (const channel of writing) {
      const answer = await registry.dispatch(channel, validInput[channel], 'cli');
      const error = busy(answer);
      expect(error, channel).not.toBeNull();
      expect(error!.message).toBe('busy: an import is running; try again when it has finished.');
      expect(formatMessage(error!.say, 'zh-CN')).toBe('正忙：导入正在进行，请在完成后重试。');
      expect(error!.details).toEqual({ activity: 'import' });
    }
    expect((await registry.dispatch('pipeline.list', {})).ok).toBe(true);
    expect((await registry.dispatch('deal.get', { id: 'D1' })).ok).toBe(true);
    release();
    expect((await running).ok).toBe(true);
    expect(registry.activeWrite).toBeNull();
    expect((await registry.dispatch('notes.save', validInput['notes.save'])).ok).toBe(true);
  });

  it('is released when the write fails, and a failed write announces nothing', async () => {
    const { registry, release, events, failNextImport } = stubbedRegistry();
    failNextImport();
    const running = registry.dispatch('import.apply', { files: {} });
    release();
    const answer = await running;
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.message).toBe('import.apply failed: disk full');
    expect(registry.activeWrite).toBeNull();
    expect(events).toEqual([]);
  });

  it('announces a change after each successful write that changes data', async () => {
    const { registry, events } = stubbedRegistry();
    await registry.dispatch('notes.save', validInput['notes.save']);
    await registry.dispatch('preferences.set', { theme: 'dark' });
    await registry.dispatch('pipeline.list', {});
    expect(events).toEqual([{ event: 'workspace.changed', payload: { reason: 'notes' } }]);
  });

  it('is not taken by input the contract refuses', async () => {
    const { registry } = stubbedRegistry();
    const answer = await registry.dispatch('notes.save', { dealId: '', body: '' });
    expect(!answer.ok && answer.error.code).toBe('invalid_input');
    expect(registry.activeWrite).toBeNull();
  });
});

describe('who may call a channel', () => {
  it('answers a window that asks for a command-line channel as if it did not exist', async () => {
    const { registry } = stubbedRegistry();
    for (const channel of ['workspace.backup', 'demo.generate']) {
      const fromWindow = await registry.dispatch(channel, {});
      expect(!fromWindow.ok && fromWindow.error).toMatchObject({
        code: 'not_found',
        message: `Unknown channel "${channel}".`,
      });
      expect((await registry.dispatch(channel, {}, 'cli')).ok).toBe(true);
    }
  });
});

describe('a real import on its worker thread', () => {
  it('holds the lock until its transaction is written, while the deals stay readable', async () => {
    // A demo big enough that its export takes the worker path (≥ 2 M characters).
    const source = await tempWorkspace('source.db');
    generateDemo(source, { deals: 12_000, seed: 3, today: '2026-11-20' });
    const files = {
      deals: { name: 'deals.csv', ...exportCsv(source, 'deals') },
      history: { name: 'history.csv', ...exportCsv(source, 'history') },
    };
    expect(files.deals.text.length + files.history.text.length).toBeGreaterThan(2_000_000);

    const ws = await tempWorkspace();
    const progress: unknown[] = [];
    const api = createBackend(ws, (event, payload) => {
      if (event === 'import.progress') progress.push(payload);
    });
    const running = api.dispatch('import.apply', { files });
    const note = await api.dispatch('notes.save', { dealId: 'D000001', body: 'while importing' });
    expect(busy(note)?.message).toMatch(/^busy: an import is running/);
    const list = await api.dispatch('pipeline.list', { limit: 5 });
    expect(list.ok).toBe(true);
    const done = await running;
    expect(done.ok).toBe(true);
    expect(progress.length).toBeGreaterThan(0);
    const after = await api.dispatch('notes.save', { dealId: 'D000001', body: 'after the import' });
    expect(after.ok).toBe(true);
  }, 120_000);
});

describe('a write held by another process', () => {
  it('is answered as busy in the person’s language, not as a database error', async () => {
    const ws = await tempWorkspace();
    generateDemo(ws, { deals: 50, seed: 1, today: '2026-11-20' });
    const api = createBackend(ws);
    // Another connection (another `funnel` process) holds SQLite's write lock.
    const other = new BetterSqlite3(ws.path);
    other.exec('begin immediate');
    ws.sqlite.pragma('busy_timeout = 50');
    try {
      const note = await api.dispatch('notes.save', { dealId: 'D000001', body: 'while another writes' });
      expect(!note.ok && note.error.code).toBe('busy');
      expect(!note.ok && formatMessage(note.error.say, 'zh-CN')).toMatch(/^正忙：另一个程序/);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((await api.dispatch('notes.save', { dealId: 'D000001', body: 'now' })).ok).toBe(true);
  });
});
