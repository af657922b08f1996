import { describe, expect, it, vi } from 'vitest';
import { contract } from '@shared/contract';
import { Registry } from '@backend/registry';
import { BackendPorts } from '../../../src/main/host-ports';
import { createBridge } from '../../../src/preload/bridge';
import { BACKEND_EVENTS, CHANNELS } from '../../../src/preload/channels';
import { fakeChannel, recordingPort } from './fake-ports';

describe('preload channel list', () => {
  it('is exactly the contract’s channels a window may call', () => {
    const forWindows = Object.entries(contract)
      .filter(([, spec]) => (spec as { audience?: string }).audience !== 'cli')
      .map(([name]) => name);
    expect([...CHANNELS].sort()).toEqual(forWindows.sort());
    expect(CHANNELS).not.toContain('workspace.backup');
  });

  it('lists the backend events', () => {
    expect([...BACKEND_EVENTS].sort()).toEqual([
      'analytics.ready',
      'import.progress',
      'review.changed',
      'review.live',
      'sync.finished',
      'sync.progress',
      'workspace.changed',
    ]);
  });
});

describe('createBridge', () => {
  it('exposes exactly invoke and on', () => {
    expect(Object.keys(createBridge().api).sort()).toEqual(['invoke', 'on']);
  });

  it('refuses unknown channels without sending anything', async () => {
    const bridge = createBridge();
    const port = recordingPort();
    bridge.connect(port);
    for (const channel of [
      'nope',
      '',
      '__proto__',
      'constructor',
      42,
      null,
      { toString: () => 'deal.get' },
    ]) {
      const result = await bridge.api.invoke(channel as never, {} as never);
      expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    }
    expect(port.sent).toEqual([]);
  });

  it('queues calls until the port arrives, then correlates answers by id', async () => {
    const bridge = createBridge();
    const a = bridge.api.invoke('workspace.info', {});
    const b = bridge.api.invoke('deal.get', { id: 'D-1' });
    const port = recordingPort();
    bridge.connect(port);
    expect(port.sent).toEqual([
      { id: 1, channel: 'workspace.info', input: {} },
      { id: 2, channel: 'deal.get', input: { id: 'D-1' } },
    ]);
    port.reply({ type: 'result', id: 2, result: { ok: true, value: 'second' } });
    port.reply({ type: 'result', id: 1, result: { ok: true, value: 'first' } });
    port.reply({ type: 'result', id: 99, result: { ok: true, value: 'stray' } });
    expect(await a).toEqual({ ok: true, value: 'first' });
    expect(await b).toEqual({ ok: true, value: 'second' });
  });

  it('answers in-flight calls with an error when a new port replaces the old one', async () => {
    const bridge = createBridge();
    const old = recordingPort();
    bridge.connect(old);
    const inFlight = bridge.api.invoke('workspace.info', {});
    const fresh = recordingPort();
    bridge.connect(fresh);
    expect(await inFlight).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringMatching(/restarted/) },
    });
    expect(old.closed).toBe(true);
    // A late answer on the old port is ignored; new calls go to the new one.
    old.reply({ type: 'result', id: 1, result: { ok: true, value: 'late' } });
    const next = bridge.api.invoke('workspace.info', {});
    expect(fresh.sent).toEqual([{ id: 2, channel: 'workspace.info', input: {} }]);
    fresh.reply({ type: 'result', id: 2, result: { ok: true, value: 'ok' } });
    expect(await next).toEqual({ ok: true, value: 'ok' });
  });

  it('fails in-flight calls when the port closes and queues new ones for the next port', async () => {
    const bridge = createBridge();
    const port = recordingPort();
    bridge.connect(port);
    const inFlight = bridge.api.invoke('workspace.info', {});
    port.remoteClose();
    expect(await inFlight).toMatchObject({ ok: false, error: { message: expect.stringMatching(/stopped/) } });
    const queued = bridge.api.invoke('workspace.info', {});
    const next = recordingPort();
    bridge.connect(next);
    expect(next.sent).toHaveLength(1);
    next.reply({ type: 'result', id: 2, result: { ok: true, value: 1 } });
    expect(await queued).toEqual({ ok: true, value: 1 });
  });

  it('answers an uncloneable input with an error result', async () => {
    const bridge = createBridge();
    bridge.connect(recordingPort());
    const result = await bridge.api.invoke('deal.get', { id: (() => 'x') as never });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('replaces an unreadable answer by an error result', async () => {
    const bridge = createBridge();
    const port = recordingPort();
    bridge.connect(port);
    const call = bridge.api.invoke('workspace.info', {});
    port.reply({ type: 'result', id: 1, result: { nonsense: true } });
    expect(await call).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers events to subscribers until they unsubscribe', () => {
    const bridge = createBridge();
    const port = recordingPort();
    bridge.connect(port);
    const seen = vi.fn();
    const broken = vi.fn(() => {
      throw new Error('listener bug');
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    bridge.api.on('workspace.changed', broken);
    const off = bridge.api.on('workspace.changed', seen);
    port.reply({ type: 'event', event: 'workspace.changed', payload: { reason: 'notes' } });
    port.reply({ type: 'event', event: 'not.an.event', payload: {} });
    off();
    port.reply({ type: 'event', event: 'workspace.changed', payload: { reason: 'sync' } });
    expect(seen.mock.calls).toEqual([[{ reason: 'notes' }]]);
    expect(broken).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('refuses unknown event names and non-function callbacks', () => {
    const { api } = createBridge();
    expect(() => api.on('nope' as never, () => {})).toThrow(TypeError);
    expect(() => api.on('workspace.changed', 'x' as never)).toThrow(TypeError);
  });

  it('passes known menu commands only', () => {
    const bridge = createBridge();
    const seen = vi.fn();
    bridge.api.on('menu.command', seen);
    bridge.menuCommand('import');
    bridge.menuCommand('rm -rf');
    bridge.menuCommand({ command: 'export' });
    expect(seen.mock.calls).toEqual([[{ command: 'import' }]]);
  });
});

describe('preload ↔ backend host, end to end over a port', () => {
  it('carries calls to the registry and events back', async () => {
    const registry = new Registry();
    registry.handle('deal.get', ({ id }) => ({ id }) as never);
    const ports = new BackendPorts(Promise.resolve(registry));
    const bridge = createBridge();
    const pending = bridge.api.invoke('deal.get', { id: 'D-42' });
    const { page, host } = fakeChannel();
    ports.attach(host);
    bridge.connect(page);
    expect(await pending).toEqual({ ok: true, value: { id: 'D-42' } });
    expect(await bridge.api.invoke('deal.get', { id: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await bridge.api.invoke('notes.delete', { noteId: 1 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });

    const changed = vi.fn();
    bridge.api.on('workspace.changed', changed);
    ports.emit('workspace.changed', { reason: 'import' });
    await vi.waitFor(() => expect(changed).toHaveBeenCalledWith({ reason: 'import' }));
  });
});
