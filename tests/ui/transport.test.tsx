import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/renderer/src/App';
import { createClient } from '../../src/renderer/src/api/client';
import { ApiError } from '../../src/renderer/src/api/errors';
import { defaultTransport, httpTransport, type Transport } from '../../src/renderer/src/api/transport';
import { TestWorkbench } from './support/workbench';
import { renderApp, rows } from './render';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';

class FakeEventSource {
  static last: FakeEventSource | null = null;
  listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(name: string, cb: (e: MessageEvent) => void) {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), cb]);
  }
  fire(name: string, data: string) {
    for (const cb of this.listeners.get(name) ?? []) cb(new MessageEvent(name, { data }));
  }
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('HTTP transport (funnel serve)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete window.funnel;
  });

  it('POSTs the input to /api/invoke/<channel> with same-origin credentials', async () => {
    const fetch = vi.fn(async () => json({ ok: true, value: { language: 'en', theme: null } }));
    vi.stubGlobal('fetch', fetch);
    const client = createClient(httpTransport());
    await expect(client.invoke('preferences.set', { language: 'en' })).resolves.toEqual({
      language: 'en',
      theme: null,
    });
    expect(fetch).toHaveBeenCalledWith('/api/invoke/preferences.set', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ language: 'en' }),
    });
  });

  it('turns {ok:false} (HTTP 200) into a typed ApiError', async () => {
    vi.stubGlobal('fetch', async () =>
      json({ ok: false, error: { code: 'not_found', message: 'No deal X.', details: { id: 'X' } } }),
    );
    const error = await createClient(httpTransport())
      .invoke('deal.get', { id: 'X' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      code: 'not_found',
      message: 'No deal X.',
      details: { id: 'X' },
      channel: 'deal.get',
    });
  });

  it('reports 401 as unauthorized and an unreachable server as a network error', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 401 }));
    await expect(createClient(httpTransport()).invoke('workspace.info', {})).rejects.toMatchObject({
      code: 'unauthorized',
    });
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await createClient(httpTransport())
      .invoke('workspace.info', {})
      .catch((e: unknown) => e)) as ApiError;
    expect(error.isNetwork).toBe(true);
  });

  it('listens to named SSE events on /api/events', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const transport = httpTransport();
    const seen: unknown[] = [];
    const off = transport.on('workspace.changed', (p) => seen.push(p));
    expect(FakeEventSource.last!.url).toBe('/api/events');
    FakeEventSource.last!.fire('workspace.changed', '{"reason":"import"}');
    off();
    FakeEventSource.last!.fire('workspace.changed', '{"reason":"sync"}');
    expect(seen).toEqual([{ reason: 'import' }]);
  });

  it('uses the desktop bridge when the preload exposes window.funnel', () => {
    const bridge: Transport = { invoke: async () => ({ ok: true, value: null }), on: () => () => undefined };
    window.funnel = bridge;
    expect(defaultTransport()).toBe(bridge);
    delete window.funnel;
    expect(defaultTransport()).not.toBe(bridge);
  });

  it('shows a full-screen message when the session has expired', async () => {
    const backend = await TestWorkbench.open();
    backend.failNext('preferences.get', appError('unauthorized', msg('session_expired')));
    render(<App transport={backend} env="test" />);
    const screenMessage = await screen.findByTestId('session-expired');
    expect(screenMessage.textContent).toContain('funnel serve');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your session has expired');
  });
});

describe('backend events', () => {
  it('workspace.changed refetches what is on screen', async () => {
    const { backend } = await renderApp();
    const before = backend.callsTo('pipeline.list').length;
    // Another window's import left five open deals.
    backend.ws.sqlite.exec(
      `delete from deals where id not in ('D00001', 'D00002', 'D00003', 'D00004', 'D00005')`,
    );
    backend.emit('workspace.changed', { reason: 'import' });
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(backend.callsTo('pipeline.list').length).toBeGreaterThan(before);
    expect(screen.getByTestId('pipeline-summary').textContent).toMatch(/^5 deals/);
  });
});

describe('desktop shell and workspace problems', () => {
  it('the native menu can open the import dialog', async () => {
    const { backend } = await renderApp();
    // The test transport fans out the menu's event too, as the preload does.
    backend.emit('menu.command', { command: 'import' });
    expect(await screen.findByTestId('import-dialog')).toBeTruthy();
  });

  it('explains a workspace from a newer build instead of showing a broken screen', async () => {
    const backend = await TestWorkbench.open();
    backend.failNext(
      'workspace.info',
      appError(
        'workspace_from_newer_build',
        msg('workspace_from_newer_build', {
          path: '/tmp/w.db',
          schema: '209901010000_future',
          supported: '202611220001_initial',
          backup: '/tmp/x.bak',
        }),
      ),
      2,
    );
    render(<App transport={backend} env="test" />);
    const problem = await screen.findByTestId('workspace-problem', {}, { timeout: 5000 });
    expect(problem.textContent).toContain('/tmp/x.bak');
    expect(problem.textContent).toContain('newer version');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The workspace could not be opened');
  });
});
