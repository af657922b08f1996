/**
 * The security baseline of every window, as pure functions and data: no Electron here,
 * so `tests/unit/shell/security.test.ts` checks them in plain Node. `lockdown.ts` applies them to real windows and sessions.
 *
 * Where an attacker comes from in this app: text inside the workspace (deal names, notes,
 * CRM fields, imported CSV cells) that the renderer displays. If one of those ever turns
 * into markup, everything below is what keeps it from reaching Node, the file system or
 * the network.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads in a built app (the renderer is served by `protocol.ts`). */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** URLs longer than this are refused by the external opener: no real link needs more. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

/**
 * The hardened `webPreferences` every window must have, as data for the tests: each
 * `new BrowserWindow(...)` in window.ts spells them out literally (so a reader and a
 * static analyser such as Electronegativity see them at the call), and
 * `tests/unit/shell/window-options.test.ts` checks every call against this list.
 *
 * - contextIsolation: the preload and the page run in separate JavaScript worlds, so page
 *   scripts cannot reach the preload's `ipcRenderer` or tamper with its prototypes;
 * - sandbox: the renderer runs in Chromium's OS-level sandbox (the preload gets only the
 *   sandboxed `require('electron')` surface; it is bundled to one CJS file for that);
 * - nodeIntegration(InWorker) off: an injected script must not get `require`;
 * - webSecurity on, no insecure content: same-origin policy, no http:// inside app://;
 * - webviewTag off: a <webview> would embed a guest page with its own weaker preferences;
 * - spellcheck off: it downloads dictionaries from Google's CDN; the app is offline-first;
 * - Auxclick disabled: a middle click on a link would otherwise open it in a new window.
 */
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  disableBlinkFeatures: 'Auxclick',
} as const;

/**
 * The meeting whose audience view `url` asks for (`…#/review?view=audience&id=N` on the
 * app's own origin), or null. The one window the app opens besides its main one: a
 * `window.open` of anything else is refused (an https link goes to the system browser).
 */
export function audienceMeeting(url: unknown, devOrigin?: string | null): number | null {
  if (!isAppUrl(url, devOrigin)) return null;
  const parsed = new URL(url as string);
  const m = /^#\/review\?(.*)$/.exec(parsed.hash);
  if (!m) return null;
  const params = new URLSearchParams(m[1]);
  const id = params.get('id') ?? '';
  if (params.get('view') !== 'audience' || !/^[1-9]\d{0,15}$/.test(id)) return null;
  return Number(id);
}

/**
 * The Content-Security-Policy of the app page, sent as a response header by `protocol.ts`.
 * Scripts only from the app itself, never inline; `<style>` elements only from the app or
 * carrying this load's nonce (Mantine injects its CSS variables that way, reading the nonce
 * through `getStyleNonce`); inline `style=` attributes are allowed because Mantine's style
 * props and ECharts' tooltips set them, and an attribute cannot run script.
 */
export function contentSecurityPolicy(nonce: string): string {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(nonce)) throw new Error('a CSP nonce must be 16+ base64 characters');
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

function parse(url: unknown): URL | null {
  if (typeof url !== 'string') return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Is `url` a page of the app itself? `devOrigin` is the electron-vite dev server (only ever
 * passed in development). Compared as parsed origins, never by string prefix, so
 * `app://workbench.evil/` or `http://localhost:5173@evil.example/` do not pass.
 */
export function isAppUrl(url: unknown, devOrigin?: string | null): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devOrigin) {
    const dev = parse(devOrigin);
    return dev !== null && parsed.origin !== 'null' && parsed.origin === dev.origin;
  }
  return false;
}

// C0 and C1 control characters, DEL, and the Unicode bidi/invisible formatting characters
// that let a link look like one host and open another.
const FORBIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const MAILTO_FIELDS = new Set(['subject', 'body', 'cc', 'bcc', 'to']);

/**
 * May `url` be handed to the operating system (`shell.openExternal`)? The OS opens it with
 * whatever program claims the scheme, so only two schemes pass: `https:` with a host (the
 * browser) and `mailto:` with an address (the mail client). Everything else is refused:
 * `http:` (readable and changeable on the way), `javascript:`, `file:` (would run or open
 * a local file), `data:`, `blob:`, custom schemes of other installed programs
 * (`ms-msdt:`, `vscode:`, `smb:` … a classic remote-code-execution path), credentials in
 * the URL (`https://bank.example@evil.example` phishing), control and bidi characters,
 * backslashes and over-long strings (parser differentials between us and the OS).
 */
export function isSafeExternalUrl(url: unknown): boolean {
  if (typeof url !== 'string' || url.length === 0 || url.length > MAX_EXTERNAL_URL_LENGTH) return false;
  if (FORBIDDEN_CHARACTERS.test(url) || /[\s\\]/.test(url)) return false;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.username || parsed.password) return false;

  if (parsed.protocol === 'https:') {
    // Insist on the canonical spelling: the WHATWG parser reads `https:evil.example` or
    // `https:/evil.example` as https://evil.example/, other parsers do not.
    if (!/^https:\/\/[^/?#]/i.test(url)) return false;
    return parsed.hostname.length > 0 && !url.slice('https://'.length).startsWith('@');
  }

  if (parsed.protocol === 'mailto:') {
    // An address is required; only the usual header fields may follow. (Some mail clients
    // understood `?attach=/path/to/file`: a link that mails your files away.)
    const address = decodeSafely(parsed.pathname);
    if (
      address === null ||
      FORBIDDEN_CHARACTERS.test(address) ||
      !/^[^@\s,;]+@[^@\s,;]+(,[^@\s,;]+@[^@\s,;]+)*$/.test(address)
    )
      return false;
    for (const key of parsed.searchParams.keys()) {
      if (!MAILTO_FIELDS.has(key.toLowerCase())) return false;
    }
    return true;
  }

  return false;
}

function decodeSafely(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
