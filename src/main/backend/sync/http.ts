import { SyncStop } from './connector';

/** Time, injectable: tests run hours of backoff and a 20-day gap in milliseconds. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new SyncStop('cancelled', 'cancelled'));
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', abort);
        resolve();
      }, ms);
      const abort = () => {
        clearTimeout(timer);
        reject(new SyncStop('cancelled', 'cancelled'));
      };
      signal?.addEventListener('abort', abort, { once: true });
    }),
};

export interface HttpOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  /** Per request, including reading the body. */
  timeoutMs?: number;
  /** Attempts per request before the run stops (network, 5xx, timeouts, 429). */
  maxAttempts?: number;
  /** The longest single wait a rate-limit answer may ask for before the run stops instead. */
  maxWaitMs?: number;
  /** Backoff jitter source (0–1), injectable for tests. */
  random?: () => number;
  /** Cancels the run: the request in flight is aborted, waits end at once. */
  signal?: AbortSignal;
  /** Told of every retry, for the run log. */
  onRetry?: (retry: { status: number | null; waitMs: number; where: string }) => void;
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: unknown;
}

/**
 * What a connector makes of an answer the generic rules would not handle alone: a daily
 * budget exhausted (stop), a vendor's own error envelope. Return undefined to apply the
 * generic rules.
 */
export type Classify = (
  answer: HttpAnswer,
  where: string,
) => { stop: SyncStop } | { retryAfterMs: number } | undefined;

const DEFAULTS = { timeoutMs: 30_000, maxAttempts: 6, maxWaitMs: 15 * 60_000 };
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 30_000;

/**
 * The small HTTP layer every connector speaks through: JSON in and out, an auth header,
 * timeouts, and retries with jittered exponential backoff that honour what the CRM
 * announces (Retry-After in seconds or as a date, x-ratelimit-reset). What it cannot
 * recover from ends the run with a SyncStop naming the request (never the token).
 */
export class CrmHttp {
  private readonly fetch: typeof fetch;
  readonly clock: Clock;
  private readonly o: typeof DEFAULTS;
  private readonly random: () => number;
  /** Requests sent, retries included. */
  requests = 0;

  constructor(
    private readonly base: string,
    private readonly headers: Record<string, string>,
    private readonly options: HttpOptions = {},
    private readonly classify: Classify = () => undefined,
  ) {
    this.fetch = options.fetch ?? globalThis.fetch;
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.o = {
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      maxAttempts: options.maxAttempts ?? DEFAULTS.maxAttempts,
      maxWaitMs: options.maxWaitMs ?? DEFAULTS.maxWaitMs,
    };
  }

  /** The base URL joined with a path (an absolute URL from the CRM, e.g. a next-page link, is kept). */
  url(path: string, query?: Record<string, string | number | undefined>): URL {
    const url = /^https?:\/\//.test(path)
      ? new URL(path)
      : new URL(path.replace(/^\//, ''), withSlash(this.base));
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    return url;
  }

  get(path: string, query?: Record<string, string | number | undefined>): Promise<HttpAnswer> {
    return this.send('GET', this.url(path, query));
  }

  post(path: string, body: unknown): Promise<HttpAnswer> {
    return this.send('POST', this.url(path), body);
  }

  private async send(method: string, url: URL, body?: unknown): Promise<HttpAnswer> {
    const where = `${method} ${url.pathname}`;
    for (let attempt = 1; ; attempt++) {
      if (this.options.signal?.aborted) throw new SyncStop('cancelled', 'cancelled', where);
      let waitMs: number;
      let status: number | null = null;
      let failure: SyncStop;
      try {
        const answer = await this.once(method, url, body, where);
        status = answer.status;
        const vendor = this.classify(answer, where);
        if (vendor && 'stop' in vendor) throw vendor.stop;
        if (answer.status >= 200 && answer.status < 300 && !vendor) return answer;
        if (answer.status === 401) throw new SyncStop('token_rejected', `HTTP 401`, where);
        const announced = vendor?.retryAfterMs ?? announcedWait(answer.headers, this.clock.now());
        if (answer.status === 429 || vendor) {
          waitMs = Math.max(announced ?? 0, this.backoff(attempt));
          failure = new SyncStop('rate_limited', `HTTP ${answer.status}`, where);
        } else if (answer.status >= 500) {
          waitMs = Math.max(announced ?? 0, this.backoff(attempt));
          failure = new SyncStop('server_error', `HTTP ${answer.status}`, where);
        } else {
          throw new SyncStop('bad_response', `HTTP ${answer.status}: ${snippet(answer.body)}`, where);
        }
      } catch (e) {
        if (e instanceof SyncStop && e.reason !== 'timeout' && e.reason !== 'network') throw e;
        if (this.options.signal?.aborted) throw new SyncStop('cancelled', 'cancelled', where);
        failure =
          e instanceof SyncStop
            ? e
            : new SyncStop('network', e instanceof Error ? (causeOf(e) ?? e.message) : String(e), where);
        waitMs = this.backoff(attempt);
      }
      if (attempt >= this.o.maxAttempts) throw failure;
      if (waitMs > this.o.maxWaitMs)
        throw new SyncStop('rate_limited', `asked to wait ${Math.round(waitMs / 1000)} s`, where);
      this.options.onRetry?.({ status, waitMs, where });
      await this.clock.sleep(waitMs, this.options.signal);
    }
  }

  /** One request: its answer, or a timeout / network SyncStop. */
  private async once(method: string, url: URL, body: unknown, where: string): Promise<HttpAnswer> {
    this.requests++;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.o.timeoutMs);
    const cancel = () => controller.abort();
    this.options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      const response = await this.fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...this.headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      });
      const text = await response.text();
      let parsed: unknown = text;
      if (text && /json/i.test(response.headers.get('content-type') ?? '')) {
        try {
          parsed = JSON.parse(text);
        } catch {
          throw new SyncStop('bad_response', `HTTP ${response.status}: the body is not JSON`, where);
        }
      }
      return { status: response.status, headers: response.headers, body: parsed };
    } catch (e) {
      if (e instanceof SyncStop) throw e;
      if (controller.signal.aborted && !this.options.signal?.aborted)
        throw new SyncStop('timeout', `no answer within ${this.o.timeoutMs} ms`, where);
      throw e;
    } finally {
      clearTimeout(timer);
      this.options.signal?.removeEventListener('abort', cancel);
    }
  }

  /** Full jitter: uniformly between half and all of the exponential step, capped. */
  private backoff(attempt: number): number {
    const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
    return Math.round(step / 2 + (step / 2) * this.random());
  }
}

/**
 * How long the CRM asks us to wait, in ms: Retry-After (seconds or an HTTP date),
 * else x-ratelimit-reset (seconds until the window resets: Pipedrive, HubSpot's
 * X-HubSpot-RateLimit-Interval-Milliseconds is the window, not a wait).
 */
export function announcedWait(headers: Headers, now: number): number | null {
  const retryAfter = headers.get('retry-after');
  if (retryAfter !== null) {
    const seconds = Number(retryAfter);
    if (retryAfter.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = headers.get('x-ratelimit-reset');
  if (reset !== null && reset.trim() !== '' && Number.isFinite(Number(reset)))
    return Math.max(0, Number(reset) * 1000);
  return null;
}

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

function snippet(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return (text ?? '').slice(0, 200);
}

/** undici reports "fetch failed" with the real reason (ECONNREFUSED…) in `cause`. */
function causeOf(e: Error): string | undefined {
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message;
}
