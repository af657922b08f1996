import { describe, expect, it, vi } from 'vitest';
import { msg } from '@shared/messages';
import { appError, WorkbenchError } from '@shared/result';
import type { PortMessage } from '@shared/wire';
import { BackendPorts, failingDispatcher, type Dispatcher } from '../../../src/main/host-ports';
import { describeStartupError } from '../../../src/main/startup-error';
import { fakeChannel } from './fake-ports';

/** Collects what the host sends to the page end of a fake channel. */
function pageInbox(page: ReturnType<typeof fakeChannel>['page']) {
  const inbox: PortMessage[] = [];
  page.onmessage = (e) => inbox.push(e.data as PortMessage);
  return inbox;
}

/** Waits until `inbox` holds `n` messages (deliveries are asynchronous, like real ports). */
const received = (inbox: unknown[], n: number) => vi.waitFor(() => expect(inbox).toHaveLength(n));
/** For "nothing arrives" checks: lets every pending delivery run first. */
const quiet = () => new Promise((r) => setTimeout(r, 30));

const echo: Dispatcher = {
  dispatch: async (channel, input) => ({ ok: true, value: { channel, input } }),
};

describe('BackendPorts', () => {
  it('answers each request with its id', async () => {
    const ports = new BackendPorts(Promise.resolve(echo));
    const { page, host } = fakeChannel();
    const inbox = pageInbox(page);
    ports.attach(host);
    page.postMessage({ id: 1, channel: 'deal.get', input: { id: 'D-1' } });
    page.postMessage({ id: 2, channel: 'workspace.info' });
    await received(inbox, 2);
    expect(inbox).toEqual([
      { type: 'result', id: 1, result: { ok: true, value: { channel: 'deal.get', input: { id: 'D-1' } } } },
      { type: 'result', id: 2, result: { ok: true, value: { channel: 'workspace.info', input: undefined } } },
    ]);
  });

  it.each([
    [null, null],
    ['hello', null],
    [42, null],
    [[1, 2], null],
    [{}, null],
    [{ id: 7 }, 7],
    [{ id: 8, channel: 42 }, 8],
    [{ id: 9, channel: '' }, 9],
    [{ id: 10, channel: 'x'.repeat(500) }, 10],
    [{ id: -1, channel: 'workspace.info' }, null],
    [{ id: 1.5, channel: 'workspace.info' }, null],
    [{ id: '3', channel: 'workspace.info' }, null],
    [{ id: Number.MAX_SAFE_INTEGER + 2, channel: 'workspace.info' }, null],
  ])('answers the malformed message %j with an error result (id %j)', async (message, id) => {
    const dispatch = vi.fn(echo.dispatch);
    const ports = new BackendPorts(Promise.resolve({ dispatch }));
    const { page, host } = fakeChannel();
    const inbox = pageInbox(page);
    ports.attach(host);
    page.postMessage(message as never);
    await received(inbox, 1);
    await quiet();
    expect(dispatch).not.toHaveBeenCalled();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({
      type: 'result',
      id,
      result: { ok: false, error: { code: 'invalid_input' } },
    });
  });

  it('holds requests until the backend is ready', async () => {
    let ready!: (d: Dispatcher) => void;
    const ports = new BackendPorts(new Promise((r) => (ready = r)));
    const { page, host } = fakeChannel();
    const inbox = pageInbox(page);
    ports.attach(host);
    page.postMessage({ id: 1, channel: 'workspace.info' });
    await quiet();
    expect(inbox).toEqual([]);
    ready(echo);
    await received(inbox, 1);
  });

  it('answers with the startup error after a fatal start', async () => {
    const error = appError(
      'workspace_from_newer_build',
      msg('workspace_from_newer_build', { path: '/w.db', schema: 'x', supported: 'y', backup: '/x.backup' }),
    );
    const ports = new BackendPorts(Promise.resolve(failingDispatcher(error)));
    const { page, host } = fakeChannel();
    const inbox = pageInbox(page);
    ports.attach(host);
    page.postMessage({ id: 3, channel: 'workspace.info' });
    await received(inbox, 1);
    expect(inbox).toEqual([{ type: 'result', id: 3, result: { ok: false, error } }]);
  });

  it('turns a throwing dispatcher into an internal error result', async () => {
    const ports = new BackendPorts(Promise.resolve({ dispatch: () => Promise.reject(new Error('boom')) }));
    const { page, host } = fakeChannel();
    const inbox = pageInbox(page);
    ports.attach(host);
    page.postMessage({ id: 4, channel: 'workspace.info' });
    await received(inbox, 1);
    expect(inbox[0]).toMatchObject({
      id: 4,
      result: { ok: false, error: { code: 'internal', message: expect.stringContaining('boom') } },
    });
  });

  it('answers with an error when the result cannot be cloned', async () => {
    const ports = new BackendPorts(
      Promise.resolve({ dispatch: async () => ({ ok: true, value: { f: () => 1 } }) }),
    );
    const { page, host } = fakeChannel();
    const inbox = pageInbox(page);
    ports.attach(host);
    page.postMessage({ id: 5, channel: 'workspace.info' });
    await received(inbox, 1);
    expect(inbox[0]).toMatchObject({ id: 5, result: { ok: false, error: { code: 'internal' } } });
  });

  it('broadcasts events to every open port and forgets closed ones', async () => {
    const ports = new BackendPorts(Promise.resolve(echo));
    const a = fakeChannel();
    const b = fakeChannel();
    const inboxA = pageInbox(a.page);
    const inboxB = pageInbox(b.page);
    ports.attach(a.host);
    ports.attach(b.host);
    ports.emit('workspace.changed', { reason: 'import' });
    await received(inboxA, 1);
    await received(inboxB, 1);
    expect(inboxA).toEqual([{ type: 'event', event: 'workspace.changed', payload: { reason: 'import' } }]);
    expect(inboxB).toEqual(inboxA);

    a.page.close(); // the window reloaded
    await vi.waitFor(() => expect(ports.size).toBe(1));
    ports.emit('import.progress', { phase: 'writing', done: 1, total: 2 });
    await received(inboxB, 2);
    await quiet();
    expect(inboxA).toHaveLength(1);
    expect(inboxB).toHaveLength(2);
  });
});

