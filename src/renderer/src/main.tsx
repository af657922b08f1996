import '@mantine/core/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { defaultTransport } from './api/transport';
import { App } from './App';

/** The nonce the server injected; the literal placeholder means nobody did (dev, tests). */
function readStyleNonce(): string | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content;
  return content && content !== '%CSP_NONCE%' ? content : undefined;
}

/**
 * Browser mode opens with `?token=…`; the server has already traded it for an HttpOnly
 * cookie, so drop it from the address bar (and from history, bookmarks and screenshots).
 */
function forgetAccessToken(): void {
  const url = new URL(window.location.href);
  if (!url.searchParams.has('token')) return;
  url.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

forgetAccessToken();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App transport={defaultTransport()} styleNonce={readStyleNonce()} />
  </StrictMode>,
);
