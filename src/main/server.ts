import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventName, Events } from '@shared/contract';
import { msg } from '@shared/messages';
import { appError } from '@shared/result';
import type { Registry } from './backend/registry';
// The page is served as the desktop window serves it (one loader, one CSP for both).
import { loadRendererAsset } from './shell/renderer-files';
import { APP_HOST, APP_SCHEME } from './shell/security';

/**
 * Browser mode (`funnel serve`): the same registry as the desktop app, over HTTP on
 * 127.0.0.1 only. Every request needs the per-run token: the printed URL carries it once,
 * the server turns it into an HttpOnly SameSite=Strict cookie and drops it from the
 * address bar. Host and Origin are checked against DNS rebinding and cross-site calls.
 */

export interface ServeOptions {
  registry: Registry;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; a fresh random one otherwise. */
  token?: string;
}

export interface RunningServer {
  url: string;
  /** The URL with the access token, to print or open. */
  loginUrl: string;
  token: string;
  port: number;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  close(): Promise<void>;
}

const COOKIE = 'funnel_session';
const MAX_BODY = 600 * 1024 * 1024;

const sameToken = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function cookieToken(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}

function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;

  // Browsers share cookies across the ports of one host: a name per port keeps two
  // servers (two workspaces) from logging each other out.
  const cookieName = () => `${COOKIE}_${port}`;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(e as Error).message}`);
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    if (!allowedHosts().has(req.headers.host ?? '')) {
      send(res, 421, 'This server only answers requests addressed to 127.0.0.1 or localhost.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const origin = req.headers.origin;
    if (origin && origin !== `http://${req.headers.host}`) {
      send(res, 403, 'Cross-origin requests are refused.');
      return;
    }

    const queryToken = url.searchParams.get('token');
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? null;
    const presented = queryToken ?? bearer ?? cookieToken(req, cookieName());
    if (!presented || !sameToken(presented, token)) {
      send(
        res,
        401,
        'Access token missing or wrong. Open the address that `funnel serve` printed (it ends with ?token=…).\n' +
          '缺少访问令牌或令牌错误。请打开 `funnel serve` 打印的完整地址（以 ?token=… 结尾）。',
      );
      return;
    }
    if (queryToken) {
      // Keep the token out of the address bar, history and screenshots: swap it for a cookie.
      res.setHeader('Set-Cookie', `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      url.searchParams.delete('token');
      res.writeHead(303, { Location: url.pathname + url.search, 'Cache-Control': 'no-store' });
      res.end();
      return;
    }

    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (url.pathname.startsWith('/api/invoke/')) {
      if (req.method !== 'POST') {
        send(res, 405, 'Use POST.');
        return;
      }
      // JSON only: a cross-site form cannot send it without a CORS preflight, which fails.
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        send(res, 415, 'Send the input as application/json.');
        return;
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.trim() === '' ? {} : JSON.parse(body);
      } catch (e) {
        const error = appError('invalid_input', msg('request_malformed', { where: (e as Error).message }));
        send(res, 400, JSON.stringify({ ok: false, error }), 'application/json');
        return;
      }
      const result = await options.registry.dispatch(channel, input);
      send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      send(res, 405, 'Method not allowed.');
      return;
    }
    await serveStatic(url.pathname, req.method, res);
  }

  async function serveStatic(pathname: string, method: string, res: ServerResponse): Promise<void> {
    // The desktop window's loader, with its path checks and per-load nonce: the page is
    // served the same way to both (it speaks app:// URLs, hence the translation).
    const asset = await loadRendererAsset(
      options.rendererDir,
      `${APP_SCHEME}://${APP_HOST}${pathname}`,
      method,
    );
    res.writeHead(asset.status, asset.headers);
    res.end(asset.body ?? undefined);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  // SSE keep-alive so idle proxies and the browser keep the stream open.
  const keepAlive = setInterval(() => {
    for (const s of streams) s.write(': ping\n\n');
  }, 25_000);
  keepAlive.unref();

  return {
    url,
    loginUrl: `${url}?token=${token}`,
    token,
    port,
    emit: (event, payload) => {
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const s of streams) s.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(keepAlive);
        for (const s of streams) s.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
