import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '@backend/index';
import { applyImport } from '@backend/imports/import';
import { startServer, type RunningServer } from '../../../src/main/server';
import { tempDir, tempWorkspace } from '../../support/temp';

const fixture = (name: string) => ({
  name,
  text: readFileSync(join(__dirname, '../../fixtures/small', name), 'utf8'),
});

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve() {
  const ws = await tempWorkspace();
  applyImport(ws, { deals: fixture('deals.csv'), history: fixture('history.csv') }, { skipInvalid: false });
  const rendererDir = join(tempDir(), 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<meta name="csp-nonce" content="%CSP_NONCE%"><h1>workbench</h1>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const events: { server?: RunningServer } = {};
  const registry = createBackend(ws, (e, p) => events.server?.emit(e, p));
  server = await startServer({ registry, rendererDir });
  events.server = server;
  return server;
}

const invoke = (s: RunningServer, channel: string, input: unknown, headers: Record<string, string> = {}) =>
  fetch(`${s.url}api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(input),
  });

describe('funnel serve', () => {
  it('binds to 127.0.0.1 only', async () => {
    const s = await serve();
    expect(new URL(s.url).hostname).toBe('127.0.0.1');
  });

  it('refuses every request without the token', async () => {
    const s = await serve();
    for (const path of ['', 'assets/app.js', 'api/events']) {
      const res = await fetch(s.url + path);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('funnel serve');
    }
    expect((await invoke(s, 'workspace.info', {})).status).toBe(401);
    expect((await invoke(s, 'workspace.info', {}, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await invoke(s, 'workspace.info', {}, { Cookie: `funnel_session_${s.port}=wrong` })).status).toBe(
      401,
    );
  });

  it('turns the printed token into a session cookie and serves the page with a CSP and a fresh nonce', async () => {
    const s = await serve();
    const login = await fetch(s.loginUrl, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const session = cookie.split(';')[0]!;
    const page = await fetch(s.url, { headers: { Cookie: session } });
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await page.text()).toContain(`content="${nonce}"`);
    const again = await fetch(s.url, { headers: { Cookie: session } });
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);
  });

  it('answers API calls with the token, validates input and refuses foreign hosts and origins', async () => {
    const s = await serve();
    const auth = { Authorization: `Bearer ${s.token}` };
    const info = await (await invoke(s, 'workspace.info', {}, auth)).json();
    expect(info).toMatchObject({ ok: true, value: { dealCount: 3, currency: 'CNY' } });
    const bad = (await (await invoke(s, 'pipeline.list', { limit: 100000 }, auth)).json()) as {
      error: { message: string };
    };
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(bad.error.message).toContain('limit');
    const unknown = (await (await invoke(s, 'nope.nothing', {}, auth)).json()) as { error: { code: string } };
    expect(unknown.error.code).toBe('not_found');
    const notJson = await fetch(`${s.url}api/invoke/workspace.info`, {
      method: 'POST',
      headers: auth,
      body: 'x=1',
    });
    expect(notJson.status).toBe(415);
    const crossSite = await invoke(s, 'workspace.info', {}, { ...auth, Origin: 'http://evil.example' });
    expect(crossSite.status).toBe(403);
    // fetch() may not set Host, so a raw request plays the DNS-rebinding page.
    const status = await new Promise<number>((resolve, reject) => {
      request(s.url, { headers: { ...auth, Host: `evil.example:${s.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(421);
  });

  it('refuses path traversal out of the renderer folder', async () => {
    const s = await serve();
    const res = await fetch(`${s.url}..%2f..%2f..%2fetc%2fpasswd`, {
      headers: { Authorization: `Bearer ${s.token}` },
    });
    expect(res.status).toBe(404);
  });

  it('streams workspace events to the browser', async () => {
    const s = await serve();
    const auth = { Authorization: `Bearer ${s.token}` };
    const stream = await fetch(`${s.url}api/events`, { headers: auth });
    const reader = stream.body!.getReader();
    await reader.read(); // ": connected"
    await invoke(s, 'notes.save', { dealId: '0042', body: '约客户CFO下周二见面' }, auth);
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: workspace.changed');
    await reader.cancel();
  });

  it('answers a malformed body and a command-line channel with errors the page can show in Chinese', async () => {
    const s = await serve();
    const auth = { Authorization: `Bearer ${s.token}` };
    const bad = await fetch(`${s.url}api/invoke/workspace.info`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...auth },
      body: '{"oops',
    });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { ok: boolean; error: { code: string; say: { key: string } } };
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid_input');
    expect(body.error.say.key).toBe('request_malformed');
    // Backups name a file on this computer: the command line's alone, unknown to a page.
    const backup = await (await invoke(s, 'workspace.backup', { out: '/tmp/x.db' }, auth)).json();
    expect(backup).toMatchObject({
      ok: false,
      error: { code: 'not_found', say: { key: 'channel_unknown' } },
    });
    // Writes from the page take the same path (and the same write lock) as the app and the CLI.
    const note = await (await invoke(s, 'notes.save', { dealId: '0042', body: 'hi' }, auth)).json();
    expect(note).toMatchObject({ ok: true });
  });
});
