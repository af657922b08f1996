import { protocol, type Session } from 'electron';
import { loadRendererAsset } from './renderer-files';
import { APP_SCHEME } from './security';

/**
 * Must run before `app` is ready. `standard` gives app:// real origins and relative URL
 * resolution, `secure` makes it a secure context (like https: — needed for crypto.subtle,
 * clipboard and friends), `supportFetchAPI` lets the page fetch its own assets. Not
 * granted: `bypassCSP` (the CSP must apply), `corsEnabled`, `allowServiceWorkers`,
 * `stream`: nothing here needs them.
 *
 * Why a custom scheme rather than file://: a file:// page may read any other file:// URL;
 * an app:// page can only reach what `loadRendererAsset` serves from the renderer build.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build in `root` (out/renderer) at app://workbench/ in `session`. */
export function serveRenderer(session: Session, root: string): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    const asset = await loadRendererAsset(root, request.url, request.method);
    return new Response(asset.body, { status: asset.status, headers: asset.headers });
  });
}
