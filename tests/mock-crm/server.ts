import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A scripted failure: the next `times` requests that `match` get it instead of their
 * answer. `hangMs` holds the answer back (a timeout); `drop` closes the socket without an
 * answer (a dropped connection).
 */
export interface Fault {
  match?: (req: SeenRequest) => boolean;
  times?: number;
  reply?: Reply;
  hangMs?: number;
  drop?: boolean;
}

export type Route = (req: SeenRequest) => Reply | Promise<Reply>;

/**
 * The HTTP side every fake CRM shares: 127.0.0.1 on a free port, JSON in and out, a log
 * of every request, scripted faults, and a bearer-token check. Each fake adds its routes.
 */
export class FakeHttpServer {
  readonly requests: SeenRequest[] = [];
  private readonly faults: Fault[] = [];
  private server: Server | null = null;
  private readonly sockets = new Set<Socket>();
  url = '';

  constructor(
    private readonly route: Route,
    /** Answers a request whose credentials are wrong, or null when they are right. */
    private readonly authorise: (req: SeenRequest) => Reply | null,
  ) {}

  /** Scripts a failure for the next matching requests. */
  inject(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Every scripted failure left (consumed ones are gone). */
  pendingFaults(): number {
    return this.faults.length;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    this.url = `http://127.0.0.1:${port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let body: unknown = raw;
    if (raw && /json/.test(req.headers['content-type'] ?? '')) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, { status: 400, body: { message: 'malformed JSON body' } });
      }
    }
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    this.requests.push(seen);

    const faults = this.faults;
    const i = faults.findIndex((f) => !f.match || f.match(seen));
    if (i >= 0) {
      const fault = faults[i]!;
      if (--fault.times! <= 0) faults.splice(i, 1);
      if (fault.drop) return void req.socket.destroy();
      if (fault.hangMs) await new Promise((r) => setTimeout(r, fault.hangMs));
      if (fault.reply) return send(res, fault.reply);
    }
    const denied = this.authorise(seen);
    if (denied) return send(res, denied);
    try {
      send(res, await this.route(seen));
    } catch (e) {
      send(res, { status: 500, body: { message: e instanceof Error ? e.message : String(e) } });
    }
  }
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  const text = reply.body === undefined ? '' : JSON.stringify(reply.body);
  res.writeHead(reply.status, {
    ...(reply.body === undefined ? {} : { 'content-type': 'application/json;charset=utf-8' }),
    ...reply.headers,
  });
  res.end(text);
}
