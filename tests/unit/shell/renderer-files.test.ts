import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  loadRendererAsset,
  NONCE_PLACEHOLDER,
  resolveAssetPath,
} from '../../../src/main/shell/renderer-files';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'funnel-renderer-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(
    join(root, 'index.html'),
    `<!doctype html><meta name="csp-nonce" content="${NONCE_PLACEHOLDER}"><style nonce="${NONCE_PLACEHOLDER}"></style><script type="module" src="./assets/index.js"></script>`,
  );
  writeFileSync(join(root, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'secret');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAssetPath', () => {
  it('maps app URLs into the root', () => {
    expect(resolveAssetPath(root, 'app://workbench/')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, 'app://workbench')).toBe(join(root, 'index.html'));
    expect(resolveAssetPath(root, 'app://workbench/assets/index.js?v=1#x')).toBe(
      join(root, 'assets', 'index.js'),
    );
    expect(resolveAssetPath(root, 'app://workbench/assets/a%20b.css')).toBe(join(root, 'assets', 'a b.css'));
  });

  it.each([
    'app://workbench/../secret.txt',
    'app://workbench/%2e%2e/secret.txt',
    'app://workbench/%2E%2E%2Fsecret.txt',
    'app://workbench/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://workbench/..%2fsecret.txt',
    'app://workbench/..%5csecret.txt',
    'app://workbench/assets\\..\\..\\secret.txt',
    'app://workbench/C:%5cWindows%5cwin.ini',
    'app://workbench/%2fetc%2fpasswd',
    'app://workbench/index.html%00.png',
    'app://workbench/%E0%A4%A',
    'app://evil/index.html',
    'app://user:pw@workbench/index.html',
    'file:///etc/passwd',
    'https://workbench/index.html',
    'not a url',
  ])('never leaves the root for %s', async (url) => {
    // The URL parser folds plain and %2e dot segments at the root (app://workbench/../x is
    // app://workbench/x), so those stay inside; the encoded separators are refused outright.
    const path = resolveAssetPath(root, url);
    if (path !== null) expect(path.startsWith(root + '/') || path.startsWith(root + '\\')).toBe(true);
    const asset = await loadRendererAsset(root, url);
    expect(asset.status).toBe(404);
    expect(String(asset.body)).not.toContain('secret');
  });

  it('refuses encoded separators and dot segments after decoding', () => {
    expect(resolveAssetPath(root, 'app://workbench/..%2fsecret.txt')).toBeNull();
    expect(resolveAssetPath(root, 'app://workbench/assets/%2e%2e%2f%2e%2e%2fsecret.txt')).toBeNull();
    expect(resolveAssetPath(root, 'app://workbench/..%5csecret.txt')).toBeNull();
    expect(resolveAssetPath(root, 'app://workbench/%2fetc%2fpasswd')).toBe(join(root, 'etc', 'passwd'));
  });
});

describe('loadRendererAsset', () => {
  it('serves index.html with a fresh nonce in the page and the CSP header', async () => {
    let n = 0;
    const nonce = () => `nonce${++n}AAAAAAAAAAAAAAA=`;
    const first = await loadRendererAsset(root, 'app://workbench/', 'GET', nonce);
    const second = await loadRendererAsset(root, 'app://workbench/index.html', 'GET', nonce);
    expect(first.status).toBe(200);
    expect(first.headers['Content-Type']).toMatch(/^text\/html/);
    expect(first.body).toContain('content="nonce1AAAAAAAAAAAAAAA="');
    expect(first.body).toContain('<style nonce="nonce1AAAAAAAAAAAAAAA=">');
    expect(first.body).not.toContain(NONCE_PLACEHOLDER);
    expect(first.headers['Content-Security-Policy']).toContain(
      "style-src-elem 'self' 'nonce-nonce1AAAAAAAAAAAAAAA='",
    );
    expect(second.headers['Content-Security-Policy']).toContain("'nonce-nonce2AAAAAAAAAAAAAAA='");
    expect(first.headers['Cache-Control']).toBe('no-store');
  });

  it('uses a different random nonce per load by default', async () => {
    const a = await loadRendererAsset(root, 'app://workbench/');
    const b = await loadRendererAsset(root, 'app://workbench/');
    expect(a.headers['Content-Security-Policy']).not.toBe(b.headers['Content-Security-Policy']);
  });

  it('serves assets with their type and no CSP rewriting', async () => {
    const js = await loadRendererAsset(root, 'app://workbench/assets/index.js');
    expect(js.status).toBe(200);
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(Buffer.from(js.body as Buffer).toString()).toBe('console.log(1)');
    expect(js.headers['Content-Security-Policy']).toBeUndefined();
  });

  it('answers 404 for missing files, directories and escapes, 405 for writes', async () => {
    expect((await loadRendererAsset(root, 'app://workbench/missing.js')).status).toBe(404);
    expect((await loadRendererAsset(root, 'app://workbench/assets')).status).toBe(404);
    expect((await loadRendererAsset(root, 'app://workbench/%2e%2e/secret.txt')).status).toBe(404);
    expect((await loadRendererAsset(root, 'app://workbench/index.html', 'POST')).status).toBe(405);
    const head = await loadRendererAsset(root, 'app://workbench/assets/index.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });
});