describe('describeStartupError', () => {
  it('passes the backend’s own errors through', () => {
    const say = msg('workspace_corrupt', {
      path: '/w.db',
      reason: msg('corrupt_empty'),
      restore: msg('restore_backup', { backup: '/w.db.backup-1', path: '/w.db' }),
    });
    const e = new WorkbenchError('workspace_corrupt', say, { backups: ['/w.db.backup-1'] });
    expect(describeStartupError(e, '/w.db', '')).toEqual({
      code: 'workspace_corrupt',
      say,
      message:
        '/w.db cannot be opened as a workspace: the file is empty (no workspace tables). Nothing was changed. ' +
        'The newest backup is /w.db.backup-1: copy it over /w.db to restore it.',
      details: { backups: ['/w.db.backup-1'] },
    });
  });

  it('explains an addon built for the wrong runtime', () => {
    const e = new Error(
      "The module 'better_sqlite3.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 140.",
    );
    const error = describeStartupError(e, '/w.db', '');
    expect(error.code).toBe('internal');
    expect(error.message).toContain('scripts/electron-native.mjs');
    expect(error.message).toContain('/w.db');
  });

  it('recognises the addon problem even when opening reported it as a corrupt file', () => {
    const e = new WorkbenchError(
      'workspace_corrupt',
      msg('workspace_corrupt', {
        path: '/w.db',
        reason: "Cannot find module '/x/better_sqlite3.node'",
        restore: msg('restore_none'),
      }),
    );
    const error = describeStartupError(e, '/w.db', '/x/better_sqlite3.node');
    expect(error.code).toBe('internal');
    expect(error.message).toContain('electron-native.mjs --required');
    expect(error.message).toContain('/x/better_sqlite3.node');
  });

  it('names the workspace for anything else', () => {
    expect(describeStartupError('disk full', '/w.db', '').message).toBe(
      'Funnel Workbench could not open the workspace at /w.db: disk full',
    );
  });
});
