import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { APP_HOST, APP_SCHEME, contentSecurityPolicy } from './security';

/**
 * What `app://workbench/<path>` answers, as plain Node (no Electron), so the path checks
 * and the CSP/nonce handling are unit-tested. `protocol.ts` turns the answer into a
 * `Response` for Electron's protocol handler.
 */

export interface RendererAsset {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string | null;
}

/** The literal the renderer's index.html carries wherever the per-load nonce goes. */
export const NONCE_PLACEHOLDER = '%CSP_NONCE%';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** 128 random bits, base64: unguessable by a script injected into an earlier load. */
export function createNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * Maps an app URL to a file under `root`, or null when the URL is not ours or tries to
 * leave `root`. The WHATWG parser already folds `.`/`..` segments, but percent-encoded
 * ones (`%2e%2e%2f`), backslashes, drive letters and NUL bytes only appear after
 * decoding, so the decoded path is checked segment by segment and the resolved path
 * must still be inside `root`.
 */
export function resolveAssetPath(root: string, url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null;
  if (parsed.username || parsed.password) return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  const segments = pathname.split('/').filter((s) => s.length > 0);
  for (const segment of segments) {
    if (segment === '.' || segment === '..') return null;
    // eslint-disable-next-line no-control-regex
    if (/[\\:\u0000-\u001f]/.test(segment)) return null; // Windows separators, drive letters, NUL
  }
  if (segments.length === 0) segments.push('index.html');

  const base = resolve(root);
  const full = resolve(base, ...segments);
  const inside = relative(base, full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return full;
}

function notFound(status = 404, text = 'Not found'): RendererAsset {
  return {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
    body: text,
  };
}

/**
 * Answers one request for the renderer build under `root`. HTML pages get a fresh nonce
 * per load substituted for `%CSP_NONCE%` and the matching CSP header; nothing is cached,
 * so an update of the app never mixes old and new files.
 */
export async function loadRendererAsset(
  root: string,
  url: string,
  method = 'GET',
  nonce: () => string = createNonce,
): Promise<RendererAsset> {
  if (method !== 'GET' && method !== 'HEAD') return notFound(405, 'Method not allowed');
  const path = resolveAssetPath(root, url);
  if (!path) return notFound();

  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return notFound(); // missing, a directory, or unreadable: all the same to the page
  }

  const contentType = contentTypeFor(path);
  const headers: Record<string, string> = {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  };
  let body: Buffer | string = bytes;
  if (contentType.startsWith('text/html')) {
    const value = nonce();
    body = bytes.toString('utf8').replaceAll(NONCE_PLACEHOLDER, value);
    headers['Content-Security-Policy'] = contentSecurityPolicy(value);
  }
  return { status: 200, headers, body: method === 'HEAD' ? null : body };
}
