import { shell, type Session, type WebContents } from 'electron';
import { audienceMeeting, isAppUrl, isSafeExternalUrl } from './security';

/**
 * Applies the pure rules of `security.ts` to Electron's web contents, sessions and IPC.
 * Everything here is wired once in `src/main/index.ts`.
 */

/**
 * The one way the app opens anything outside itself. Refused URLs are logged (shortened:
 * a hostile URL can be huge) and reported as false; nothing is thrown at the caller.
 */
export async function openExternalSafely(url: unknown): Promise<boolean> {
  if (!isSafeExternalUrl(url)) {
    console.warn(`[shell] refused to open external URL: ${JSON.stringify(String(url).slice(0, 120))}`);
    return false;
  }
  try {
    await shell.openExternal(url as string);
    return true;
  } catch (e) {
    console.warn(`[shell] opening an external URL failed: ${(e as Error).message}`);
    return false;
  }
}

/**
 * Locks one web contents down. Called for every web contents the app creates (through
 * `app.on('web-contents-created')`), so nothing slips through — including ones we did not
 * mean to create.
 */
export function hardenWebContents(
  contents: WebContents,
  devOrigin: string | null,
  openAudience: (meetingId: number) => void = () => undefined,
): void {
  // No window is ever created by a page: a review's audience view is opened by the shell
  // itself (with the main window's options), a `window.open` or `target=_blank` link to an
  // https page goes to the system browser, anything else is dropped.
  contents.setWindowOpenHandler(({ url }) => {
    const meeting = audienceMeeting(url, devOrigin);
    if (meeting !== null) openAudience(meeting);
    else void openExternalSafely(url);
    return { action: 'deny' };
  });

  // The window shows the app and nothing else: a link or script that would navigate the
  // main frame away is stopped (an https link still opens in the browser instead).
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url, devOrigin)) return;
    event.preventDefault();
    void openExternalSafely(event.url);
  });
  // Frames get the same rule, silently (an embedded frame has no business opening tabs).
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame && !isAppUrl(event.url, devOrigin)) event.preventDefault();
  });
  // A server redirect cannot take the page elsewhere either.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url, devOrigin)) event.preventDefault();
  });
  // Belt and braces with `webviewTag: false`: a <webview> would get its own preferences.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Session-wide rules: the app asks for no permission (camera, microphone, geolocation,
 * notifications, MIDI, HID/USB/serial devices, clipboard reads …), so every request and
 * check is denied. In a built app the renderer also has no reason to reach the network —
 * data reaches the backend over the MessagePort, CRM sync runs in the backend — so
 * http(s) and ws(s) requests from pages are cancelled outright, whatever the CSP says.
 */
export function hardenSession(session: Session, options: { allowNetwork: boolean }): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  if (!options.allowNetwork) {
    session.webRequest.onBeforeRequest(
      { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] },
      (_details, callback) => callback({ cancel: true }),
    );
  }
}
